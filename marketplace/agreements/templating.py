"""Agreement templates: versioned Jinja sources rendered in a sandbox with every value filled."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from marketplace.errors import N_
from marketplace.i18n import fen_to_yuan, to_local
from marketplace.models import Agreement
from marketplace.policy import agreement_terms
from marketplace.policy.labour_relation import AgreementKind
from marketplace.policy.pricing import daily_pay_fen

TERMS_DIR = Path(__file__).resolve().parents[2] / "templates" / "agreements" / "terms"
# N(十五) and POLICY §3: every agreement states these; a template without one is refused.
REQUIRED_CLAUSES = (
    "parties",
    "work",
    "time",
    "pay",
    "rest",
    "protection",
    "termination",
    "dispute",
    "signatures",
)
EDITABLE_CLAUSES = ("work_content", "pay_method", "safety_equipment", "rest_note", "other_terms")
DEFAULT_PAY_METHOD = "转账到乙方本人的银行卡、微信或支付宝；或当面付现金，由乙方签收。"
PAY_UNITS_ZH = {"hour": "元/小时", "day": "元/天", "piece": "元/件"}
WORK_FORMS_ZH = {
    "part_time": "非全日制",
    "temporary": "临时性",
    "seasonal": "季节性",
    "flexible": "弹性",
}
SEASONS_ZH = {"none": "", "moratorium": "休渔期", "farming_lull": "农闲期", "harvest": "收获期"}
_VERSION = re.compile(r"version:\s*(\d+)")

_env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


class TemplateInvalid(ValueError):
    """A template source that does not render or lacks a required clause; msgid + params."""

    def __init__(self, msgid: str, **params: object) -> None:
        self.msgid = msgid
        self.params = params
        super().__init__(msgid % params if params else msgid)


def file_source(kind: AgreementKind) -> tuple[int, str]:
    """The version and Jinja source of a template shipped in templates/agreements/terms/."""
    source = (TERMS_DIR / f"{kind.value}.html.j2").read_text(encoding="utf-8")
    match = _VERSION.search(source)
    return (int(match.group(1)) if match else 1), source


@lru_cache(maxsize=64)
def _compiled(source: str):
    return _env.from_string(source)


def render_source(source: str, context: dict) -> str:
    """Render a template source in the sandbox (raises TemplateError on mistakes)."""
    return _compiled(source).render(**context).strip() + "\n"


def content_hash(text: str) -> str:
    """SHA-256 of the rendered text, as printed on the agreement and in its QR code."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chinese_date(day: date) -> str:
    """A date as 2026年5月1日."""
    return f"{day.year}年{day.month}月{day.day}日"


def mask_code(code: str | None) -> str:
    """A credit code masked like an ID number: first 4, asterisks, last 4."""
    if not code:
        return "无（个人或家庭）"
    return code[:4] + "*" * (len(code) - 8) + code[-4:]


def mask_name(name: str) -> str:
    """A name with most characters hidden: 陈阿海 → 陈**, 石浦海产合作社 → 石浦***作社."""
    name = name.strip()
    if len(name) <= 4:
        return name[:1] + "*" * (len(name) - 1)
    return name[:2] + "*" * (len(name) - 4) + name[-2:]


def public_facts(agreement: Agreement) -> dict[str, str]:
    """What anyone holding the QR code may learn: no ID numbers, phones or full names."""
    app = agreement.application
    gig = app.shift.gig
    signed = to_local(agreement.in_force_at) if agreement.in_force_at else None
    return {
        "gig_title": gig.title,
        "employer": mask_name(gig.employer.name),
        "worker": mask_name(app.worker.real_name),
        "in_force_on": signed.strftime("%Y-%m-%d") if signed else "",
        "kind": agreement.template.kind,
        "version": str(agreement.template.version),
        "revision": str(agreement.revision),
    }


def clauses_of(agreement: Agreement) -> dict[str, str]:
    """The free-text clauses, every editable key present."""
    stored = json.loads(agreement.clauses_json or "{}")
    return {key: stored.get(key, "") for key in EDITABLE_CLAUSES}


def default_clauses(description: str) -> dict[str, str]:
    """The clauses of a fresh draft: the gig's description and the usual pay method."""
    return {
        "work_content": description.strip()[:500],
        "pay_method": DEFAULT_PAY_METHOD,
        "safety_equipment": "",
        "rest_note": "",
        "other_terms": "",
    }


