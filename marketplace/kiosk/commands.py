"""``flask users assign-station``: let a staff account serve a station."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from marketplace.errors import DomainError
from marketplace.kiosk.services import assign_station
from marketplace.models import User, db
from marketplace.policy.identity import normalise_mobile


@click.command("assign-station")
@click.option("--mobile", required=True, help="The staff account's mobile number.")
@click.option("--station", "code", required=True, help="The station code, e.g. from seeds/.")
@with_appcontext
def assign_station_command(mobile: str, code: str) -> None:
    """Let a staff account serve a station (it may serve several)."""
    try:
        user = db.session.scalar(select(User).where(User.mobile == normalise_mobile(mobile)))
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if user is None:
        raise click.ClickException(f"no account with mobile {mobile}")
    try:
        station = assign_station(user, code)
    except DomainError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"{user.mobile} serves {station.code} {station.name_zh}")
