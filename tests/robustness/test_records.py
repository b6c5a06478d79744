"""Records round-trip exactly, and the corpus rows are the same dict flattened."""

from __future__ import annotations

import json

from newsquotes import Extractor
from newsquotes.io.parquet import SCHEMAS, article_tables, to_arrow
from newsquotes.model import Article

TEXT = '"We will win," Jane Smith said. Smith told reporters that the plan would cost more.'


def test_article_to_dict_round_trips_url_and_text(rules: Extractor) -> None:
    article = rules.extract(TEXT, id="a1", source="s.jsonl", url="https://example.org/a1", title="T")
    data = json.loads(json.dumps(article.to_dict()))
    assert data["url"] == "https://example.org/a1" and data["text"] == TEXT
    assert Article.from_dict(data) == article
    assert Article.from_dict(data).url == article.url and Article.from_dict(data).text == TEXT


def test_article_rows_are_flattened_from_to_dict(rules: Extractor) -> None:
    article = rules.extract(TEXT, id="a1", source="s.jsonl", url="https://example.org/a1")
    data = article.to_dict()
    row, quotes, people = article_tables(article)
    assert row == {name: data[name] for name in SCHEMAS["articles"].names}
    assert len(quotes) == len(data["quotes"]) > 0
    for quote, record in zip(quotes, data["quotes"], strict=True):
        assert (quote["quote_id"], quote["spans"], quote["speaker_name"]) == (
            record["id"],
            record["spans"],
            record["speaker"]["name"],
        )
    assert [{k: v for k, v in p.items() if k != "article_id"} for p in people] == data["people"]
    for table, rows in (("articles", [row]), ("quotes", quotes), ("people", people)):
        assert to_arrow(table, rows).to_pylist() == rows  # the rows fit their Arrow schema exactly
