"""What the demo generator plans before it inserts anything: accounts, gigs and shifts.

These plain records sit below the modules that fill them in (people, gigs, wording, staffing),
so each of those can use them without importing another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from marketplace.models import EmployerKind, GigStatus, PayUnit, SeasonTag, WorkForm
from marketplace.policy.pricing import daily_pay_fen
from marketplace.seeding.demo.context import SkillRef, TownRef


@dataclass
class WorkerSeed:
    """One worker: the account, the profile, and what the gig matcher needs to know."""

    user: dict
    profile: dict
    skills: list[SkillRef]
    season_ids: list[int]
    town: TownRef
    user_id: int = 0  # set once the account is inserted

    @property
    def category_codes(self) -> list[str]:
        """The categories of the worker's skills, without repeats."""
        return list(dict.fromkeys(s.category_code for s in self.skills))


@dataclass
class EmployerSeed:
    """One employer: the account, the profile, and the sector it hires for."""

    user: dict
    profile: dict
    kind: EmployerKind
    sector: str
    town: TownRef
    verified: bool
    user_id: int = 0  # set once the account is inserted


@dataclass
class ShiftPlan:
    """One shift of a planned gig."""

    starts_at: datetime
    ends_at: datetime
    slots: int
    checkin_code: str
    filled: int = 0
    id: int = 0  # set once inserted


@dataclass
class GigPlan:
    """Everything needed to insert a gig, its skills and its shifts."""

    employer: EmployerSeed
    category_code: str
    skills: list[SkillRef]
    town: TownRef
    work_form: WorkForm
    season_tag: SeasonTag
    pay_unit: PayUnit
    pay_fen: int
    pieces_per_day: int | None
    minutes: int
    shifts: list[ShiftPlan]
    lat: float
    lon: float
    title: str = ""
    description: str = ""
    address: str = ""
    pay_within_days: int = 7
    injury_insurance: bool = False
    created_at: datetime | None = None
    piece_unit: str = ""
    id: int = 0  # set once inserted

    @property
    def daily_pay_fen(self) -> int:
        """What a day's work pays (marketplace.policy.pricing)."""
        return daily_pay_fen(self.pay_fen, self.pay_unit, self.minutes, self.pieces_per_day)

    def status(self, now: datetime) -> GigStatus:
        """Open while a shift is still to come."""
        return GigStatus.OPEN if any(s.starts_at > now for s in self.shifts) else GigStatus.CLOSED
