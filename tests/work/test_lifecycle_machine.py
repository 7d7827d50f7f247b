"""Random sequences of workers', employers', staff's and the scheduler's actions keep the records
consistent: after every step the invariants of ``tests/work/invariants.py`` hold (Hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from marketplace.accounts.services import register as register_account
from marketplace.errors import DomainError
from marketplace.matchmaking.services import invite
from marketplace.models import Application, AppStatus, Role, Shift, User, WageCase, db, utcnow
from marketplace.policy.labour_relation import Answers
from marketplace.rights import cases
from marketplace.work import attendance, services
from marketplace.work.jobs import hours_stand
from tests.factories import (
    make_employer,
    make_gig,
    make_worker,
    mobile,
    move_shift,
    shift_in,
    sign_agreement,
)
from tests.work.invariants import broken_invariants

PICK = st.integers(min_value=0, max_value=63)
# A labour relationship: the contract is signed off the platform, so check-in needs no signing.
STAFF_LIKE = Answers(qualified=True, employer_rules=True, core_business=True, manages_process=True)


def _nth(rows: list, pick: int):
    return rows[pick % len(rows)] if rows else None


class Market(RuleBasedStateMachine):
    """One example: a small market whose applications start empty; everything is rolled back."""

    people: dict[str, list[int]] = {}

    def __init__(self) -> None:
        super().__init__()
        self.example = db.session.begin_nested()

    def teardown(self) -> None:
        """Undo the example, keeping the people and gigs for the next one."""
        self.example.rollback()
        db.session.expire_all()

    def _user(self, kind: str, pick: int) -> User:
        return db.session.get_one(User, _nth(self.people[kind], pick))

    def _apps(self, *statuses: AppStatus) -> list[Application]:
        stmt = select(Application).order_by(Application.id)
        if statuses:  # aim mostly at records the action could apply to; refusals still come
            stmt = stmt.where(Application.status.in_(statuses))
        return list(db.session.scalars(stmt))

    @initialize()
    def workers_apply(self) -> None:
        """Workers applied to the two overlapping shifts that start soonest; two are accepted."""
        for worker in self.people["workers"]:
            for shift in (0, 2):
                user = db.session.get_one(User, worker)
                self._try(services.apply_to_shift, user, self._shift(shift))
        first, second = self._apps()[0], self._apps()[3]  # worker 1 on shift 0, worker 2 on 2
        for app in (first, second):
            employer = db.session.get_one(User, app.shift.gig.employer_id)
            self._try(services.accept, employer, app.id)
        self._try(sign_agreement, first)

    def _try(self, action, *args) -> None:
        try:
            with db.session.begin_nested():
                action(*args)
        except DomainError:
            pass  # a refusal changes nothing; the invariants below check that it did not
        db.session.expire_all()

    @rule(worker=PICK, shift=PICK)
    def worker_applies(self, worker: int, shift: int) -> None:
        """A worker applies to a shift."""
        self._try(services.apply_to_shift, self._user("workers", worker), self._shift(shift))

    @rule(shift=PICK, worker=PICK)
    def employer_invites(self, shift: int, worker: int) -> None:
        """The gig's employer invites a worker."""
        employer = db.session.get_one(Shift, self._shift(shift)).gig.employer_id
        args = (db.session.get_one(User, employer), self._shift(shift))
        self._try(invite, *args, _nth(self.people["workers"], worker))

    @rule(pick=PICK, accept=st.booleans())
    def employer_decides(self, pick: int, accept: bool) -> None:
        """The gig's employer accepts or rejects an application."""
        app = _nth(self._apps(AppStatus.APPLIED), pick)
        if app is not None:
            employer = db.session.get_one(User, app.shift.gig.employer_id)
            self._try(services.accept if accept else services.reject, employer, app.id)

    @rule(pick=PICK)
    def worker_withdraws(self, pick: int) -> None:
        """The worker withdraws."""
        app = _nth(self._apps(AppStatus.INVITED, AppStatus.APPLIED, AppStatus.ACCEPTED), pick)
        if app is not None:
            self._try(services.withdraw, db.session.get_one(User, app.worker_id), app.id)

    @rule(pick=PICK)
    def both_sign(self, pick: int) -> None:
        """Both sides sign the agreement."""
        app = _nth(self._apps(AppStatus.ACCEPTED), pick)
        if app is not None:
            self._try(sign_agreement, app)

    @rule(pick=PICK)
    def worker_checks(self, pick: int) -> None:
        """The worker types the code: check in, then out."""
        app = _nth(self._apps(AppStatus.ACCEPTED), pick)
        if app is not None:
            worker = db.session.get_one(User, app.worker_id)
            self._try(attendance.check_with_code, worker, app.id, app.shift.checkin_code)

    @rule(pick=PICK, hours=st.integers(min_value=1, max_value=10))
    def employer_confirms(self, pick: int, hours: int) -> None:
        """The employer confirms hours."""
        app = _nth(self._apps(AppStatus.ACCEPTED), pick)
        if app is not None:
            employer = db.session.get_one(User, app.shift.gig.employer_id)
            self._try(attendance.confirm_hours, employer, app.id, hours * 60)

    @rule(pick=PICK)
    def employer_records_no_show(self, pick: int) -> None:
        """The employer says the worker never came."""
        app = _nth(self._apps(AppStatus.ACCEPTED), pick)
        if app is not None:
            employer = db.session.get_one(User, app.shift.gig.employer_id)
            self._try(services.mark_no_show, employer, app.id)

    @rule(pick=PICK, yuan=st.integers(min_value=1, max_value=400))
    def employer_pays(self, pick: int, yuan: int) -> None:
        """The employer records a payment."""
        app = _nth(self._apps(AppStatus.ACCEPTED), pick)
        if app is not None:
            employer = db.session.get_one(User, app.shift.gig.employer_id)
            self._try(attendance.record_payment, employer, app.id, yuan * 100, date.today())

    @rule(pick=PICK, by_worker=st.booleans())
    def a_side_rates(self, pick: int, by_worker: bool) -> None:
        """One side rates the other."""
        app = _nth(self._apps(AppStatus.ACCEPTED), pick)
        if app is not None:
            rater = app.worker_id if by_worker else app.shift.gig.employer_id
            self._try(attendance.rate, db.session.get_one(User, rater), app.id, 4, "")

    @rule(pick=PICK)
    def worker_reports_unpaid(self, pick: int) -> None:
        """The worker reports unpaid wages."""
        app = _nth(self._apps(AppStatus.ACCEPTED), pick)
        if app is not None:
            worker = db.session.get_one(User, app.worker_id)
            self._try(cases.report_unpaid, worker, app.id, "")

    @rule(pick=PICK, agrees=st.booleans())
    def case_moves(self, pick: int, agrees: bool) -> None:
        """The employer says it paid; the worker agrees (a payment) or staff mediate."""
        case = _nth(list(db.session.scalars(select(WageCase).order_by(WageCase.id))), pick)
        if case is None:
            return
        employer = db.session.get_one(User, case.employer_id)
        self._try(cases.employer_paid, employer, case.id, date.today())
        worker = db.session.get_one(User, case.worker_id)
        self._try(cases.worker_answers, worker, case.id, agrees, "")
        self._try(cases.staff_step, self._user("staff", 0), case.id, "mediate", "调解")

    @rule(days=st.integers(min_value=0, max_value=20))
    def scheduler_detects_arrears(self, days: int) -> None:
        """The nightly job opens cases for wages unpaid after the pay date."""
        self._try(cases.detect_arrears, date.today() + timedelta(days=days))

    @rule()
    def scheduler_lets_hours_stand(self) -> None:
        """The hourly job: hours the employer did not confirm in time stand as checked."""
        self._try(hours_stand, utcnow())

    @rule(minutes=st.sampled_from([15, 30, 60, 360]))
    def time_passes(self, minutes: int) -> None:
        """The clock moves on: every shift comes closer by the same amount."""
        delta = timedelta(minutes=minutes)
        for shift in db.session.scalars(select(Shift)):
            shift.starts_at, shift.ends_at = shift.starts_at - delta, shift.ends_at - delta
        db.session.flush()

    def _shift(self, pick: int) -> int:
        return _nth(self.people["shifts"], pick)

    @invariant()
    def records_agree(self) -> None:
        """Slots, overlaps, check-ins and payments agree after every step."""
        assert broken_invariants() == []


