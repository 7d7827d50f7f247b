"""Agreement pages: read, adjust, sign, print, PDF, public verification and template versions."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.agreements import pdf, services, signing, templating
from marketplace.agreements.forms import EditForm, SignForm, TemplateForm
from marketplace.edge import back_to, done, refusals_shown_in
from marketplace.models import AgreementStatus, Party, Role
from marketplace.policy.labour_relation import AgreementKind
from marketplace.security import role_required

bp = Blueprint("agreements", __name__, url_prefix="/agreements")


def _open(agreement_id: int):
    """Load an agreement the user may see; staff views are audit-logged."""
    return services.open_agreement(current_user, agreement_id, request.remote_addr or "")


@bp.route("/<int:agreement_id>")
@login_required
def show(agreement_id: int):
    """The agreement text, its signatures, and the signing form for a party who has not signed."""
    agreement = _open(agreement_id)
    party = services.party_of(current_user, agreement)
    text = services.text_of(agreement)
    form = SignForm(content_hash=templating.content_hash(text))
    can_sign = (
        party is not None
        and agreement.status == AgreementStatus.DRAFT
        and agreement.signature_of(party) is None
    )
    return render_template(
        "agreements/show.html",
        agreement=agreement,
        text=text,
        party=party,
        can_sign=can_sign,
        form=form,
        verify_url=pdf.verify_url(agreement),
    )


@bp.route("/<int:agreement_id>/sign", methods=["POST"])
@role_required(Role.WORKER, Role.EMPLOYER)
def sign(agreement_id: int):
    """Sign with the typed full name and explicit consent; the account, time and IP are kept."""
    form = SignForm()
    back_to(url_for("agreements.show", agreement_id=agreement_id))
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash(" ".join(str(e) for e in errors), "error")
        return redirect(url_for("agreements.show", agreement_id=agreement_id))
    agreement = signing.sign(
        current_user,
        agreement_id,
        form.typed_name.data,
        form.consent.data,
        form.content_hash.data,
        request.remote_addr or "",
    )
    if agreement.status == AgreementStatus.IN_FORCE:
        return done(_("Both parties have signed: the agreement is in force."))
    return done(_("Signed. The agreement is in force once the other party signs."))


@bp.route("/<int:agreement_id>/edit", methods=["GET", "POST"])
@role_required(Role.EMPLOYER)
def edit(agreement_id: int):
    """The employer adjusts pay and free-text clauses within the template's limits."""
    agreement = _open(agreement_id)
    if services.party_of(current_user, agreement) != Party.EMPLOYER:
        abort(403)
    clauses = templating.clauses_of(agreement)
    form = EditForm(data={"pay": agreement.pay_fen, **clauses})
    if form.validate_on_submit():
        values = {k: getattr(form, k).data or "" for k in templating.EDITABLE_CLAUSES}
        with refusals_shown_in(form):
            revised = services.edit(current_user, agreement_id, form.pay.data, values)
            shown = url_for("agreements.show", agreement_id=revised.id)
            if revised.id != agreement_id:
                return done(
                    _("The signed text stays as it was: both parties sign the new version."), shown
                )
            return done(_("The agreement has been updated."), shown)
    status = 400 if form.errors or form.form_errors else 200
    return render_template("agreements/edit.html", agreement=agreement, form=form), status


@bp.route("/<int:agreement_id>/print")
@login_required
def print_view(agreement_id: int):
    """A print-friendly page of the agreement."""
    agreement = _open(agreement_id)
    return pdf.printable(agreement, "agreements/print.html")


@bp.route("/<int:agreement_id>/pdf")
@login_required
def download(agreement_id: int):
    """The signed agreement as an A4 PDF with a QR code to its verification page."""
    agreement = services.readable_agreement(current_user, agreement_id)
    if agreement.status == AgreementStatus.DRAFT:
        services.log_view(current_user, agreement, request.remote_addr or "")
        flash(_("The PDF is ready once both parties have signed."), "error")
        return redirect(url_for("agreements.show", agreement_id=agreement_id))
    body = pdf.pdf_bytes(agreement, request.url_root)  # before any write: no lock while rendering
    services.log_view(current_user, agreement, request.remote_addr or "")
    name = f"agreement-{agreement.id}-{agreement.revision}.pdf"
    return Response(
        body,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.route("/application/<int:app_id>")
@login_required
def for_application(app_id: int):
    """Go to the current agreement of an accepted application."""
    agreement = services.agreement_for_application(current_user, app_id)
    return redirect(url_for("agreements.show", agreement_id=agreement.id))


@bp.route("/verify/<digest>")
def verify(digest: str):
    """Public: confirms a signed agreement exists, showing only non-personal facts."""
    result = services.verify(digest.lower())
    facts = templating.public_facts(result.agreement) if result.valid else None
    return render_template("agreements/verify.html", result=result, facts=facts, digest=digest), (
        200 if result.valid else 404
    )


@bp.route("/agreement.css")
def stylesheet():
    """The agreement's print style (served from the templates so PDF and page share it)."""
    return Response(render_template("agreements/agreement.css"), mimetype="text/css")


@bp.route("/templates")
@role_required(Role.ADMIN)
def templates():
    """Every agreement template with its newest version."""
    rows = services.templates_overview()
    return render_template("agreements/templates.html", rows=rows)


@bp.route("/templates/<kind>/publish", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def publish(kind: str):
    """Publish a new version of a template; agreements keep the version they were made with."""
    try:
        kind_ = AgreementKind(kind)
    except ValueError:
        abort(404)
    latest = services.current_template(kind_)  # version 1 is stored from the file on first use
    form = TemplateForm(data={"source": latest.source})
    if form.validate_on_submit():
        with refusals_shown_in(form):
            template = services.publish_template(
                current_user, kind_, form.source.data, form.note.data or ""
            )
            return done(
                _("Version %(n)s is published.", n=template.version),
                url_for("agreements.templates"),
            )
    status = 400 if form.errors or form.form_errors else 200
    return render_template("agreements/publish.html", form=form, kind=kind_, latest=latest), status
