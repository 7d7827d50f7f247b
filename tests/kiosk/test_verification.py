"""Verifying employers: the queue and its credit-code checks, approving and rejecting."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from marketplace.employers import verification as v
from marketplace.employers.services import EmployerProfileInput, profile_of, save_profile
from marketplace.errors import NotFound
from marketplace.models import (
    AuditLog,
    EmployerKind,
    Notification,
    OutboxMessage,
    Verification,
    db,
    utcnow,
)
from marketplace.notifications.services import text_of
from marketplace.policy import credit_code as gb32100
from tests.factories import credit_code, make_employer, make_gig

REASON = "营业执照上的名称与填写的不一致"


def _employer(name: str, age_days: int = 0, code: str | None = "", kind=EmployerKind.COMPANY):
    """An employer registered ``age_days`` ago; ``code=None`` stores no credit code at all."""
    user = make_employer(name, verified=False)
    profile = profile_of(user)
    profile.kind = kind
    if code is None or code:
        profile.credit_code = code
    profile.created_at = utcnow() - timedelta(days=age_days)
    db.session.flush()
    return profile


def _broken(code: str) -> str:
    """The code with a wrong check character (as older data may hold it)."""
    return code[:-1] + ("1" if code[-1] != "1" else "2")


def _input(profile, **changes) -> EmployerProfileInput:
    data = EmployerProfileInput(
        kind=profile.kind,
        name=profile.name,
        credit_code=profile.credit_code or "",
        contact_name=profile.contact_name,
        town_id=profile.town_id,
        address=profile.address,
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def _audits() -> list[AuditLog]:
    return list(
        db.session.scalars(select(AuditLog).where(AuditLog.action == "kiosk_verify_employer"))
    )


def test_queue_is_pending_oldest_first_with_credit_code_checks(app):
    """Only waiting employers, oldest first, each with the result of the GB 32100 check."""
    _employer("新公司", age_days=1)
    _employer("张阿姨家", age_days=5, code=None, kind=EmployerKind.HOUSEHOLD)
    _employer("无代码平台", age_days=4, code=None, kind=EmployerKind.PLATFORM)
    _employer("错代码公司", age_days=3, code=_broken(credit_code()))
    make_employer("已审核公司", verified=True)

    rows = v.queue()

    assert [(r.profile.name, r.check) for r in rows] == [
        ("张阿姨家", v.CreditCheck.NOT_NEEDED),
        ("无代码平台", v.CreditCheck.MISSING),
        ("错代码公司", v.CreditCheck.INVALID),
        ("新公司", v.CreditCheck.VALID),
    ]


def test_queue_flags_employers_sharing_a_name(app):
    """Two accounts with the same name are both flagged; a unique name is not."""
    _employer("象山海鲜加工厂")
    make_employer("象山海鲜加工厂", verified=True)
    _employer("石浦渔具店")
    flags = {r.profile.name: r.same_name for r in v.queue()}
    assert flags == {"象山海鲜加工厂": 1, "石浦渔具店": 0}


def test_approve_verifies_logs_and_tells_the_employer(app, staff, station):
    """Approval records the time, logs staff, station and decision, and notifies by inbox + SMS."""
    profile = _employer("象山海鲜加工厂")
    profile.verification_note = "earlier refusal"

    v.approve(staff, station, profile.user_id, "10.0.0.7")

    assert profile.verification == Verification.VERIFIED and profile.verified_at is not None
    assert profile.verification_note == ""
    assert v.queue() == []
    (log,) = _audits()
    assert (log.actor_id, log.subject, log.ip) == (
        staff.id,
        f"employer:{profile.user_id}",
        "10.0.0.7",
    )
    assert f"station:{station.code}" in log.detail and "decision:verified" in log.detail
    note = db.session.scalars(select(Notification)).one()
    assert (note.user_id, note.kind) == (profile.user_id, "employer_verified")
    with app.test_request_context():
        assert "象山海鲜加工厂" in text_of(note)
    sms = db.session.scalars(select(OutboxMessage)).one()
    assert sms.recipient == profile.user.mobile and "象山海鲜加工厂" in sms.body


def test_reject_needs_a_reason_and_changes_nothing_without_one(app, staff, station):
    """A blank reason is refused; the employer stays in the queue and nobody is told."""
    profile = _employer("象山海鲜加工厂")
    for blank in ("", "   \n"):
        with pytest.raises(v.ReasonRequired):
            v.reject(staff, station, profile.user_id, blank)
    with pytest.raises(v.ReasonTooLong):
        v.reject(staff, station, profile.user_id, "x" * (v.REASON_MAX + 1))
    assert profile.verification == Verification.PENDING
    assert _audits() == [] and db.session.scalar(select(Notification.id)) is None


def test_reject_keeps_the_reason_for_the_employer(app, staff, station):
    """The reason is stored, logged and sent to the employer's inbox."""
    profile = _employer("象山海鲜加工厂")
    v.reject(staff, station, profile.user_id, f"  {REASON}  ")
    assert profile.verification == Verification.REJECTED
    assert profile.verification_note == REASON and profile.verified_at is None
    (log,) = _audits()
    assert "decision:rejected" in log.detail and REASON in log.detail
    note = db.session.scalars(select(Notification)).one()
    assert note.kind == "employer_rejected"
    sms = db.session.scalars(select(OutboxMessage)).one()
    assert sms.notification_id == note.id and REASON in sms.body


def test_a_long_reason_is_cut_in_the_notification_but_kept_whole(app, staff, station):
    """The inbox line is short; the profile keeps every word."""
    profile = _employer("象山海鲜加工厂")
    reason = "请补充材料。" * 40
    v.reject(staff, station, profile.user_id, reason)
    note = db.session.scalars(select(Notification)).one()
    assert len(note.subject) == 120 and note.subject.endswith("…")
    assert profile.verification_note == reason


