"""Fixtures for the corpus-run tests; the builders live in corpora.py (put on sys.path here)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

from corpora import BBC, make_good_corpus  # noqa: E402


@pytest.fixture
def good_corpus(tmp_path: Path) -> Path:
    return make_good_corpus(tmp_path / "good")


@pytest.fixture
def bbc() -> Path:
    if not BBC.is_dir():
        pytest.skip(f"shared data not found at {BBC}: clone the project beside ../shared")
    return BBC
