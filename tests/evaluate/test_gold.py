"""Gold readers (brat, gold JSON), prediction reader, and the errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import find, t_line, write_brat, write_json

from newsquotes.errors import InputError
from newsquotes.evaluate import gold_as_article, read_gold, read_predictions, score
from newsquotes.model import Article, Mention, Quote, Speaker

SEED_TEXT = (
    " date 2020-01-01 A caption (Credit)\n\n"
    "Ann Lee thanked fans for their support. She said she spent a “couple nights” at the "
    "hospital. Lee wrote: “We are home.”\n"
)


def _seed(tmp_path: Path, **changes: object) -> Path:
    t = SEED_TEXT
    (tmp_path / "a1.txt").write_text(t, encoding="utf-8")
    mixed = find(t, "she spent a “couple nights” at the hospital")
    data: dict[str, object] = {
        "article": "a1.txt",
        "people": {"Ann Lee": ["Ann Lee", "Lee", "She"]},
        "quotes": [
            {
                "id": "I1",
                "type": "mixed",
                "spans": [list(mixed)],
                "text": t[mixed[0] : mixed[1]],
                "cue": "said",
                "speaker_mention": "She",
                "speaker": "Ann Lee",
            },
            {
                "id": "P1",
                "type": "partial",
                "spans": [list(find(t, "couple nights"))],
                "text": "couple nights",
                "cue": "said",
                "speaker_mention": "She",
                "speaker": "Ann Lee",
            },
            {
                "id": "D1",
                "type": "direct",
                "spans": [list(find(t, "We are home."))],
                "text": "We are home.",
                "cue": "wrote",
                "speaker_mention": "Lee",
                "speaker": "Ann Lee",
            },
        ],
        "not_counted": [{"text": "thanked fans for their support", "speaker": "Ann Lee", "cue": "thanked"}],
    }
    data.update(changes)
    return write_json(tmp_path / "gold.json", data)


def test_read_gold_json_locates_cues_and_mentions(tmp_path: Path) -> None:
    (article,) = read_gold(_seed(tmp_path))
    t = article.text
    assert article.id == "a1"
    assert [a.type for a in article.attributions] == ["mixed", "partial", "direct"]
    direct = article.attributions[2]
    assert [t[s:e] for s, e in direct.source] == ["Lee"]
    assert direct.source == ((find(t, "Lee wrote")[0], find(t, "Lee wrote")[0] + 3),)
    assert [t[s:e] for s, e in direct.cue] == ["wrote"]
    assert (direct.canonical, direct.kind, direct.mention_kind) == ("Ann Lee", "person", "surname")
    assert article.attributions[0].mention_kind == "pronoun"
    assert article.not_counted == (find(t, "thanked fans for their support"),)


def test_score_gold_json_partial_and_not_counted_are_neutral(tmp_path: Path) -> None:
    (gold,) = read_gold(_seed(tmp_path))
    t = gold.text
    base = gold_as_article(gold)
    assert [q.id for q in base.quotes] == ["I1", "D1"]  # the partial quote is kept out
    extra = (
        Quote(
            "x1", "direct", "couple nights", (find(t, "couple nights"),), None, Speaker(None, None, None), 0.5
        ),
        Quote(
            "x2",
            "indirect",
            "",
            (find(t, "fans for their support"),),
            Mention("thanked", (find(t, "thanked"),)),
            Speaker("Ann Lee", "person", Mention("Ann Lee", (find(t, "Ann Lee"),))),
            0.5,
        ),
    )
    predicted = Article(id="a1", text=t, quotes=base.quotes + extra)
    report = score([gold], {"a1": predicted})
    for metric, counts in report.scores["all"].items():
        assert (counts.precision, counts.recall) == (1.0, 1.0), metric
    assert report.errors == ()


def test_read_brat_joins_multiline_t_text_and_picks_first_annotator(tmp_path: Path) -> None:
    text = "He said:\n“One.\nTwo.”\n"
    content = find(text, "“One.\nTwo.”")
    lines = [
        t_line("T1", "Content", text, [content]),  # the T text runs over two lines, as in PolNeAR
        t_line("T2", "Source", text, [find(text, "He")]),
        "E1\tAttribution:T2 Content:T1 Source:T2",
    ]
    split = write_brat(tmp_path, "d", text, lines, annotator="aaaa")
    write_brat(tmp_path, "d", text, ["garbage"], annotator="zzzz")  # later by name: not read
    (article,) = read_gold(split)
    assert article.attributions[0].content == (content,)
    assert article.attributions[0].type == "direct"
    assert article.has_canonical is False


def _brat_error(tmp_path: Path, lines: list[str], text: str = "Smith said it rained.\n") -> InputError:
    split = write_brat(tmp_path, "d", text, lines)
    with pytest.raises(InputError) as caught:
        read_gold(split)
    return caught.value


def test_read_brat_text_mismatch_is_e121(tmp_path: Path) -> None:
    error = _brat_error(
        tmp_path, ["T1\tSource 0 5\tSmith", "T2\tCue 6 10\tsaid", "T3\tContent 11 16\tit rained"]
    )
    assert (error.code, error.line) == ("E121", 3)
    assert "d_ab12.ann" in str(error) and "T3" in str(error)


def test_read_brat_span_past_end_is_e122(tmp_path: Path) -> None:
    error = _brat_error(tmp_path, ["T1\tSource 0 5\tSmith", "T2\tContent 11 99\tit rained."])
    assert (error.code, error.line) == ("E122", 2)
    assert "d_ab12.ann, line 2" in str(error)


def test_read_brat_malformed_lines_are_e120(tmp_path: Path) -> None:
    assert _brat_error(tmp_path / "a", ["not a record"]).code == "E120"
    assert _brat_error(tmp_path / "b", ["T1\tSource zero 5\tSmith"]).line == 1
    undefined = _brat_error(tmp_path / "c", ["T1\tSource 0 5\tSmith", "E1\tAttribution:T9 Source:T1"])
    assert (undefined.code, undefined.line) == ("E120", 2)
    role = _brat_error(tmp_path / "d", ["T1\tSource 0 5\tSmith", "E1\tAttribution:T1 Speaker:T1"])
    assert "unknown role" in str(role)


def test_read_gold_json_missing_field_is_e123(tmp_path: Path) -> None:
    path = _seed(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["quotes"][2]["spans"]
    write_json(path, data)
    with pytest.raises(InputError) as caught:
        read_gold(path)
    assert caught.value.code == "E123"
    assert "record 2" in str(caught.value) and "'spans'" in str(caught.value)


def test_read_gold_json_bad_offsets_are_e121_e122(tmp_path: Path) -> None:
    t = SEED_TEXT
    wrong = [
        {
            "id": "D1",
            "type": "direct",
            "spans": [list(find(t, "We are"))],
            "text": "We are home.",
            "cue": "wrote",
            "speaker_mention": "Lee",
            "speaker": "Ann Lee",
        }
    ]
    path = _seed(tmp_path, quotes=wrong)
    with pytest.raises(InputError) as caught:
        read_gold(path)
    assert caught.value.code == "E121"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert caught.value.line == 1 + next(i for i, line in enumerate(lines) if '"id": "D1"' in line)
    past = [dict(wrong[0], spans=[[0, 10_000]])]
    with pytest.raises(InputError) as caught:
        read_gold(_seed(tmp_path, quotes=past))
    assert caught.value.code == "E122"


def test_read_gold_json_malformed_and_unlocatable_are_e120(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"article": "a1.txt",\n "quotes": [,]}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gold(tmp_path / "bad.json")
    assert (caught.value.code, caught.value.line) == ("E120", 2)
    with pytest.raises(InputError, match="not_counted"):
        read_gold(_seed(tmp_path, not_counted=[{"text": "never written"}]))
    t = SEED_TEXT
    lost = [
        {
            "id": "D1",
            "type": "direct",
            "spans": [list(find(t, "We are home."))],
            "text": "We are home.",
            "cue": "exclaimed",
            "speaker_mention": "Lee",
            "speaker": "Ann Lee",
        }
    ]
    with pytest.raises(InputError, match="cue 'exclaimed'"):
        read_gold(_seed(tmp_path, quotes=lost))
    with pytest.raises(InputError, match="unknown type"):
        read_gold(_seed(tmp_path, quotes=[dict(lost[0], type="quoted", cue="wrote")]))


def test_read_gold_folder_of_json_files(tmp_path: Path) -> None:
    _seed(tmp_path)
    assert [a.id for a in read_gold(tmp_path)] == ["a1"]
    with pytest.raises(InputError) as caught:
        read_gold(tmp_path / "missing")
    assert caught.value.code == "E101"


def test_read_predictions_bad_lines_are_e124(tmp_path: Path) -> None:
    gold = read_gold(_seed(tmp_path))
    good = json.dumps(gold_as_article(gold[0]).to_dict())
    cases = {
        "not json": "E124",
        "[1, 2]": "E124",
        json.dumps({"id": "other"}): "E124",
        json.dumps({"id": "a1", "quotes": [{"id": "q"}]}): "E124",
        good.replace('"spans": [[', '"spans": [[9000, 9001], ['): "E124",
    }
    for number, (line, code) in enumerate(cases.items()):
        path = tmp_path / f"p{number}.jsonl"
        path.write_text(good + "\n" + line + "\n", encoding="utf-8")
        with pytest.raises(InputError) as caught:
            read_predictions(path, gold)
        assert (caught.value.code, caught.value.line) == (code, 2), line
    path = tmp_path / "ok.jsonl"
    path.write_text(good + "\n\n", encoding="utf-8")
    assert list(read_predictions(path, gold)) == ["a1"]
