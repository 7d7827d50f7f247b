"""What to bring (issue 5): typed on the post, shown on the gig page and on the referral slip."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.errors import DomainError
from marketplace.gigs.services import WHAT_TO_BRING_MAX_CHARS
from marketplace.models import Gig, Referral, db
from tests.factories import category, gig_form, make_employer, make_gig, make_worker


def _post_form(**overrides) -> dict:
    return gig_form(
        **{
            "title": "休渔期补网工",
            "description": "补网、整理网具。",
            "category_id": str(category("fishing").id),
            "address": "石浦渔港",
            "what_to_bring": "  手套、剪刀  ",
            "shifts-0-slots": "3",
        }
        | overrides
    )


def _gig_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Gig))


def _to_the_kiosk(client, login, staff, station) -> None:
    """Sign the employer out and the station's staff member in, with the station chosen."""
    client.post("/account/logout")
    login(client, staff)
    assert client.post("/kiosk/start", data={"station_id": station.id}).status_code == 302


def test_posted_items_show_on_the_gig_page_and_the_slip(client, login, staff, station):
    """The employer types what to bring; the gig page and the printed slip both say it."""
    employer = make_employer("象山海鲜加工厂", verified=True)
    worker = make_worker()
    login(client, employer)

    response = client.post("/gigs/new", data=_post_form())

    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    gig = db.session.scalars(select(Gig)).one()
    assert gig.what_to_bring == "手套、剪刀"  # the spaces around it are dropped
    page = client.get(f"/gigs/{gig.id}?lang=en").get_data(as_text=True)
    assert "What to bring" in page and "手套、剪刀" in page
    _to_the_kiosk(client, login, staff, station)
    client.post(
        "/kiosk/referrals",
        data={"gig_id": gig.id, "shift_id": gig.shifts[0].id, "worker_id": worker.id},
    )
    ref = db.session.scalars(select(Referral)).one()
    slip = client.get(f"/kiosk/referrals/{ref.id}/slip?lang=en").get_data(as_text=True)
    assert "What to bring" in slip and "手套、剪刀" in slip
    a4 = client.get(f"/kiosk/referrals/{ref.id}/slip?paper=a4").get_data(as_text=True)
    assert "手套、剪刀" in a4


def test_too_long_items_are_refused_with_a_message_and_nothing_saved(client, login):
    """More than 200 characters is refused on the form, with a message; no gig is posted."""
    login(client, make_employer(verified=True))
    client.get("/?lang=en")

    response = client.post("/gigs/new", data=_post_form(what_to_bring="手" * 201))

    assert response.status_code == 400
    assert "Keep what to bring to 200 characters or fewer." in response.get_data(as_text=True)
    assert _gig_count() == 0


def test_exactly_200_characters_are_accepted(client, login):
    """The limit itself is allowed."""
    login(client, make_employer(verified=True))

    response = client.post("/gigs/new", data=_post_form(what_to_bring="套" * 200))

    assert response.status_code == 302
    assert db.session.scalars(select(Gig.what_to_bring)).one() == "套" * 200


def test_the_service_refuses_too_long_items_without_http(app):
    """The rule lives in the service too, so every caller keeps it."""
    employer = make_employer(verified=True)
    with pytest.raises(DomainError, match="200 characters"):
        make_gig(employer, what_to_bring="x" * (WHAT_TO_BRING_MAX_CHARS + 1))
    db.session.rollback()
    assert _gig_count() == 0


def test_a_gig_without_items_prints_no_empty_line(kiosk):
    """When the employer asks for nothing, neither the gig page nor the slip has the heading."""
    gig = make_gig(make_employer(verified=True))
    worker = make_worker()
    db.session.commit()
    kiosk.get("/kiosk/?lang=en")
    kiosk.post(
        "/kiosk/referrals",
        data={"gig_id": gig.id, "shift_id": gig.shifts[0].id, "worker_id": worker.id},
    )
    ref = db.session.scalars(select(Referral)).one()
    assert "What to bring" not in kiosk.get(f"/kiosk/referrals/{ref.id}/slip").get_data(
        as_text=True
    )
    assert "What to bring" not in kiosk.get(f"/gigs/{gig.id}").get_data(as_text=True)
