"""Wage disputes go to arbitration after mediation, or with a recorded reason — POLICY §9, N(十五).

Sources:

* N(十五) (Ningbo notice of 2021-12-28): 协商不一致的，各级劳动争议调解仲裁机构、工会组织和调解组织
  要依法为灵活就业人员提供权益保护. POLICY §9: "mediation first, then referral to arbitration".
* 劳动争议调解仲裁法 art. 5: 发生劳动争议……当事人不愿协商、协商不成或者达成和解协议后不履行的，可以
  向调解组织申请调解；不愿调解、调解不成或者达成调解协议后不履行的，可以向劳动争议仲裁委员会申请仲裁.
  So mediation may be skipped when a party does not want it.
* 劳动争议调解仲裁法 art. 27: 劳动争议申请仲裁的时效期间为一年. Staff may refer at once when waiting
  for mediation would risk that time limit.

This module is pure: no Flask, no database, standard library only.
"""

from __future__ import annotations

__all__ = ["MSG_MEDIATE_FIRST", "SKIP_MEDIATION_REASONS", "arbitration_refusal"]


def N_(message: str) -> str:
    """Mark a string for translation extraction and return it unchanged."""
    return message


# The reasons for referring a wage case to arbitration without mediation, with their source.
SKIP_MEDIATION_REASONS: dict[str, str] = {
    # 劳动争议调解仲裁法 art. 5: 不愿调解的，可以向劳动争议仲裁委员会申请仲裁.
    "unwilling": N_(
        "A party does not want mediation (Labour Dispute Mediation and Arbitration Law art. 5)"
    ),
    # 劳动争议调解仲裁法 art. 27: 申请仲裁的时效期间为一年.
    "time_limit": N_(
        "The one-year time limit for arbitration would run out (Labour Dispute Mediation and "
        "Arbitration Law art. 27)"
    ),
}

MSG_MEDIATE_FIRST = N_(
    "Mediate first, or choose the reason why this case goes to arbitration without mediation."
)


def arbitration_refusal(mediated: bool, skip_reason: str | None) -> str | None:
    """Why a referral to arbitration is refused now (a msgid), or None when it may go ahead."""
    if mediated or skip_reason in SKIP_MEDIATION_REASONS:
        return None
    return MSG_MEDIATE_FIRST
