"""What demo gigs ask workers to bring (issue 5), chosen from the gig's main skill.

The choice is a plain lookup, not a random draw, so adding it left every other demo value
(titles, pay, shifts) exactly as the seed made them before.
"""

from __future__ import annotations

from marketplace.seeding.demo import data
from marketplace.seeding.demo.context import SkillRef

# A skill with needs of its own, before its family's (families as in seeds/skills.csv).
BY_SKILL: dict[str, str] = {
    r["key"]: r["items"] for r in data.where("what_to_bring.csv", match="skill")
}
BY_FAMILY: dict[str, str] = {
    r["key"]: r["items"] for r in data.where("what_to_bring.csv", match="family")
}
ID_CARD = data.where("what_to_bring.csv", match="default")[0]["items"]  # what other gigs ask for


def what_to_bring(skill: SkillRef) -> str:
    """The items a gig for ``skill`` asks a worker to bring, e.g. 补网 → '手套、剪刀'."""
    return BY_SKILL.get(skill.code) or BY_FAMILY.get(skill.family, ID_CARD)
