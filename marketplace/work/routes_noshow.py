"""The fair no-show rule: the worker appeals on the shift's page; station staff decide."""

from __future__ import annotations

from flask import Blueprint, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.edge import back_to, done, refusals_shown_in
from marketplace.kiosk.access import at_station, sign_out_idle_kiosk
from marketplace.models import AppealReason, Role, Station
from marketplace.security import role_required
from marketplace.work import noshow, reliability
from marketplace.work.forms import AppealDecisionForm, AppealForm

bp = Blueprint("no_shows", __name__)
bp.before_request(sign_out_idle_kiosk)


@bp.route("/applications/<int:app_id>/appeal", methods=["POST"])
@role_required(Role.WORKER)
def appeal(app_id: int):
    """The worker says why they could not come."""
    back_to(url_for("work.show", app_id=app_id))
    form = AppealForm()
    if not form.validate_on_submit():
        if form.reason.errors:
            raise noshow.ReasonNeeded()
        raise noshow.ExplanationNeeded(n=noshow.MAX_EXPLANATION)
    noshow.appeal(current_user, app_id, AppealReason(form.reason.data), form.explanation.data or "")
    return done(_("Your appeal was sent. Station staff will decide and tell you."))


@bp.route("/kiosk/no-shows")
@at_station
def queue(station: Station):
    """Appeals waiting for a decision, oldest first."""
    return render_template("kiosk/no_shows.html", station=station, appeals=noshow.pending_appeals())


@bp.route("/kiosk/no-shows/<int:appeal_id>", methods=["GET", "POST"])
@at_station
def decide(appeal_id: int, station: Station):
    """Read the appeal with the shift's facts, then decide once, with a reason."""
    found = noshow.get_appeal(appeal_id)
    form = AppealDecisionForm()
    if form.validate_on_submit():
        with refusals_shown_in(form):
            noshow.decide(current_user, appeal_id, form.outcome.data == "upheld", form.note.data)
            return done(
                _("Decided. The worker and the employer were told."), url_for("no_shows.queue")
            )
    status = 400 if request.method == "POST" else 200
    return render_template(
        "kiosk/no_show.html",
        station=station,
        appeal=found,
        form=form,
        deadline=reliability.appeal_deadline(found.application),
    ), status
