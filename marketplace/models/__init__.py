"""All models, importable from one place."""

from marketplace.models.accidents import AccidentReport
from marketplace.models.accounts import AuditLog, CodePurpose, MobileCode, Role, User
from marketplace.models.agreements import (
    Agreement,
    AgreementSignature,
    AgreementStatus,
    AgreementTemplate,
    Party,
)
from marketplace.models.base import db, rows_changed, utcnow
from marketplace.models.employers import EmployerKind, EmployerProfile, Favourite, Verification
from marketplace.models.gig_search import GigSearch
from marketplace.models.gigs import Gig, GigStatus, PayUnit, SeasonTag, Shift, WorkForm, gig_skill
from marketplace.models.kiosk import (
    AssistedSignup,
    JobNeed,
    Referral,
    ReferralStatus,
    staff_station,
)
from marketplace.models.matching import Impression, IndexVersion
from marketplace.models.notifications import Notification, OutboxMessage, OutboxStatus
from marketplace.models.reference import (
    District,
    MinimumWage,
    Season,
    Skill,
    SkillCategory,
    Station,
    Town,
)
from marketplace.models.rights import (
    BenefitFacts,
    CaseEvent,
    CaseSource,
    CaseStatus,
    Complaint,
    ComplaintCategory,
    Registration,
    WageCase,
)
from marketplace.models.scheduler import ScheduledRun
from marketplace.models.work import (
    AppealReason,
    AppealStatus,
    Application,
    AppStatus,
    CalendarFeed,
    NoShowAppeal,
    Payment,
    Rating,
)
from marketplace.models.workers import (
    ALL_WEEKDAYS,
    Hukou,
    WorkerProfile,
    worker_season,
    worker_skill,
)

__all__ = [
    "AccidentReport",
    "AssistedSignup",
    "Agreement",
    "AgreementSignature",
    "AgreementStatus",
    "AgreementTemplate",
    "Party",
    "ALL_WEEKDAYS",
    "Impression",
    "OutboxMessage",
    "OutboxStatus",
    "IndexVersion",
    "JobNeed",
    "Referral",
    "ReferralStatus",
    "AppStatus",
    "AppealReason",
    "AppealStatus",
    "CalendarFeed",
    "Application",
    "NoShowAppeal",
    "AuditLog",
    "BenefitFacts",
    "CaseEvent",
    "CaseSource",
    "CodePurpose",
    "CaseStatus",
    "Complaint",
    "ComplaintCategory",
    "Registration",
    "ScheduledRun",
    "WageCase",
    "District",
    "EmployerKind",
    "EmployerProfile",
    "Favourite",
    "Gig",
    "GigSearch",
    "GigStatus",
    "Hukou",
    "MinimumWage",
    "MobileCode",
    "Notification",
    "PayUnit",
    "Payment",
    "Rating",
    "Role",
    "rows_changed",
    "Season",
    "SeasonTag",
    "Shift",
    "Skill",
    "SkillCategory",
    "Station",
    "Town",
    "User",
    "Verification",
    "WorkForm",
    "WorkerProfile",
    "db",
    "gig_skill",
    "staff_station",
    "utcnow",
    "worker_season",
    "worker_skill",
]
