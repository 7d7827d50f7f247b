"""Kiosk pages for assisted sign-up, converting a need, and new one-time passwords."""

from __future__ import annotations

import segno
from flask import Blueprint, abort, make_response, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from marketplace import reference
from marketplace.edge import done, refusals_shown_in
from marketplace.inputs import query_int
from marketplace.kiosk import services, signup
from marketplace.kiosk.access import at_station, sign_out_idle_kiosk
from marketplace.kiosk.forms_signup import AssistedSignupForm, NewPasswordForm
from marketplace.models import Hukou, Station, WorkerProfile, db
from marketplace.workers.forms import fill_profile_choices as _fill_choices
from marketplace.workers.forms import profile_input as _input

bp = Blueprint("kiosk_signup", __name__, url_prefix="/kiosk")
bp.before_request(sign_out_idle_kiosk)


def _prefill(form: AssistedSignupForm, need_id: int) -> None:
    """Carry what the need recorded into the form."""
    need = services.need(need_id)
    form.need_id.data = str(need.id)
    form.real_name.data = need.name
    form.mobile.data = need.mobile
    if need.town_id:
        form.town_id.data = need.town_id
    form.skills_text.data = need.desired_work


def _signup_input(form: AssistedSignupForm) -> signup.SignupInput:
    need_id = (form.need_id.data or "").strip()
    return signup.SignupInput(
        mobile=form.mobile.data or "",
        profile=_input(form),
        pledge_name=form.pledge_name.data or "",
        pledge_agreed=bool(form.pledge_agreed.data),
        need_id=int(need_id) if need_id.isdigit() else None,
    )


def _slip(issued: signup.Issued, station):
    """The login slip; shown once, never cached, since it carries the one-time password."""
    login_url = url_for("accounts.login", _external=True)
    code = segno.make(login_url, error="m")
    response = make_response(
        render_template(
            "kiosk/signup_slip.html",
            issued=issued,
            station=station,
            login_url=login_url,
            qr=Markup(code.svg_inline(scale=4, title=_("QR code to the sign-in page"))),
        )
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/signup", methods=["GET", "POST"])
@at_station
def signup_worker(station: Station):
    """Create a worker account for the person at the counter; ?need=ID starts from a need."""
    form = AssistedSignupForm()
    _fill_choices(form)
    if request.method == "GET":
        form.hukou.data = Hukou.NINGBO.value
        form.weekdays.data = list(range(7))
        form.town_id.data = station.town_id  # walk-ins usually live near the station
        need_id = query_int("need")
        if need_id:
            _prefill(form, need_id)
    if form.validate_on_submit():
        with refusals_shown_in(form):
            issued = signup.sign_up(
                current_user, station, _signup_input(form), request.remote_addr or ""
            )
            return _slip(issued, station)
    status = 400 if form.errors or form.form_errors else 200
    return render_template(
        "kiosk/signup.html",
        station=station,
        form=form,
        categories=reference.categories(),
    ), status


@bp.route("/workers/<int:worker_id>/password", methods=["GET", "POST"])
@at_station
def new_password(worker_id: int, station: Station):
    """Print a new one-time password for a worker who cannot sign in (asked once more first)."""
    form = NewPasswordForm()
    if not form.validate_on_submit():
        profile = db.session.get(WorkerProfile, worker_id)
        if profile is None:
            abort(404)
        return render_template(
            "kiosk/new_password.html", station=station, profile=profile, form=form
        )
    issued = signup.reissue_password(current_user, station, worker_id, request.remote_addr or "")
    return _slip(issued, station)


@bp.route("/workers/<int:worker_id>/sessions/end", methods=["POST"])
@at_station
def end_sessions(worker_id: int, station: Station):
    """Sign a worker out on every device, e.g. after a phone was lost."""
    user = signup.end_sessions(current_user, station, worker_id, request.remote_addr or "")
    return done(
        _("%(name)s is now signed out on every device.", name=user.display_name),
        url_for("kiosk.worker", worker_id=worker_id),
    )
