"""再发一次: a past gig fills the new-gig form with its shifts moved ahead by whole weeks."""

from __future__ import annotations

import re
from datetime import date, timedelta

from marketplace.gigs.copying import weeks_forward
from marketplace.i18n import to_local
from marketplace.models import db, utcnow
from tests.factories import make_employer, make_gig, move_shift


def test_weeks_forward_keeps_the_weekday():
    today = date(2026, 12, 2)  # a Wednesday
    assert weeks_forward(date(2026, 12, 9), today) == 0
    assert weeks_forward(date(2026, 12, 2), today) == 1
    assert weeks_forward(date(2026, 11, 25), today) == 2
    assert weeks_forward(date(2026, 11, 26), today) == 1


def test_the_form_is_filled_from_a_past_gig(app, client, login):
    employer = make_employer()
    gig = make_gig(employer, title="冬季晒鲞帮工", injury_insurance=True)
    past = utcnow() - timedelta(days=10)
    move_shift(gig.shifts[0], past.replace(hour=0, minute=30))  # 08:30 Beijing time
    db.session.commit()
    login(client, employer)
    manage = client.get(f"/gigs/{gig.id}/manage").get_data(as_text=True)
    assert 'data-testid="post-again"' in manage and "再发一次" in manage

    page = client.get(f"/gigs/new?copy={gig.id}").get_data(as_text=True)

    assert 'value="冬季晒鲞帮工"' in page
    old_day = to_local(gig.shifts[0].starts_at).date()
    new_day = old_day + timedelta(weeks=weeks_forward(old_day, to_local(utcnow()).date()))
    assert new_day > to_local(utcnow()).date() and new_day.weekday() == old_day.weekday()
    assert f'value="{new_day.isoformat()}"' in page and 'value="08:30"' in page
    insurance = re.search(r'<input[^>]*name="injury_insurance"[^>]*>', page)
    assert insurance and "checked" in insurance.group(0)


def test_another_employers_gig_cannot_be_copied(app, client, login):
    gig = make_gig(make_employer("别家"), title="别家的活")
    mine = make_employer()
    db.session.commit()
    login(client, mine)
    assert client.get(f"/gigs/new?copy={gig.id}").status_code == 403
