"""Speaker names completed across the articles of one run (newsquotes.across)."""

from __future__ import annotations

import json
from pathlib import Path

from newsquotes.across import complete_names
from newsquotes.cli import main
from newsquotes.extractor import Extractor

FULL = (
    "President Barack Obama said on Tuesday that the deal would hold. "
    '"We will not walk away," Barack Obama told reporters at the White House.'
)
FULL_AGAIN = 'Barack Obama said the economy was improving. "Jobs are back," Obama said.'
SURNAME_ONLY = (
    "Mr. Obama said the talks had failed. He added that he would try again next year, "
    '"because the country deserves it," Mr. Obama said.'
)


def _speakers(article) -> set[str | None]:
    return {quote.speaker.name for quote in article.quotes}


def test_title_and_surname_take_the_full_name_other_articles_give(extractor: Extractor) -> None:
    articles = list(extractor.pipe((t, {}) for t in [FULL, FULL_AGAIN, SURNAME_ONLY]))
    assert _speakers(articles[2]) == {"Obama"}  # the article alone never gives a first name
    completed = complete_names(articles)
    assert _speakers(completed[2]) == {"Barack Obama"}
    assert "Barack Obama" in {p.name for p in completed[2].people}
    assert completed[:2] == articles[:2]


def test_one_article_naming_the_full_name_is_not_enough(extractor: Extractor) -> None:
    articles = list(extractor.pipe((t, {}) for t in [FULL, SURNAME_ONLY]))
    assert _speakers(complete_names(articles)[1]) == {"Obama"}


def test_mrs_never_takes_a_husbands_name(extractor: Extractor) -> None:
    bill = 'Bill Clinton said he was proud. "It was a good day," Bill Clinton said.'
    hillary = "Hillary Clinton said she would win. She told supporters in Ohio to vote early."
    mrs = "Mrs. Clinton said her plan would create jobs. She said it would pass."
    articles = list(extractor.pipe((t, {}) for t in [bill, bill, bill, hillary, hillary, mrs]))
    assert _speakers(articles[5]) == {"Clinton"}
    assert _speakers(complete_names(articles)[5]) == {"Hillary Clinton"}


def test_a_surname_two_people_share_stays_a_surname(extractor: Extractor) -> None:
    boris = 'Boris Johnson said the vote was close. "We will see," Boris Johnson said.'
    gary = 'Gary Johnson said the polls were wrong. "Watch us," Gary Johnson said.'
    plain = 'Johnson said the result was unclear. "Nobody knows," Johnson said.'
    articles = list(extractor.pipe((t, {}) for t in [boris, boris, gary, gary, plain]))
    assert _speakers(complete_names(articles)[4]) == {"Johnson"}


def test_extract_over_files_completes_names_unless_asked_not_to(
    tmp_path: Path, capsys, extractor: Extractor
) -> None:
    paths = []
    for n, text in enumerate([FULL, FULL_AGAIN, SURNAME_ONLY]):
        path = tmp_path / f"{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    for flags, expected in (([], "Barack Obama"), (["--names-per-article"], "Obama")):
        assert main(["extract", *paths, "--format", "json", *flags]) == 0
        out = json.loads(capsys.readouterr().out)
        assert {q["speaker"]["name"] for q in out[2]["quotes"]} == {expected}