def context(agreement: Agreement) -> dict:
    """Every value an agreement states, formatted for the Chinese text."""
    app = agreement.application
    shift, worker = app.shift, app.worker
    gig = shift.gig
    employer = gig.employer
    start, end = to_local(shift.starts_at), to_local(shift.ends_at)
    minutes = int((shift.ends_at - shift.starts_at).total_seconds() // 60)
    due = end.date() + timedelta(days=gig.pay_within_days)
    return {
        "no": f"YLG-{agreement.created_at:%Y}-{agreement.id:06d}-{agreement.revision}",
        "version": agreement.template.version,
        "employer": {
            "name": employer.name,
            "code_masked": mask_code(employer.credit_code),
            "contact_name": employer.contact_name,
            "mobile": employer.user.mobile,
            "address": f"{employer.town.district.name_zh}{employer.town.name_zh}{employer.address}",
        },
        "worker": {
            "name": worker.real_name,
            "id_masked": worker.id_number_masked,
            "mobile": worker.user.mobile,
        },
        "gig": {
            "title": gig.title,
            "place": f"{gig.town.district.name_zh}{gig.town.name_zh}{gig.address}",
            "work_form": WORK_FORMS_ZH[gig.work_form.value],
            "season": SEASONS_ZH[gig.season_tag.value],
        },
        "shift": {
            "date": chinese_date(start.date()),
            "start": start.strftime("%H:%M"),
            "end": end.strftime("%H:%M") if end.date() == start.date() else f"次日 {end:%H:%M}",
            "hours": f"{minutes / 60:g}",
        },
        "pay": {
            "amount": fen_to_yuan(agreement.pay_fen),
            "unit": PAY_UNITS_ZH[gig.pay_unit.value],
            "daily": fen_to_yuan(
                daily_pay_fen(agreement.pay_fen, gig.pay_unit, minutes, gig.pieces_per_day)
            ),
            "within_days": gig.pay_within_days,
            "due": chinese_date(due),
        },
        "injury_insurance": gig.injury_insurance,
        "clauses": clauses_of(agreement),
    }


def render(agreement: Agreement) -> str:
    """The agreement's text from its own template version."""
    return render_source(agreement.template.source, context(agreement))


def sample_context(injury_insurance: bool) -> dict:
    """Made-up values to check a new template version before it is published."""
    clauses = default_clauses("样例工作内容：补网、整理网具。")
    clauses.update(safety_equipment="样例防护：手套", rest_note="样例补充", other_terms="样例约定")
    return {
        "no": "YLG-2026-000000-1",
        "version": 0,
        "employer": {
            "name": "样例单位",
            "code_masked": "9133**********0001",
            "contact_name": "样例联系人",
            "mobile": "13900000000",
            "address": "样例地址",
        },
        "worker": {"name": "样例姓名", "id_masked": "3302**********0000", "mobile": "13900000001"},
        "gig": {"title": "样例岗位", "place": "样例地点", "work_form": "临时性", "season": ""},
        "shift": {
            "date": chinese_date(datetime(2026, 5, 1).date()),
            "start": "08:00",
            "end": "12:00",
            "hours": "4",
        },
        "pay": {
            "amount": "987.65",
            "unit": "元/天",
            "daily": "1,975.30",
            "within_days": 7,
            "due": "2026年5月8日",
        },
        "injury_insurance": injury_insurance,
        "clauses": clauses,
    }


def _section(text: str, clause: str) -> str:
    match = re.search(rf'data-clause="{clause}".*?</section>', text, re.S)
    return match.group(0) if match else ""


def validate_source(source: str) -> None:
    """Refuse a template that fails to render, drops a clause or one of the N(十五) terms."""
    for insured in (True, False):
        sample_values = sample_context(insured)
        try:
            text = render_source(source, sample_values)
        except TemplateError as exc:
            raise TemplateInvalid(
                N_("The template does not render: %(error)s"), error=str(exc)
            ) from exc
        missing = [c for c in REQUIRED_CLAUSES if not _section(text, c)]
        if missing:
            raise TemplateInvalid(
                N_("The template lacks these sections: %(clauses)s"), clauses=", ".join(missing)
            )
        sections = {clause: _section(text, clause) for clause in REQUIRED_CLAUSES}
        shift, pay = sample_values["shift"], sample_values["pay"]
        sample = agreement_terms.Sample(
            shift["date"], shift["start"], shift["end"], pay["amount"], pay["due"]
        )
        term = agreement_terms.missing_term(sections, sample)
        if term is None and insured and "样例防护：手套" not in sections["protection"]:
            term = agreement_terms.TERMS["protection"]  # the post's own safety equipment
        if term is not None:
            raise TemplateInvalid(term)
