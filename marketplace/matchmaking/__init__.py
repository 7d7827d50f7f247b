"""Recommendations and candidates from the ranker in `matching/`, with invitations."""
