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
    return Extractor()
