"""Steps and measurements shared by the kiosk browser tests (not tests themselves)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.factories import PASSWORD

PORTRAIT = {"width": 1080, "height": 1920}
LANDSCAPE = {"width": 1920, "height": 1080}
ORIENTATIONS = {"portrait": PORTRAIT, "landscape": LANDSCAPE}
MIN_TARGET_PX = 48
MIN_TEXT_PX = 20

# window.print() opens a dialog a headless browser cannot show: count the calls instead.
COUNT_PRINTS = "window.print = () => { window.__prints = (window.__prints || 0) + 1; };"

SMALL_TARGETS = """(minimum) => {
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const bigEnough = (el) => {
    const box = el.getBoundingClientRect();
    return box.width >= minimum && box.height >= minimum;
  };
  const small = [];
  const targets = "a[href], button, input:not([type=hidden]), select, textarea, summary";
  for (const el of document.querySelectorAll(targets)) {
    if (!shown(el) || bigEnough(el)) continue;
    const holder = el.parentElement && el.parentElement.closest("label");
    if (holder && bigEnough(holder)) continue;
    const box = el.getBoundingClientRect();
    const text = (el.innerText || el.value || el.name || "").trim().slice(0, 30);
    const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
    small.push(`${el.tagName.toLowerCase()} "${text}" ${size}`);
  }
  return small;
}"""

SMALL_TEXT = """(minimum) => {
  const small = [];
  for (const el of document.body.querySelectorAll("*")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const box = el.getBoundingClientRect();
    if (!own || box.width === 0 || box.height === 0) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    const text = el.innerText.trim().slice(0, 30);
    if (size < minimum) small.push(`${el.tagName.toLowerCase()} "${text}" ${size}px`);
  }
  return small;
}"""


def go(page, action) -> None:
    """Do ``action`` and wait until the page it leads to has loaded."""
    action()
    page.wait_for_load_state("networkidle")


def sign_in(page, live_server: str, staff) -> None:
    """Sign in as ``staff`` and open the kiosk (the station choice, on a fresh session)."""
    page.goto(f"{live_server}/account/login?next=/kiosk/")
    page.fill("#mobile", staff.mobile)
    page.fill("#password", PASSWORD)
    go(page, lambda: page.press("#password", "Enter"))
    if "/kiosk/" not in page.url:
        page.goto(f"{live_server}/kiosk/")
        page.wait_for_load_state("networkidle")


def choose_station(page) -> None:
    """On the station choice, pick the first station and start the kiosk's start screen."""
    page.locator("input[name=station_id]").first.check()
    go(page, lambda: page.locator("main button[type=submit]").click())


def kiosk_page(browser, live_server: str, staff, viewport: dict):
    """A new Chinese browser page at the kiosk start screen, staff signed in, station chosen."""
    context = browser.new_context(locale="zh-CN", viewport=viewport, has_touch=True)
    context.add_init_script(COUNT_PRINTS)
    page = context.new_page()
    sign_in(page, live_server, staff)
    choose_station(page)
    return page


@dataclass
class Taps:
    """Touches on the screen, counted: each ``tap`` is one touch of a finger.

    After each tap the page it led to is checked for sideways scrolling and passed to ``after``.
    """

    page: object
    after: Callable[[str], object] | None = None
    done: list[str] = field(default_factory=list)
    wide_pages: list[str] = field(default_factory=list)

    def tap(self, locator, what: str, opens_page: bool = True) -> None:
        """Tap ``locator`` (a real touch event) and wait for the page it opens, if any."""
        self.done.append(what)
        if opens_page:
            with self.page.expect_navigation():
                locator.tap()
            self.page.wait_for_load_state("networkidle")
        else:
            locator.tap()
        if scrolls_sideways(self.page):
            self.wide_pages.append(f"{what}: {self.page.url}")
        if self.after:
            self.after(what)

    @property
    def count(self) -> int:
        """How many taps so far."""
        return len(self.done)


def find_refer_print(page, mobile: str, after: Callable[[str], object] | None = None) -> Taps:
    """From the start screen: find by mobile, open the hit, refer to the top gig, print."""
    taps = Taps(page, after)
    taps.tap(page.locator("#q"), "focus the search box", opens_page=False)
    page.keyboard.type(mobile)
    taps.tap(page.locator("form.find button[type=submit]"), "find")
    taps.tap(page.get_by_test_id("hits").locator("a").first, "open the person")
    taps.tap(page.locator("form.refer button[type=submit]").first, "refer")
    taps.tap(page.locator("[data-print]"), "print", opens_page=False)
    return taps


def small_targets(page) -> list[str]:
    """Visible controls smaller than 48×48 px that no big-enough label holds."""
    return page.evaluate(SMALL_TARGETS, MIN_TARGET_PX)


def small_text(page) -> list[str]:
    """Visible text set smaller than 20 px."""
    return page.evaluate(SMALL_TEXT, MIN_TEXT_PX)


def scrolls_sideways(page) -> bool:
    """True when the page is wider than the screen."""
    return page.evaluate("() => document.scrollingElement.scrollWidth > window.innerWidth")


def feel_problems(page) -> dict[str, list[str]]:
    """What is too small or too wide on the page shown now, by kind; empty when all is well."""
    body_px = page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
    found = {
        "body font": [] if body_px >= MIN_TEXT_PX else [f"{body_px}px"],
        "small text": small_text(page),
        "small targets": small_targets(page),
        "sideways scrolling": [page.url] if scrolls_sideways(page) else [],
    }
    return {kind: items for kind, items in found.items() if items}


def qr_texts(locator) -> list[str]:
    """What the QR codes drawn in ``locator`` say, read from a screenshot as a scanner would."""
    import io

    import zxingcpp
    from PIL import Image

    image = Image.open(io.BytesIO(locator.screenshot()))
    return [result.text for result in zxingcpp.read_barcodes(image)]
