"""Agreement tests use the `accepted` fixture from tests/conftest.py."""
