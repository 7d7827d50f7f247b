"""The edge of every button-style action: call a service, commit once, flash, go back."""

from __future__ import annotations

from flask import abort, flash, redirect
from flask_login import current_user

from marketplace.errors import DomainError, Forbidden, NotFound
from marketplace.models import db


def run_action(action, *args, success: str, back: str):
    """Call ``action(current_user, *args)``; 404/403 for missing or foreign things."""
    try:
        action(current_user, *args)
    except NotFound:
        db.session.rollback()
        abort(404)
    except Forbidden:
        db.session.rollback()
        abort(403)
    except DomainError as exc:
        db.session.rollback()
        flash(exc.translated(), "error")
    else:
        db.session.commit()
        flash(success, "success")
    return redirect(back)


def run_form(form, call):
    """Call a service for a submitted ``form``; commit and return its result.

    A missing or foreign thing is a 404/403; a refusal becomes a form error, nothing is kept,
    and the result is None.
    """
    try:
        result = call()
    except NotFound:
        db.session.rollback()
        abort(404)
    except Forbidden:
        db.session.rollback()
        abort(403)
    except DomainError as exc:
        db.session.rollback()
        form.form_errors.append(exc.translated())
        return None
    db.session.commit()
    return result
