"""Domain errors: a rule refused an action; the message is shown to the user, translated."""

from __future__ import annotations

from flask_babel import gettext


def N_(message: str) -> str:
    """Mark a message for translation without translating it yet."""
    return message


class DomainError(Exception):
    """Base of every refusal a service raises; ``str()`` is the untranslated message."""

    message = N_("This action is not allowed.")

    def __init__(self, message: str | None = None, **params: object) -> None:
        self.message = message or self.message
        self.params = params
        super().__init__(self.message % params if params else self.message)

    def translated(self) -> str:
        """The message in the user's language."""
        return gettext(self.message, **self.params)


class NotFound(DomainError):
    """The thing asked for does not exist or is not the user's."""

    message = N_("Not found.")


class Forbidden(DomainError):
    """The user may not do this."""

    message = N_("You are not allowed to do this.")


class ChangedMeanwhile(DomainError):
    """Two requests wrote the same record at once (a double click, a second tab)."""

    message = N_("This was changed at the same moment. Please look again and retry.")


def from_value_error(exc: ValueError) -> DomainError:
    """Wrap a policy function's ValueError, keeping its msgid and values for translation."""
    msgid = getattr(exc, "msgid", None)
    params = getattr(exc, "params", None) or {}
    return DomainError(msgid or str(exc), **params)
