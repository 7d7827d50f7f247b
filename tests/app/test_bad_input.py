"""Strange input never crashes a page and never changes a row: each crash found, as met."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.models import Application, Payment, Shift, WorkerProfile, db
from tests.factories import make_employer, make_gig, make_worker, move_shift

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "query",
    [
        "min_pay=NaN",
        "min_pay=Infinity",
        "min_pay=sNaN",
        "min_pay=-Infinity",
        "min_pay=1e999",
        f"page={HUGE}",
        f"page=-{HUGE}",
        f"town_id={HUGE}",
        f"near_town_id={HUGE}&sort=distance",
        f"category_id={HUGE}",
        "lang=zh%00",
    ],
)
def test_gig_search_answers_strange_filters_without_an_error(client, query):
    """The gig list answers odd filters with the list or a message, never a server error."""
    response = client.get(f"/gigs?{query}")
    assert response.status_code < 500, query


@pytest.mark.parametrize(
    "path",
    [f"/gigs/{HUGE}", f"/applications/{HUGE}", f"/agreements/{HUGE}", f"/kiosk/needs/{HUGE}"],
)
def test_an_id_beyond_64_bits_in_a_url_is_not_found(client, login, path):
    """A link with an impossible id is a 404 page, not an overflow."""
    login(client, make_worker())
    assert client.get(path).status_code == 404


def test_a_nul_byte_in_a_text_field_is_refused_and_nothing_is_saved(client, login):
    """PostgreSQL cannot store NUL: the form says so and the profile is unchanged."""
    worker = make_worker("王小明")
    login(client, worker)
    response = client.post(
        "/worker/profile",
        data={"real_name": "王\x00小明", "hukou": "ningbo", "town_id": "1", "weekdays": ["0"]},
    )
    assert response.status_code == 400
    assert "NUL" in response.get_data(as_text=True) or "不可见" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.scalar(select(WorkerProfile.real_name)) == "王小明"


@pytest.fixture
def worked(app, accepted):
    """An accepted application whose shift is over, seen by its employer."""
    from datetime import timedelta

    from marketplace.models import utcnow

    worker, employer, application, _agreement = accepted()
    move_shift(application.shift, utcnow() - timedelta(hours=10))
    db.session.commit()
    return employer, application


def test_strange_hours_are_refused_with_a_message(client, login, worked):
    """Hours of sNaN or Infinity are a message to the employer; no hours are stored."""
    employer, application = worked
    login(client, employer)
    for hours in ["sNaN", "NaN", "Infinity", "-Infinity", "1e999", HUGE, "-3"]:
        response = client.post(f"/applications/{application.id}/confirm", data={"hours": hours})
        assert response.status_code == 302, hours
        page = client.get(f"/applications/{application.id}").get_data(as_text=True)
        assert 'class="flash error"' in page, hours  # the employer is told what to enter
        db.session.expire_all()
        assert db.session.get(Application, application.id).minutes_confirmed is None


def test_strange_pay_is_refused_with_a_message(client, login, worked):
    """A payment of Infinity or NaN is refused and no payment is recorded."""
    employer, application = worked
    login(client, employer)
    for amount in ["Infinity", "NaN", "sNaN", "-Infinity", "1e999", HUGE]:
        response = client.post(
            f"/applications/{application.id}/pay", data={"amount": amount, "paid_on": "2026-01-01"}
        )
        assert response.status_code == 302, amount
        page = client.get(f"/applications/{application.id}").get_data(as_text=True)
        assert 'class="flash error"' in page, amount
        assert "必填" not in page, amount  # says why, not "this field is required"
    assert db.session.scalar(select(func.count(Payment.id))) == 0


def test_a_huge_shift_id_in_a_form_is_refused(client, login):
    """Applying to shift 2^70 is not found, and no application is made."""
    worker = make_worker()
    make_gig(make_employer(verified=True))
    login(client, worker)
    assert client.post(f"/shifts/{HUGE}/apply").status_code == 404
    assert db.session.scalar(select(func.count(Application.id))) == 0
    assert db.session.scalar(select(func.count(Shift.id))) == 1
