"""Parallel requests cannot pass the hourly cap of codes nor the five tries of a code."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import func, select

from marketplace.accounts import codes
from marketplace.errors import DomainError
from marketplace.models import CodePurpose, MobileCode, OutboxMessage, db
from tests.factories import make_worker

THREADS = 12


def _at_once(app, action: Callable[[], str]) -> list[str]:
    """Run ``action`` in THREADS threads released together, each committing its own request."""
    barrier = threading.Barrier(THREADS, timeout=60)
    outcomes: list[str] = []
    lock = threading.Lock()

    def run() -> None:
        with app.app_context():
            barrier.wait()
            try:
                result = action()
                db.session.commit()
            except DomainError as exc:
                db.session.rollback()
                result = type(exc).__name__
            finally:
                db.session.remove()
            with lock:
                outcomes.append(result)

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    db.session.expire_all()
    return outcomes


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_parallel_requests_get_a_number_five_codes_an_hour(app):
    """Twelve requests for a code at once: five codes and five SMS, seven refusals."""
    worker = make_worker()
    mobile = worker.mobile
    db.session.commit()

    def ask() -> str:
        codes.start_reset(mobile, "zh_Hans_CN")
        return "sent"

    outcomes = _at_once(app, ask)
    assert outcomes.count("sent") == 5 and outcomes.count("TooManyCodes") == THREADS - 5
    assert _count(MobileCode, MobileCode.mobile == mobile) == 5
    assert _count(OutboxMessage, OutboxMessage.recipient == mobile) == 5


def test_parallel_wrong_codes_are_checked_five_times_at_most(app):
    """Twelve wrong codes at once use up the five tries; the right code is then refused."""
    worker = make_worker()
    row = codes.start_reset(worker.mobile, "zh_Hans_CN")
    db.session.commit()
    row_id = row.id
    right = db.session.scalar(select(OutboxMessage.body)).split("验证码 ")[1][:6]
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"

    def enter() -> str:
        check = codes.finish_reset(row_id, wrong, "brand-new-pass-9")
        return type(check.refusal).__name__

    outcomes = _at_once(app, enter)
    assert outcomes.count("WrongCode") == 4  # the fifth wrong try kills the code
    assert outcomes.count("CodeDead") == THREADS - 4
    assert db.session.get(MobileCode, row_id).tries == 5
    check = codes.finish_reset(row_id, right, "brand-new-pass-9")
    assert check.user is None and type(check.refusal).__name__ == "CodeDead"
    assert row.purpose == CodePurpose.RESET
