"""``evaluate()``: read gold, get predictions (from a file or by running the extractor), score."""

from __future__ import annotations

import importlib
import resource
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from newsquotes.across import complete_names
from newsquotes.errors import PipelineError
from newsquotes.evaluate.gold import GoldArticle, read_gold, read_predictions
from newsquotes.evaluate.score import BREAKDOWNS, EvalReport, Scorer, Speed
from newsquotes.model import Article


class Extractor(Protocol):
    """What ``evaluate`` needs of :class:`newsquotes.extractor.Extractor`."""

    def pipe(self, items: Iterable[tuple[str, dict[str, Any]]], /) -> Iterator[Article]: ...


def _default_extractor() -> Extractor:
    # Imported lazily: loading a spaCy pipeline is slow and scoring a file does not need it.
    module = importlib.import_module("newsquotes.extractor")
    extractor: Extractor = module.Extractor()
    return extractor


def peak_memory_mib() -> float:
    """Peak resident memory of this process in MiB (``ru_maxrss`` is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_extractor(
    extractor: Extractor, gold: Sequence[GoldArticle], *, names_across: bool = True
) -> tuple[dict[str, Article], Speed]:
    """Run ``extractor`` over the gold texts; returns predictions by gold id and the speed.
    With ``names_across`` speaker names are completed across the articles (``across``)."""
    items = [(article.text, {"id": article.id, "source": article.path}) for article in gold]
    started = time.perf_counter()
    articles = list(extractor.pipe(items))
    if names_across:
        articles = complete_names(articles)
    seconds = time.perf_counter() - started
    if len(articles) != len(gold):
        raise PipelineError(
            "E203",
            source=str(gold[0].gold_path) if gold else None,
            article_id=None,
            reason=f"pipe() returned {len(articles)} articles for {len(gold)} texts",
        )
    predictions = {article.id: result for article, result in zip(gold, articles, strict=True)}
    return predictions, Speed(articles=len(gold), seconds=seconds, peak_memory_mib=peak_memory_mib())


def score(
    gold: Sequence[GoldArticle],
    predictions: dict[str, Article],
    *,
    by: str | None = None,
    gold_name: str = "",
    predictions_name: str | None = None,
    speed: Speed | None = None,
) -> EvalReport:
    """Score predictions (by gold article id) against gold articles read already.

    A gold article with no prediction counts as one with no quotes, and is named in the notes.
    """
    if by is not None and by not in BREAKDOWNS:
        raise ValueError(f"by must be one of {', '.join(BREAKDOWNS)}, not {by!r}")
    scorer = Scorer(by=by)
    missing = []
    for article in gold:
        predicted = predictions.get(article.id)
        if predicted is None:
            missing.append(article.id)
            predicted = Article(id=article.id, text=article.text)
        scorer.add(article, predicted)
    notes = (
        [f"no predictions for {len(missing)} articles (scored as empty): {', '.join(missing)}"]
        if missing
        else []
    )
    return scorer.report(gold_name, predictions_name, speed=speed, notes=notes)


def evaluate(
    gold: Path,
    *,
    predictions: Path | None = None,
    extractor: Extractor | None = None,
    by: str | None = None,
    canonical: Path | None = None,
    names_across: bool = True,
) -> EvalReport:
    """Score predictions against gold answers.

    ``gold`` is a PolNeAR split folder, a newsquotes gold JSON file or a folder of them.
    ``predictions`` is a JSON Lines file of ``Article.to_dict()`` records; without it the
    extractor (``extractor`` or a default ``Extractor()``) runs over the gold texts, and its
    speed and the peak memory are reported. ``by`` ("publisher" or "mention_kind") adds a
    breakdown. ``canonical`` overrides the canonical speakers folder of a PolNeAR split.
    ``names_across`` completes speaker names across the articles run, as ``newsquotes extract``
    does over a folder (:mod:`newsquotes.across`); saved predictions are scored as they are.

    >>> report = evaluate(Path("../shared/data/seed/gold.json"), predictions=Path("out.jsonl"))
    ... # doctest: +SKIP
    """
    if by is not None and by not in BREAKDOWNS:
        raise ValueError(f"by must be one of {', '.join(BREAKDOWNS)}, not {by!r}")
    articles = read_gold(gold, canonical=canonical)
    speed = None
    if predictions is not None:
        predicted = read_predictions(predictions, articles)
    else:
        predicted, speed = run_extractor(
            extractor or _default_extractor(), articles, names_across=names_across
        )
    return score(
        articles,
        predicted,
        by=by,
        gold_name=str(gold),
        predictions_name=str(predictions) if predictions is not None else None,
        speed=speed,
    )
