"""The learned tagger's windows, decoding and the shipped model, on real sentences."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsquotes.errors import PipelineError
from newsquotes.pipeline.tagger import (
    LABELS,
    MODEL_DIR,
    WINDOW,
    RoleSpan,
    Tagger,
    decode,
    encode,
    owner_windows,
    windows,
)


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger()


@given(st.integers(min_value=1, max_value=3000), st.integers(min_value=2, max_value=300))
def test_tagger_windows_cover_every_piece_once_owned(length: int, size: int) -> None:
    stride = max(1, size * 3 // 4)
    spans = windows(length, size, stride)
    covered = set()
    for lo, hi in spans:
        assert 0 <= lo < hi <= length and hi - lo <= size
        covered.update(range(lo, hi))
    assert covered == set(range(length))
    owner = owner_windows(length, spans)
    assert all(spans[owner[i]][0] <= i < spans[owner[i]][1] for i in range(length))


def test_tagger_decode_starts_a_span_at_b_and_at_a_stray_i() -> None:
    tag = {label: n for n, label in enumerate(LABELS)}
    tags = [tag[t] for t in ("B-source", "I-source", "B-cue", "O", "I-content", "I-content", "B-content")]
    offsets = [(0, 3), (4, 9), (10, 14), (15, 16), (17, 20), (21, 25), (26, 30)]
    spans = decode(tags, [0.9] * len(tags), offsets)
    assert [(s.role, s.start, s.end) for s in spans] == [
        ("source", 0, 9),
        ("cue", 10, 14),
        ("content", 17, 25),
        ("content", 26, 30),
    ]


def test_tagger_encode_keeps_offsets_into_the_original_text(tagger: Tagger) -> None:
    text = "date 2020-01-01 caption\nThe minister said:\n\n“We will not move.”"
    body = text.index("The")
    encoding = encode(tagger.tokenizer, text, body)
    assert encoding.offsets[0] == (body, body + 3)
    assert all(body <= a < b <= len(text) for a, b in encoding.offsets)
    # a paragraph break stays visible to the model as a piece of its own
    assert sum(1 for a, b in encoding.offsets if text[a:b] == "\n") == 2


def test_tagger_finds_source_cue_and_reported_content(tagger: Tagger) -> None:
    text = "Officials said on Tuesday that the bridge would reopen next month."
    spans = tagger.tag(text)
    by_role = {s.role: text[s.start : s.end] for s in spans}
    assert by_role["source"] == "Officials"
    assert by_role["cue"] == "said"
    assert by_role["content"].rstrip(".").endswith("the bridge would reopen next month")
    assert all(isinstance(s, RoleSpan) and 0 < s.score <= 1 for s in spans)


def test_tagger_reads_a_text_longer_than_one_window(tagger: Tagger) -> None:
    sentence = "The senator said the budget was balanced. "
    text = sentence * 80
    assert len(encode(tagger.tokenizer, text).ids) > 2 * WINDOW
    spans = tagger.tag(text)
    assert sum(1 for s in spans if s.role == "cue") >= 60
    assert all(0 <= s.start < s.end <= len(text) for s in spans)


def test_tagger_empty_text_has_no_spans(tagger: Tagger) -> None:
    assert tagger.tag("") == []
    assert tagger.tag("   \n\n ") == []


def test_tagger_names_a_missing_or_foreign_model(tmp_path: Path) -> None:
    with pytest.raises(PipelineError, match=r"\[E207\].*model.onnx"):
        Tagger(tmp_path)
    shipped = Path(str(resources.files("newsquotes") / MODEL_DIR))
    for name in ("model.onnx", "tokenizer.json"):
        (tmp_path / name).symlink_to(shipped / name)
    (tmp_path / "meta.json").write_text(json.dumps({"labels": ["O", "B-quote"]}), encoding="utf-8")
    with pytest.raises(PipelineError, match=r"\[E208\].*B-quote"):
        Tagger(tmp_path)
