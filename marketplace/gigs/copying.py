"""Post again: a past gig's details fill the new-gig form, its shifts moved to coming dates."""

from __future__ import annotations

import math
from datetime import date, timedelta

from marketplace.i18n import to_local
from marketplace.models import Gig


def weeks_forward(first_day: date, today: date) -> int:
    """Whole weeks that move ``first_day`` after ``today``: the weekdays of the shifts stay."""
    if first_day > today:
        return 0
    return math.ceil(((today - first_day).days + 1) / 7)


def fill_from(form, gig: Gig, today: date) -> None:
    """Put the gig's details into a GigForm; its shifts, as rows, move by whole weeks."""
    form.title.data, form.description.data = gig.title, gig.description
    form.category_id.data, form.skills.data = gig.category_id, [s.id for s in gig.skills]
    form.town_id.data, form.address.data = gig.town_id, gig.address
    form.what_to_bring.data = gig.what_to_bring
    form.work_form.data, form.season_tag.data = gig.work_form.value, gig.season_tag.value
    form.pay.data, form.pay_unit.data = gig.pay_fen, gig.pay_unit.value
    form.pieces_per_day.data, form.pay_within_days.data = gig.pieces_per_day, gig.pay_within_days
    form.injury_insurance.data = gig.injury_insurance
    for name, answer in (
        ("q_qualified", gig.answer_qualified),
        ("q_employer_rules", gig.answer_employer_rules),
        ("q_core_business", gig.answer_core_business),
        ("q_manages_process", gig.answer_manages_process),
    ):
        getattr(form, name).data = "yes" if answer else "no"
    shifts = gig.shifts[: form.shifts.max_entries]
    if not shifts:
        return
    move = timedelta(weeks=weeks_forward(to_local(shifts[0].starts_at).date(), today))
    while len(form.shifts.entries) < len(shifts):
        form.shifts.append_entry()
    for row, shift in zip(form.shifts.entries, shifts, strict=False):
        start, end = to_local(shift.starts_at), to_local(shift.ends_at)
        row.form.day.data = start.date() + move
        row.form.start.data, row.form.end.data = start.time(), end.time()
        row.form.slots.data = shift.slots
