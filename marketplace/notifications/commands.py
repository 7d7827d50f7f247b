"""``flask outbox list``: the newest messages and where each is in delivery."""

from __future__ import annotations

import click
from flask.cli import AppGroup, with_appcontext

from marketplace.i18n import to_local
from marketplace.models import utcnow
from marketplace.notifications.outbox import delivery_state, masked, newest

outbox_cli = AppGroup("outbox", help="Look at the messages waiting to leave (SMS or log).")
BODY_SHOWN = 40


def _local(moment) -> str:
    return f"{to_local(moment):%Y-%m-%d %H:%M}" if moment else "-"


@outbox_cli.command("list")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@with_appcontext
def list_command(limit: int) -> None:
    """Show the newest messages with their state (times in Asia/Shanghai)."""
    now = utcnow()
    messages = newest(limit)
    if not messages:
        click.echo("the outbox is empty")
        return
    click.echo(
        f"{'id':>6}  {'state':<8}{'tries':>5}  {'queued':<16}  {'sent / next try':<16}  "
        f"{'to':<11}  message"
    )
    for m in messages:
        state = delivery_state(m, now)
        when = m.sent_at if state == "sent" else (None if state == "failed" else m.next_attempt_at)
        body = m.body.replace("\n", " ")
        body = body if len(body) <= BODY_SHOWN else body[: BODY_SHOWN - 1] + "…"
        click.echo(
            f"{m.id:>6}  {state:<8}{m.attempts:>5}  {_local(m.created_at):<16}  "
            f"{_local(when):<16}  {masked(m.recipient):<11}  {body}"
        )
        if m.last_error and state != "sent":
            click.echo(f"{'':>8}last error: {m.last_error}")
