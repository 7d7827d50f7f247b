"""甬零工: the Flask application factory."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the policy and matching code import this package without Flask
    from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: settings, extensions, blueprints, error handlers and commands."""
    from flask import Flask

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    app = Flask(
        __name__,
        instance_path=os.environ.get("INSTANCE_PATH", os.path.join(root, "instance")),
        template_folder=os.path.join(root, "templates"),
        static_folder=os.path.join(root, "static"),
    )
    from marketplace.config import load_settings

    app.config.from_mapping(load_settings(app.instance_path))
    if test_config:
        app.config.from_mapping(test_config)
    register_extensions(app)
    register_blueprints(app)
    register_web(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    """Bind the unbound extension instances."""
    from marketplace import i18n
    from marketplace.database import init_database
    from marketplace.extensions import csrf, login_manager, migrate
    from marketplace.matchmaking import index as matchmaking_index
    from marketplace.models import db

    init_database(app)
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(app.root_path), "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    i18n.init_app(app)
    matchmaking_index.init_app(app)


def register_blueprints(app: Flask) -> None:
    """Mount one blueprint per domain."""
    from marketplace.accounts import bp as accounts_bp
    from marketplace.agreements import bp as agreements_bp
    from marketplace.dashboard import bp as dashboard_bp
    from marketplace.employers import bp as employers_bp
    from marketplace.gigs import bp as gigs_bp
    from marketplace.kiosk import bp as kiosk_bp
    from marketplace.matchmaking import bp as matchmaking_bp
    from marketplace.notifications import bp as notifications_bp
    from marketplace.rights import bp as rights_bp
    from marketplace.work import bp as work_bp
    from marketplace.workers import bp as workers_bp

    for bp in (
        accounts_bp,
        agreements_bp,
        dashboard_bp,
        employers_bp,
        gigs_bp,
        kiosk_bp,
        matchmaking_bp,
        notifications_bp,
        rights_bp,
        work_bp,
        workers_bp,
    ):
        app.register_blueprint(bp)


def register_web(app: Flask) -> None:
    """Error pages, security headers and template helpers."""
    from marketplace import web

    web.init_app(app)


def register_commands(app: Flask) -> None:
    """Add the ``flask seed`` and ``flask users`` commands."""
    from marketplace import commands

    commands.init_app(app)
