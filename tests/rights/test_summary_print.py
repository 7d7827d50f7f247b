"""The printable wage-case summary works under the site's own Content-Security-Policy."""

from __future__ import annotations

import re

from marketplace.models import WageCase, db


def test_the_summary_prints_without_inline_style_or_script(app, client, login, parties):
    """No inline <style>, style= or javascript: link (the CSP blocks them): a static stylesheet
    and a print button driven by a static script, both served."""
    _employer, worker, application = parties
    login(client, worker)
    client.post(f"/applications/{application.id}/unpaid", data={"note": "没收到"})
    case = db.session.query(WageCase).one()
    response = client.get(f"/wage-cases/{case.id}/summary")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "style-src 'self'" in csp and "script-src 'self'" in csp
    assert "<style" not in page and "style=" not in page and "javascript:" not in page
    assert re.search(r"<button[^>]*data-print[^>]*>打印</button>", page)
    for asset in re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', page):
        assert client.get(asset).status_code == 200, asset
    assert "/static/js/print.js" in page and "/static/css/print-summary.css" in page