@pytest.mark.parametrize(
    "first, second",
    [("approve", "approve"), ("approve", "reject"), ("reject", "approve"), ("reject", "reject")],
)
def test_an_employer_is_decided_only_once(app, staff, station, first, second):
    """A second decision is refused and the first one stands."""
    profile = _employer("象山海鲜加工厂")
    decide = {
        "approve": lambda: v.approve(staff, station, profile.user_id),
        "reject": lambda: v.reject(staff, station, profile.user_id, REASON),
    }
    decide[first]()
    state = profile.verification
    with pytest.raises(v.AlreadyDecided):
        decide[second]()
    assert profile.verification == state and len(_audits()) == 1


@pytest.mark.parametrize(
    "code, kind, error",
    [
        ("broken", EmployerKind.COMPANY, v.CreditCodeFails),
        ("broken", EmployerKind.INDIVIDUAL, v.CreditCodeFails),
        (None, EmployerKind.COMPANY, v.CreditCodeMissing),
        (None, EmployerKind.PLATFORM, v.CreditCodeMissing),
    ],
)
def test_a_failing_credit_code_cannot_be_approved(app, staff, station, code, kind, error):
    """An invalid or missing (where required) credit code blocks approval; rejecting still works."""
    code = _broken(credit_code()) if code == "broken" else code
    profile = _employer("问题公司", code=code, kind=kind)
    with pytest.raises(error):
        v.approve(staff, station, profile.user_id)
    assert profile.verification == Verification.PENDING and _audits() == []
    v.reject(staff, station, profile.user_id, "信用代码校验不通过")
    assert profile.verification == Verification.REJECTED


@pytest.mark.parametrize(
    "code, fault",
    [
        (credit_code(prefix="B1"), gb32100.MSG_CREDIT_AUTHORITY),
        (credit_code(prefix="94"), gb32100.MSG_CREDIT_TYPE),
        (credit_code(division="999999"), gb32100.MSG_CREDIT_DIVISION),
        (_broken(credit_code()), gb32100.MSG_CREDIT_CHECK),
    ],
)
def test_staff_are_told_which_part_of_a_stored_credit_code_is_wrong(
    app, staff, station, code, fault
):
    """A code saved before a rule existed is flagged with its fault, and cannot be approved."""
    profile = _employer("旧数据公司", code=code)
    [row] = v.queue()
    assert (row.check, row.fault) == (v.CreditCheck.INVALID, fault)
    found = v.detail(staff, station, profile.user_id)
    assert (found.check, found.fault) == (v.CreditCheck.INVALID, fault)
    with pytest.raises(v.CreditCodeFails):
        v.approve(staff, station, profile.user_id)
    assert profile.verification == Verification.PENDING


def test_a_valid_credit_code_has_no_fault(app, staff, station):
    """Nothing is flagged for a code that passes, including 330204 (江东区, abolished 2016)."""
    _employer("江东老公司", code=credit_code(division="330204"))
    [row] = v.queue()
    assert (row.check, row.fault) == (v.CreditCheck.VALID, "")


def test_a_household_without_credit_code_can_be_approved(app, staff, station):
    """Individuals and households need no credit code."""
    profile = _employer("张阿姨家", code=None, kind=EmployerKind.HOUSEHOLD)
    v.approve(staff, station, profile.user_id)
    assert profile.is_verified


def test_unknown_employer_is_not_found(app, staff, station):
    """No such employer: NotFound, not a crash."""
    with pytest.raises(NotFound):
        v.approve(staff, station, 999_999)
    with pytest.raises(NotFound):
        v.detail(staff, station, 999_999)


def test_renamed_employer_goes_back_to_the_queue(app, staff, station):
    """A verified employer who changes its name waits for staff again."""
    profile = _employer("象山海鲜加工厂")
    v.approve(staff, station, profile.user_id)
    save_profile(profile.user, _input(profile, address="石浦镇新港路2号"))
    assert profile.is_verified  # an address change keeps the badge
    save_profile(profile.user, _input(profile, name="象山海鲜食品有限公司"))
    assert profile.verification == Verification.PENDING and profile.verified_at is None
    assert [r.profile.name for r in v.queue()] == ["象山海鲜食品有限公司"]


def test_rejected_employer_who_saves_again_goes_back_to_the_queue(app, staff, station):
    """After a refusal, saving the corrected profile asks staff again; the old reason stays."""
    profile = _employer("象山海鲜加工厂")
    v.reject(staff, station, profile.user_id, "地址不详细")
    save_profile(profile.user, _input(profile, address="石浦镇渔港路1号3号楼"))
    assert profile.verification == Verification.PENDING
    assert [r.profile.user_id for r in v.queue()] == [profile.user_id]
    assert v.detail(staff, station, profile.user_id).profile.verification_note == "地址不详细"


def test_detail_counts_recent_gigs_and_names_twins(app, staff, station):
    """Staff see how many gigs the employer posted and who else has its name."""
    employer = make_employer("象山海鲜加工厂")
    twin = make_employer("象山海鲜加工厂")
    make_gig(employer)
    old = make_gig(employer, title="旧活")
    old.created_at = utcnow() - timedelta(days=v.RECENT_GIGS_DAYS + 1)
    found = v.detail(staff, station, employer.id)
    assert (found.recent_gigs, found.all_gigs) == (1, 2)
    assert [p.user_id for p in found.same_name] == [twin.id]
    assert found.check == v.CreditCheck.VALID
    view = db.session.scalars(select(AuditLog).where(AuditLog.action == "kiosk_view_employer"))
    assert view.one().detail == f"station:{station.code}"
