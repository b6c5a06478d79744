"""A long article goes through spaCy in pieces cut at paragraph breaks: same result, bounded memory."""

from __future__ import annotations

from typing import Any

from newsquotes import Extractor
from newsquotes import extractor as extractor_module

PARAGRAPH = (
    '"We will open new schools this year," Anna Smith said on Monday. '
    "Smith told reporters that the plan would cost four million pounds.\n\n"
)


def test_long_article_is_parsed_in_pieces_with_the_same_result(rules: Extractor, monkeypatch: Any) -> None:
    text = PARAGRAPH * 400  # about 13,000 tokens: four pieces
    seen: list[int] = []
    before = rules._run_before

    def recording(docs: list[Any], batch_size: int) -> list[Any]:
        seen.extend(len(doc) for doc in docs)
        return before(docs, batch_size)

    monkeypatch.setattr(rules, "_run_before", recording)
    pieces = rules.extract(text, id="long")
    assert len(seen) >= 3 and max(seen) <= extractor_module._PIECE_TOKENS
    monkeypatch.setattr(extractor_module, "_PIECE_TOKENS", 10**9)
    whole = rules.extract(text, id="long")
    assert pieces == whole and len(pieces.quotes) > 100
