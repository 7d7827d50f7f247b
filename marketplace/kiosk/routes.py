"""Kiosk pages: station choice, find a person, needs, gigs near the station, referral slips."""

from __future__ import annotations

import segno
from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select

from marketplace.agreements.signing import drafts_for_worker
from marketplace.edge import back_to, done, refusals_shown_in
from marketplace.i18n import is_english
from marketplace.kiosk import followup, nearby, services
from marketplace.kiosk.access import (
    STAFF,
    STATION_SESSION_KEY,
    at_station,
    end_kiosk_session,
    sign_out_idle_kiosk,
)
from marketplace.kiosk.forms import (
    REFERRAL_STATUS,
    FindForm,
    NeedForm,
    OutcomeForm,
    ReferForm,
    StationForm,
)
from marketplace.models import ReferralStatus, SkillCategory, Station, Town, db
from marketplace.security import role_required

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")
bp.before_request(sign_out_idle_kiosk)


@bp.route("/", methods=["GET"])
@at_station
def home(station: Station):
    """The kiosk's start screen: find a person or record a need."""
    return render_template("kiosk/home.html", station=station, form=FindForm())


@bp.route("/start", methods=["GET", "POST"])
@role_required(*STAFF)
def start():
    """Choose which of the account's stations this kiosk serves now."""
    stations = services.stations_of(current_user)
    form = StationForm()
    form.station_id.choices = [(s.id, s.name_en if is_english() else s.name_zh) for s in stations]
    if form.validate_on_submit():
        station = services.station_for(current_user, form.station_id.data)
        session[STATION_SESSION_KEY] = station.id
        return redirect(url_for("kiosk.home"))
    return render_template("kiosk/start.html", form=form, stations=stations)


@bp.route("/sign-out", methods=["POST"])
@role_required(*STAFF)
def sign_out():
    """End the kiosk's station session and sign out, so the next person starts clean."""
    end_kiosk_session(everywhere=True)
    flash(_("You have signed out."), "success")
    return redirect(url_for("accounts.login", next=url_for("kiosk.home")))


@bp.route("/find", methods=["GET", "POST"])
@at_station
def find(station: Station):
    """Search people by mobile or 身份证; results are masked and the query is not echoed."""
    form = FindForm()
    hits = None
    if form.validate_on_submit():
        with refusals_shown_in(form):
            hits = services.find_people(form.q.data)
        form.q.data = ""
    return render_template("kiosk/find.html", station=station, form=form, hits=hits)


@bp.route("/workers/<int:worker_id>")
@at_station
def worker(worker_id: int, station: Station):
    """A worker's full record (logged) and the gigs near the station ranked for them."""
    record = services.open_worker(current_user, station, worker_id, request.remote_addr or "")
    window = _window()
    ranked = nearby.gigs_near(station, worker_id=worker_id, window=window)
    return render_template(
        "kiosk/person.html",
        station=station,
        record=record,
        need=None,
        ranked=ranked,
        drafts=drafts_for_worker(worker_id),
        window=window,
        form=ReferForm(worker_id=worker_id, window=window),
    )


def _window() -> str:
    window = request.args.get("window", "week")
    return window if window in nearby.WINDOW_DAYS else "week"


@bp.route("/needs")
@at_station
def needs(station: Station):
    """Job-seeking needs recorded at every station in the city (POLICY §10)."""
    return render_template("kiosk/needs.html", station=station, needs=services.needs())


def _need_form() -> NeedForm:
    form = NeedForm()
    english = is_english()
    categories = db.session.scalars(select(SkillCategory).order_by(SkillCategory.code))
    towns = db.session.scalars(select(Town).order_by(Town.code))
    blank = [(0, "—")]
    form.category_id.choices = blank + [
        (c.id, c.name_en if english else c.name_zh) for c in categories
    ]
    form.town_id.choices = blank + [(t.id, t.name_en if english else t.name_zh) for t in towns]
    return form


