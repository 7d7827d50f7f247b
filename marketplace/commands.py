"""Command-line tools: ``flask seed``, ``flask users``, ``flask outbox``, ``flask backup`` …"""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import text

from marketplace.kiosk.commands import assign_station_command
from marketplace.models import Role, db
from marketplace.notifications.commands import outbox_cli
from marketplace.ops.commands import backup_command, restore_command
from marketplace.scheduler import scheduler_cli

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"

users_cli = AppGroup("users", help="Manage staff and administrator accounts.")
matching_cli = AppGroup("matching", help="Train and inspect the ranker.")
users_cli.add_command(assign_station_command)


@click.command("seed")
@click.option("--demo", is_flag=True, help="Also add the demo market (skipped if present).")
@click.option(
    "--seeds-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=SEEDS_DIR,
    show_default=True,
)
def seed_command(demo: bool, seeds_dir: Path) -> None:
    """Load reference data from seeds/ (idempotent); with --demo, a demo market too."""
    from marketplace.seeding.reference import load_reference

    counts = load_reference(seeds_dir)
    db.session.commit()
    click.echo("reference data: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if demo:
        _seed_demo()


def _seed_demo() -> None:
    from marketplace.seeding import demo

    if demo.demo_present():
        click.echo("demo market already present; kept as it is")
    else:
        with click.progressbar(length=demo.demo_steps(), label="demo market") as bar:
            summary = demo.generate_demo(progress=bar.update)
        db.session.commit()
        # Statistics for the query planner: SQLite gathers none by itself, and without them it
        # reads an employer's applications by status instead of by gig (issue 13).
        db.session.execute(text("ANALYZE"))
        db.session.commit()
        click.echo(f"demo market: {summary}")
    click.echo("demo logins (mobile / password):")
    for role, mobile, password, description in demo.DEMO_LOGINS:
        click.echo(f"  {role:<9} {mobile} / {password}  {description}")


def _create(role: Role, mobile: str, password: str, name: str) -> None:
    from marketplace.accounts.services import register
    from marketplace.errors import DomainError

    try:
        user = register(mobile, password, role, name)
    except DomainError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"created {role.value} account {user.mobile}")


@users_cli.command("create-staff")
@click.option("--mobile", prompt=True)
@click.option("--name", prompt=True)
@click.password_option()
def create_staff(mobile: str, name: str, password: str) -> None:
    """Create a station staff account."""
    _create(Role.STAFF, mobile, password, name)


@users_cli.command("create-admin")
@click.option("--mobile", prompt=True)
@click.option("--name", prompt=True)
@click.password_option()
def create_admin(mobile: str, name: str, password: str) -> None:
    """Create an administrator account."""
    _create(Role.ADMIN, mobile, password, name)


@users_cli.command("lock")
@click.argument("mobile")
@click.option("--reason", default="", help="Kept in the audit log.")
def lock_user(mobile: str, reason: str) -> None:
    """Lock an account: it cannot sign in and every session of it ends at once."""
    _set_locked(mobile, True, reason)


@users_cli.command("unlock")
@click.argument("mobile")
@click.option("--reason", default="", help="Kept in the audit log.")
def unlock_user(mobile: str, reason: str) -> None:
    """Let a locked account sign in again."""
    _set_locked(mobile, False, reason)


def _set_locked(mobile: str, locked: bool, reason: str) -> None:
    from marketplace.accounts import services
    from marketplace.errors import DomainError

    try:
        user = services.find_by_mobile(mobile)
        services.set_locked(None, user, locked, reason)
    except DomainError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(
        f"{'locked' if locked else 'unlocked'} {user.mobile}; its sessions ended"
        if locked
        else f"unlocked {user.mobile}"
    )


@matching_cli.command("train")
@click.option("--min-interactions", default=50, show_default=True)
@click.option("--random-state", default=0, show_default=True)
def matching_train(min_interactions: int, random_state: int) -> None:
    """Fit the ranker on logged interactions, print its evaluation and save it in instance/."""
    from marketplace.matchmaking.training import train

    with click.progressbar(length=1, label="training") as bar:
        report = train(random_state=random_state, min_interactions=min_interactions)
        bar.update(1)
    click.echo(f"interactions {report.interactions}, gigs {report.jobs}")
    if report.version is None:
        raise click.ClickException("not enough logged interactions to train; the prior stays")
    click.echo(f"{'held-out gigs':<16}{'NDCG@10':>10}{'recall@10':>12}")
    for name, metrics in (("prior", report.prior), ("trained", report.trained)):
        click.echo(f"{name:<16}{metrics['ndcg']:>10.3f}{metrics['recall']:>12.3f}")
    click.echo(f"saved model {report.version}")


def init_app(app: Flask) -> None:
    """Register the commands."""
    app.cli.add_command(seed_command)
    app.cli.add_command(users_cli)
    app.cli.add_command(matching_cli)
    app.cli.add_command(scheduler_cli)
    app.cli.add_command(outbox_cli)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
