"""Words for wage-case states and steps, in the reader's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from marketplace.models import CaseSource, CaseStatus, ComplaintCategory
from marketplace.policy.disputes import SKIP_MEDIATION_REASONS
from marketplace.rights.registration import dashboard_panel

STATUS = {
    CaseStatus.OPEN: _l("Open: waiting for the employer"),
    CaseStatus.PAID_CLAIMED: _l("Employer says paid: waiting for the worker"),
    CaseStatus.DISPUTED: _l("Employer disputes: waiting for the worker"),
    CaseStatus.MEDIATION: _l("Station staff mediating"),
    CaseStatus.RESOLVED: _l("Resolved"),
    CaseStatus.ARBITRATION: _l("Referred to labour arbitration"),
}

COMPLAINT_STATUS = {
    CaseStatus.OPEN: _l("Open: waiting for the answer"),
    CaseStatus.DISPUTED: _l("Answered: waiting for the complainant"),
    CaseStatus.MEDIATION: _l("Station staff mediating"),
    CaseStatus.RESOLVED: _l("Resolved"),
    CaseStatus.ARBITRATION: _l("Referred to labour arbitration"),
}

SOURCE = {
    CaseSource.DETECTED: _l("Found by the system: not paid by the pay date"),
    CaseSource.REPORTED: _l("Reported by the worker: wages not received"),
}

CATEGORY = {
    ComplaintCategory.AGREEMENT_BREACH: _l("The agreement was broken"),
    ComplaintCategory.SAFETY: _l("Safety"),
    ComplaintCategory.DISCRIMINATION: _l("Discrimination"),
    ComplaintCategory.WORKER_FEE: _l("A fee was charged to the worker"),
    ComplaintCategory.OTHER: _l("Something else"),
}

STEPS = {
    "opened": _l("Case opened"),
    "paid": _l("Employer says it paid on"),
    "disputed": _l("Employer disputes"),
    "answered": _l("Answer"),
    "agreed": _l("Worker agrees"),
    "not_agreed": _l("Worker does not agree; asks for mediation"),
    "mediate": _l("Staff mediating"),
    "resolve": _l("Staff: resolved"),
    "refer": _l("Staff: referred to labour arbitration"),
    # Referred without mediation: the recorded reason (policy.disputes).
    **{f"skip:{key}": _l(label) for key, label in SKIP_MEDIATION_REASONS.items()},
}


def init_labels(state) -> None:
    """Give templates ``case_label`` and the dashboard's ``rights_panel`` (one call, no markup)."""
    state.app.jinja_env.globals["rights_panel"] = dashboard_panel
    state.app.jinja_env.globals["complaint_status"] = COMPLAINT_STATUS.get
    state.app.jinja_env.globals["case_label"] = lambda value: (
        STATUS.get(value) or SOURCE.get(value) or CATEGORY.get(value) or STEPS.get(value, value)
    )
