"""Unbound extension instances; ``create_app`` binds them."""

from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf import CSRFProtect

from marketplace.models.base import db

migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()

__all__ = ["babel", "csrf", "db", "login_manager", "migrate"]
