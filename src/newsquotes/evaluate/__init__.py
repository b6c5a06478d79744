"""Score extracted quotes against gold answers (PolNeAR brat standoff or newsquotes gold JSON).

>>> from newsquotes.evaluate import evaluate, render_report
>>> report = evaluate(Path("../shared/data/polnear/dev"), predictions=Path("dev.jsonl"))  # doctest: +SKIP
>>> print(render_report(report, "table"))  # doctest: +SKIP

Metric definitions: the README, section "Evaluation".
"""

from __future__ import annotations

from newsquotes.evaluate.evaluator import Extractor, evaluate, score
from newsquotes.evaluate.gold import (
    GoldArticle,
    GoldAttribution,
    gold_as_article,
    read_gold,
    read_predictions,
)
from newsquotes.evaluate.report import error_report, render_report, write_error_report
from newsquotes.evaluate.score import Accuracy, Counts, ErrorItem, EvalReport, Speed

__all__ = [
    "Accuracy",
    "Counts",
    "ErrorItem",
    "EvalReport",
    "Extractor",
    "GoldArticle",
    "GoldAttribution",
    "Speed",
    "error_report",
    "evaluate",
    "gold_as_article",
    "read_gold",
    "read_predictions",
    "render_report",
    "score",
    "write_error_report",
]
