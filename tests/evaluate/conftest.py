"""Put src/ (until pyproject.toml sets pytest's pythonpath) and this folder on sys.path."""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
for _path in (_HERE.parents[1] / "src", _HERE):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))
