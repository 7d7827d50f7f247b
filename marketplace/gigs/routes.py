"""Gig pages: browse, show, post, manage applicants, close."""

from flask import (
    Blueprint,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from marketplace import reference
from marketplace.edge import back_to, done, refusals_shown_in
from marketplace.employers import standing
from marketplace.employers.services import profile_of as employer_profile_of
from marketplace.gigs import page_cache, search, services
from marketplace.gigs.copying import fill_from
from marketplace.gigs.forms import GigForm, SearchForm
from marketplace.i18n import localized_name, to_local
from marketplace.inputs import query_int
from marketplace.labels import choices
from marketplace.models import GigStatus, PayUnit, Role, SeasonTag, WorkForm, utcnow
from marketplace.policy.labour_relation import Answers, agreement_kind, assess
from marketplace.security import role_required
from marketplace.work.services import applications_for_gig, applications_to_shifts

bp = Blueprint("gigs", __name__)

ANY = (0, _l("All"))


def _town_options(towns) -> list[tuple[int, str]]:
    return [(t.id, localized_name(t)) for t in towns]


def _search_choices(form: SearchForm) -> None:
    """Districts, and the towns of one district only: the page never lists every town.

    The town filter lists the chosen district's towns; "distance from" those of the chosen
    town's district (static/js/gig-filters.js offers every town from ``towns`` instead).
    """
    form.district_id.choices = [ANY] + [(d.id, localized_name(d)) for d in reference.districts()]
    town = reference.town(form.town_id.data)
    if town and form.district_id.data and town.district_id != form.district_id.data:
        form.town_id.data, town = 0, None  # another district was chosen: its towns apply
    district_id = form.district_id.data or (town.district_id if town else None)
    form.town_id.choices = [ANY] + _town_options(reference.towns_of(district_id))
    near = reference.town(form.near_town_id.data)
    near_district = near.district_id if near else district_id
    form.near_town_id.choices = [(0, _l("My town…"))] + _town_options(
        reference.towns_of(near_district)
    )
    form.category_id.choices = [ANY] + [(c.id, localized_name(c)) for c in reference.categories()]
    form.work_form.choices = [("", _l("All"))] + choices(*WorkForm)
    form.season_tag.choices = [("", _l("All"))] + choices(
        SeasonTag.MORATORIUM, SeasonTag.FARMING_LULL, SeasonTag.HARVEST
    )


def _filters(form: SearchForm) -> search.GigFilters:
    return search.GigFilters(
        district_id=form.district_id.data or None,
        town_id=form.town_id.data or None,
        category_id=form.category_id.data or None,
        date_from=form.date_from.data,
        date_to=form.date_to.data,
        min_daily_pay_fen=form.min_pay.data,
        work_form=WorkForm(form.work_form.data) if form.work_form.data else None,
        season_tag=SeasonTag(form.season_tag.data) if form.season_tag.data else None,
        sort=form.sort.data if form.sort.data in search.SORTS else "newest",
        near_town_id=form.near_town_id.data or None,
        keywords=form.q.data or "",
    )


@bp.route("/")
@bp.route("/gigs")
@page_cache.kept_for_visitors
def browse():
    """Open gigs, filtered and sorted, a page at a time."""
    form = SearchForm(request.args)
    _search_choices(form)
    if request.args and not form.validate():
        return render_template("gigs/browse.html", form=form, page=None, distances={}), 400
    filters = _filters(form)
    if filters.sort == "distance" and not filters.near_town_id:
        form.near_town_id.errors.append(_("Choose the town to measure distance from."))
    page, distances = search.search(
        filters,
        page=query_int("page", 1),
        per_page=current_app.config["GIGS_PER_PAGE"],
    )
    args = {k: v for k, v in request.args.items() if k != "page"}
    return render_template(
        "gigs/browse.html",
        form=form,
        page=page,
        distances=distances,
        args=args,
        places=reference.snapshot(),
    )


@bp.route("/gigs/towns")
def towns():
    """Every district with its towns, for the town pickers of the gig filters (JSON, cached)."""
    places = reference.snapshot()
    body = [
        {
            "id": d.id,
            "name_zh": d.name_zh,
            "name_en": d.name_en,
            "towns": [{"id": t.id, "name_zh": t.name_zh, "name_en": t.name_en} for t in d.towns],
        }
        for d in places.districts
    ]
    response = jsonify(districts=body)
    response.set_etag(f"towns-{places.stamp[0]}-{places.stamp[1]}")
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response.make_conditional(request)


@bp.route("/gigs/<int:gig_id>")
@page_cache.kept_for_visitors
def show(gig_id: int):
    """A gig: shifts with free slots, day pay, place, and the employer's verification."""
    gig = services.visible_gig(current_user, gig_id)
    mine = {}
    if current_user.is_authenticated and current_user.role == Role.WORKER:
        mine = applications_to_shifts(current_user, gig.shifts)
    return render_template(
        "gigs/show.html",
        gig=gig,
        upcoming=search.upcoming_shifts(gig),
        mine=mine,
        town=reference.town(gig.town_id),
        places=reference.snapshot(),
    )


def _gig_input(form: GigForm) -> services.GigInput:
    shifts = [
        services.ShiftInput(r.form.day.data, r.form.start.data, r.form.end.data, r.form.slots.data)
        for r in form.shifts
        if r.form.is_complete()
    ]
    return services.GigInput(
        title=form.title.data,
        description=form.description.data,
        category_id=form.category_id.data,
        town_id=form.town_id.data,
        address=form.address.data,
        what_to_bring=form.what_to_bring.data or "",
        work_form=WorkForm(form.work_form.data),
        season_tag=SeasonTag(form.season_tag.data),
        pay_fen=form.pay.data,
        pay_unit=PayUnit(form.pay_unit.data),
        shifts=shifts,
        skill_ids=form.skills.data or [],
        pieces_per_day=form.pieces_per_day.data,
        pay_within_days=form.pay_within_days.data,
        injury_insurance=form.injury_insurance.data,
        answers=Answers(
            qualified=form.answer("q_qualified"),
            employer_rules=form.answer("q_employer_rules"),
            core_business=form.answer("q_core_business"),
            manages_process=form.answer("q_manages_process"),
        ),
    )


def _confirmed(form: GigForm, data: services.GigInput):
    """The assessment shown to the employer, and whether they confirmed that same outcome."""
    assessment = assess(data.answers)
    confirmed = (
        form.confirm_assessment.data and form.assessed_outcome.data == assessment.outcome.value
    )
    if not confirmed:
        form.assessed_outcome.data = assessment.outcome.value
        form.confirm_assessment.data = False
    return assessment, confirmed


@bp.route("/gigs/new", methods=["GET", "POST"])
@role_required(Role.EMPLOYER)
def new():
    """Post a gig with one or more shifts."""
    employer = employer_profile_of(current_user)
    if employer is None:
        flash(_("Fill in your employer profile before posting a gig."), "error")
        return redirect(url_for("employers.profile"))
    form = GigForm()
    form.category_id.choices = [(c.id, localized_name(c)) for c in reference.categories()]
    form.town_id.choices = reference.town_choices()
    form.skills.choices = reference.skill_choices()
    if request.method == "GET":
        form.town_id.data = employer.town_id
        form.address.data = employer.address
        copied = query_int("copy", 0)
        if copied:  # 再发一次: a past gig of this employer fills the form, dates moved ahead
            fill_from(form, services.owned_gig(current_user, copied), to_local(utcnow()).date())
        if standing.open_cases_of_employer(current_user.id):  # POLICY §9: posting is blocked
            flash(standing.OpenArrears().translated(), "error")
    assessment = None
    if form.validate_on_submit():
        data = _gig_input(form)
        assessment, confirmed = _confirmed(form, data)
        with refusals_shown_in(form):
            if not confirmed:
                services.check_gig(current_user, data)
            else:
                gig = services.post_gig(current_user, data)
                message = (
                    _("Your gig waits for verification: it is published once station staff "
                      "have verified you.")
                    if gig.status == GigStatus.DRAFT
                    else _("Your gig has been published.")
                )  # fmt: skip
                return done(message, url_for("gigs.manage", gig_id=gig.id))
    status = 400 if form.errors or form.form_errors else 200
    kind = agreement_kind(assessment.outcome, form.work_form.data) if assessment else None
    return render_template(
        "gigs/new.html",
        form=form,
        categories=reference.categories(),
        assessment=assessment,
        agreement_kind=kind,
    ), status


@bp.route("/gigs/<int:gig_id>/manage")
@role_required(Role.EMPLOYER)
def manage(gig_id: int):
    """The employer's view of a gig: check-in codes and applicants per shift."""
    gig = services.owned_gig(current_user, gig_id)
    return render_template(
        "gigs/manage.html", gig=gig, applications=applications_for_gig(gig), now=utcnow()
    )


@bp.route("/gigs/<int:gig_id>/close", methods=["POST"])
@role_required(Role.EMPLOYER)
def close(gig_id: int):
    """Stop taking applications."""
    back_to(url_for("gigs.manage", gig_id=gig_id))
    services.close_gig(current_user, gig_id)
    return done(_("The gig is closed to new applications."))


@bp.route("/my/gigs")
@role_required(Role.EMPLOYER)
def mine():
    """The employer's gigs."""
    return render_template("gigs/mine.html", gigs=services.employer_gigs(current_user))
