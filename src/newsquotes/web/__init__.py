"""``newsquotes serve``: a web view of one article or a corpus, with quotes highlighted, and a
JSON API beside every page. Needs ``pip install 'newsquotes[web]'``.

The web layer imports the pipeline and query layers; nothing below imports it.
"""

from __future__ import annotations

from .app import create_app, status_of
from .service import DEFAULT_MAX_BODY, DEFAULT_MAX_CHARS, ServeSettings

__all__ = ["DEFAULT_MAX_BODY", "DEFAULT_MAX_CHARS", "ServeSettings", "create_app", "status_of"]
