"""``newsquotes stats DIR --quotations``: what a fact-checker looks at first after a merge.

The most repeated quotations, the conflicting attributions (each speaker with its count, and
the first appearance), and the variants: occurrences matched ``near`` that word the quotation
differently, with the words that differ (misquote candidates).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import StorageError
from ..query import Table, connect
from .match import differing_words
from .normalise import fragments, key_of

_REPEATED = """SELECT n_articles AS articles, n_occurrences AS occurrences, speaker_name AS speaker,
        first_date, first_article_id AS first_article, text
    FROM quotations WHERE n_articles > 1
    ORDER BY n_articles DESC, n_occurrences DESC, quotation_id LIMIT {top}"""

_CONFLICTS = """SELECT text,
        array_to_string(list_transform(speakers, lambda s: s.name || ' x' || s.count), '; ') AS speakers,
        first_date, first_article_id AS first_article
    FROM quotations WHERE conflict
    ORDER BY n_occurrences DESC, quotation_id LIMIT {top}"""

_VARIANTS = """SELECT t.quotation_id, t.text, o.article_id, q.type, q.text AS quote_text
    FROM quotation_occurrences o JOIN quotations t ON t.quotation_id = o.quotation_id
    JOIN quotes q ON q.article_id = o.article_id AND q.quote_id = o.quote_id
    WHERE o.match = 'near'
    ORDER BY t.n_occurrences DESC, t.quotation_id, o.article_id, o.quote_id LIMIT {top}"""


def _variant_words(text: str, quote_type: str, quote_text: str) -> tuple[str, str]:
    # a mixed quote matched on one of its fragments: show the fragment that differs least
    pieces = fragments(quote_text) if quote_type == "mixed" else [quote_text]
    target = key_of(text)
    scored = [(len(differing_words(key_of(p), target)), p) for p in pieces] or [(0, quote_text)]
    piece = min(scored)[1]
    return piece, differing_words(key_of(piece), target)


def quotation_report(folder: Path, *, top: int = 10) -> list[Table]:
    """The three tables of ``stats --quotations``. Raises ``StorageError`` E309 when the folder
    has not been merged (E303 when it is not a corpus folder)."""
    connection = connect(folder)
    try:
        if not (folder / "quotations").is_dir():
            raise StorageError("E309", source=str(folder))
        tables: list[Table] = []
        for title, sql in (("most repeated quotations", _REPEATED), ("conflicting attributions", _CONFLICTS)):
            relation = connection.execute(sql.format(top=int(top)))
            tables.append(Table(title, tuple(d[0] for d in relation.description), relation.fetchall()))
        rows = connection.execute(_VARIANTS.format(top=int(top))).fetchall()
    finally:
        connection.close()
    variants = []
    for _, text, article_id, quote_type, quote_text in rows:
        variant, words = _variant_words(text, quote_type, quote_text)
        variants.append((words, variant, text, article_id))
    tables.append(
        Table("variants (near occurrences)", ("differs", "variant", "quotation", "article"), variants)
    )
    return tables
