"""Forty employers' clicks at once on a three-slot shift accept exactly three workers."""

import threading

from sqlalchemy import func, select

from marketplace.errors import DomainError
from marketplace.models import Application, AppStatus, Shift, User, db
from marketplace.work.services import accept, apply_to_shift
from tests.factories import make_employer, make_gig, make_worker, shift_in

ATTEMPTS = 40
SLOTS = 3


def test_concurrent_accepts_never_overfill(app):
    """40 threads accept 40 applicants concurrently; exactly 3 are accepted."""
    employer = make_employer()
    gig = make_gig(employer, shifts=[shift_in(slots=SLOTS)])
    shift_id = gig.shifts[0].id
    app_ids = [apply_to_shift(make_worker(f"工人{i}"), shift_id).id for i in range(ATTEMPTS)]
    employer_id = employer.id
    db.session.commit()

    barrier = threading.Barrier(ATTEMPTS, timeout=60)
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker(app_id: int) -> None:
        with app.app_context():
            barrier.wait()  # before any query: the pool holds fewer connections than threads
            try:
                accept(db.session.get(User, employer_id), app_id)
                db.session.commit()
                result = "accepted"
            except DomainError as exc:
                db.session.rollback()
                result = type(exc).__name__
            finally:
                db.session.remove()
            with lock:
                outcomes.append(result)

    threads = [threading.Thread(target=worker, args=(a,)) for a in app_ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    db.session.expire_all()
    assert outcomes.count("accepted") == SLOTS
    assert set(outcomes) <= {"accepted", "ShiftFull"}
    assert db.session.get(Shift, shift_id).filled == SLOTS
    accepted = db.session.scalar(
        select(func.count())
        .select_from(Application)
        .where(Application.shift_id == shift_id, Application.status == AppStatus.ACCEPTED)
    )
    assert accepted == SLOTS
