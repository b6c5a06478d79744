"""Helpers for the evaluator tests: brat and gold JSON files written into tmp_path."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DATA = SHARED / "data"

needs_shared = pytest.mark.skipif(
    not DATA.is_dir(), reason=f"shared data not found at {DATA} (real-data tests need ../shared)"
)

Fragment = tuple[int, int]


def find(text: str, needle: str, start: int = 0) -> Fragment:
    """(start, end) of ``needle`` in ``text``; fails loudly so a test never depends on luck."""
    at = text.index(needle, start)
    return (at, at + len(needle))


def t_line(tid: str, label: str, text: str, spans: Sequence[Fragment]) -> str:
    """A brat T line whose text is the fragments joined by one space, as PolNeAR writes it."""
    offsets = ";".join(f"{s} {e}" for s, e in spans)
    return f"{tid}\t{label} {offsets}\t" + " ".join(text[s:e] for s, e in spans)


def write_brat(root: Path, doc: str, text: str, lines: Sequence[str], annotator: str = "ab12") -> Path:
    """Write a one-article PolNeAR-like split under ``root``; returns the split folder."""
    split = root / "polnear" / "dev"
    (split / "text").mkdir(parents=True, exist_ok=True)
    (split / "attributions").mkdir(parents=True, exist_ok=True)
    (split / "text" / f"{doc}.txt").write_text(text, encoding="utf-8")
    (split / "attributions" / f"{doc}_{annotator}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return split


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return path
