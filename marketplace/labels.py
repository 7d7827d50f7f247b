"""Words shown for stored codes, in the reader's language."""

from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l

from marketplace.i18n import is_english
from marketplace.models import (
    AppealReason,
    AppealStatus,
    AppStatus,
    EmployerKind,
    GigStatus,
    Hukou,
    PayUnit,
    Role,
    SeasonTag,
    Verification,
    WorkForm,
)
from marketplace.policy.citations import readable
from marketplace.policy.injury import Cover
from marketplace.policy.labour_relation import AgreementKind, Outcome

# Keyed by (enum, value): members of different enums may share a value ("rejected" is both an
# application's and a verification's status), and a plain member key would merge them.
_WORDS: list[tuple[enum.Enum, object]] = [
    (GigStatus.DRAFT, _l("Waiting for verification")),
    (GigStatus.OPEN, _l("Open")),
    (GigStatus.CLOSED, _l("Closed")),
    (WorkForm.PART_TIME, _l("Part-time (非全日制)")),
    (WorkForm.TEMPORARY, _l("Temporary (临时性)")),
    (WorkForm.SEASONAL, _l("Seasonal (季节性)")),
    (WorkForm.FLEXIBLE, _l("Flexible (弹性)")),
    (SeasonTag.NONE, _l("No particular season")),
    (SeasonTag.MORATORIUM, _l("Fishing moratorium (休渔期)")),
    (SeasonTag.FARMING_LULL, _l("Farming lull (农闲期)")),
    (SeasonTag.HARVEST, _l("Harvest")),
    (PayUnit.HOUR, _l("per hour")),
    (PayUnit.DAY, _l("per day")),
    (PayUnit.PIECE, _l("per piece")),
    (AppStatus.INVITED, _l("Invited")),
    (AppStatus.APPLIED, _l("Applied")),
    (AppStatus.ACCEPTED, _l("Accepted")),
    (AppStatus.REJECTED, _l("Not accepted")),
    (AppStatus.WITHDRAWN, _l("Withdrawn")),
    (AppStatus.NO_SHOW, _l("Did not come")),
    (AppealReason.ILLNESS, _l("Ill or injured")),
    (AppealReason.WEATHER, _l("Weather (e.g. a typhoon)")),
    (AppealReason.EMERGENCY, _l("Family emergency")),
    (AppealReason.EMPLOYER, _l("The employer changed or cancelled the work")),
    (AppealReason.CAME, _l("Came but was not checked in")),
    (AppealReason.OTHER, _l("Other reason")),
    (Cover.WORK_INJURY, _l("Work-injury insurance (工伤保险) from the employer")),
    (Cover.ACCIDENT, _l("The platform's accident insurance (意外险)")),
    (Cover.NONE, _l("No injury insurance")),
    (AppealStatus.PENDING, _l("Waiting for station staff")),
    (AppealStatus.UPHELD, _l("The no-show stands")),
    (AppealStatus.OVERTURNED, _l("Reason accepted: the no-show does not count")),
    (EmployerKind.COMPANY, _l("Company or organisation")),
    (EmployerKind.PLATFORM, _l("Online platform")),
    (EmployerKind.INDIVIDUAL, _l("Individual")),
    (EmployerKind.HOUSEHOLD, _l("Household")),
    (Verification.PENDING, _l("Not yet verified")),
    (Verification.VERIFIED, _l("Verified by station staff")),
    (Verification.REJECTED, _l("Verification refused")),
    (Hukou.NINGBO, _l("Ningbo")),
    (Hukou.ZHEJIANG, _l("Elsewhere in Zhejiang")),
    (Hukou.OTHER, _l("Another province")),
    (Role.WORKER, _l("Worker")),
    (Role.EMPLOYER, _l("Employer")),
    (Role.STAFF, _l("Station staff")),
    (Role.ADMIN, _l("Administrator")),
    (Outcome.LABOUR_CONTRACT, _l("Labour contract required (劳动合同)")),
    (Outcome.WRITTEN_AGREEMENT, _l("Written agreement required (书面协议)")),
    (Outcome.SERVICE_AGREEMENT, _l("Service agreement recommended (劳务协议)")),
    (AgreementKind.TEMPORARY, _l("Written agreement for temporary work (临时性用工书面协议)")),
    (AgreementKind.SEASONAL, _l("Agreement for seasonal work (季节性用工协议)")),
    (AgreementKind.PART_TIME, _l("Agreement for part-time work (非全日制用工协议)")),
    (AgreementKind.SERVICE, _l("Service agreement (劳务协议)")),
    (AgreementKind.PT_CONTRACT, _l("Part-time labour contract (非全日制劳动合同)")),
]
LABELS: dict[tuple[type, str], object] = {(type(m), m.value): text for m, text in _WORDS}


def label(value: enum.Enum) -> str:
    """The translated word for an enum member."""
    if not isinstance(value, enum.Enum):
        return str(value)
    return str(LABELS.get((type(value), value.value), value))


def choices(*members: enum.Enum) -> list[tuple[str, object]]:
    """(value, label) pairs for a radio or select field."""
    return [(m.value, LABELS[(type(m), m.value)]) for m in members]


def cite(citation: object) -> str:
    """A source code (N(九), P 三(二), 劳社部发…) as a readable citation, in the page language."""
    return readable(str(citation), "en" if is_english() else "zh")
