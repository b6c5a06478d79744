"""The evaluator on the shared gold data: every file reads, and gold scored as predictions is 100."""

from __future__ import annotations

from collections import Counter

import pytest
from support import DATA, needs_shared

from newsquotes.evaluate import gold_as_article, read_gold, score

pytestmark = needs_shared


@pytest.mark.parametrize("split", ["dev", "train"])
def test_polnear_every_ann_file_reads(split: str) -> None:
    articles = read_gold(DATA / "polnear" / split)
    assert len(articles) == {"dev": 84, "train": 840}[split]
    if split == "dev":
        assert sum(len(a.attributions) for a in articles) == 2193
        assert all(a.has_canonical and a.publisher for a in articles)


def test_polnear_dev_types_and_canonical_kinds() -> None:
    articles = read_gold(DATA / "polnear" / "dev")
    types = Counter(a.type for article in articles for a in article.attributions)
    assert set(types) == {"direct", "mixed", "indirect"}
    assert types["indirect"] > types["direct"] > 0
    kinds = Counter(a.kind for article in articles for a in article.attributions)
    assert kinds["person"] > kinds["organization"] > 0


def test_polnear_dev_gold_as_predictions_scores_100() -> None:
    articles = read_gold(DATA / "polnear" / "dev")
    report = score(articles, {a.id: gold_as_article(a) for a in articles}, by="publisher")
    for group, metrics in report.scores.items():
        for metric, counts in metrics.items():
            assert (counts.precision, counts.recall) == (1.0, 1.0), (group, metric)
    assert report.canonical["all"][0].accuracy == 1.0
    assert report.canonical["all"][1].accuracy == 1.0
    assert len(report.breakdown) == 7
    assert report.errors == ()


def test_seed_gold_reads_and_scores_100() -> None:
    (article,) = read_gold(DATA / "seed" / "gold.json")
    types = Counter(a.type for a in article.attributions)
    assert types == {"direct": 7, "partial": 4, "mixed": 3, "indirect": 3}
    assert len(article.not_counted) == 6  # five texts, one of them in caption and lead
    cues = {a.id: [article.text[s:e] for s, e in a.cue] for a in article.attributions}
    assert cues["I4"] == ["told", "warning"]
    report = score([article], {article.id: gold_as_article(article)})
    assert report.scores["all"]["attribution"].f1 == 1.0
    assert report.scores["all"]["content_exact"].gold == 13
