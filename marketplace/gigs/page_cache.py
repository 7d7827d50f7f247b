"""The gig list and gig pages as visitors who are not signed in see them, kept a few seconds.

Most of those pages go to people who are not signed in (a shared link, the QR code on a
referral slip), and for them a page depends only on its address and language. Each process
keeps such a page for ``PAGE_CACHE_SECONDS`` (0 turns it off) and only while the ``gigs`` and
``reference`` version stamps are those it was made under: a posted, filled or closed gig shows
at once. What no stamp records — a shift that starts, an employer verified with no gig waiting
— shows within those seconds. A signed-in user's page is always made afresh (it may be theirs
alone), and so is one with a message waiting to be shown.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import wraps

from flask import Flask, current_app, request, session
from flask_login import current_user

from marketplace import index_versions as versions
from marketplace.i18n import is_english

EXTENSION_KEY = "gig_page_cache"
MAX_ENTRIES = 512
MAX_KEY_CHARS = 400  # longer query strings are answered afresh each time, never kept


class PageCache:
    """A small LRU of pages, each valid for one state of the data and a few seconds."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, tuple[object, float, str]] = OrderedDict()
        self._max = max_entries

    def get(self, key: Hashable) -> str | None:
        """The page kept under ``key`` if the data has not moved and it is fresh, else None."""
        current = _stamp()  # read before the lock: the first read of a request is a query
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            stamp, expires, page = entry
            if stamp != current or expires < time.monotonic():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return page

    def put(self, key: Hashable, page: str, seconds: float) -> None:
        """Keep ``page`` under ``key`` for ``seconds``."""
        current = _stamp()
        with self._lock:
            self._entries[key] = (current, time.monotonic() + seconds, page)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        """Forget every page."""
        with self._lock:
            self._entries.clear()


def _stamp() -> tuple[versions.Stamp, versions.Stamp]:
    return versions.stamp(versions.GIGS), versions.stamp(versions.REFERENCE)


def _visitor_key() -> Hashable | None:
    """The page's key when it may be kept: caching on, nobody signed in, no message waiting."""
    if current_app.config["PAGE_CACHE_SECONDS"] <= 0 or current_user.is_authenticated:
        return None
    if "_flashes" in session or len(request.full_path) > MAX_KEY_CHARS:
        return None
    args = tuple(sorted(request.args.items(multi=True)))
    return (request.path, args, "en" if is_english() else "zh", current_app.config["GIGS_PER_PAGE"])


def kept_for_visitors(view: Callable) -> Callable:
    """Serve a view's page to visitors who are not signed in from the page cache."""

    @wraps(view)
    def serve(**kwargs):
        key = _visitor_key()
        if key is None:
            return view(**kwargs)
        cache = page_cache()
        page = cache.get(key)
        if page is None:
            page = view(**kwargs)
            if not isinstance(page, str) or "_flashes" in session:
                return page  # a refusal (status, redirect) or a message: not the usual page
            cache.put(key, page, current_app.config["PAGE_CACHE_SECONDS"])
        return page

    return serve


def init_app(app: Flask) -> None:
    """Give the app its (empty) page cache."""
    app.extensions[EXTENSION_KEY] = PageCache()


def page_cache() -> PageCache:
    """This app's page cache (one per process)."""
    return current_app.extensions[EXTENSION_KEY]
