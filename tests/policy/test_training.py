"""Training subsidies — N(七) of the Ningbo notice of 2021-12-28."""

from marketplace.policy.training import PLATFORM, SKILLS_STARTUP, courses_for, load_courses


def test_n7_covers_platform_delivery_and_domestic_and_three_startup_packages():
    """N(七): delivery and domestic training; catering, elder-care and domestic packages."""
    courses = load_courses()
    platform = {c.category_code for c in courses if c.kind == PLATFORM}
    packages = {c.category_code for c in courses if c.kind == SKILLS_STARTUP}
    assert {"delivery", "domestic"} <= platform
    assert packages == {"catering", "eldercare", "domestic"}
    assert all("N(七)" in c.source for c in courses)


def test_courses_for_puts_the_workers_own_trades_first():
    """A rider sees delivery courses before the rest."""
    ordered = courses_for({"delivery"}, load_courses())
    assert [c.category_code for c in ordered[:2]] == ["delivery", "delivery"]
    assert ordered[-1].kind == SKILLS_STARTUP