def _market() -> dict[str, list[int]]:
    employers = [make_employer(), make_employer("象山农家乐")]
    workers = [make_worker("王一"), make_worker("王二"), make_worker("王三")]
    staff = register_account(mobile(), "secret-pass-1", Role.STAFF, "驿站工作人员")
    gigs = [
        make_gig(employers[0], shifts=[shift_in(slots=1)]),
        make_gig(employers[0], title="下午补网"),
        make_gig(employers[1], title="帮厨", shifts=[shift_in(slots=2)], answers=STAFF_LIKE),
        make_gig(employers[1], title="次日帮厨"),
    ]
    now = utcnow()  # starts soon, two overlapping: check-in windows come within a few steps
    for gig, (start, hours) in zip(gigs, ((90, 4), (180, 4), (120, 8), (26 * 60, 4)), strict=True):
        move_shift(gig.shifts[0], now + timedelta(minutes=start), hours=hours)
    return {
        "employers": [e.id for e in employers],
        "workers": [w.id for w in workers],
        "staff": [staff.id],
        "shifts": [s.id for g in gigs for s in g.shifts],
    }


@pytest.mark.slow
def test_random_actions_keep_records_consistent(app):
    """40 random histories of 30 steps each, on this engine; invariants checked at every step."""
    Market.people = _market()
    db.session.flush()
    run_state_machine_as_test(
        Market,
        settings=settings(
            max_examples=40,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
