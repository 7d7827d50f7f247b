"""How the kiosk feels at a touch screen (issue 5), in Chromium, portrait 1080×1920 and landscape
1920×1080: few taps to a printed slip, large type, big targets, no sideways scrolling, and a
kiosk left alone or a form left open that recovers kindly instead of failing.
"""

from __future__ import annotations

import pytest

from marketplace.kiosk import services
from marketplace.models import JobNeed, Referral, db
from tests.e2e import axe
from tests.e2e.kiosk_steps import (
    ORIENTATIONS,
    PORTRAIT,
    choose_station,
    feel_problems,
    find_refer_print,
    go,
    kiosk_page,
    sign_in,
)
from tests.factories import make_employer, make_gig, make_worker
from tests.kiosk.conftest import make_staff, nearest_station

pytestmark = pytest.mark.e2e

MAX_TAPS = 6
EXPIRED = "页面已过期，请重新填写。"  # "The form expired. Please fill it in again."
RAW_ERRORS = ("Bad Request", "CSRF", "400")


@pytest.fixture
def people(app):
    """A staff member at the nearest station, a known worker, and a gig near the station."""
    station = nearest_station()
    staff = make_staff(station)
    gig = make_gig(make_employer("象山海鲜加工厂", verified=True), title="休渔期补网工")
    worker = make_worker("张三")
    db.session.commit()
    return station, staff, worker, gig


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_a_known_person_gets_a_printed_slip_in_six_taps(
    people, live_server, browser, shots, orientation
):
    """From the start screen to the print dialog for a known person in at most six taps.

    Counting rule: every touch of the screen is a tap, including the one that focuses the search
    box so the on-screen keyboard opens. Typing the mobile number on that keyboard is not a tap
    (nor would pressing Enter be; the test taps the Find button instead, so it counts one more
    than necessary). Signing in and choosing the station happen once a day, before the count.
    """
    station, staff, worker, gig = people
    page = kiosk_page(browser, live_server, staff, ORIENTATIONS[orientation])
    assert page.url.endswith("/kiosk/")
    shots(page, "start")

    taps = find_refer_print(page, worker.mobile, after=lambda what: shots(page, what))

    assert taps.count <= MAX_TAPS, f"{taps.count} taps: {taps.done}"
    assert taps.wide_pages == [], f"pages wider than the {orientation} screen: {taps.wide_pages}"
    assert "休渔期补网工" in page.get_by_test_id("slip").inner_text()
    assert page.evaluate("window.__prints") == 1
    page.context.close()
    db.session.expire_all()
    ref = db.session.query(Referral).one()
    assert (ref.worker_id, ref.gig_id, ref.station_id) == (worker.id, gig.id, station.id)


def _kiosk_urls(people, accepted) -> dict[str, str]:
    """Every kiosk page worth measuring, with a need, a referral and an agreement to fill them."""
    station, staff, worker, gig = people
    signer, _employer, _application, agreement = accepted("陈阿海")
    need = services.record_need(
        staff, station, services.NeedInput("李四", "13812345678", "码头装卸")
    )
    ref = services.refer(staff, station, gig.id, worker_id=worker.id)
    waiting = make_employer("待审核的用工方", verified=False)
    db.session.commit()
    return {
        "signup": "/kiosk/signup",
        "dashboard": "/kiosk/dashboard",
        "employers": "/kiosk/employers",
        "employer": f"/kiosk/employers/{waiting.id}",
        "entitlements": f"/kiosk/workers/{worker.id}/entitlements",
        "new-password": f"/kiosk/workers/{worker.id}/password",
        "home": "/kiosk/",
        "person": f"/kiosk/workers/{worker.id}",
        "slip": f"/kiosk/referrals/{ref.id}/slip",
        "need-form": "/kiosk/needs/new",
        "need": f"/kiosk/needs/{need.id}",
        "needs": "/kiosk/needs",
        "referrals": "/kiosk/referrals",
        "sign": f"/kiosk/workers/{signer.id}/agreements/{agreement.id}",
        "station": "/kiosk/start",
    }


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_large_type_big_targets_and_axe_on_every_page(
    people, accepted, live_server, browser, shots, orientation
):
    """Text ≥ 20 px, every control ≥ 48×48 px, no sideways scrolling and axe clean, everywhere."""
    axe.available()
    urls = _kiosk_urls(people, accepted)
    page = kiosk_page(browser, live_server, people[1], ORIENTATIONS[orientation])
    page.fill("#q", people[2].mobile)
    go(page, lambda: page.locator("form.find button[type=submit]").click())
    shots(page, "find")
    axe.check(page, "find")
    problems = {"find": feel_problems(page)}
    for name, url in urls.items():
        go(page, lambda url=url: page.goto(live_server + url))
        shots(page, name)
        axe.check(page, name)
        problems[name] = feel_problems(page)
    page.context.close()
    assert {name: found for name, found in problems.items() if found} == {}


