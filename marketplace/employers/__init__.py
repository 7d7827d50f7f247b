"""Employer profiles."""
