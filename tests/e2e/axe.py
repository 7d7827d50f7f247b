"""axe-core in the browser: inject it into a page, run it, keep the result, fail on bad findings.

axe-core comes from the npm registry (``package.json``; ``make test`` runs ``npm ci``). It is
injected with ``page.evaluate``: DevTools-protocol evaluation is not bound by the app's
Content-Security-Policy (``script-src 'self'``), so the policy stays as it is in production.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import IN_CI, ROOT
from tests.e2e.conftest import OUTPUT

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING = ("serious", "critical")


@cache
def _source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def available() -> None:
    """Skip (or, in CI, fail) the test when axe-core has not been installed with npm."""
    if AXE_JS.exists():
        return
    message = f"{AXE_JS} is missing (npm package axe-core; `make test` runs `npm ci`)"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def _folder() -> Path:
    """The running test's screenshot folder, named as the ``shots`` fixture names it."""
    current = os.environ.get("PYTEST_CURRENT_TEST", "unknown").split(" ")[0]
    name = current.rsplit("::", 1)[-1]
    folder = OUTPUT / name.replace("[", "-").replace("]", "")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def run(page) -> dict:
    """Inject axe-core into ``page`` and return its full result for the WCAG 2 A/AA rules."""
    available()
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_source())
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    return page.evaluate("options => window.axe.run(document, options)", options)


def describe(violations: list[dict]) -> str:
    """A readable list of violations: impact, rule, help, and the selectors of each node."""
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", " / ")
                lines.append(f"      {summary}")
    return "\n".join(lines)


def check(page, name: str) -> dict:
    """Run axe on ``page``, save ``axe-<name>.json`` beside the screenshots, assert none serious.

    Returns the result so a test can look further; fails listing every serious or critical
    violation with its help text and the CSS selectors of the elements concerned.
    """
    result = run(page)
    path = _folder() / f"axe-{name}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    bad = [v for v in result["violations"] if v["impact"] in BLOCKING]
    assert not bad, f"axe on {name} ({page.url}), full result in {path}:\n{describe(bad)}"
    return result
