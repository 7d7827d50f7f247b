"""Signing an agreement on the kiosk, with the staff member present as witness."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.agreements import services as agreements
from marketplace.agreements import signing, templating
from marketplace.agreements.forms import SignForm
from marketplace.edge import done, refusals_shown_in
from marketplace.kiosk.access import at_station, sign_out_idle_kiosk
from marketplace.models import Station, User, WorkerProfile, db

bp = Blueprint("kiosk_signing", __name__, url_prefix="/kiosk")
bp.before_request(sign_out_idle_kiosk)


@bp.route("/workers/<int:worker_id>/agreements/<int:agreement_id>", methods=["GET", "POST"])
@at_station
def sign_agreement(worker_id: int, agreement_id: int, station: Station):
    """The worker reads the agreement on screen and signs it; staff witness the signature."""
    worker = db.session.get(User, worker_id)
    if worker is None or db.session.get(WorkerProfile, worker_id) is None:
        abort(404)
    ip = request.remote_addr or ""
    agreement = agreements.open_agreement(current_user, agreement_id, ip)
    text = agreements.text_of(agreement)
    form = SignForm(content_hash=templating.content_hash(text))
    if form.validate_on_submit():
        with refusals_shown_in(form):
            signing.sign_at_kiosk(
                current_user,
                station.id,
                agreement_id,
                worker,
                form.typed_name.data,
                form.consent.data,
                form.content_hash.data,
                ip,
            )
            return done(
                _("Signed. The employer sees the signature."),
                url_for("kiosk.worker", worker_id=worker_id),
            )
    return render_template(
        "kiosk/sign.html",
        station=station,
        agreement=agreement,
        text=text,
        form=form,
        worker=worker,
    )
