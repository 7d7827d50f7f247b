"""Steps of signing up and resetting a password the way a person does: the code from the SMS."""

from __future__ import annotations

import re

from sqlalchemy import select

from marketplace.models import OutboxMessage, db

SIX_DIGITS = re.compile(r"\b(\d{6})\b")


def code_sent_to(mobile: str) -> str:
    """The code in the newest SMS queued for ``mobile`` (as the person reads it on the phone)."""
    db.session.commit()  # end this session's transaction: see what other connections wrote
    body = db.session.scalar(
        select(OutboxMessage.body)
        .where(OutboxMessage.recipient == mobile, OutboxMessage.channel == "sms")
        .order_by(OutboxMessage.id.desc())
    )
    assert body is not None, f"no SMS was queued for {mobile}"
    return SIX_DIGITS.search(body).group(1)


def sms_to(mobile: str) -> list[str]:
    """Every SMS queued for ``mobile``, oldest first."""
    db.session.commit()
    return list(
        db.session.scalars(
            select(OutboxMessage.body)
            .where(OutboxMessage.recipient == mobile)
            .order_by(OutboxMessage.id)
        )
    )


def sign_up(client, mobile: str, password: str, role: str = "worker", name: str = ""):
    """Fill in the sign-up form, then enter the code from the SMS; the last response."""
    response = client.post(
        "/account/signup",
        data={
            "role": role,
            "display_name": name,
            "mobile": mobile,
            "password": password,
            "confirm": password,
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    digits = re.sub(r"\D", "", mobile)[-11:]
    return client.post("/account/signup/verify", data={"code": code_sent_to(digits)})
