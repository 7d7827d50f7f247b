"""The per-process market index: ranker, records and candidate indexes, kept fresh by version."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import select

from marketplace import index_versions as versions
from marketplace.matchmaking import models_store, records
from marketplace.models import Season as SeasonRow
from marketplace.models import Skill, db
from matching import Job, JobIndex, MatchRanker, Season, Taxonomy, Worker, WorkerIndex

EXTENSION_KEY = "market_index"


@dataclass
class Snapshot:
    """Everything ranking needs, built once per change of workers or gigs."""

    stamp: tuple[int, int]
    ranker: MatchRanker
    model_version: str
    workers: list[Worker]
    jobs: list[Job]
    worker_index: WorkerIndex
    job_index: JobIndex
    workers_by_id: dict[int, Worker] = field(default_factory=dict)
    jobs_by_id: dict[int, Job] = field(default_factory=dict)


def taxonomy_from_db() -> Taxonomy:
    """The skills taxonomy as stored (so staff edits reach the ranker)."""
    rows = [
        {
            "code": s.code,
            "category_code": s.category.code,
            "family": s.family,
            "name_zh": s.name_zh,
            "name_en": s.name_en,
            "synonyms_zh": s.synonyms_zh,
            "synonyms_en": s.synonyms_en,
        }
        for s in db.session.scalars(select(Skill))
    ]
    return Taxonomy.from_rows(rows)


def seasons_from_db() -> list[Season]:
    """Seasonal windows (休渔期, 农闲期, harvests) for the ranker's reasons."""
    return [
        Season(s.code, s.kind, s.name_zh, s.name_en, s.start_mmdd, s.end_mmdd)
        for s in db.session.scalars(select(SeasonRow))
    ]


class MarketIndex:
    """Holds the newest snapshot for this process; rebuilds when the stored stamp moves on."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None

    def invalidate(self) -> None:
        """Forget the snapshot (e.g. after training a new model)."""
        self._snapshot = None

    def get(self) -> Snapshot:
        """The current snapshot, rebuilt first if workers or gigs changed anywhere."""
        stamp = versions.current()
        snap = self._snapshot
        if snap is not None and snap.stamp == stamp:
            return snap
        with self._lock:
            if self._snapshot is None or self._snapshot.stamp != stamp:
                self._snapshot = self._build(stamp)
            return self._snapshot

    def _build(self, stamp: tuple[int, int]) -> Snapshot:
        taxonomy = taxonomy_from_db()
        ranker, version = models_store.load_newest(current_app.instance_path, taxonomy)
        if ranker.taxonomy is None:
            ranker.set_params(taxonomy=taxonomy)
        if getattr(ranker, "seasons", None) is None:
            ranker.set_params(seasons=seasons_from_db())
        workers = records.worker_records()
        jobs = records.open_job_records()
        return Snapshot(
            stamp=stamp,
            ranker=ranker,
            model_version=version,
            workers=workers,
            jobs=jobs,
            worker_index=ranker.build_index(workers),
            job_index=ranker.build_job_index(jobs),
            workers_by_id={w.id: w for w in workers},
            jobs_by_id={j.id: j for j in jobs},
        )


def init_app(app) -> None:
    """Give the app its (empty, lazily built) market index."""
    app.extensions[EXTENSION_KEY] = MarketIndex()


def market_index() -> MarketIndex:
    """This app's market index (one per process)."""
    return current_app.extensions[EXTENSION_KEY]
