"""The bare reference of benchmarks/web_throughput.py: Flask, sqlite3 and Jinja, nothing else.

It serves the same 20 newest open gigs as ``/gigs`` (and one gig as ``/gigs/<id>``) from the
same demo database, with the same queries' meaning and a page of the same shape, but without
sessions, sign-in, translations, forms, an ORM or the request edge: the speed a page could have.
Run by gunicorn: ``BARE_DATABASE=demo.db gunicorn --chdir benchmarks bare_reference:app``.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import UTC, datetime

from flask import Flask, abort
from jinja2 import Environment
from markupsafe import Markup

app = Flask(__name__)
_local = threading.local()

LIST = """SELECT g.id, g.title, g.daily_pay_fen, g.work_form, g.season_tag, e.name,
    e.verification, t.name_zh, d.name_zh, c.name_zh
  FROM gig g JOIN employer_profile e ON e.user_id = g.employer_id
  JOIN town t ON t.id = g.town_id JOIN district d ON d.id = t.district_id
  JOIN skill_category c ON c.id = g.category_id
  WHERE g.status = 'open' AND EXISTS (SELECT 1 FROM shift s WHERE s.gig_id = g.id
    AND s.starts_at >= ? AND s.filled < s.slots)
  ORDER BY g.created_at DESC, g.id DESC LIMIT 20"""
COUNT = """SELECT count(*) FROM gig g WHERE g.status = 'open' AND EXISTS (SELECT 1 FROM shift s
  WHERE s.gig_id = g.id AND s.starts_at >= ? AND s.filled < s.slots)"""
GIG = """SELECT g.id, g.title, g.daily_pay_fen, g.description, g.address, e.name, t.name_zh,
    d.name_zh, c.name_zh
  FROM gig g JOIN employer_profile e ON e.user_id = g.employer_id
  JOIN town t ON t.id = g.town_id JOIN district d ON d.id = t.district_id
  JOIN skill_category c ON c.id = g.category_id WHERE g.id = ?"""
SHIFTS = """SELECT starts_at, ends_at, slots, filled FROM shift WHERE gig_id = ? AND starts_at > ?
  ORDER BY starts_at"""

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>{{ title }} · 甬零工</title><link rel="stylesheet" href="/static/css/site.css"></head>
<body><header class="top"><a class="brand" href="/gigs">甬零工</a></header><main>{{ body }}</main>
<footer class="bottom"><p>宁波灵活就业零工市场。</p></footer></body></html>"""
LIST_BODY = """<h1>找工作</h1><p class="muted">找到 {{ total }} 个岗位</p><div class="gig-list">
{% for g in gigs %}<article class="gig-card"><h2><a href="/gigs/{{ g[0] }}">{{ g[1] }}</a></h2>
<p class="pay"><strong>¥{{ "%.2f"|format(g[2] / 100) }}</strong> 每天</p>
<p>{{ g[8] }} · {{ g[7] }}</p><p class="tags"><span class="tag">{{ g[9] }}</span>
<span class="tag">{{ g[3] }}</span>
{% if g[4] != 'none' %}<span class="tag">{{ g[4] }}</span>{% endif %}
{% if g[6] == 'verified' %}<span class="tag verified">已通过驿站审核</span>{% endif %}</p>
</article>{% endfor %}</div>"""
GIG_BODY = """<article class="gig"><h1>{{ g[1] }}</h1>
<p class="pay"><strong>¥{{ "%.2f"|format(g[2] / 100) }}</strong> 每天</p><dl class="facts">
<dt>用工方</dt><dd>{{ g[5] }}</dd><dt>地点</dt><dd>{{ g[7] }} {{ g[6] }} · {{ g[4] }}</dd>
<dt>工种</dt><dd>{{ g[8] }}</dd></dl><div class="description">{{ g[3] }}</div><h2>班次</h2>
<table class="shifts">{% for s in shifts %}<tr><td>{{ s[0] }}–{{ s[1] }}</td>
<td>{{ s[2] - s[3] }} / {{ s[2] }}</td></tr>{% endfor %}</table></article>"""

env = Environment(autoescape=True)
page, list_body, gig_body = (env.from_string(t) for t in (PAGE, LIST_BODY, GIG_BODY))


def _db() -> sqlite3.Connection:
    """One connection per thread, as a pool would give."""
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = _local.conn = sqlite3.connect(os.environ["BARE_DATABASE"])
    return conn


def _now() -> str:
    return datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")


@app.route("/gigs")
def gigs():
    """The 20 newest open gigs with a free future shift."""
    now = _now()
    rows = _db().execute(LIST, (now,)).fetchall()
    total = _db().execute(COUNT, (now,)).fetchone()[0]
    return page.render(title="找工作", body=Markup(list_body.render(gigs=rows, total=total)))


@app.route("/gigs/<int:gig_id>")
def gig(gig_id: int):
    """One gig with its upcoming shifts."""
    row = _db().execute(GIG, (gig_id,)).fetchone()
    if row is None:
        abort(404)
    shifts = _db().execute(SHIFTS, (gig_id, _now())).fetchall()
    return page.render(title=row[1], body=Markup(gig_body.render(g=row, shifts=shifts)))
