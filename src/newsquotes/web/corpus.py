"""A corpus output folder served read-only: paged, parameterised DuckDB queries over its tables.

The folder's tables are the views of :func:`newsquotes.query.connect`, read straight from the
part files. Two small index tables are built in memory once, when the corpus is opened (the
folder is only read, so they never go stale while it is served): one row per article without its
text, numbered in listing order, and one row per named speaker with counts and gender. Listing
pages are then a range of those numbers; searches scan the files, stopping at the page's LIMIT
where no ordering is needed (DuckDB keeps the files' order, so pages are stable).

Every value from a request is a query parameter; no SQL is built from request text.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..model import Article, Mention, Person, Quote, Speaker
from ..query import connect

MAX_LIMIT = 500
PAGE_SIZE = 50

_ARTICLE_INDEX = """
CREATE TABLE article_index AS
SELECT row_number() OVER (ORDER BY a.date DESC NULLS LAST, a.id) AS position,
       a.id, a.title, a.date, a.source, a.url, coalesce(q.quotes, 0) AS quotes
FROM articles a LEFT JOIN (SELECT article_id, count(*) AS quotes FROM quotes GROUP BY article_id) q
     ON q.article_id = a.id
ORDER BY position
"""

# people's gender joined once per (article, name), so a repeated registry row counts once
_SPEAKER_INDEX = """
CREATE TABLE speaker_index AS
WITH genders AS (
    SELECT article_id, name, any_value(gender) AS gender FROM people GROUP BY article_id, name
), counted AS (
    SELECT q.speaker_name AS name, any_value(q.speaker_kind) AS kind, count(*) AS quotes,
           count(DISTINCT q.article_id) AS articles,
           count(*) FILTER (WHERE g.gender = 'female') AS female_quotes,
           count(*) FILTER (WHERE g.gender = 'male') AS male_quotes
    FROM quotes q LEFT JOIN genders g ON g.article_id = q.article_id AND g.name = q.speaker_name
    WHERE q.speaker_name IS NOT NULL
    GROUP BY q.speaker_name
)
SELECT row_number() OVER (ORDER BY quotes DESC, name) AS position, *,
       CASE WHEN female_quotes > male_quotes THEN 'female'
            WHEN male_quotes > female_quotes THEN 'male' END AS gender
FROM counted ORDER BY position
"""

_QUOTE_COLUMNS = (
    "article_id, quote_id, type, text, spans, cue_text, cue_spans, speaker_name, speaker_kind, "
    "mention_text, mention_spans, confidence"
)


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows, with what is needed to link to the next one."""

    rows: list[dict[str, Any]]
    limit: int
    offset: int
    has_more: bool
    total: int | None  # None where counting would cost a scan the page itself does not need

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.has_more else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None


MAX_WORDS = 10  # words of a search that must all match; more are ignored


def like_pattern(words: str) -> str:
    """An ILIKE pattern matching ``words`` anywhere, with LIKE's wildcards in them escaped."""
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _all_words(columns: tuple[str, ...], search: str) -> tuple[str, dict[str, str]]:
    """A condition that each word of ``search`` is in one of ``columns`` (case-insensitive, in
    any order), and its parameters. The SQL is fixed text; the words are only parameters."""
    words = search.split()[:MAX_WORDS] or [search]
    parameters = {f"word{n}": like_pattern(word) for n, word in enumerate(words)}
    conditions = (
        "(" + " OR ".join(f"{column} ILIKE $word{n} ESCAPE '\\'" for column in columns) + ")"
        for n in range(len(words))
    )
    return "(" + " AND ".join(conditions) + ")", parameters


def _spans(value: Any) -> tuple[tuple[int, int], ...]:
    return tuple((int(s), int(e)) for s, e in value or ())


def _mention(text: str | None, spans: Any) -> Mention | None:
    return None if text is None or spans is None else Mention(text=text, spans=_spans(spans))


def quote_from_row(row: dict[str, Any]) -> Quote:
    """The ``Quote`` record of a ``quotes`` row (the inverse of ``io.parquet.quote_rows``)."""
    return Quote(
        id=row["quote_id"],
        type=row["type"],
        text=row["text"],
        spans=_spans(row["spans"]),
        cue=_mention(row["cue_text"], row["cue_spans"]),
        speaker=Speaker(
            name=row["speaker_name"],
            kind=row["speaker_kind"],
            mention=_mention(row["mention_text"], row["mention_spans"]),
        ),
        confidence=float(row["confidence"]),
    )


