"""The pure pieces of the merge: keys, fragments, spelling folds, near checks, grouping, speakers."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsquotes.merge import MergeSettings
from newsquotes.merge.graph import assign
from newsquotes.merge.match import bander, differing_words, is_contained, is_near
from newsquotes.merge.normalise import fold_key, fragments, key_of
from newsquotes.merge.speakers import attribute
from newsquotes.merge.units import form_id, quotation_id, sort_date, units_of

SETTINGS = MergeSettings()


def test_key_of_drops_case_quote_marks_dashes_and_punctuation() -> None:
    assert key_of("“We’re   NOT—going to stop,” ") == "were not going to stop"
    assert key_of("We're not - going to stop!!!") == "were not going to stop"
    assert key_of("Ｆｕｌｌ-width") == "full width"  # NFKC


def test_fragments_of_mixed_quotes_skip_apostrophes() -> None:
    assert fragments('He called it “a disaster” and "a betrayal of voters"') == [
        "a disaster",
        "a betrayal of voters",
    ]
    assert fragments("the Smiths' plan was 'dead in the water' now") == ["dead in the water"]
    assert fragments("no marks at all, don't you think") == []


def test_units_of_keep_direct_and_mixed_fragments_only() -> None:
    assert units_of("We will not go back to the old ways", "indirect", 4) == []
    [unit] = units_of("We will not go back to the old ways", "direct", 4)
    assert (unit["part"], unit["n_words"]) == (0, 9)
    assert units_of('it was "too little" and "far too late for the town"', "mixed", 4)[0]["part"] == 1


def test_fold_key_folds_british_spellings_only_where_they_differ() -> None:
    assert fold_key("colour favourite organised realisation analyse centre catalogue travelled") == (
        "color favorite organized realization analyze center catalog traveled"
    )
    assert (
        fold_key("defence programme paediatric four your this") == "defense program pediatric four your this"
    )


def test_is_near_accepts_small_edits_and_refuses_new_clauses() -> None:
    base = fold_key(key_of("We will build forty new schools across the county before the next election"))
    assert is_near(base, base.replace("build", "open"), SETTINGS)  # a word changed
    assert is_near(base, base.replace(" new", ""), SETTINGS)  # a word dropped
    assert not is_near(base, base.replace("forty new schools", "a bridge and two roads"), SETTINGS)
    first = "im looking forward to working with such outstanding players both teams are fielding top sides"
    second = "the game promises to be a great spectacle both teams are fielding top sides"
    assert not is_near(first, second, SETTINGS)  # a shared passage after a different clause


def test_bander_is_deterministic_and_shares_buckets_for_near_keys() -> None:
    bands = bander(SETTINGS)
    key = fold_key(key_of("We will build forty new schools across the county before the next election"))
    assert bands(key) == bander(SETTINGS)(key) and len(bands(key)) == SETTINGS.bands
    assert set(bands(key)) & set(bands(key.replace("build", "open")))
    assert not set(bands(key)) & set(
        bands("a completely different sentence about the weather in spain today")
    )


def test_is_contained_needs_whole_words() -> None:
    assert is_contained("b c", "a b c d") and not is_contained("b c", "a bb c d")


def test_differing_words_shows_the_edits() -> None:
    assert (
        differing_words("we stated the tax is bad", "we said the tax is bad for all")
        == "-said +stated; -for all"
    )
    assert differing_words("same words", "same words") == ""


def test_ids_are_sha1_prefixes() -> None:
    assert quotation_id(form_id("its a disaster")) == hashlib.sha1(b"its a disaster").hexdigest()[:16]


def test_sort_date_reads_iso_and_rfc2822() -> None:
    assert sort_date("2021-03-04") == "2021-03-04T00:00:00"
    assert sort_date("2021-03-04T10:00:00Z") == "2021-03-04T10:00:00"
    assert sort_date("Thu, 04 Mar 2021 11:00:00 +0100") == "2021-03-04T10:00:00"
    assert sort_date("last Tuesday") is None and sort_date(None) is None and sort_date(" ") is None


def _ids(*values: int) -> np.ndarray:
    return np.array(values, dtype=np.int64)


def test_assign_joins_near_forms_and_attaches_contained_ones_to_one_container() -> None:
    ids, words, occ = _ids(10, 20, 30, 40, 50), _ids(10, 10, 20, 20, 8), _ids(1, 3, 1, 1, 5)
    near = [(_ids(10), _ids(20))]
    contained = [(_ids(50, 50, 10), _ids(30, 40, 30))]
    assert assign(ids, words, occ, near, contained).tolist() == [30, 30, 30, 40, 30]


def test_assign_never_follows_containment_in_a_cycle() -> None:
    # two near clusters of equal length each containing the other's shorter form: neither is
    # strictly longer, so both stay whole and the containers are not followed round a loop
    ids, words, occ = _ids(1, 2, 3, 4), _ids(12, 9, 12, 9), _ids(1, 1, 1, 1)
    rep = assign(ids, words, occ, [(_ids(1, 3), _ids(2, 4))], [(_ids(2, 4), _ids(3, 1))])
    assert rep.tolist() == [1, 1, 3, 3]


def test_attribute_counts_conflicts_as_the_issue_defines() -> None:
    assert not attribute([("A B", 9), ("C D", 1)]).conflict  # 10%, 1
    assert attribute([("A B", 8), ("C D", 2)]).conflict  # 2 of them
    assert attribute([("A B", 4), ("C D", 1)]).conflict  # 20%
    assert attribute([]).speaker_name is None


def test_attribute_leaves_an_ambiguous_surname_alone() -> None:
    found = attribute([("Anna Smith", 1), ("Tom Smith", 1), ("Smith", 2)])
    assert found.speaker_name == "Smith" and found.conflict


@given(st.text(max_size=200))
def test_key_of_is_idempotent_and_units_never_crash(text: str) -> None:
    key = key_of(text)
    assert key_of(key) == key
    for unit in units_of(text, "mixed", 1) + units_of(text, "direct", 1):
        assert unit["n_words"] == len(unit["key"].split()) >= 1


@pytest.mark.parametrize("threshold", [0.7, 0.8, 0.9])
def test_is_near_respects_the_threshold(threshold: float) -> None:
    settings = MergeSettings(near_threshold=threshold)
    a = "one two three four five six seven eight nine ten"
    b = a.replace("five", "5")  # one word in ten: 0.9
    assert is_near(a, b, settings) is (threshold <= 0.9)
