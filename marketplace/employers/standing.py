"""An employer's standing to post: no new gigs while a wage-arrears case is open (POLICY §9)."""

from __future__ import annotations

from sqlalchemy import func, select

from marketplace.errors import N_, DomainError
from marketplace.models import CaseStatus, User, WageCase, db


class OpenArrears(DomainError):
    """The employer has a wage-arrears case that is not resolved."""

    message = N_(
        "You have an unresolved wage-arrears case. Pay the worker and settle the case before "
        "posting new gigs."
    )


def open_cases_of_employer(employer_id: int) -> int:
    """How many of the employer's cases are not resolved."""
    return (
        db.session.scalar(
            select(func.count(WageCase.id)).where(
                WageCase.employer_id == employer_id, WageCase.status != CaseStatus.RESOLVED
            )
        )
        or 0
    )


def ensure_no_open_arrears(user: User) -> None:
    """Refuse new posts while the employer has an unresolved wage case (POLICY §9)."""
    if open_cases_of_employer(user.id):
        raise OpenArrears()
