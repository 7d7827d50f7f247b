"""The employer's pool: keep workers from past work, invite them all to a new shift."""

from __future__ import annotations

from flask import Blueprint, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from marketplace.edge import back_to, done
from marketplace.matchmaking import pool
from marketplace.models import Role
from marketplace.security import role_required
from marketplace.work.services import employer_application

bp = Blueprint("pool", __name__)
bp.add_app_template_global(pool.old_boss, "old_boss")


@bp.route("/my/pool")
@role_required(Role.EMPLOYER)
def mine():
    """The workers the employer keeps, with a button to take each out."""
    return render_template("matchmaking/pool.html", favourites=pool.pool(current_user))


@bp.route("/applications/<int:app_id>/pool", methods=["POST"])
@role_required(Role.EMPLOYER)
def add(app_id: int):
    """Keep the worker of this application in the pool."""
    app = employer_application(current_user, app_id)
    back_to(url_for("work.show", app_id=app_id))
    pool.add(current_user, app.worker_id)
    return done(_("Added to your pool."))


@bp.route("/my/pool/<int:worker_id>/remove", methods=["POST"])
@role_required(Role.EMPLOYER)
def remove(worker_id: int):
    pool.remove(current_user, worker_id)
    return done(_("Taken out of your pool."), url_for("pool.mine"))


@bp.route("/shifts/<int:shift_id>/invite-pool", methods=["POST"])
@role_required(Role.EMPLOYER)
def invite(shift_id: int):
    """Invite the whole pool to one shift; say who could not be invited and why."""
    result = pool.invite_pool(current_user, shift_id)
    message = ngettext(
        "%(num)d worker from your pool was invited.",
        "%(num)d workers from your pool were invited.",
        len(result.invited),
    )
    if result.refused:
        message += " " + _(
            "Not invited: %(who)s.",
            who="；".join(f"{user.display_name}（{why}）" for user, why in result.refused),
        )
    return done(message, url_for("gigs.manage", gig_id=result.gig_id))
