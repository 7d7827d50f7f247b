"""Generated bad input to every form and every query string: never a 5xx, never a changed row.

The routes come from ``app.url_map``, so a new page or form is covered without editing this
file. Each route is tried as every kind of user (signed out, worker, employer, station staff at
the counter, administrator), with the ids in its URL naming rows that exist. The values are what
people and bots really send: NaN, Infinity, sNaN, 20-digit numbers, negatives, NUL bytes, empty
or missing fields, very long text and unusual unicode. A request may only change the database
when it says it succeeded (a "success" message); anything refused leaves every row as it was.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from flask_wtf import FlaskForm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from wtforms import FieldList, FormField

from marketplace.accounts.services import register
from marketplace.kiosk import services as kiosk
from marketplace.models import (
    AccidentReport,
    Agreement,
    Application,
    Complaint,
    ComplaintCategory,
    EmployerProfile,
    Gig,
    JobNeed,
    NoShowAppeal,
    Referral,
    Registration,
    Role,
    Shift,
    User,
    WageCase,
    db,
    utcnow,
)
from marketplace.rights.complaints import file_complaint
from marketplace.security import hash_password, verify_password
from marketplace.work.services import accept, apply_to_shift
from tests.conftest import ROOT, clear_data, make_test_app
from tests.factories import PASSWORD, make_employer, make_gig, make_worker, mobile, move_shift
from tests.kiosk.conftest import nearest_station

pytestmark = pytest.mark.slow

HUGE = "99999999999999999999"
STRANGE = [
    "NaN", "nan", "-NaN", "sNaN", "Infinity", "-Infinity", "inf", "1e999", "-1e999", "1e-999",
    HUGE, "-" + HUGE, str(2**63), str(2**31), "-1", "0", "", " ", "\x00", "王\x00明", "0x1A",
    "1_0", "٣", "９", "2026-02-30", "0000-00-00", "99999-01-01", "25:61", "yes", "on",
    "<script>alert(1)</script>", "' OR 1=1 --", "\u202e", "🦀", "𠀀", "x" * 20000, "/\\..",
]  # fmt: skip
STRANGE_VALUE = st.one_of(
    st.sampled_from(STRANGE),
    st.text(max_size=40),
    st.integers().map(str),
    st.floats().map(str),
)
# A field is left out (None), sent once, or sent several times.
FIELD_VALUE = st.one_of(st.none(), STRANGE_VALUE, st.lists(STRANGE_VALUE, min_size=2, max_size=3))
# Every value that crashed a page once, sent in every field at once.
KNOWN_CRASHES = [
    "NaN",
    "Infinity",
    HUGE,
    "",
    "王\x00明",
    "x" * 20000,
]
ROLES = ("anonymous", "worker", "employer", "staff", "admin")
# Which rows a URL's ``<int:name>`` names.
ID_OF = {
    "agreement_id": Agreement,
    "report_id": AccidentReport,
    "appeal_id": NoShowAppeal,
    "app_id": Application,
    "case_id": WageCase,
    "complaint_id": Complaint,
    "employer_id": EmployerProfile,
    "gig_id": Gig,
    "need_id": JobNeed,
    "referral_id": Referral,
    "reg_id": Registration,
    "shift_id": Shift,
    "worker_id": User,
}
ARG_NAMES = re.compile(r"""(?:request\.args\.get|query_int)\(\s*["'](\w+)["']""")
INPUT_NAMES = re.compile(r"""<(?:input|select|textarea)[^>]*\sname="([^"]+)\"""")
# Rows a refused request is meant to change: a wrong SMS code uses up one of its tries; staff
# looking at a person's record is logged even when what they then send is refused.
MAY_CHANGE_ON_REFUSAL = {"mobile_code": {"tries"}, "audit_log": None}
READINESS = {"/readyz"}
# Buttons without fields: any press does what it says (they answer without a success message).
BUTTONS = {
    "/inbox/read",
    "/kiosk/workers/<int:worker_id>/password",
    "/kiosk/workers/<int:worker_id>/sessions/end",
    "/account/sessions/end",
    "/account/logout",
    "/my/calendar/renew",
}


def _rules():
    app = make_test_app("sqlite://", Path(tempfile.mkdtemp()) / "instance")
    rules = [r for r in app.url_map.iter_rules() if r.endpoint != "static"]
    return sorted((r.rule, m) for r in rules for m in ("GET", "POST") if m in r.methods)


RULES = _rules()


def _query_names() -> list[str]:
    """Every query-string parameter a route reads (from the sources)."""
    found = set()
    for path in (ROOT / "marketplace").rglob("*.py"):
        found.update(ARG_NAMES.findall(path.read_text(encoding="utf-8")))
    return sorted(found)


def _field_names(form) -> list[str]:
    names = []
    for field in form:
        if isinstance(field, FieldList):
            for entry in field:
                names.extend(
                    _field_names(entry.form) if isinstance(entry, FormField) else [entry.name]
                )
        elif isinstance(field, FormField):
            names.extend(_field_names(field.form))
        else:
            names.append(field.name)
    return names


def _all_form_fields(app) -> list[str]:
    """The field names of every form in the code (for a POST-only route's unknown form)."""

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    names = set()
    with app.test_request_context():
        for form_class in subclasses(FlaskForm):
            names.update(_field_names(form_class(meta={"csrf": False})))
    return sorted(names)


def _login(client, mobile_number: str) -> None:
    response = client.post("/account/login", data={"mobile": mobile_number, "password": PASSWORD})
    assert response.status_code == 302


@pytest.fixture(scope="module")
def world(engine_app):
    """Rows for every id in a URL, and a signed-in client for every kind of user."""
    app = engine_app
    with app.app_context():
        employer = make_employer("石浦海产合作社", verified=True)
        make_employer("未审核水产公司")  # waits for verification at the kiosk
        gig = make_gig(employer, injury_insurance=True)
        worker = make_worker("陈阿海")
        application = apply_to_shift(worker, gig.shifts[0].id)
        accept(employer, application.id)
        apply_to_shift(make_worker("李小红"), gig.shifts[0].id)  # still to be decided
        move_shift(gig.shifts[0], utcnow() - timedelta(days=20))
        file_complaint(worker, application.id, "employer", ComplaintCategory.OTHER, "没有安全帽。")
        station = nearest_station()
        staff = register(mobile(), PASSWORD, Role.STAFF, "驿站 王")
        kiosk.assign_station(staff, station.code)
        need = kiosk.record_need(
            staff,
            station,
            kiosk.NeedInput(
                name="王阿姨", mobile=mobile(), desired_work="保洁", availability="上午"
            ),
        )
        admin = register(mobile(), PASSWORD, Role.ADMIN, "管理员")
        db.session.commit()
        ids = {
            name: db.session.scalar(
                select(model.__mapper__.primary_key[0]).order_by(model.__mapper__.primary_key[0])
            )
            for name, model in ID_OF.items()
        }
        ids["worker_id"] = worker.id
        ids["need_id"] = need.id
        users = {"worker": worker, "employer": employer, "staff": staff, "admin": admin}
        mobiles = {role: user.mobile for role, user in users.items()}
        user_ids = {role: str(user.id) for role, user in users.items()}
        station_id = station.id
        clients = {role: app.test_client() for role in ROLES}
        fields = _all_form_fields(app)
    yield {
        "ids": ids,
        "clients": clients,
        "mobiles": mobiles,
        "user_ids": user_ids,
        "app": app,
        "station": station_id,
        "fields": fields,
        "queries": _query_names(),
    }
    clear_data(app)
    app.extensions["market_index"].invalidate()


def _session_user_id(world, role: str) -> str | None:
    """What a live session of the role's account holds now (sign-out raises its version)."""
    if role not in world["user_ids"]:
        return None
    with world["app"].app_context():
        return db.session.get(User, int(world["user_ids"][role])).get_id()


def _restore_password(world, role: str) -> None:
    with world["app"].app_context():
        user = db.session.get(User, int(world["user_ids"][role]))
        if not verify_password(user.password_hash, PASSWORD) or user.must_change_password:
            user.password_hash = hash_password(PASSWORD)
            user.must_change_password, user.one_time_password_until = False, None
            db.session.commit()


def signed_in(world, role: str):
    """The role's client, signed in afresh if an earlier route signed it out (or in)."""
    client = world["clients"][role]
    with client.session_transaction() as session:
        current = session.get("_user_id")
    if current == _session_user_id(world, role):
        return client
    LAST_SNAPSHOT.pop(world["app"], None)  # signing in records the time
    client = world["clients"][role] = world["app"].test_client()
    if role != "anonymous":
        _restore_password(world, role)  # a station may have printed the worker a new one
        _login(client, world["mobiles"][role])
    if role == "staff":
        client.post("/kiosk/start", data={"station_id": world["station"]})
    return client


# The database's digest after the last request (a page view between two requests may change
# rows on purpose, e.g. the audit log, so it is taken again when unknown).
LAST_SNAPSHOT: dict = {}


def _snapshot(app) -> str:
    """A digest of every row of every table (but those a refusal may change)."""
    digest = hashlib.sha256()
    with app.app_context(), db.engine.connect() as conn:
        for table in db.metadata.sorted_tables:
            if table.name in MAY_CHANGE_ON_REFUSAL and not MAY_CHANGE_ON_REFUSAL[table.name]:
                continue
            skipped = MAY_CHANGE_ON_REFUSAL.get(table.name) or set()
            columns = [c for c in table.columns if c.name not in skipped]
            order = list(table.primary_key.columns) or columns
            for row in conn.execute(select(*columns).order_by(*order)):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def _url(rule: str, number, data=None) -> str:
    """The rule with ``<int:name>`` filled by ``number(name)``, other variables by odd text."""

    def fill(match):
        converter, name = match.group(1), match.group(2)
        if converter == "int":
            return number(name)
        text = data.draw(STRANGE_VALUE) if data is not None else "sNaN"
        return quote(text or "x", safe="")

    return re.sub(r"<(?:(\w+):)?(\w+)>", fill, rule)


def _draw_id(data, ids: dict, name: str) -> str:
    """An existing row's id mostly, sometimes one that cannot exist."""
    return str(data.draw(st.sampled_from([ids.get(name) or 1] * 3 + [0, 2**31, HUGE])))


def _flashes(client) -> list:
    with client.session_transaction() as session:
        return session.pop("_flashes", [])


def _page_fields(app, client, url: str) -> list[str]:
    response = client.get(url)
    LAST_SNAPSHOT.pop(app, None)  # looking at a page may write the audit log
    return (
        sorted(set(INPUT_NAMES.findall(response.get_data(as_text=True))))
        if response.status_code < 400 and response.mimetype == "text/html"
        else []
    )


def _submit(app, client, role: str, method: str, url: str, values: dict, rule: str = "") -> bool:
    """Send one request; False when this kind of user may not use the route at all."""
    _flashes(client)
    before = LAST_SNAPSHOT.get(app) or _snapshot(app)
    if method == "GET":
        response = client.get(url, query_string=values)
    else:
        response = client.post(url, data=values)
    flashed = _flashes(client)
    shown = f"{role} {method} {url} {str(values)[:300]}"
    # /readyz answers 503 by design here: the test schema is made without migrations
    assert response.status_code < 500 or rule in READINESS, (
        shown + response.get_data(as_text=True)[:2000]
    )
    after = LAST_SNAPSHOT[app] = _snapshot(app)
    if rule not in BUTTONS and not any(category == "success" for category, _ in flashed):
        assert after == before, f"{shown}: a refused request changed rows"
    to_login = response.status_code == 302 and "/account/login" in response.location
    return response.status_code not in (401, 403) and not to_login


@pytest.mark.parametrize(("rule", "method"), RULES, ids=[f"{m} {r}" for r, m in RULES])
def test_bad_input_never_breaks_a_page_nor_changes_a_row(engine_app, world, rule, method):
    """Every route answers bad input below 500, and a refusal leaves the database unchanged.

    As each kind of user the route admits: every field (or query parameter) at once set to each
    value known to have crashed a page, the URL's ids beyond what a column holds, then
    Hypothesis-generated mixtures of bad and missing values.
    """
    ids = world["ids"]
    # No app context is held here: each request gets its own, so its signed-in user too.
    LAST_SNAPSHOT.pop(engine_app, None)
    for role in ROLES:
        client = signed_in(world, role)
        url = _url(rule, lambda name: str(ids.get(name) or 1))
        names = _names(client, url, method, world)
        if not _submit(engine_app, client, role, method, url, dict.fromkeys(names, "sNaN"), rule):
            continue
        for value in KNOWN_CRASHES:
            _submit(engine_app, client, role, method, url, dict.fromkeys(names, value), rule)
        for huge in (str(2**31), HUGE):
            _submit(engine_app, client, role, method, _url(rule, lambda name, n=huge: n), {}, rule)
        _generated(engine_app, client, role, method, rule, names, ids)


def _names(client, url: str, method: str, world) -> list[str]:
    """What a request to ``url`` may carry: the page's own fields, or every known one."""
    known = _page_fields(world["app"], client, url)
    if method == "GET":
        return sorted(set(world["queries"]) | set(known))
    return known or world["fields"]


def _generated(app, client, role: str, method: str, rule: str, names: list[str], ids: dict) -> None:
    @settings(max_examples=2, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def attempt(data):
        url = _url(rule, lambda name: _draw_id(data, ids, name), data)
        values = {}
        for name in names:
            value = data.draw(FIELD_VALUE, label=name)
            if value is not None:
                values[name] = value
        _submit(app, client, role, method, url, values, rule)

    attempt()
