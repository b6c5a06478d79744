"""The local merge on hand-built run folders: every kind of match, speakers, ids and reruns."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from builders import A, Q, write_run

from newsquotes import Extractor
from newsquotes.errors import StorageError
from newsquotes.io.parquet import read_rows
from newsquotes.merge import MergeSettings
from newsquotes.merge.local import merge_local
from newsquotes.run.local import RunSettings, run_local

WIRE = "We will build forty new schools across the county before the next election"
LONG = (
    "The budget is a betrayal of every family in this town and we will vote against it, "
    "because nobody voted for cuts of this size"
)
PARTIAL = "we will vote against it, because nobody voted for cuts of this size"


def _merged(folder: Path, **settings: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    merge_local(folder, MergeSettings(**settings))
    return read_rows(folder, "quotations"), read_rows(folder, "quotation_occurrences")


def _by_text(quotations: list[dict[str, Any]], text: str) -> dict[str, Any]:
    [found] = [q for q in quotations if q["text"] == text]
    return found


def test_merge_wire_story_republished_three_times(tmp_path: Path, rules: Extractor) -> None:
    # end to end: three outlets run the same wire copy on different days; the extractor runs
    story = f'Council plans\n\n"{WIRE}," council leader Anna Smith said on Monday.\n'
    records = [
        {"id": "outlet-b", "date": "2021-03-05", "url": "https://b.example/s", "text": story},
        {"id": "outlet-a", "date": "2021-03-04T09:30:00Z", "url": "https://a.example/s", "text": story},
        {
            "id": "outlet-c",
            "date": "Sat, 06 Mar 2021 10:00:00 GMT",
            "url": "https://c.example/s",
            "text": story,
        },
    ]
    source = tmp_path / "wire.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    run_local([str(source)], RunSettings(out=out, workers=1), extractor=rules)
    quotations, occurrences = _merged(out)
    [quotation] = [q for q in quotations if q["n_articles"] > 1]
    assert quotation["text"].rstrip(",") == WIRE
    assert (quotation["n_articles"], quotation["n_occurrences"]) == (3, 3)
    assert (quotation["first_article_id"], quotation["first_date"]) == ("outlet-a", "2021-03-04T09:30:00Z")
    assert quotation["first_url"] == "https://a.example/s"
    assert (quotation["speaker_name"], quotation["speaker_share"], quotation["conflict"]) == (
        "Anna Smith",
        1.0,
        False,
    )
    mine = [o for o in occurrences if o["quotation_id"] == quotation["quotation_id"]]
    assert sorted(o["article_id"] for o in mine) == ["outlet-a", "outlet-b", "outlet-c"]
    assert {o["match"] for o in mine} == {"exact"}


def test_merge_exact_ignores_case_quote_marks_dashes_and_punctuation(tmp_path: Path) -> None:
    quotations, occurrences = _merged(
        write_run(
            tmp_path,
            [
                A(
                    "a1",
                    (
                        Q(
                            "It’s a disaster — for farmers, and for the towns that depend on them!",
                            "Tom Jones",
                        ),
                    ),
                ),
                A(
                    "a2",
                    (Q("it's a disaster - for farmers and for the towns that depend on them", "Tom Jones"),),
                ),
                A(
                    "a3",
                    (
                        Q(
                            "IT'S A DISASTER... FOR FARMERS, AND FOR THE TOWNS THAT DEPEND ON THEM.",
                            "Tom Jones",
                        ),
                    ),
                ),
            ],
        )
    )
    assert len(quotations) == 1 and quotations[0]["n_articles"] == 3
    assert {o["match"] for o in occurrences} == {"exact"}


def test_merge_partial_quote_is_contained_in_the_longer_one(tmp_path: Path) -> None:
    quotations, occurrences = _merged(
        write_run(
            tmp_path,
            [
                A("a1", (Q(LONG, "Maria Lopez"),), date="2021-01-02"),
                A("a2", (Q(PARTIAL.capitalize() + ".", "Maria Lopez"),), date="2021-01-01"),
                A("a3", (Q(f"Labour said the cuts were “{PARTIAL}”", "Maria Lopez", type="mixed"),)),
            ],
        )
    )
    [quotation] = quotations
    assert quotation["text"] == LONG and quotation["n_articles"] == 3
    assert (quotation["first_article_id"], quotation["first_date"]) == ("a2", "2021-01-01")
    matches = {o["article_id"]: o["match"] for o in occurrences}
    assert matches == {"a1": "exact", "a2": "contained", "a3": "contained"}


def test_merge_short_quote_inside_a_longer_one_is_not_contained(tmp_path: Path) -> None:
    # under 8 words a shared run of words is too common to say it is the same quotation
    quotations, _ = _merged(
        write_run(
            tmp_path,
            [
                A("a1", (Q(LONG, "Maria Lopez"),)),
                A("a2", (Q("we will vote against it", "Tom Jones"),)),
            ],
        )
    )
    assert sorted(q["n_articles"] for q in quotations) == [1, 1]


def test_merge_conflicting_attribution(tmp_path: Path) -> None:
    quotations, occurrences = _merged(
        write_run(
            tmp_path,
            [
                A("a1", (Q(WIRE, "Anna Smith"),), date="2021-03-02"),
                A("a2", (Q(WIRE, "Anna Smith"),), date="2021-03-03"),
                A("a3", (Q(WIRE, "Anna Smith"),), date="2021-03-04"),
                A("a4", (Q(WIRE, "John Brown"),), date="2021-03-01"),
                A("a5", (Q(WIRE, None),), date="2021-03-05"),
            ],
        )
    )
    [quotation] = quotations
    assert quotation["speaker_name"] == "Anna Smith"
    assert quotation["speaker_share"] == pytest.approx(0.75)  # of the 4 occurrences naming someone
    assert quotation["speakers"] == [{"name": "Anna Smith", "count": 3}, {"name": "John Brown", "count": 1}]
    assert quotation["conflict"] is True  # John Brown holds 25% >= 20%
    assert quotation["first_article_id"] == "a4"
    assert {o["article_id"]: o["speaker_name"] for o in occurrences}["a4"] == "John Brown"


def test_merge_one_dissenting_speaker_in_six_is_no_conflict(tmp_path: Path) -> None:
    quotations, _ = _merged(
        write_run(
            tmp_path,
            [
                *(A(f"a{n}", (Q(WIRE, "Anna Smith"),)) for n in range(5)),
                A("a9", (Q(WIRE, "John Brown"),)),
            ],
        )
    )
    assert quotations[0]["conflict"] is False and quotations[0]["speaker_share"] == pytest.approx(5 / 6)


def test_merge_surname_resolves_to_the_dominant_full_name(tmp_path: Path) -> None:
    quotations, occurrences = _merged(
        write_run(
            tmp_path,
            [
                A("a1", (Q(WIRE, "Anna Smith"),)),
                A("a2", (Q(WIRE, "Anna Smith"),)),
                A("a3", (Q(WIRE, "Smith"),)),
                A("a4", (Q(WIRE, "Smith"),)),
            ],
        )
    )
    [quotation] = quotations
    assert quotation["speaker_name"] == "Anna Smith" and quotation["speaker_share"] == 1.0
    assert quotation["speakers"] == [{"name": "Anna Smith", "count": 2}, {"name": "Smith", "count": 2}]
    assert quotation["conflict"] is False
    assert sorted(o["speaker_name"] for o in occurrences) == ["Anna Smith", "Anna Smith", "Smith", "Smith"]


def test_merge_near_duplicate_with_one_word_changed(tmp_path: Path) -> None:
    changed = WIRE.replace("build", "open")
    quotations, occurrences = _merged(
        write_run(
            tmp_path,
            [
                A("a1", (Q(WIRE, "Anna Smith"),)),
                A("a2", (Q(WIRE, "Anna Smith"),)),
                A("a3", (Q(changed, "Anna Smith"),)),
            ],
        )
    )
    [quotation] = quotations
    assert quotation["n_articles"] == 3 and quotation["text"] == WIRE
    assert {o["article_id"]: o["match"] for o in occurrences} == {"a1": "exact", "a2": "exact", "a3": "near"}


def test_merge_british_and_us_spelling_and_a_dropped_word_are_near(tmp_path: Path) -> None:
    british = "We will organise a proper programme for the centre of town and its neighbours this year"
    american = "We will organize a proper program for the center of town and its neighbors this year"
    dropped = "We will organise a programme for the centre of town and its neighbours this year"
    quotations, occurrences = _merged(
        write_run(
            tmp_path,
            [
                A("a1", (Q(british, "Tom Jones"),)),
                A("a2", (Q(american, "Tom Jones"),)),
                A("a3", (Q(dropped, "Tom Jones"),)),
            ],
        )
    )
    assert len(quotations) == 1 and quotations[0]["n_articles"] == 3
    assert sorted(o["match"] for o in occurrences) == ["exact", "near", "near"]


def test_merge_quotes_sharing_a_long_phrase_stay_apart(tmp_path: Path) -> None:
    shared = "the tax on fuel is a disaster for every farmer in the region"
    first = f"I have said it before and I will say it again, {shared}, and we will fight it in parliament"
    second = f"Nobody in government listens to us: {shared}, and the minister has not visited once"
    quotations, _ = _merged(
        write_run(
            tmp_path,
            [
                A("a1", (Q(first, "Tom Jones"),)),
                A("a2", (Q(second, "John Brown"),)),
                A(
                    "a3", (Q(shared.capitalize(), "Tom Jones"),)
                ),  # the phrase alone joins one of them, not both
            ],
        )
    )
    assert len(quotations) == 2
    assert sorted(q["n_articles"] for q in quotations) == [1, 2]
    assert all(not q["conflict"] for q in quotations)


def test_merge_indirect_speech_and_short_quotes_are_left_out(tmp_path: Path) -> None:
    quotations, occurrences = _merged(
        write_run(
            tmp_path,
            [
                A("a1", (Q(WIRE, "Anna Smith", type="indirect"), Q("A disgrace", "Tom Jones"))),
                A("a2", (Q(WIRE, "Anna Smith", type="indirect"), Q("a disgrace!", "Tom Jones"))),
                A(
                    "a3",
                    (
                        Q(
                            'the plan was "a disgrace" and "will cost every family in the county dearly"',
                            "Tom Jones",
                            type="mixed",
                        ),
                    ),
                ),
            ],
        )
    )
    assert [q["text"] for q in quotations] == ["will cost every family in the county dearly"]
    assert [(o["article_id"], o["quote_id"]) for o in occurrences] == [("a3", "q1")]


def test_merge_ids_are_stable_across_runs_and_folders(tmp_path: Path) -> None:
    articles = [
        A("a1", (Q(LONG, "Maria Lopez"),)),
        A("a2", (Q(PARTIAL, "Maria Lopez"),)),
        A("a3", (Q(WIRE),)),
    ]
    first, _ = _merged(write_run(tmp_path / "one", articles))
    second, _ = _merged(write_run(tmp_path / "two", list(reversed(articles)), fmt="jsonl"))
    assert sorted(q["quotation_id"] for q in first) == sorted(q["quotation_id"] for q in second)
    key = " ".join(LONG.lower().replace(",", "").split())
    assert _by_text(first, LONG)["quotation_id"] == hashlib.sha1(key.encode()).hexdigest()[:16]


def test_merge_rerun_is_idempotent(tmp_path: Path) -> None:
    folder = write_run(tmp_path, [A("a1", (Q(LONG, "Maria Lopez"),)), A("a2", (Q(PARTIAL, "Maria Lopez"),))])
    merge_local(folder)
    before = {
        p.relative_to(folder): p.read_bytes()
        for t in ("quotations", "quotation_occurrences")
        for p in (folder / t).iterdir()
    }
    merge_local(folder)
    after = {
        p.relative_to(folder): p.read_bytes()
        for t in ("quotations", "quotation_occurrences")
        for p in (folder / t).iterdir()
    }
    assert after == before
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no work files left


def test_merge_of_a_run_without_direct_quotes_writes_empty_tables(tmp_path: Path) -> None:
    quotations, occurrences = _merged(
        write_run(tmp_path, [A("a1", (Q(WIRE, "Anna Smith", type="indirect"),))])
    )
    assert quotations == [] and occurrences == []
    assert (tmp_path / "quotations" / "part-000000.parquet").is_file()


def test_merge_refuses_a_folder_that_is_not_a_run(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as missing:
        merge_local(tmp_path / "nowhere")
    (tmp_path / "articles").mkdir()
    with pytest.raises(StorageError) as no_quotes:
        merge_local(tmp_path)
    assert (missing.value.code, no_quotes.value.code) == ("E308", "E308")
    assert "no quotes table" in str(no_quotes.value)


def test_merge_surname_tagged_as_organisation_still_resolves(tmp_path: Path) -> None:
    # regression, BBC sport: "McIlroy" (NER: organisation) beside "James McIlroy" was a conflict
    quotations, _ = _merged(
        write_run(
            tmp_path,
            [A("a1", (Q(WIRE, "James McIlroy"),)), A("a2", (Q(WIRE, "McIlroy", kind="organization"),))],
        )
    )
    [quotation] = quotations
    assert (quotation["speaker_name"], quotation["speaker_share"], quotation["conflict"]) == (
        "James McIlroy",
        1.0,
        False,
    )
