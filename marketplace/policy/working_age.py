"""Legal working age for flexible workers — POLICY §1 (N(一))."""

# Labour Law of the PRC art. 15: employers may not hire minors under 16.
MIN_WORKING_AGE = 16

# Upper bound accepted at sign-up: the highest statutory retirement age after the 2025 reform
# (men, 63; NPC Standing Committee decision of 2024-09-13). The exact, per-person age is
# computed from birth month and group by the retirement rule.
MAX_WORKING_AGE = 63
