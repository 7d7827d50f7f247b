"""The one edge every request passes: commit once at the end, turn refusals into answers.

A view parses its input, calls a service and renders. It never commits and never catches a
domain error: ``MarketplaceFlask.dispatch_request`` commits after the view returns, and the
handlers registered here roll back and answer a refusal the way the request expects —
a flash message and a redirect for a submitted button, a 4xx page for a page,
``application/problem+json`` (RFC 9457) for the API.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask, flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError, IntegrityError
from werkzeug.exceptions import HTTPException, TooManyRequests

from marketplace.errors import ChangedMeanwhile, DomainError, Forbidden, NotFound
from marketplace.inputs import BadInput
from marketplace.models import db
from marketplace.security import is_safe_next

log = logging.getLogger(__name__)
API_PREFIX = "/api/"
# What a refusal that is neither "not found" nor "not allowed" answers on a page or the API.
REFUSED = 409


class MarketplaceFlask(Flask):
    """Flask whose requests commit once, after the view returned without an error."""

    def dispatch_request(self):  # type: ignore[override]
        """Run the view, then commit what it changed; an error skips the commit."""
        response = super().dispatch_request()
        db.session.commit()
        return response


def back_to(url: str) -> None:
    """Name the page this request returns to, whether the action is done or refused."""
    g.back_url = url


def done(message: str, url: str | None = None):
    """Say the action worked and return to ``url`` (or the page named by ``back_to``)."""
    flash(message, "success")
    return redirect(url or _back())


@contextmanager
def refusals_shown_in(form) -> Iterator[None]:
    """Show a service's refusal as an error of ``form`` (kept as typed) and keep nothing.

    "Not found" and "not allowed" still reach the 404 and 403 handlers.
    """
    try:
        yield
    except (NotFound, Forbidden):
        raise
    except DomainError as exc:
        db.session.rollback()
        form.form_errors.append(exc.translated())


def _back() -> str:
    """Where a submitted action returns: the named page, a safe referrer, or the dashboard."""
    url = g.get("back_url") or request.form.get("back")
    if is_safe_next(url):
        return url
    referrer = request.referrer
    if referrer and referrer.startswith(request.host_url):
        return referrer
    return url_for("dashboard.home")


def _wants_problem() -> bool:
    return request.path.startswith(API_PREFIX)


def _problem(status: int, title: str, detail: str | None = None):
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    response = jsonify(body)
    response.status_code = status
    response.mimetype = "application/problem+json"
    return response


def _page(status: int, message: str | None = None):
    return render_template("errors/error.html", code=status, message=message), status


def _not_found(_error):
    db.session.rollback()
    if _wants_problem():
        return _problem(404, _("Not found."))
    return _page(404)


def _forbidden(_error):
    db.session.rollback()
    if _wants_problem():
        return _problem(403, _("You are not allowed to do this."))
    return _page(403)


def _refused(error: DomainError):
    """A rule refused the action: nothing is kept, and the user is told why."""
    db.session.rollback()
    message = error.translated()
    if _wants_problem():
        return _problem(REFUSED, _("The action was refused."), message)
    if request.method == "GET":
        return _page(REFUSED, message)
    flash(message, "error")
    return redirect(_back())


def _conflict(error: IntegrityError):
    """Two requests wrote the same thing at once (a double click): ask to look again."""
    log.warning("integrity error at %s: %s", request.path, error.orig)
    return _refused(ChangedMeanwhile())


def _bad_input(error: BadInput):
    """Input no field can hold (a NUL byte): a 400 page saying so; nothing was read."""
    db.session.rollback()
    message = error.translated()
    if _wants_problem():
        return _problem(400, _("The request could not be understood."), message)
    return _page(400, message)


def _out_of_range(error: Exception):
    """A value the database cannot store (too large a number, a malformed text): a 400 page.

    The fields and converters refuse such values first; this is the net under them.
    """
    log.warning("value out of range at %s: %s", request.path, error)
    db.session.rollback()
    message = _("A value you entered is out of range. Please check it and try again.")
    if _wants_problem():
        return _problem(400, _("The request could not be understood."), message)
    return _page(400, message)


def _csrf_error(_error: CSRFError):
    """An expired or missing form token: ask to fill the form in again."""
    db.session.rollback()
    if _wants_problem():
        return _problem(400, _("The form expired. Please fill it in again."))
    flash(_("The form expired. Please fill it in again."), "error")
    return redirect(_back())


def _too_many(_error: TooManyRequests):
    """Throttled (marketplace/throttle.py): say so and when to come back (Retry-After)."""
    db.session.rollback()
    message = _("Too many attempts from here. Please wait a little and try again.")
    if _wants_problem():
        return _problem(429, _("Too many requests."), message)
    return _page(429, message)


def _http_error(error: HTTPException):
    """Any other HTTP error (400, 405, 500 …) as a page or a problem document."""
    db.session.rollback()
    status = error.code or 500
    if _wants_problem():
        return _problem(status, error.name)
    return _page(status)


def init_app(app: Flask) -> None:
    """Register the handlers of the request edge."""
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(NotFound, _not_found)
    app.register_error_handler(Forbidden, _forbidden)
    app.register_error_handler(DomainError, _refused)
    app.register_error_handler(IntegrityError, _conflict)
    app.register_error_handler(BadInput, _bad_input)
    app.register_error_handler(DataError, _out_of_range)
    app.register_error_handler(OverflowError, _out_of_range)
    app.register_error_handler(404, _not_found)
    app.register_error_handler(403, _forbidden)
    app.register_error_handler(TooManyRequests, _too_many)
    app.register_error_handler(HTTPException, _http_error)

    @app.teardown_request
    def _rollback_on_error(exc):
        if exc is not None:
            db.session.rollback()
