"""Matching workers and gigs: a two-sided scikit-learn ranker that explains itself.

A plain library over numpy, scipy and scikit-learn; it never imports Flask or the marketplace.
"""

from .availability import Season, load_seasons
from .index import JobIndex, WorkerIndex
from .phrases import MESSAGES, Phrase, SkillList
from .ranker import MatchRanker
from .records import Interaction, Job, Match, Worker
from .registry import FEATURE_NAMES
from .taxonomy import Skill, Taxonomy

__all__ = [
    "FEATURE_NAMES",
    "Interaction",
    "Job",
    "JobIndex",
    "MESSAGES",
    "Match",
    "MatchRanker",
    "Phrase",
    "Season",
    "Skill",
    "SkillList",
    "Taxonomy",
    "Worker",
    "WorkerIndex",
    "load_seasons",
]
