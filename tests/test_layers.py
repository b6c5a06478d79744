"""Lower layers never import higher ones: the pipeline does not load the evaluator."""

from __future__ import annotations

import subprocess
import sys


def test_layers_import_newsquotes_does_not_load_the_evaluator() -> None:
    code = (
        "import sys, newsquotes, newsquotes.extractor; "
        "print(any(m.startswith('newsquotes.evaluate') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
