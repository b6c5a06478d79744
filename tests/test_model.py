"""The shipped attribution model: it loads offline and scores above floors on PolNeAR dev.

The floors are set below what the shipped model measured on these same articles (see the
numbers beside each), so a broken export, a wrong tokenizer or a decoding bug fails here.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from newsquotes import Extractor
from newsquotes.evaluate import read_gold, score
from newsquotes.evaluate.evaluator import run_extractor
from newsquotes.pipeline.tagger import LABELS, MODEL_DIR

from .conftest import SHARED, need_shared

DEV = SHARED / "data" / "polnear" / "dev"
ARTICLES = 12  # the first dev articles by name: enough to catch a broken model, quick on CI
# Measured on these 12 articles, exact F1: with the shipped model content 62.4, source 77.9,
# cue 71.6; the rules alone 49.0, 61.2, 55.2. The floors sit between, so the test fails both
# when the model is broken and when it silently does not run.
FLOORS = {"content_exact": 0.55, "source_exact": 0.70, "cue_exact": 0.64}


def test_model_ships_inside_the_package_and_is_small() -> None:
    folder = Path(str(resources.files("newsquotes") / MODEL_DIR))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert tuple(meta["labels"]) == LABELS
    size = sum(f.stat().st_size for f in folder.iterdir())
    assert size < 50 * 2**20, f"model files take {size / 2**20:.1f} MB"


def test_model_scores_above_its_floors_on_polnear_dev(extractor: Extractor) -> None:
    gold = read_gold(need_shared(DEV))[:ARTICLES]
    predictions, _speed = run_extractor(extractor, gold)
    report = score(gold, predictions)
    for metric, floor in FLOORS.items():
        f1 = report.scores["all"][metric].f1
        assert f1 >= floor, f"{metric} F1 {f1:.3f} is under its floor {floor}"


def test_model_finds_reported_speech_the_rules_miss(extractor: Extractor) -> None:
    # no quote marks and a cue the verb lexicon lacks: only the model can find it
    text = "The governor's office signalled on Monday that the budget talks would resume next week."
    article = extractor.extract(text)
    assert any("budget talks would resume" in quote.text for quote in article.quotes)
