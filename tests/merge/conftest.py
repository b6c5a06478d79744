"""Put the builders of tests/merge and tests/run on sys.path."""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
for path in (_HERE, _HERE.parent / "run"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))
