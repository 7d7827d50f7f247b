"""Ningbo flexible-employment policy as pure functions (no Flask, no database)."""
