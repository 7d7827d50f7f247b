"""Every message a Chinese user can see is Chinese: the catalog has every msgid the code uses,
and pages, form errors and error pages rendered in Chinese show no English sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from wtforms.i18n import messages_path

from tests.app.test_bad_input_fuzz import ROLES, RULES, _url, signed_in, world  # noqa: F401 - fixture
from tests.conftest import ROOT

CATALOG = ROOT / "marketplace/translations/zh_Hans_CN/LC_MESSAGES/messages.po"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "_l": None,
    "lazy_gettext": None,
    "N_": None,
}
# Latin words a Chinese page may show: names of languages, standards and file types.
ALLOWED = {"English", "PDF", "CSV", "QR", "GB", "ID", "km", "App", "TODO"}
ENGLISH = re.compile(r"[A-Za-z][a-z]+(?:\s+[A-Za-z][a-z]+)+")


def _used_msgids() -> set[str]:
    method_map = [("marketplace/**.py", "python"), ("templates/**.html", "jinja2")]
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        ROOT, method_map, keywords=KEYWORDS, options_map={"templates/**.html": {}}
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_msgid_the_code_uses_has_a_chinese_translation():
    """A new ``_()`` text without its msgstr in the zh catalog fails here, by name."""
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    missing = [msgid for msgid in sorted(_used_msgids()) if not _translated(catalog, msgid)]
    assert not missing, missing


def _translated(catalog, msgid: str) -> bool:
    entry = catalog.get(msgid)
    if entry is None or entry.fuzzy:
        return False
    return all(entry.string) if isinstance(entry.string, tuple) else bool(entry.string)


def test_every_wtforms_message_has_a_chinese_translation():
    """WTForms' built-in messages are Chinese: from WTForms' own catalog or, for its gaps, ours."""
    with CATALOG.open("rb") as handle:
        ours = read_po(handle)
    with (Path(messages_path()) / "wtforms.pot").open("rb") as handle:
        template = read_po(handle)
    with (Path(messages_path()) / "zh/LC_MESSAGES/wtforms.po").open("rb") as handle:
        theirs = read_po(handle)
    missing = [
        m.id
        for m in template
        if m.id and not _translated(theirs, m.id) and not _translated(ours, m.id)
    ]
    assert not missing, missing


def _visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<[^>]+>", " ", html)
    return html.replace("&#39;", "'").replace("&quot;", '"')


def _english(html: str) -> list[str]:
    return [m for m in ENGLISH.findall(_visible_text(html)) if not set(m.split()) <= ALLOWED]


@pytest.mark.slow
def test_pages_and_form_errors_in_chinese_show_no_english(engine_app, world):  # noqa: F811
    """Every page as every user, and every form sent empty and with nonsense, reads Chinese."""
    ids = world["ids"]
    found = {}
    # No app context is held here: each request gets its own, so its signed-in user too.
    for rule, method in RULES:
        for role in ROLES:
            client = signed_in(world, role)
            url = _url(rule, lambda name: str(ids.get(name) or 1))
            if method == "GET":
                responses = [client.get(url, query_string={"lang": "zh"})]
            else:
                sent = [{}] + [
                    dict.fromkeys(world["fields"], v) for v in ("abc", "999", "x" * 5000)
                ]
                responses = [client.post(url + "?lang=zh", data=d) for d in sent]
            for response in responses:
                if response.mimetype != "text/html" or 300 <= response.status_code < 400:
                    continue  # a redirect's body is never shown
                for words in _english(response.get_data(as_text=True)):
                    found.setdefault(words, f"{role} {method} {url}")
    assert not found, found
