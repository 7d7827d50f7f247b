"""The demo market's written agreements: every accepted application has its own (POLICY §3).

A shift that has started was worked under an agreement both parties signed when the worker was
accepted; a shift still ahead has a draft the employer and the worker have yet to sign.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.agreements import templating
from marketplace.agreements.services import current_template
from marketplace.models import (
    Agreement,
    AgreementSignature,
    AgreementStatus,
    Application,
    AppStatus,
    EmployerProfile,
    Gig,
    Party,
    Shift,
    WorkerProfile,
    db,
)
from marketplace.policy.labour_relation import AgreementKind, agreement_kind
from marketplace.seeding.demo.context import bulk_insert, bulk_insert_ids
from marketplace.seeding.demo.staffing import AppPlan

CHUNK = 500  # agreements rendered per query batch
SIGNED_AFTER = (timedelta(minutes=20), timedelta(hours=2))  # employer, then worker, after accepting


def add_agreements(apps: list[AppPlan], now: datetime) -> int:
    """An agreement for every accepted application, in force once its shift has begun."""
    accepted = [a for a in apps if a.status == AppStatus.ACCEPTED]
    gig_ids = {a.gig.id for a in accepted}
    rows_found = db.session.execute(select(Gig.id, Gig.relation_outcome).where(Gig.id.in_(gig_ids)))
    outcomes = {gig_id: outcome for gig_id, outcome in rows_found}
    templates: dict[AgreementKind, int] = {}
    rows = []
    for app in accepted:
        kind = agreement_kind(outcomes[app.gig.id], app.gig.work_form.value)
        if kind is None:  # a full-time labour contract is signed outside the marketplace
            continue
        if kind not in templates:
            templates[kind] = current_template(kind).id
        rows.append((app, templates[kind]))
    ids = bulk_insert_ids(
        Agreement,
        [
            {
                "application_id": app.id,
                "template_id": template_id,
                "revision": 1,
                "status": AgreementStatus.DRAFT,
                "pay_fen": app.gig.pay_fen,
                "clauses_json": json.dumps(
                    templating.default_clauses(app.gig.description), ensure_ascii=False
                ),
                "created_at": app.decided_at or app.created_at,
            }
            for app, template_id in rows
        ],
    )
    begun = [i for i, (app, _t) in zip(ids, rows, strict=True) if app.shift.starts_at <= now]
    for start in range(0, len(begun), CHUNK):
        _sign_both(begun[start : start + CHUNK])
    db.session.flush()
    return len(ids)


def _sign_both(agreement_ids: list[int]) -> None:
    """Freeze the text and record both signatures, as if signed on the day of acceptance."""
    agreements = db.session.scalars(
        select(Agreement)
        .where(Agreement.id.in_(agreement_ids))
        .options(
            selectinload(Agreement.template),
            selectinload(Agreement.application)
            .selectinload(Application.worker)
            .selectinload(WorkerProfile.user),
            selectinload(Agreement.application)
            .selectinload(Application.shift)
            .selectinload(Shift.gig)
            .selectinload(Gig.employer)
            .selectinload(EmployerProfile.user),
        )
    )
    signatures = []
    for agreement in agreements:
        text = templating.render(agreement)
        digest = templating.content_hash(text)
        app = agreement.application
        employer = app.shift.gig.employer
        signed = [
            (Party.EMPLOYER, employer.user_id, employer.contact_name, SIGNED_AFTER[0]),
            (Party.WORKER, app.worker_id, app.worker.real_name, SIGNED_AFTER[1]),
        ]
        for party, signer_id, name, after in signed:
            signatures.append(
                {
                    "agreement_id": agreement.id,
                    "party": party,
                    "signer_id": signer_id,
                    "typed_name": name,
                    "content_hash": digest,
                    "signed_at": agreement.created_at + after,
                    "ip": "",
                }
            )
        agreement.rendered_text, agreement.content_hash = text, digest
        agreement.status = AgreementStatus.IN_FORCE
        agreement.in_force_at = agreement.created_at + SIGNED_AFTER[1]
    bulk_insert(AgreementSignature, signatures)
