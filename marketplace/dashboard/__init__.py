"""Dashboards: what concerns each user now."""
