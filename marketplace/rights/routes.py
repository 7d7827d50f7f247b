"""Pages for registration (登记) and entitlements (我能享受哪些政策)."""

from __future__ import annotations

import csv
import io

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.edge import done, refusals_shown_in
from marketplace.i18n import format_local, to_local
from marketplace.inputs import query_int
from marketplace.kiosk.access import counter_station
from marketplace.models import District, Role, Station, WorkerProfile, db
from marketplace.policy import registration as rule
from marketplace.policy.registration import PLACES
from marketplace.policy.subsidy import EDUCATION_LEVELS
from marketplace.policy.training import courses_for, load_courses
from marketplace.rights import registration as services
from marketplace.rights.entitlements import (
    FactsInput,
    entitlements_of,
    save_facts,
    set_hard_to_employ,
)
from marketplace.rights.forms import FactsForm, HardToEmployForm, RegistrationForm, UnemploymentForm
from marketplace.rights.labels import init_labels
from marketplace.security import role_required
from marketplace.workers.services import profile_of

bp = Blueprint("rights", __name__)
bp.record_once(init_labels)

STAFF = (Role.STAFF, Role.ADMIN)


@bp.app_template_filter("say")
def say(message: tuple[str, dict]) -> str:
    """Translate a policy message (msgid, params)."""
    msgid, params = message
    return _(msgid, **params)


def _profile() -> WorkerProfile:
    profile = profile_of(current_user)
    if profile is None:
        abort(404)
    return profile


def _to_input(form: RegistrationForm) -> services.RegistrationInput:
    gig = form.for_whom.data == "gig"
    return services.RegistrationInput(
        work_content=form.work_content.data or "",
        started_on=form.started_on.data,
        stable_income=form.stable_income.data,
        pledge_name=form.pledge_name.data or "",
        pledge_agreed=form.pledge_agreed.data,
        retirement_group=form.retirement_group.data or "",
        application_id=form.application_id.data if gig and form.application_id.data else None,
        employer_name="" if gig else (form.employer_name.data or ""),
    )


@bp.route("/registration", methods=["GET", "POST"])
@role_required(Role.WORKER)
def register():
    """Register flexible employment, with the truthfulness pledge signed by typed name."""
    return _registration_page(_profile(), url_for("rights.registrations"))


@bp.route("/staff/workers/<int:worker_id>/registration", methods=["GET", "POST"])
@role_required(*STAFF)
def staff_register(worker_id: int):
    """Station staff register for a worker at the counter; the worker signs the pledge there."""
    profile = db.session.get(WorkerProfile, worker_id)
    if profile is None:
        abort(404)
    station = counter_station()
    return _registration_page(
        profile, url_for("rights.staff_registrations"), station.id if station else None
    )


def _registration_page(profile: WorkerProfile, done_url: str, station_id: int | None = None):
    work = services.completed_marketplace_work(profile)
    form = RegistrationForm()
    form.application_id.choices = [
        (a.id, f"{a.shift.gig.title} · {format_local(a.shift.starts_at, '%Y-%m-%d')}") for a in work
    ]
    if request.method == "GET" and work:
        form.started_on.data = to_local(work[0].shift.starts_at).date()
        form.work_content.data = work[0].shift.gig.title
    if form.validate_on_submit():
        with refusals_shown_in(form):
            reg = services.register(current_user, profile, _to_input(form), station_id)
            if not reg.late:
                return done(_("Your flexible employment is registered."), done_url)
            message = _(
                "Registered after the %(days)s-day deadline, so it is marked late.",
                days=rule.DEADLINE_DAYS,
            )
            flash(message, "warning")
            return redirect(done_url)
    status = 400 if form.errors or form.form_errors else 200
    return render_template(
        "rights/register.html",
        form=form,
        profile=profile,
        prompt=services.prompt(profile),
        deadline_days=rule.DEADLINE_DAYS,
    ), status


@bp.route("/registration/mine")
@role_required(Role.WORKER)
def registrations():
    """The worker's registrations with deadline and late flag."""
    profile = _profile()
    return render_template(
        "rights/registrations.html",
        items=services.registrations_of(profile),
        prompt=services.prompt(profile),
        places=PLACES,
    )


