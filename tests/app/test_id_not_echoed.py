"""The full 身份证 typed into a form is never written back into the page after an error."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from marketplace.models import WorkerProfile, db
from tests.factories import id_number, make_worker, mobile, town
from tests.kiosk.conftest import kiosk, staff, station  # noqa: F401 - fixtures


def test_profile_error_elsewhere_shows_the_typed_id_masked_and_keeps_the_stored_one(client, login):
    """A wrong travel distance re-shows the form: the new ID only masked, the old one kept."""
    worker = make_worker("王小明")
    stored = db.session.get(WorkerProfile, worker.id).id_number_masked
    login(client, worker)
    typed = id_number(birth=date(1979, 2, 3))
    response = client.post(
        "/worker/profile?lang=en",
        data={
            "real_name": "王小明",
            "id_number": typed,
            "hukou": "ningbo",
            "town_id": town().id,
            "max_travel_km": "999",  # the unrelated error
            "weekdays": ["0"],
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400  # the form is shown again with its error
    assert typed not in page
    assert typed[:4] + "*" * 10 + typed[-4:] in page
    assert "type it again" in page
    db.session.expire_all()
    assert db.session.scalar(select(WorkerProfile.id_number_masked)) == stored


def test_kiosk_signup_error_elsewhere_does_not_echo_the_id(kiosk):  # noqa: F811
    """At the counter, a missing pledge re-shows the form without the full ID on screen."""
    typed = id_number(birth=date(1968, 3, 5))
    response = kiosk.post(
        "/kiosk/signup?lang=en",
        data={
            "real_name": "李阿姨",
            "mobile": mobile(),
            "id_number": typed,
            "hukou": "ningbo",
            "town_id": town().id,
            "max_travel_km": "10",
            "weekdays": ["0"],
            "pledge_name": "别人",  # the unrelated error: the pledge is not signed
        },
    )
    page = response.get_data(as_text=True)
    assert typed not in page
    assert typed[:4] + "*" * 10 + typed[-4:] in page
    assert (
        db.session.scalar(select(WorkerProfile).where(WorkerProfile.real_name == "李阿姨")) is None
    )