IDLE_SIGNED_OUT = "驿站终端长时间无人操作，已自动退出登录。"  # "The kiosk was left idle, ..."


def _clear_cookies(page, app, monkeypatch, live_server, staff) -> None:
    page.context.clear_cookies()


def _signed_in_again_elsewhere(page, app, monkeypatch, live_server, staff) -> None:
    """Another tab finds the kiosk idle (signed out), and staff sign in there again."""
    monkeypatch.setitem(app.config, "KIOSK_IDLE_SECONDS", 0)
    other = page.context.new_page()
    go(other, lambda: other.goto(f"{live_server}/kiosk/"))
    assert "/account/login" in other.url
    monkeypatch.setitem(app.config, "KIOSK_IDLE_SECONDS", 900)
    sign_in(other, live_server, staff)
    other.close()


def _idle_past_sign_out(page, app, monkeypatch, live_server, staff) -> None:
    monkeypatch.setitem(app.config, "KIOSK_IDLE_SECONDS", 0)


STALE = {
    "cookies-cleared": (_clear_cookies, EXPIRED, "login"),
    "signed-in-again-in-another-tab": (_signed_in_again_elsewhere, EXPIRED, "station"),
    "left-open-past-idle-sign-out": (_idle_past_sign_out, IDLE_SIGNED_OUT, "login"),
}


@pytest.mark.parametrize("how", STALE)
def test_a_form_left_open_recovers_kindly(
    app, people, live_server, browser, shots, monkeypatch, how
):
    """A need form whose session or token went stale says so in Chinese on a usable page."""
    station, staff, _worker, _gig = people
    spoil, message, lands_on = STALE[how]
    page = kiosk_page(browser, live_server, staff, PORTRAIT)
    go(page, lambda: page.locator("main a[href$='/kiosk/needs/new']").click())
    page.get_by_label("姓名").fill("李四")
    spoil(page, app, monkeypatch, live_server, staff)

    go(page, lambda: page.locator("main button[type=submit]").click())
    shots(page, how)
    text = page.inner_text("body")
    assert message in page.locator(".flash").inner_text()
    assert not any(raw in text for raw in RAW_ERRORS), text
    monkeypatch.setitem(app.config, "KIOSK_IDLE_SECONDS", 900)
    if lands_on == "login":
        assert "/account/login" in page.url
        sign_in(page, live_server, staff)
    assert page.url.endswith("/kiosk/start")
    choose_station(page)
    assert station.name_zh in page.inner_text("header")
    page.context.close()
    assert db.session.query(JobNeed).count() == 0


def test_an_idle_kiosk_warns_then_goes_back_to_the_start_screen(
    app, people, live_server, browser, shots, monkeypatch
):
    """Untouched, a person's page warns, a touch keeps it, and left alone it returns to start.

    The page's clock is Playwright's fake one, so minutes pass at once; between the jumps the
    clock runs on, so each jump leaves a margin of seconds before the next event.
    """
    axe.available()
    monkeypatch.setitem(app.config, "KIOSK_IDLE_RETURN_SECONDS", 120)
    _station, staff, worker, _gig = people
    page = kiosk_page(browser, live_server, staff, PORTRAIT)
    page.clock.install()
    page.fill("#q", worker.mobile)
    go(page, lambda: page.locator("form.find button[type=submit]").click())
    go(page, lambda: page.get_by_test_id("hits").locator("a").first.click())
    person = page.url
    assert page.get_attribute("body", "data-idle-after") == "120"
    warning = page.locator("[data-idle-warning]")
    assert warning.is_hidden()

    page.clock.run_for("01:31")  # the warning shows 30 s before the return
    assert warning.is_visible() and page.url == person
    shots(page, "warning")
    axe.check(page, "idle-warning")
    warning.locator("button").tap()
    assert warning.is_hidden()
    page.clock.run_for("01:50")  # 110 s since the touch: past when it would have gone home
    assert warning.is_visible() and page.url == person

    with page.expect_navigation():
        page.clock.run_for("00:11")
    page.wait_for_load_state("networkidle")
    shots(page, "start")
    assert page.url.endswith("/kiosk/?idle=1")
    assert page.locator("#q").is_visible() and "张三" not in page.inner_text("body")
    page.context.close()