@bp.route("/registration/<int:reg_id>/end", methods=["GET", "POST"])
@role_required(Role.WORKER)
def end(reg_id: int):
    """Record the end of the work and register unemployment at a place that applies."""
    profile = _profile()
    reg = services.own_registration(profile, reg_id)
    form = UnemploymentForm()
    form.place.choices = [(p, _(PLACES[p])) for p in services.places_for(profile)]
    if form.validate_on_submit():
        with refusals_shown_in(form):
            services.register_unemployment(profile, reg_id, form.ended_on.data, form.place.data)
            return done(
                _("The end of your work and your unemployment registration are recorded."),
                url_for("rights.registrations"),
            )
    status = 400 if form.errors or form.form_errors else 200
    return render_template("rights/end.html", form=form, reg=reg), status


@bp.route("/entitlements", methods=["GET", "POST"])
@role_required(Role.WORKER)
def entitlements():
    """我能享受哪些政策: each answer in plain words with its citation."""
    profile = _profile()
    facts = services.facts_of(profile)
    form = FactsForm(obj=facts)
    form.education.choices = [("", _("Not said"))] + [
        (key, _(label)) for key, label in EDUCATION_LEVELS.items()
    ]
    if form.validate_on_submit():
        save_facts(
            profile,
            FactsInput(
                retirement_group=form.retirement_group.data,
                left_school_on=form.left_school_on.data,
                education=form.education.data or None,
                pays_as_individual=form.pays_as_individual.data,
                insured_elsewhere=form.insured_elsewhere.data,
                business_started_on=form.business_started_on.data,
            ),
        )
        return done(_("Saved."), url_for("rights.entitlements"))
    result = entitlements_of(profile)
    courses = courses_for({s.category.code for s in profile.skills}, load_courses())
    return render_template(
        "rights/entitlements.html", e=result, form=form, profile=profile, courses=courses
    )


@bp.route("/staff/registrations")
@role_required(*STAFF)
def staff_registrations():
    """Registrations by district and station for station staff; ?format=csv exports them."""
    district_id = query_int("district")
    station_id = query_int("station")
    items = services.staff_list(district_id, station_id)
    if request.args.get("format") == "csv":
        return _csv(items)
    return render_template(
        "rights/staff_registrations.html",
        items=items,
        districts=db.session.scalars(db.select(District).order_by(District.code)).all(),
        stations=db.session.scalars(db.select(Station).order_by(Station.code)).all(),
        chosen=district_id,
        chosen_station=station_id,
    )


def _csv(items) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "id",
            "district",
            "station",
            "worker",
            "id_number",
            "work",
            "employer",
            "started_on",
            "deadline_on",
            "late",
            "stable_income",
            "pledge_signed_at",
            "ended_on",
            "unemployment_place",
        ]
    )
    for r in items:
        writer.writerow(
            [
                r.id,
                r.district.name_zh,
                r.station.name_zh if r.station else "",
                r.worker.real_name,
                r.worker.id_number_masked,
                r.work_content,
                r.employer_name,
                r.started_on,
                r.deadline_on,
                int(r.late),
                int(r.stable_income),
                format_local(r.pledge_signed_at),
                r.ended_on or "",
                r.unemployment_place or "",
            ]
        )
    return Response(
        "\ufeff" + out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=registrations.csv"},
    )


@bp.route("/staff/workers/<int:worker_id>/benefits", methods=["GET", "POST"])
@role_required(*STAFF)
def staff_benefits(worker_id: int):
    """Staff set the 就业困难人员 status and the subsidy approval date."""
    profile = db.session.get(WorkerProfile, worker_id)
    if profile is None:
        abort(404)
    facts = services.facts_of(profile)
    form = HardToEmployForm(obj=facts)
    if form.validate_on_submit():
        set_hard_to_employ(
            current_user, profile, form.hard_to_employ.data, form.subsidy_approved_on.data
        )
        return done(_("Saved."), url_for("rights.staff_benefits", worker_id=worker_id))
    return render_template("rights/staff_benefits.html", form=form, profile=profile, facts=facts)
