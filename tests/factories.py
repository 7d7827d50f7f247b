"""Test data built through the services, so every factory obeys the same rules as users."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from marketplace.accounts.services import register
from marketplace.agreements.services import current_agreement, text_of
from marketplace.agreements.signing import sign
from marketplace.agreements.templating import content_hash
from marketplace.employers.services import EmployerProfileInput
from marketplace.employers.services import save_profile as save_employer
from marketplace.gigs.services import GigInput, ShiftInput, post_gig
from marketplace.i18n import to_local
from marketplace.models import (
    EmployerKind,
    EmployerProfile,
    Hukou,
    PayUnit,
    Role,
    SeasonTag,
    Skill,
    SkillCategory,
    Town,
    User,
    WorkerProfile,
    WorkForm,
    db,
    utcnow,
)
from marketplace.workers.services import WorkerProfileInput
from marketplace.workers.services import save_profile as save_worker

PASSWORD = "secret-pass-1"
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_counter = itertools.count(1)


def id_number(
    birth: date = date(1985, 6, 15), serial: int | None = None, region: str = "330225"
) -> str:
    """A valid GB 11643 identity number."""
    serial = next(_counter) % 1000 if serial is None else serial
    body = f"{region}{birth:%Y%m%d}{serial:03d}"
    total = sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def credit_code(seq: int | None = None, prefix: str = "91", division: str = "330200") -> str:
    """A GB 32100 unified social credit code with a correct check character (valid by default)."""
    seq = next(_counter) if seq is None else seq
    body = f"{prefix}{division}MA2A{seq:05d}"
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(body, _CREDIT_WEIGHTS, strict=True))
    return body + _CREDIT_CHARS[(31 - total % 31) % 31]


def mobile() -> str:
    """A fresh valid mobile number."""
    return f"139{next(_counter):08d}"


def town(name_zh: str | None = None) -> Town:
    """A seeded town (by Chinese name, or the first one)."""
    stmt = select(Town).order_by(Town.code)
    if name_zh:
        stmt = stmt.where(Town.name_zh == name_zh)
    return db.session.scalars(stmt).first()


def category(code: str = "cleaning") -> SkillCategory:
    """A seeded skill category."""
    return db.session.scalar(select(SkillCategory).where(SkillCategory.code == code))


def make_worker(name: str = "张三", **overrides):
    """A worker account with a complete profile."""
    user = register(mobile(), PASSWORD, Role.WORKER, name)
    data = WorkerProfileInput(
        real_name=name,
        id_number=id_number(),
        hukou=Hukou.NINGBO,
        town_id=town().id,
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    save_worker(user, data)
    return user


def make_employer(name: str = "宁波海鲜加工有限公司", verified: bool = True):
    """An employer account with a company profile, verified unless ``verified=False``.

    Verified by default: an employer waiting for verification only posts drafts.
    """
    user = register(mobile(), PASSWORD, Role.EMPLOYER, name)
    profile = save_employer(
        user,
        EmployerProfileInput(
            kind=EmployerKind.COMPANY,
            name=name,
            credit_code=credit_code(),
            contact_name="李经理",
            town_id=town().id,
            address="石浦镇渔港路1号",
        ),
    )
    if verified:
        from marketplace.models import Verification

        profile.verification = Verification.VERIFIED
    return user


def shift_in(days: int = 2, hour: int = 8, hours: int = 8, slots: int = 3) -> ShiftInput:
    """A shift ``days`` from today (Asia/Shanghai) at ``hour`` local time."""
    day = to_local(utcnow()).date() + timedelta(days=days)
    end_hour = (hour + hours) % 24
    return ShiftInput(day=day, start=time(hour), end=time(end_hour), slots=slots)


def make_gig(
    employer, title: str = "休渔期补网工", shifts: list[ShiftInput] | None = None, **overrides
):
    """A published gig with one shift two days ahead unless ``shifts`` is given."""
    cat = category(overrides.pop("category_code", "cleaning"))
    data = GigInput(
        title=title,
        description="补网、整理网具，自带手套。",
        category_id=cat.id,
        town_id=town().id,
        address="石浦渔港",
        work_form=WorkForm.TEMPORARY,
        season_tag=SeasonTag.NONE,
        pay_fen=20000,
        pay_unit=PayUnit.DAY,
        shifts=shifts or [shift_in()],
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return post_gig(employer, data)


def first_skill(category_code: str = "cleaning") -> Skill:
    """A seeded skill of a category."""
    return category(category_code).skills[0]


def move_shift(shift, starts_at: datetime, hours: int = 8) -> None:
    """Put a shift at another time (tests of check-in and pay need past shifts)."""
    shift.starts_at = starts_at
    shift.ends_at = starts_at + timedelta(hours=hours)
    db.session.flush()


def gig_form(**fields) -> dict:
    """The fields of the post-a-gig form: a day-paid temporary gig with one shift in three days,
    the POLICY §3 answers of a written agreement and the employer's confirmation; ``fields``
    replace or add fields (``None`` removes one)."""
    day = (to_local(utcnow()) + timedelta(days=3)).date().isoformat()
    data = {
        "title": "杨梅采摘",
        "description": "上山采摘杨梅。",
        "category_id": str(category("farming").id),
        "town_id": str(town().id),
        "address": "茅洋乡",
        "work_form": "temporary",
        "season_tag": "none",
        "pay": "200",
        "pay_unit": "day",
        "pay_within_days": "7",
        "shifts-0-day": day,
        "shifts-0-start": "07:00",
        "shifts-0-end": "15:00",
        "shifts-0-slots": "2",
        "q_qualified": "yes",
        "q_employer_rules": "no",
        "q_core_business": "no",
        "q_manages_process": "yes",
        "assessed_outcome": "written_agreement",
        "confirm_assessment": "y",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def sign_agreement(application) -> None:
    """Both sides sign the application's agreement draft, as they would on their phones."""
    agreement = current_agreement(application)
    if agreement is None:
        return
    worker = db.session.get(User, application.worker_id)
    employer = db.session.get(User, application.shift.gig.employer_id)
    worker_name = db.session.get(WorkerProfile, worker.id).real_name
    employer_name = db.session.get(EmployerProfile, employer.id).name
    for user, name in ((worker, worker_name), (employer, employer_name)):
        sign(user, agreement.id, name, True, content_hash(text_of(agreement)))
