"""Worker protections: registration, entitlements and wage cases (POLICY §2, §7, §8, §9)."""

from flask import Blueprint

bp = Blueprint("rights", __name__)


@bp.record_once
def _labels(state) -> None:
    from marketplace.rights.labels import init_labels

    init_labels(state)


from marketplace.rights import routes, routes_cases, routes_complaints  # noqa: E402,F401
