"""Each role's dashboard leads to the pages that role works in."""

import re

from marketplace.accounts.services import register
from marketplace.models import Role, db
from tests.factories import PASSWORD, make_employer


def _links(html: str) -> list[str]:
    return re.findall(r'href="(/[^"#?]*)"', html)


def test_staff_dashboard_links_open(client, login):
    """Station staff reach the kiosk, verification, cases, complaints and registrations."""
    staff = register("13344445555", PASSWORD, Role.STAFF, "站务员")
    login(client, staff)
    page = client.get("/dashboard").get_data(as_text=True)
    assert 'data-testid="staff-tasks"' in page
    tasks = page[page.index('data-testid="staff-tasks"') :].split("</nav>")[0]
    links = _links(tasks)
    assert len(links) == 5 and "/kiosk/" in links
    for link in links:
        assert client.get(link, follow_redirects=True).status_code == 200, link


def test_admin_also_reaches_agreement_templates(client, login):
    """Administrators also manage agreement templates."""
    admin = register("13344446666", PASSWORD, Role.ADMIN, "管理员")
    login(client, admin)
    page = client.get("/dashboard").get_data(as_text=True)
    tasks = page[page.index('data-testid="staff-tasks"') :].split("</nav>")[0]
    links = _links(tasks)
    assert len(links) == 6
    for link in links:
        assert client.get(link, follow_redirects=True).status_code == 200, link


def test_employer_dashboard_links_open(client, login):
    """Employers reach their wage cases and complaints."""
    employer = make_employer()
    db.session.commit()
    login(client, employer)
    page = client.get("/dashboard").get_data(as_text=True)
    for path in ("/wage-cases", "/complaints"):
        assert f'href="{path}"' in page
        assert client.get(path).status_code == 200
