"""Scores on hand-made articles, worked out by hand; identical predictions score 100."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import find, t_line, write_brat, write_json

from newsquotes.evaluate import (
    evaluate,
    gold_as_article,
    read_gold,
    render_report,
    score,
    write_error_report,
)
from newsquotes.model import Article, Mention, Quote, Speaker

TEXT = (
    "Smith said “We will win the vote.” Jones said the plan was dead. "
    "The mayor claimed taxes would fall. Rain is expected on Sunday.\n"
)


def _brat(tmp_path: Path) -> Path:
    t = TEXT
    lines = [
        t_line("T1", "Source", t, [find(t, "Smith")]),
        t_line("T2", "Cue", t, [find(t, "said")]),
        t_line("T3", "Content", t, [find(t, "“We will win the vote.”")]),
        t_line("T4", "Attribution", t, [find(t, "said")]),
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        t_line("T5", "Source", t, [find(t, "Jones")]),
        t_line("T6", "Cue", t, [find(t, "said", 40)]),
        t_line("T7", "Content", t, [find(t, "the plan was dead")]),
        t_line("T8", "Attribution", t, [find(t, "said", 40)]),
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        t_line("T9", "Source", t, [find(t, "The mayor")]),
        t_line("T10", "Cue", t, [find(t, "claimed")]),
        t_line("T11", "Content", t, [find(t, "taxes would fall")]),
        t_line("T12", "Attribution", t, [find(t, "claimed")]),
        "E3\tAttribution:T12 Source:T9 Cue:T10 Content:T11",
    ]
    split = write_brat(tmp_path, "doc1", t, lines)
    canonical = tmp_path / "polnear" / "canonical" / "dev"
    canonical.mkdir(parents=True)
    records = [
        ("E1", "T1", "Smith", "John Smith", "surname"),
        ("E2", "T5", "Jones", "Mary Jones", "surname"),
        ("E3", "T9", "The mayor", "Ann Lee", "nominal"),
    ]
    write_json(
        canonical / "doc1.json",
        [
            {
                "doc": "doc1",
                "event": e,
                "source_tid": tid,
                "source_offsets": [list(find(t, s))],
                "source_text": s,
                "canonical": name,
                "kind": "person",
                "mention_kind": kind,
                "confidence": "high",
                "note": None,
            }
            for e, tid, s, name, kind in records
        ],
    )
    return split


def _quote(
    qid: str, kind: str, needle: str, source: str | None, cue: str | None, name: str | None, start: int = 0
) -> Quote:
    t = TEXT
    mention = Mention(source, (find(t, source),)) if source else None
    return Quote(
        id=qid,
        type=kind,  # type: ignore[arg-type]
        text=needle,
        spans=(find(t, needle),),
        cue=Mention(cue, (find(t, cue, start),)) if cue else None,
        speaker=Speaker(name=name, kind="person" if name else None, mention=mention),
        confidence=0.9,
    )


def _predictions(tmp_path: Path) -> Path:
    article = Article(
        id="doc1",
        text=TEXT,
        quotes=(
            # right, given without its quote marks: exact after trimming
            _quote("q1", "direct", "We will win the vote.", "Smith", "said", "John Smith"),
            # boundary error ("the" left out), and a wrong canonical name
            _quote("q2", "indirect", "plan was dead", "Jones", "said", "Jones", start=40),
            # E3 missed; a spurious quote with no source and no cue
            _quote("q3", "indirect", "Rain is expected on Sunday", None, None, None),
        ),
    )
    path = tmp_path / "predictions.jsonl"
    path.write_text(json.dumps(article.to_dict()) + "\n", encoding="utf-8")
    return path


def test_evaluate_hand_made_case_exact_numbers(tmp_path: Path) -> None:
    report = evaluate(_brat(tmp_path), predictions=_predictions(tmp_path))
    overall = report.scores["all"]
    # content exact: 3 gold, 3 predicted, 1 exact (q1) -> P = R = F1 = 1/3
    content = overall["content_exact"]
    assert (content.gold, content.predicted) == (3, 3)
    assert content.precision == pytest.approx(1 / 3)
    assert content.recall == pytest.approx(1 / 3)
    assert content.f1 == pytest.approx(1 / 3)
    # content overlap (tokens): E1 5/5 by q1; E2 "the plan was dead" 3/4 by q2; E3 0
    #   recall = (1 + 3/4 + 0) / 3 = 7/12; q1 5/5, q2 3/3, q3 0 -> precision = 2/3
    #   F1 = 2 * 2/3 * 7/12 / (2/3 + 7/12) = (7/9) / (5/4) = 28/45
    overlap = overall["content_overlap"]
    assert overlap.recall == pytest.approx(7 / 12)
    assert overlap.precision == pytest.approx(2 / 3)
    assert overlap.f1 == pytest.approx(28 / 45)
    # sources: gold {Smith, Jones, The mayor}, predicted {Smith, Jones}: P = 2/2, R = 2/3, F1 = 0.8
    source = overall["source_exact"]
    assert (source.precision, source.recall, source.f1) == pytest.approx((1.0, 2 / 3, 0.8))
    # cues: gold {said, said, claimed}, predicted {said, said}: the same numbers
    cue = overall["cue_exact"]
    assert (cue.gold, cue.predicted, cue.recall, cue.precision) == (3, 2, pytest.approx(2 / 3), 1.0)
    # attribution: content and source exact only for E1/q1 -> 1/3 both ways
    both = overall["attribution"]
    assert (both.precision, both.recall) == pytest.approx((1 / 3, 1 / 3))
    # by type: direct 1 of 1 both ways; indirect: gold E2, E3, predicted q2, q3, none exact
    assert report.scores["direct"]["content_exact"].f1 == 1.0
    indirect = report.scores["indirect"]["content_exact"]
    assert (indirect.gold, indirect.predicted, indirect.f1) == (2, 2, 0.0)
    assert report.scores["mixed"]["content_exact"].gold == 0
    assert report.direct == {"gold": 1, "complete": 1, "partial": 0, "missed": 0}
    # canonical: matched E1 right, E2 wrong ("Jones" is not "Mary Jones"): 1/2;
    # end to end over the three person records: 1/3
    matched, end_to_end = report.canonical["all"]
    assert (matched.correct, matched.total) == (1, 2)
    assert (end_to_end.correct, end_to_end.total) == (1, 3)
    assert report.canonical["nominal"][1].total == 1


def test_error_report_lists_exactly_the_injected_errors(tmp_path: Path) -> None:
    report = evaluate(_brat(tmp_path), predictions=_predictions(tmp_path))
    found = sorted((e.kind, e.gold_id, e.predicted_id) for e in report.errors)
    assert found == [
        ("boundary", "E2", "q2"),
        ("missed", "E3", None),
        ("spurious", None, "q3"),
        ("wrong_canonical", "E2", "q2"),
    ]
    path = tmp_path / "errors.json"
    write_error_report(report, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["counts"] == {
        "boundary": 1,
        "missed": 1,
        "spurious": 1,
        "wrong_source": 0,
        "wrong_canonical": 1,
    }
    boundary = data["boundary"][0]
    assert boundary["article"] == "doc1"
    assert boundary["gold_text"] == "the plan was dead"
    assert boundary["predicted_text"] == "plan was dead"
    assert boundary["gold_spans"] == [list(find(TEXT, "the plan was dead"))]
    assert "[the plan was dead]" in boundary["context"]
    assert data["wrong_canonical"][0]["gold_text"] == "Mary Jones"
    assert data["wrong_canonical"][0]["predicted_text"] == "Jones"


def test_evaluate_identical_predictions_score_100(tmp_path: Path) -> None:
    split = _brat(tmp_path)
    gold = read_gold(split)
    report = score(gold, {a.id: gold_as_article(a) for a in gold})
    for group in ("all", "direct", "indirect"):
        for metric, counts in report.scores[group].items():
            assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0), (group, metric)
    assert report.canonical["all"][1].accuracy == 1.0
    assert report.errors == ()


def test_evaluate_runs_extractor_and_measures_speed(tmp_path: Path) -> None:
    split = _brat(tmp_path)
    gold = {a.id: gold_as_article(a) for a in read_gold(split)}

    class FakeExtractor:
        def pipe(self, items: object) -> object:
            return iter([gold[meta["id"]] for _text, meta in items])  # type: ignore[attr-defined]

    report = evaluate(split, extractor=FakeExtractor())  # type: ignore[arg-type]
    assert report.scores["all"]["attribution"].f1 == 1.0
    assert report.speed is not None
    assert report.speed.articles == 1
    assert report.speed.peak_memory_mib > 0


def test_evaluate_by_publisher_and_mention_kind(tmp_path: Path) -> None:
    split = _brat(tmp_path)
    (split.parent / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\ndev\tdoc1\tnyt\n", encoding="utf-8"
    )
    predictions = _predictions(tmp_path)
    by_publisher = evaluate(split, predictions=predictions, by="publisher")
    assert by_publisher.breakdown["nyt"]["content_exact"] == by_publisher.scores["all"]["content_exact"]
    by_kind = evaluate(split, predictions=predictions, by="mention_kind")
    surname = by_kind.breakdown["surname"]["content_exact"]
    # E1, E2 (surname): q1 exact, q2 not; q3 matched nothing -> "(unmatched)"
    assert (surname.gold, surname.predicted, surname.recall_credit) == (2, 2, 1.0)
    assert by_kind.breakdown["(unmatched)"]["content_exact"].predicted == 1
    assert by_kind.breakdown["nominal"]["content_exact"].gold == 1
    with pytest.raises(ValueError):
        evaluate(split, predictions=predictions, by="colour")


def test_render_report_table_and_json(tmp_path: Path) -> None:
    report = evaluate(_brat(tmp_path), predictions=_predictions(tmp_path), by="mention_kind")
    table = render_report(report, "table")
    assert "content all" in table
    assert " 33.3  33.3  33.3" in table
    assert "errors: boundary 1, missed 1, spurious 1, wrong_source 0, wrong_canonical 1" in table
    data = json.loads(render_report(report, "json"))
    assert data["scores"]["all"]["source_exact"]["recall"] == pytest.approx(2 / 3)
    assert data["canonical"]["all"]["end_to_end"]["total"] == 3
    with pytest.raises(ValueError):
        render_report(report, "xml")


def test_evaluate_discontinuous_content(tmp_path: Path) -> None:
    text = "“We will win,” Smith said, “and we will govern.”\n"
    first, second = find(text, "“We will win,”"), find(text, "“and we will govern.”")
    lines = [
        t_line("T1", "Content", text, [first, second]),
        t_line("T2", "Source", text, [find(text, "Smith")]),
        t_line("T3", "Cue", text, [find(text, "said")]),
        "E1\tAttribution:T3 Content:T1 Source:T2 Cue:T3",
    ]
    split = write_brat(tmp_path, "doc2", text, lines)
    gold = read_gold(split)
    assert gold[0].attributions[0].type == "direct"
    assert gold[0].attributions[0].content == (first, second)

    def predicted(spans: tuple[tuple[int, int], ...]) -> Article:
        quote = Quote(
            "q1",
            "direct",
            "",
            spans,
            None,
            Speaker("Smith", "person", Mention("Smith", (find(text, "Smith"),))),
            1.0,
        )
        return Article(id="doc2", text=text, quotes=(quote,))

    # one span per fragment, quote marks left out: exact
    paired = predicted((find(text, "We will win"), find(text, "and we will govern")))
    assert score(gold, {"doc2": paired}).scores["all"]["content_exact"].f1 == 1.0
    # one span over both fragments takes in "Smith said": overlap, not exact
    whole = predicted(((first[0], second[1]),))
    report = score(gold, {"doc2": whole})
    assert report.scores["all"]["content_exact"].f1 == 0.0
    # tokens: gold 7, prediction 9 (+ Smith, said), all gold tokens covered
    assert report.scores["all"]["content_overlap"].recall == 1.0
    assert report.scores["all"]["content_overlap"].precision == pytest.approx(7 / 9)
    assert report.direct == {"gold": 1, "complete": 0, "partial": 1, "missed": 0}


def test_score_missing_prediction_counts_empty_and_is_noted(tmp_path: Path) -> None:
    gold = read_gold(_brat(tmp_path))
    report = score(gold, {})
    assert report.scores["all"]["content_exact"].recall == 0.0
    assert any("no predictions for 1 articles" in note for note in report.notes)
