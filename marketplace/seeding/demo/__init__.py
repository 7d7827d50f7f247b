"""The demo market generator; its word tables live in ``seeds/demo/`` (see its README.md).

``flask seed --demo`` calls ``demo_present``, ``demo_steps`` and ``generate_demo`` and prints
``DEMO_LOGINS``; ``market`` runs the phases, the other modules plan one part of the market each.
"""

from marketplace.seeding.demo.accounts import DEMO_LOGINS, DEMO_PASSWORD
from marketplace.seeding.demo.market import DemoSummary, demo_present, demo_steps, generate_demo

__all__ = [
    "DEMO_LOGINS",
    "DEMO_PASSWORD",
    "DemoSummary",
    "demo_present",
    "demo_steps",
    "generate_demo",
]