def _rows(relation: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    columns = [d[0] for d in relation.description or ()]
    return [dict(zip(columns, row, strict=True)) for row in relation.fetchall()]


def _page(rows: list[dict[str, Any]], limit: int, offset: int, total: int | None = None) -> Page:
    # one row more than the page is asked for, to know whether there is a next page
    return Page(rows=rows[:limit], limit=limit, offset=offset, has_more=len(rows) > limit, total=total)


class Corpus:
    """A ``newsquotes run`` output folder, opened once and queried by many requests.

    Raises ``StorageError`` E303 when ``folder`` is not a corpus output folder.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._connection = connect(folder)
        self._connection.execute(_ARTICLE_INDEX)
        self._connection.execute(_SPEAKER_INDEX)
        # a DuckDB connection serves one thread at a time: each request takes its own cursor,
        # and making one is serialised
        self._cursor_lock = threading.Lock()

    def close(self) -> None:
        self._connection.close()

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._cursor_lock:
            cursor = self._connection.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def _all(self, sql: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with self._cursor() as cursor:
            return _rows(cursor.execute(sql, parameters or {}))

    def counts(self) -> dict[str, int]:
        """Rows per table (articles, quotes, speakers, errors)."""
        row = self._all(
            """SELECT (SELECT count(*) FROM article_index) AS articles,
                      (SELECT coalesce(sum(quotes), 0) FROM article_index) AS quotes,
                      (SELECT count(*) FROM speaker_index) AS speakers,
                      (SELECT count(*) FROM errors) AS errors"""
        )[0]
        return {key: int(value) for key, value in row.items()}

    def articles(self, *, search: str | None, limit: int, offset: int) -> Page:
        """Articles newest first; ``search`` matches the title, the text or a speaker's name."""
        parameters: dict[str, Any] = {"limit": limit + 1, "offset": offset}
        if not search:
            parameters = {"first": offset, "last": offset + limit + 1}
            rows = self._all(
                """SELECT id, title, date, source, url, quotes FROM article_index
                   WHERE position > $first AND position <= $last ORDER BY position""",
                parameters,
            )
            return _page(rows, limit, offset, total=self.counts()["articles"])
        parameters["pattern"] = like_pattern(search)
        in_article, words = _all_words(("title", "text"), search)
        parameters.update(words)
        rows = self._all(
            f"""WITH hits AS (
                   SELECT id FROM articles WHERE {in_article}
                   UNION
                   SELECT article_id FROM quotes WHERE speaker_name ILIKE $pattern ESCAPE '\\'
               )
               SELECT id, title, date, source, url, quotes, count(*) OVER () AS total
               FROM article_index WHERE id IN (SELECT id FROM hits)
               ORDER BY position LIMIT $limit OFFSET $offset""",
            parameters,
        )
        total = int(rows[0]["total"]) if rows else 0
        for row in rows:
            row.pop("total")
        return _page(rows, limit, offset, total=total if rows or offset == 0 else None)

    def article(self, article_id: str) -> Article | None:
        """One article with its quotes and people, as stored; None when there is no such id."""
        found = self._all("SELECT * FROM articles WHERE id = $id LIMIT 1", {"id": article_id})
        if not found:
            return None
        row = found[0]
        quotes = self._all(f"SELECT {_QUOTE_COLUMNS} FROM quotes WHERE article_id = $id", {"id": article_id})
        people = self._all(
            "SELECT name, kind, gender, mentions, gender_evidence FROM people WHERE article_id = $id",
            {"id": article_id},
        )
        # q1, q2, ... q10: the extractor's order, which is text order
        ordered = sorted(quotes, key=lambda q: (len(q["quote_id"]), q["quote_id"]))
        return Article(
            id=row["id"],
            text=row["text"] or "",
            source=row["source"],
            date=row["date"],
            title=row["title"],
            caption=row["caption"],
            credit=row["credit"],
            url=row["url"],
            quotes=tuple(quote_from_row(q) for q in ordered),
            people=tuple(
                Person(
                    name=p["name"],
                    kind=p["kind"],
                    gender=p["gender"],
                    mentions=_spans(p["mentions"]),
                    gender_evidence=_spans(p["gender_evidence"]),
                )
                for p in people
            ),
        )

    def speakers(self, *, search: str | None, limit: int, offset: int) -> Page:
        """Named speakers by number of quotes, with articles and the gender their articles give."""
        columns = "name, kind, quotes, articles, female_quotes, male_quotes, gender"
        if not search:
            rows = self._all(
                f"""SELECT {columns} FROM speaker_index
                    WHERE position > $first AND position <= $last ORDER BY position""",
                {"first": offset, "last": offset + limit + 1},
            )
            return _page(rows, limit, offset, total=self.counts()["speakers"])
        rows = self._all(
            f"""SELECT {columns}, count(*) OVER () AS total FROM speaker_index
                WHERE name ILIKE $pattern ESCAPE '\\' ORDER BY position LIMIT $limit OFFSET $offset""",
            {"pattern": like_pattern(search), "limit": limit + 1, "offset": offset},
        )
        total = int(rows[0]["total"]) if rows else 0
        for row in rows:
            row.pop("total")
        return _page(rows, limit, offset, total=total if rows or offset == 0 else None)

    def speaker(self, name: str) -> dict[str, Any] | None:
        """The index row of one speaker, None when nobody of that name is quoted."""
        rows = self._all(
            """SELECT name, kind, quotes, articles, female_quotes, male_quotes, gender
               FROM speaker_index WHERE name = $name""",
            {"name": name},
        )
        return rows[0] if rows else None

    def gender_share(self) -> list[dict[str, Any]]:
        """Quotes by the gender of their speaker, among named people (as ``newsquotes stats``)."""
        return self._all(
            """SELECT coalesce(gender, 'unknown') AS gender, sum(quotes)::BIGINT AS quotes,
                      round(100.0 * sum(quotes) / sum(sum(quotes)) OVER (), 1) AS percent
               FROM speaker_index WHERE kind = 'person' GROUP BY gender ORDER BY quotes DESC"""
        )

    def quotes(
        self,
        *,
        search: str | None,
        speaker: str | None,
        quote_type: str | None,
        limit: int,
        offset: int,
    ) -> Page:
        """Quotes in corpus order, filtered by words in their text, speaker and type; each row
        also carries its article's title."""
        conditions = ["true"]
        parameters: dict[str, Any] = {"limit": limit + 1, "offset": offset}
        if search:
            in_text, words = _all_words(("text",), search)
            conditions.append(in_text)
            parameters.update(words)
        if speaker:
            conditions.append("speaker_name = $speaker")
            parameters["speaker"] = speaker
        if quote_type:
            conditions.append("type = $type")
            parameters["type"] = quote_type
        # the conditions are fixed strings; only the parameters come from the request
        rows = self._all(
            f"SELECT {_QUOTE_COLUMNS} FROM quotes WHERE {' AND '.join(conditions)} "
            "LIMIT $limit OFFSET $offset",
            parameters,
        )
        titles = self._titles({row["article_id"] for row in rows})
        for row in rows:
            row["article_title"] = titles.get(row["article_id"])
        return _page(rows, limit, offset)

    def _titles(self, ids: set[str]) -> dict[str, str | None]:
        if not ids:
            return {}
        rows = self._all(
            "SELECT id, title FROM article_index WHERE id IN (SELECT unnest($ids))", {"ids": sorted(ids)}
        )
        return {row["id"]: row["title"] for row in rows}

    def errors(self, *, code: str | None, limit: int, offset: int) -> Page:
        """The run's error rows, in corpus order, optionally of one code."""
        condition = "code = $code" if code else "true"
        parameters: dict[str, Any] = {"limit": limit + 1, "offset": offset}
        if code:
            parameters["code"] = code
        rows = self._all(
            f"SELECT article_id, source, code, message FROM errors WHERE {condition} "
            "LIMIT $limit OFFSET $offset",
            parameters,
        )
        return _page(rows, limit, offset)

    def error_codes(self) -> list[dict[str, Any]]:
        """Error rows per code."""
        return self._all("SELECT code, count(*) AS errors FROM errors GROUP BY code ORDER BY errors DESC")
