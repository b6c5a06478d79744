"""Test doubles shared by the runner tests: the real extractor with one stage replaced."""

from __future__ import annotations

from typing import Any

from newsquotes import Extractor
from newsquotes.model import Article


class Delegating:
    """The real extractor in its three stages; a subclass overrides ``attribute`` to misbehave
    on the articles it picks."""

    def __init__(self, inner: Extractor) -> None:
        self.inner = inner

    def extract(self, text: str, **metadata: Any) -> Article:
        [doc] = self.parse([self.make_doc(text, **metadata)])
        return self.attribute(doc, **metadata)

    def make_doc(self, text: str, **metadata: Any) -> Any:
        return self.inner.make_doc(text, **metadata)

    def parse(self, docs: Any, batch_size: int = 8) -> Any:
        return self.inner.parse(docs, batch_size)

    def attribute(self, doc: Any, **metadata: Any) -> Article:
        return self.inner.attribute(doc, **metadata)

    def restart_tagging(self) -> None:
        self.inner.restart_tagging()
