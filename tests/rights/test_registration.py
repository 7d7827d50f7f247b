"""Registration through the services and the pages: pledge, deadline, late flag, staff list."""

from datetime import date, timedelta

import pytest

from marketplace.errors import DomainError
from marketplace.models import Hukou, Registration, Role, db
from marketplace.rights import registration as services
from marketplace.workers.services import profile_of
from tests.factories import make_employer, make_worker, mobile


def _input(**overrides):
    data = services.RegistrationInput(
        work_content="补网",
        started_on=services.today() - timedelta(days=10),
        stable_income=True,
        pledge_name="张三",
        pledge_agreed=True,
        retirement_group="male",
        employer_name="象山渔业合作社",
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


def test_register_records_pledge_deadline_and_district(app):
    """N(二): the signed pledge (name + time) and the 60-day deadline are kept."""
    worker = make_worker()
    profile = profile_of(worker)
    reg = services.register(worker, profile, _input())
    assert reg.pledge_name == "张三" and reg.pledge_signed_at is not None
    assert reg.deadline_on == reg.started_on + timedelta(days=60)
    assert not reg.late
    assert reg.district_id == profile.town.district_id


def test_late_registration_is_accepted_and_flagged(app):
    """POLICY §2: after the deadline the registration is accepted but marked late."""
    worker = make_worker()
    reg = services.register(
        worker, profile_of(worker), _input(started_on=services.today() - timedelta(days=61))
    )
    assert reg.late


def test_pledge_must_be_signed_with_the_profile_name(app):
    """The pledge is signed by typing the full name and ticking consent."""
    worker = make_worker()
    with pytest.raises(services.PledgeMissing):
        services.register(worker, profile_of(worker), _input(pledge_name="李四"))
    with pytest.raises(services.PledgeMissing):
        services.register(worker, profile_of(worker), _input(pledge_agreed=False))


def test_without_hukou_or_permit_refused_with_reason(app):
    """N(二): non-Ningbo 户籍 without a 居住证 is refused, saying why."""
    worker = make_worker(hukou=Hukou.OTHER)
    with pytest.raises(services.NotEligible, match="residence permit"):
        services.register(worker, profile_of(worker), _input())


def test_gig_registration_names_the_employer(app, parties):
    """Registering a marketplace gig takes the employer's name from the gig."""
    employer, worker, application = parties
    reg = services.register(
        worker, profile_of(worker), _input(application_id=application.id, employer_name="")
    )
    assert reg.employer_name == "宁波海鲜加工有限公司"


def test_dashboard_prompts_after_first_completed_shift_until_registered(
    app, client, login, parties
):
    """The dashboard prompts registration with a countdown once a shift is confirmed."""
    _, worker, _ = parties
    login(client, worker)
    page = client.get("/dashboard").get_data(as_text=True)
    assert 'data-testid="register-prompt"' in page
    assert 'data-testid="registration-countdown"' in page
    services.register(worker, profile_of(worker), _input())
    db.session.commit()
    assert 'data-testid="register-prompt"' not in client.get("/dashboard").get_data(as_text=True)


def test_no_prompt_before_any_completed_shift(app, client, login):
    """A new worker is not prompted yet."""
    worker = make_worker()
    login(client, worker)
    assert 'data-testid="register-prompt"' not in client.get("/dashboard").get_data(as_text=True)


def test_register_page_posts_and_lists(app, client, login):
    """The worker signs the pledge on the page and sees the registration listed."""
    worker = make_worker()
    login(client, worker)
    page = client.get("/registration").get_data(as_text=True)
    assert 'data-testid="pledge"' in page
    started = (services.today() - timedelta(days=3)).isoformat()
    response = client.post(
        "/registration",
        data={
            "work_content": "补网",
            "for_whom": "outside",
            "employer_name": "象山渔业合作社",
            "started_on": started,
            "stable_income": "y",
            "pledge_agreed": "y",
            "pledge_name": "张三",
        },
    )
    assert response.status_code == 302
    listing = client.get("/registration/mine").get_data(as_text=True)
    assert "象山渔业合作社" in listing


def test_unemployment_places_offered_and_checked(app, client, login):
    """N(二): all four places are offered, also 参保地 to a worker who told us nothing about it."""
    worker = make_worker(hukou=Hukou.OTHER, residence_permit_since=date(2020, 1, 1))
    profile = profile_of(worker)
    reg = services.register(worker, profile, _input())
    assert services.places_for(profile) == ["hukou", "residence", "employment", "insurance"]
    login(client, worker)
    page = client.get(f"/registration/{reg.id}/end").get_data(as_text=True)
    for place in ("hukou", "residence", "employment", "insurance"):
        assert f'value="{place}"' in page
    with pytest.raises(DomainError):
        services.register_unemployment(profile, reg.id, services.today(), "abroad")
    services.register_unemployment(profile, reg.id, services.today(), "insurance")
    assert reg.unemployment_place == "insurance"


def test_other_worker_cannot_end_someone_elses_registration(app, client, login):
    """Ownership: another worker gets 404."""
    owner = make_worker()
    reg = services.register(owner, profile_of(owner), _input())
    other = make_worker("李四")
    login(client, other)
    assert client.get(f"/registration/{reg.id}/end").status_code == 404


def test_staff_list_by_district_and_csv(app, client, login):
    """Staff list registrations by district and export CSV; others are refused."""
    from marketplace.accounts.services import register as register_account

    worker = make_worker()
    reg = services.register(worker, profile_of(worker), _input())
    staff = register_account(mobile(), "secret-pass-1", Role.STAFF, "站点")
    employer = make_employer()
    db.session.commit()
    assert client.get("/staff/registrations").status_code == 302
    login(client, employer)
    assert client.get("/staff/registrations").status_code == 403
    client.post("/account/logout")
    login(client, staff)
    page = client.get(f"/staff/registrations?district={reg.district_id}").get_data(as_text=True)
    assert "象山渔业合作社" in page
    other = client.get(f"/staff/registrations?district={reg.district_id + 1}").get_data(
        as_text=True
    )
    assert "象山渔业合作社" not in other
    csv_text = client.get("/staff/registrations?format=csv").get_data(as_text=True)
    assert "象山渔业合作社" in csv_text and "deadline_on" in csv_text
    assert db.session.query(Registration).count() == 1


def test_staff_register_on_behalf_of_a_worker(app, client, login):
    """Station staff register for a worker; the record says who registered it."""
    from marketplace.accounts.services import register as register_account

    worker = make_worker()
    staff = register_account(mobile(), "secret-pass-1", Role.STAFF, "站点")
    db.session.commit()
    login(client, worker)
    assert client.get(f"/staff/workers/{worker.id}/registration").status_code == 403
    client.post("/account/logout")
    login(client, staff)
    response = client.post(
        f"/staff/workers/{worker.id}/registration",
        data={
            "work_content": "家政保洁",
            "for_whom": "outside",
            "employer_name": "王阿姨家",
            "started_on": (services.today() - timedelta(days=70)).isoformat(),
            "stable_income": "y",
            "pledge_agreed": "y",
            "pledge_name": "张三",
        },
    )
    assert response.status_code == 302
    reg = db.session.query(Registration).one()
    assert reg.registered_by_id == staff.id and reg.worker_id == worker.id and reg.late
