"""The application factory: settings, extensions, blueprints, the request edge and commands."""

from __future__ import annotations

import os

from flask import Flask

from marketplace import commands, edge, i18n, inputs, reference, throttle, web
from marketplace.accounts.routes import bp as accounts_bp
from marketplace.accounts.routes_codes import bp as codes_bp
from marketplace.agreements.routes import bp as agreements_bp
from marketplace.agreements.routes_kiosk import bp as kiosk_signing_bp
from marketplace.config import load_settings
from marketplace.dashboard.routes import bp as dashboard_bp
from marketplace.database import init_database
from marketplace.employers.routes import bp as employers_bp
from marketplace.employers.routes_verification import bp as verification_bp
from marketplace.extensions import csrf, login_manager, migrate
from marketplace.gigs import page_cache
from marketplace.gigs.routes import bp as gigs_bp
from marketplace.kiosk.routes import bp as kiosk_bp
from marketplace.kiosk.routes_dashboard import bp as kiosk_dashboard_bp
from marketplace.kiosk.routes_signup import bp as kiosk_signup_bp
from marketplace.matchmaking import index as matchmaking_index
from marketplace.matchmaking.routes import bp as matchmaking_bp
from marketplace.matchmaking.routes_pool import bp as pool_bp
from marketplace.models import db
from marketplace.models.gig_search import described_by_models
from marketplace.notifications.routes import bp as notifications_bp
from marketplace.ops import headers, logs
from marketplace.ops.keys import check_identity_keys
from marketplace.ops.routes import bp as ops_bp
from marketplace.rights.routes import bp as rights_bp
from marketplace.rights.routes_accidents import bp as accidents_bp
from marketplace.rights.routes_cases import bp as wage_cases_bp
from marketplace.rights.routes_complaints import bp as complaints_bp
from marketplace.rights.routes_kiosk import bp as kiosk_entitlements_bp
from marketplace.work.routes import bp as work_bp
from marketplace.work.routes_calendar import bp as calendar_bp
from marketplace.work.routes_noshow import bp as no_shows_bp
from marketplace.workers.routes import bp as workers_bp

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLUEPRINTS = (
    ops_bp,
    accounts_bp,
    codes_bp,
    workers_bp,
    employers_bp,
    verification_bp,
    gigs_bp,
    work_bp,
    calendar_bp,
    no_shows_bp,
    agreements_bp,
    kiosk_signing_bp,
    rights_bp,
    wage_cases_bp,
    complaints_bp,
    accidents_bp,
    kiosk_entitlements_bp,
    notifications_bp,
    matchmaking_bp,
    pool_bp,
    dashboard_bp,
    kiosk_bp,
    kiosk_signup_bp,
    kiosk_dashboard_bp,
)


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: settings, logging, extensions, blueprints, the request edge, headers and
    commands; refuse to start when the keys cannot read the stored identity numbers."""
    app = edge.MarketplaceFlask(
        "marketplace",
        instance_path=os.environ.get("INSTANCE_PATH", os.path.join(ROOT, "instance")),
        template_folder=os.path.join(ROOT, "templates"),
        static_folder=os.path.join(ROOT, "static"),
    )
    app.config.from_mapping(load_settings(app.instance_path))
    if test_config:
        app.config.from_mapping(test_config)
    logs.init_app(app)
    register_extensions(app)
    throttle.init_app(app)
    inputs.init_app(app)
    register_blueprints(app)
    edge.init_app(app)
    web.init_app(app)
    headers.init_app(app)
    commands.init_app(app)
    check_identity_keys(app)  # refuse to start rather than lose every 身份证 to a new key
    return app


def register_extensions(app: Flask) -> None:
    """Bind the unbound extension instances."""
    init_database(app)
    migrate.init_app(
        app, db, directory=os.path.join(ROOT, "migrations"), include_name=described_by_models
    )
    csrf.init_app(app)
    login_manager.init_app(app)
    i18n.init_app(app)
    matchmaking_index.init_app(app)
    reference.init_app(app)
    page_cache.init_app(app)


def register_blueprints(app: Flask) -> None:
    """Mount the blueprints of every domain."""
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
