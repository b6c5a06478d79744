from __future__ import annotations

from pathlib import Path

import pytest

from newsquotes import Extractor

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "data" / "seed"


def need_shared(path: Path) -> Path:
    """Skip, saying why, when the shared data folder is not beside the project."""
    if not path.exists():
        pytest.skip(f"shared data not found at {path}: clone the project beside ../shared")
    return path


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The full extractor: rules and the shipped attribution model."""
    return Extractor()


@pytest.fixture(scope="session")
def rules() -> Extractor:
    """The rule engine alone, for tests that pin down what a rule does."""
    return Extractor(use_model=False)
