"""Posting, browsing and showing gigs."""
