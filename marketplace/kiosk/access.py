"""The kiosk's station session: which station a staff member serves now, and idle sign-out."""

from __future__ import annotations

import time
from functools import wraps

from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from marketplace.accounts import sessions
from marketplace.errors import Forbidden
from marketplace.kiosk import services
from marketplace.models import Role, Station
from marketplace.security import role_required

# Where the session keeps the station this kiosk serves now (chosen at /kiosk/start).
STATION_SESSION_KEY = "kiosk_station_id"
STAFF = (Role.STAFF, Role.ADMIN)
SEEN_KEY = "kiosk_seen_at"
IDLE_SECONDS = 15 * 60  # default for KIOSK_IDLE_SECONDS: a kiosk left this long signs staff out


def sign_out_idle_kiosk():
    """End a staff session idle at the kiosk; the page's idle refresh does not count as use."""
    if not current_user.is_authenticated or current_user.role not in STAFF:
        return None
    now = time.time()
    seen = session.get(SEEN_KEY)
    idle_seconds = current_app.config.get("KIOSK_IDLE_SECONDS", IDLE_SECONDS)
    if seen is not None and now - seen > idle_seconds:
        end_kiosk_session()
        flash(_("The kiosk was left idle, so you were signed out."), "status")
        return redirect(url_for("accounts.login", next=url_for("kiosk.home")))
    if request.args.get("idle") != "1" or seen is None:
        session[SEEN_KEY] = now
    return None


def end_kiosk_session(everywhere: bool = False) -> None:
    """Forget the kiosk's station and sign the staff member out (on request, everywhere)."""
    session.pop(STATION_SESSION_KEY, None)
    session.pop(SEEN_KEY, None)
    if everywhere:
        sessions.sign_out()
    else:
        logout_user()


def current_station() -> Station | None:
    """The station chosen for this session, if the account still serves it."""
    try:
        return services.station_for(current_user, session.get(STATION_SESSION_KEY))
    except Forbidden:
        return None


def at_station(view):
    """Staff only, at a chosen station (passed to the view as ``station``); else choose one."""

    @role_required(*STAFF)
    @wraps(view)
    def wrapped(*args, **kwargs):
        station = current_station()
        if station is None:
            return redirect(url_for("kiosk.start"))
        return view(*args, station=station, **kwargs)

    return wrapped


def counter_station() -> Station | None:
    """The station staff serve now: the one chosen at the kiosk, else their only station."""
    station = current_station()
    if station is None:
        stations = services.stations_of(current_user)
        station = stations[0] if len(stations) == 1 else None
    return station
