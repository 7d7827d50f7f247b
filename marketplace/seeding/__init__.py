"""Load reference data from ``seeds/`` and build the deterministic demo market."""
