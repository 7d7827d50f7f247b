"""Starting a signed-in session in the browser, the same way after sign-in and after sign-up."""

from flask import session
from flask_login import login_user

from marketplace.models import User


def begin_session(user: User) -> None:
    """Sign ``user`` in on a fresh session: nothing from before is kept but the language."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    login_user(user)
