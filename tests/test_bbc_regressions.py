"""Real BBC articles that once broke the extractor (../shared/data/bbc)."""

from __future__ import annotations

import pytest

from newsquotes import Extractor

from .conftest import SHARED, need_shared

BBC = SHARED / "data" / "bbc"


@pytest.mark.parametrize("name", ["business/004.txt", "politics/001.txt"])
def test_bbc_regressions_fragment_outside_cue_subtree_terminates(extractor: Extractor, name: str) -> None:
    # _object_on_path once compared spaCy tokens with `is` and looped forever at the root
    text = (need_shared(BBC) / name).read_text(encoding="latin-1")
    article = extractor.extract(text, id=name)
    for quote in article.quotes:
        assert all(0 <= a < b <= len(text) for a, b in quote.spans)