@bp.route("/needs/new", methods=["GET", "POST"])
@at_station
def new_need(station: Station):
    """Record a 求职需求 for someone who does not want an account."""
    form = _need_form()
    if form.validate_on_submit():
        with refusals_shown_in(form):
            need = services.record_need(current_user, station, _need_input(form))
            return done(_("The need was recorded."), url_for("kiosk.need", need_id=need.id))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("kiosk/need_new.html", station=station, form=form), status


def _need_input(form: NeedForm) -> services.NeedInput:
    return services.NeedInput(
        name=form.name.data or "",
        mobile=form.mobile.data or "",
        desired_work=form.desired_work.data or "",
        category_id=form.category_id.data or None,
        town_id=form.town_id.data or None,
        availability=form.availability.data or "",
        notes=form.notes.data or "",
    )


@bp.route("/needs/<int:need_id>")
@at_station
def need(need_id: int, station: Station):
    """A recorded need and the gigs near the station ranked for it."""
    row = services.need(need_id)
    window = _window()
    ranked = nearby.gigs_near(station, need_row=row, window=window)
    return render_template(
        "kiosk/person.html",
        station=station,
        record=None,
        need=row,
        ranked=ranked,
        window=window,
        form=ReferForm(need_id=need_id, window=window),
    )


@bp.route("/referrals", methods=["POST"])
@at_station
def refer(station: Station):
    """Refer the person to a gig, then show the slip to print."""
    form = ReferForm()
    if not form.validate_on_submit():
        abort(400)
    back_to(_person_page(form))
    referral = services.refer(
        current_user,
        station,
        form.gig_id.data,
        shift_id=form.shift_id.data or None,
        worker_id=form.worker_id.data or None,
        need_id=form.need_id.data or None,
    )
    return redirect(url_for("kiosk.slip", referral_id=referral.id))


def _person_page(form: ReferForm) -> str:
    """The page of the person being referred (the start screen if the form names neither)."""
    if form.worker_id.data and not form.need_id.data:
        return url_for("kiosk.worker", worker_id=form.worker_id.data)
    if form.need_id.data and not form.worker_id.data:
        return url_for("kiosk.need", need_id=form.need_id.data)
    return url_for("kiosk.home")


@bp.route("/referrals/<int:referral_id>/slip")
@role_required(*STAFF)
def slip(referral_id: int):
    """The referral slip for an 80 mm receipt printer (or A4), with a QR code to the gig page."""
    ref = services.referral(referral_id)
    gig_url = url_for("gigs.show", gig_id=ref.gig_id, _external=True)
    code = segno.make(gig_url, error="m")
    qr = Markup(code.svg_inline(scale=4, title=_("QR code to the gig page")))
    show_name = request.args.get("name") == "1"
    return render_template(
        "kiosk/slip.html",
        ref=ref,
        qr=qr,
        gig_url=gig_url,
        name=services.person_name(ref) if show_name else "",
        a4=request.args.get("paper") == "a4",
    )


@bp.app_template_filter("referral_status")
def referral_status(status: ReferralStatus) -> str:
    """The translated word for a referral's status."""
    return str(REFERRAL_STATUS[status])


@bp.route("/referrals")
@at_station
def referrals(station: Station):
    """Referrals from every station with their outcome, updated from the marketplace's records."""
    refs = followup.referrals()
    names = followup.person_names(refs)
    return render_template(
        "kiosk/referrals.html", station=station, refs=refs, names=names, form=OutcomeForm()
    )


@bp.route("/referrals/<int:referral_id>/outcome", methods=["POST"])
@role_required(*STAFF)
def outcome(referral_id: int):
    """Staff record an outcome the marketplace cannot see (e.g. for a need)."""
    form = OutcomeForm()
    if not form.validate_on_submit():
        flash(_("Choose an outcome first: nothing was recorded."), "error")
        return redirect(url_for("kiosk.referrals"))
    back_to(url_for("kiosk.referrals"))
    followup.set_status(
        current_user, services.referral(referral_id), ReferralStatus(form.status.data)
    )
    return redirect(url_for("kiosk.referrals"))
