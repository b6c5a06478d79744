"""A long article's memory is bounded: the tagger runs its windows in batches of at most 16."""

from __future__ import annotations

from typing import Any

import numpy as np

from newsquotes.pipeline.tagger import Tagger, windows

SENTENCE = '"We will open new schools this year," Anna Smith said on Monday. '


class _Recording:
    """An ONNX session that records the batch shape of every run."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.shapes: list[tuple[int, ...]] = []

    def run(self, names: Any, feeds: dict[str, np.ndarray]) -> Any:
        self.shapes.append(feeds["input_ids"].shape)
        return self.inner.run(names, feeds)


def test_tagger_runs_long_article_windows_in_batches_of_at_most_16() -> None:
    tagger = Tagger()
    recording = _Recording(tagger.session)
    tagger.session = recording  # type: ignore[assignment]
    text = SENTENCE * 800  # about 54,000 characters, over 60 windows
    spans = tagger.tag(text)
    pieces = len(tagger.tokenizer.encode(text.replace("\n", "|"), add_special_tokens=False).ids)
    assert sum(shape[0] for shape in recording.shapes) == len(windows(pieces)) > 16
    assert max(shape[0] for shape in recording.shapes) <= 16
    assert spans and all(0 <= s.start < s.end <= len(text) for s in spans)
    # an article of 16 windows or fewer is one run, as before
    recording.shapes.clear()
    tagger.tag(SENTENCE * 20)
    assert len(recording.shapes) == 1
