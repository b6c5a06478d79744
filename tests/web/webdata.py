"""Inputs of the web tests: the sample article and a small corpus with hostile text in it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from corpora import article_text

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SAMPLE = SHARED / "data" / "seed" / "000_89dbaade01faf952.txt"

# an article whose title and text try to run script in the page showing them
XSS_ID = "xss-1"
XSS_TITLE = "<script>window.__xssTitle = 1</script> Council <b>news</b>"
XSS_TEXT = (
    'Breaking: <script>alert(1)</script> and <img src=x onerror="window.__xss = 1"> in the text.\n\n'
    '"We will <b>open</b> new schools," Anna Smith said.\n'
)


def make_corpus_input(root: Path) -> Path:
    """Three generated articles, the sample article (when ../shared is there), one JSONL record
    that tries to inject script, and an empty file (an E110 error row)."""
    root.mkdir(parents=True)
    for number in range(3):
        (root / f"{number:03d}.txt").write_text(article_text(number), encoding="utf-8")
    if SAMPLE.exists():
        shutil.copy(SAMPLE, root / SAMPLE.name)
    record = {"id": XSS_ID, "title": XSS_TITLE, "text": XSS_TEXT, "date": "2021-01-02"}
    (root / "records.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


def need_sample() -> str:
    if not SAMPLE.exists():
        pytest.skip(f"shared data not found at {SAMPLE}: clone the project beside ../shared")
    return SAMPLE.read_text(encoding="utf-8")
