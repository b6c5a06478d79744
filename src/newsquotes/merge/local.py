"""Merge the quotations of a corpus folder on one machine, with DuckDB.

Every step that touches quotes is SQL over the folder's part files or over DuckDB tables in a
work database on disk (DuckDB spills to it past ``memory_limit``), so no step holds the quotes
in Python memory: the units, forms, n-grams and LSH buckets are DuckDB tables, the Python
functions that cut and key the quotes run inside DuckDB as UDFs, and only integer arrays (form
ids, counts, the edges between forms) come to Python for ``graph.assign``. The tables are
written as Parquet part files (each atomically), into hidden folders that replace the old tables
when complete, so a merge run again on the same folder gives the same files.

>>> merge_local(Path("out"))  # doctest: +SKIP
{'quotations': 1742, 'quotation_occurrences': 1901}
"""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import StorageError
from ..io.parquet import MERGE_TABLES, SCHEMAS, write_arrow_part, write_atomic
from ..query import connect
from .graph import Ints, assign
from .match import bander, is_near
from .normalise import fold_key
from .settings import MergeSettings
from .speakers import attribute
from .units import UNIT_FIELDS, form_id, quotation_id, sort_date, units_of

try:
    import duckdb
    import pyarrow as pa
    from duckdb import sqltypes
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("merging quotations needs duckdb: pip install 'newsquotes[corpus]'") from exc

_BATCH = 100_000  # rows per Arrow batch streamed out of DuckDB
PART_ROWS = 500_000  # rows per part file of the merge tables
_WORK = ".merge.tmp"


def check_folder(folder: Path) -> None:
    """Raise ``StorageError`` E308 unless ``folder`` holds the quotes and articles of a run."""
    if not folder.is_dir():
        raise StorageError("E308", source=str(folder), reason="no such folder")
    missing = [t for t in ("articles", "quotes") if not (folder / t).is_dir()]
    if missing:
        raise StorageError("E308", source=str(folder), reason="no " + " or ".join(missing) + " table")


def _register(connection: duckdb.DuckDBPyConnection, settings: MergeSettings) -> None:
    varchar, bigint = sqltypes.VARCHAR, sqltypes.BIGINT
    unit_type = sqltypes.DuckDBPyType("STRUCT(" + ", ".join(f"{n} {t}" for n, t in UNIT_FIELDS) + ")[]")
    connection.create_function(
        "nq_units", lambda text, kind: units_of(text, kind, settings.min_words), [varchar, varchar], unit_type
    )
    connection.create_function("nq_form_id", form_id, [varchar], bigint)
    connection.create_function("nq_fold", fold_key, [varchar], varchar)
    connection.create_function("nq_quotation_id", quotation_id, [bigint], varchar)
    connection.create_function("nq_sort_date", sort_date, [varchar], varchar)
    connection.create_function("nq_bands", bander(settings), [varchar], sqltypes.DuckDBPyType("BIGINT[]"))
    connection.create_function(
        "nq_near", lambda a, b: is_near(a, b, settings), [varchar, varchar], sqltypes.BOOLEAN
    )


def _steps(settings: MergeSettings) -> list[str]:
    c, t = settings.contained_min_words, float(settings.near_threshold)
    return [
        # one row per unit: a direct quote, or a quote-marked fragment of a mixed quote
        """CREATE TABLE units AS
           SELECT q.article_id, q.quote_id, q.u.part AS part, q.u.raw AS raw, q.u.key AS key,
                  q.u.n_words AS n_words, nq_form_id(q.u.key) AS form_id, q.speaker_name,
                  a.date, nq_sort_date(a.date) AS sort_date, a.url
           FROM (SELECT article_id, quote_id, speaker_name, unnest(nq_units(text, type)) AS u
                 FROM quotes WHERE type IN ('direct', 'mixed') AND text IS NOT NULL) q
           LEFT JOIN (SELECT id, any_value(date) AS date, any_value(url) AS url FROM articles GROUP BY id) a
             ON a.id = q.article_id""",
        # exact: one form per key
        """CREATE TABLE forms AS
           SELECT form_id, key, n_words, n_occ, nq_fold(key) AS fkey
           FROM (SELECT form_id, any_value(key) AS key, any_value(n_words) AS n_words, count(*) AS n_occ
                 FROM units GROUP BY form_id)""",
        # contained: a form's first c words must be one of the c-word windows of its container
        f"""CREATE TABLE probes AS
            SELECT form_id, n_words, key, hash(array_to_string(string_split(key, ' ')[1:{c}], ' ')) AS h
            FROM forms WHERE n_words >= {c}""",
        f"""CREATE TABLE grams AS
            WITH s AS (SELECT form_id, n_words, string_split(key, ' ') AS w,
                              unnest(range(1, n_words - {c} + 2)) AS i
                       FROM forms WHERE n_words > {c})
            SELECT form_id, n_words, hash(array_to_string(w[i:i + {c - 1}], ' ')) AS h FROM s""",
        """CREATE TABLE contained AS
           SELECT DISTINCT p.form_id AS child, g.form_id AS parent
           FROM probes p JOIN grams g ON g.h = p.h AND g.n_words > p.n_words
           JOIN forms f ON f.form_id = g.form_id
           WHERE contains(' ' || f.key || ' ', ' ' || p.key || ' ')""",
        # near: LSH buckets, candidates from shared small buckets, checked one by one
        f"""CREATE TABLE bands AS
            SELECT form_id, unnest(nq_bands(fkey)) AS bucket FROM forms
            WHERE n_words >= {settings.near_min_words}""",
        # candidates materialised first, so each pair is checked once however many bands it shares;
        # pairs whose lengths alone rule out the threshold are dropped before the check
        f"""CREATE TABLE candidates AS
            WITH small AS (SELECT bucket FROM bands GROUP BY bucket
                           HAVING count(*) BETWEEN 2 AND {settings.max_bucket})
            SELECT DISTINCT x.form_id AS a, y.form_id AS b
            FROM bands x JOIN small s ON s.bucket = x.bucket
            JOIN bands y ON y.bucket = x.bucket AND x.form_id < y.form_id""",
        f"""CREATE TABLE near AS
            SELECT p.a, p.b FROM candidates p
            JOIN forms fa ON fa.form_id = p.a JOIN forms fb ON fb.form_id = p.b
            WHERE 2 * least(fa.n_words, fb.n_words) >= {t!r} * (fa.n_words + fb.n_words)
              AND nq_near(fa.fkey, fb.fkey)""",
    ]


def _edges(connection: duckdb.DuckDBPyConnection, sql: str) -> Iterator[tuple[Ints, Ints]]:
    for batch in connection.sql(sql).to_arrow_reader(_BATCH):
        yield (
            batch.column(0).to_numpy().astype(np.int64),
            batch.column(1).to_numpy().astype(np.int64),
        )


def _assign(connection: duckdb.DuckDBPyConnection) -> None:
    forms = connection.sql("SELECT form_id, n_words, n_occ FROM forms").fetchnumpy()
    form_ids = np.asarray(forms["form_id"], dtype=np.int64)
    representative = assign(
        form_ids,
        np.asarray(forms["n_words"], dtype=np.int64),
        np.asarray(forms["n_occ"], dtype=np.int64),
        _edges(connection, "SELECT a, b FROM near"),
        _edges(connection, "SELECT child, parent FROM contained"),
    )
    table = pa.table({"form_id": form_ids, "rep": representative})
    connection.register("assigned", table)
    connection.execute(
        "CREATE TABLE assign AS SELECT form_id, rep, nq_quotation_id(rep) AS quotation_id FROM assigned"
    )
    connection.unregister("assigned")


_OCCURRENCES = """CREATE TABLE occ AS
    SELECT x.quotation_id, u.article_id, u.quote_id, any_value(u.date) AS date,
           any_value(u.sort_date) AS sort_date, any_value(u.url) AS url,
           any_value(u.speaker_name) AS speaker_name,
           min(CASE WHEN u.form_id = x.rep THEN 0
                    WHEN contains(' ' || r.key || ' ', ' ' || u.key || ' ') THEN 1 ELSE 2 END) AS rank
    FROM units u JOIN assign x ON x.form_id = u.form_id JOIN forms r ON r.form_id = x.rep
    GROUP BY x.quotation_id, u.article_id, u.quote_id"""

_SPEAKER_COUNTS = """SELECT quotation_id, speaker_name, count(*) AS n FROM occ
    WHERE speaker_name IS NOT NULL GROUP BY ALL ORDER BY quotation_id, speaker_name"""

_ATTRIBUTION = pa.schema(
    [
        pa.field("quotation_id", pa.string()),
        pa.field("speaker_name", pa.string()),
        pa.field("speaker_share", pa.float64()),
        pa.field(
            "speakers", pa.list_(pa.struct([pa.field("name", pa.string()), pa.field("count", pa.int64())]))
        ),
        pa.field("conflict", pa.bool_()),
    ]
)


def attribution_row(quotation: str, counts: Iterable[tuple[str, int]]) -> dict[str, Any]:
    """The attribution columns of one quotation from its (speaker, n) counts (both
    engines use this)."""
    found = attribute(counts)
    return {
        "quotation_id": quotation,
        "speaker_name": found.speaker_name,
        "speaker_share": found.speaker_share,
        "speakers": [{"name": name, "count": n} for name, n in found.speakers],
        "conflict": found.conflict,
    }


def attribution_rows(counts: Iterator[tuple[str, str, int]]) -> Iterator[dict[str, Any]]:
    """One attribution row per quotation from (quotation, speaker, n) rows ordered by
    quotation."""
    for quotation, group in itertools.groupby(counts, key=lambda row: row[0]):
        yield attribution_row(quotation, [(name, int(n)) for _, name, n in group])


def _counts(connection: duckdb.DuckDBPyConnection) -> Iterator[tuple[str, str, int]]:
    for batch in connection.sql(_SPEAKER_COUNTS).to_arrow_reader(_BATCH):
        yield from zip(*(batch.column(i).to_pylist() for i in range(3)), strict=True)


def _attribute(connection: duckdb.DuckDBPyConnection) -> None:
    writer = connection.cursor()  # inserts while the reader's result streams
    writer.register("empty_attribution", _ATTRIBUTION.empty_table())
    writer.execute("CREATE TABLE attribution AS SELECT * FROM empty_attribution")
    rows: list[dict[str, Any]] = []

    def flush() -> None:
        writer.register("batch", pa.Table.from_pylist(rows, schema=_ATTRIBUTION))
        writer.execute("INSERT INTO attribution SELECT * FROM batch")
        writer.unregister("batch")
        rows.clear()

    for row in attribution_rows(_counts(connection)):
        rows.append(row)
        if len(rows) >= _BATCH:
            flush()
    if rows:
        flush()
    writer.close()


_FIRST = """WITH ranked AS (
        SELECT quotation_id, article_id, url, date,
               row_number() OVER (PARTITION BY quotation_id
                                  ORDER BY sort_date NULLS LAST, article_id, quote_id) AS n
        FROM occ)
    SELECT quotation_id, article_id, url, date FROM ranked WHERE n = 1"""

_TEXT = """WITH ranked AS (
        SELECT x.quotation_id, u.raw,
               row_number() OVER (PARTITION BY x.quotation_id
                                  ORDER BY u.sort_date NULLS LAST, u.article_id, u.quote_id, u.part) AS n
        FROM units u JOIN assign x ON x.form_id = u.form_id AND u.form_id = x.rep)
    SELECT quotation_id, raw FROM ranked WHERE n = 1"""

_QUOTATIONS = f"""WITH counts AS (
        SELECT quotation_id, count(DISTINCT article_id) AS n_articles, count(*) AS n_occurrences
        FROM occ GROUP BY quotation_id),
    first AS ({_FIRST}), text AS ({_TEXT})
    SELECT c.quotation_id, t.raw AS text, f.date AS first_date, f.article_id AS first_article_id,
           f.url AS first_url, c.n_articles, c.n_occurrences, a.speaker_name, a.speaker_share,
           coalesce(a.speakers, []) AS speakers, coalesce(a.conflict, false) AS conflict
    FROM counts c JOIN first f ON f.quotation_id = c.quotation_id
    JOIN text t ON t.quotation_id = c.quotation_id
    LEFT JOIN attribution a ON a.quotation_id = c.quotation_id
    ORDER BY c.quotation_id"""

MATCHES = ("exact", "contained", "near")

_QUOTATION_OCCURRENCES = f"""SELECT quotation_id, article_id, quote_id, date, speaker_name,
        list_extract({list(MATCHES)!r}, rank + 1) AS match
    FROM occ ORDER BY quotation_id, article_id, quote_id"""


def _write(connection: duckdb.DuckDBPyConnection, sql: str, table: str, folder: Path) -> int:
    folder.mkdir(parents=True)
    count = part = 0
    pending: list[pa.RecordBatch] = []
    pending_rows = 0

    def flush() -> None:
        nonlocal part, pending_rows
        write_arrow_part(folder / f"part-{part:06d}.parquet", table, pa.Table.from_batches(pending))
        part += 1
        pending.clear()
        pending_rows = 0

    for batch in connection.sql(sql).to_arrow_reader(_BATCH):
        pending.append(batch)
        pending_rows += batch.num_rows
        count += batch.num_rows
        if pending_rows >= PART_ROWS:
            flush()
    if pending:
        flush()
    if part == 0:  # an empty table is one empty part, so readers see its columns
        write_arrow_part(folder / "part-000000.parquet", table, SCHEMAS[table].empty_table())
    return count


def replace_tables(folder: Path, written: dict[str, Path]) -> None:
    """Move freshly written table folders into place, replacing the old ones."""
    for table, fresh in written.items():
        target, old = folder / table, folder / f".{table}.old"
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        fresh.rename(target)
        shutil.rmtree(old, ignore_errors=True)


def write_record(folder: Path, settings: MergeSettings, counts: dict[str, int]) -> None:
    """``_merge.json``: the settings the tables were merged with and their row counts."""
    record = json.dumps({"settings": settings.fingerprint(), "counts": counts}, indent=1, sort_keys=True)
    write_atomic(folder / "_merge.json", lambda file: file.write(record.encode("utf-8")))


def merge_local(folder: Path, settings: MergeSettings | None = None) -> dict[str, int]:
    """Merge the quotes of the corpus folder ``folder`` into its ``quotations`` and
    ``quotation_occurrences`` tables; return their row counts.

    Raises ``StorageError`` E308 when the folder is not a run's output, E310 when DuckDB fails,
    E301 when a table cannot be written.
    """
    settings = settings or MergeSettings()
    check_folder(folder)
    work = folder / _WORK
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        connection = connect(folder, str(work / "work.duckdb"))
        try:
            connection.execute(f"SET memory_limit = '{settings.memory_limit}'")
            connection.execute(f"SET threads = {int(settings.threads)}")
            connection.execute(f"SET temp_directory = '{work / 'spill'}'")
            connection.execute("SET preserve_insertion_order = false")
            connection.execute("SET enable_progress_bar = false")
            _register(connection, settings)
            for step in _steps(settings):
                connection.execute(step)
            _assign(connection)
            connection.execute(_OCCURRENCES)
            _attribute(connection)
            written = {table: work / table for table in MERGE_TABLES}
            counts = {
                "quotations": _write(connection, _QUOTATIONS, "quotations", written["quotations"]),
                "quotation_occurrences": _write(
                    connection,
                    _QUOTATION_OCCURRENCES,
                    "quotation_occurrences",
                    written["quotation_occurrences"],
                ),
            }
        except duckdb.Error as exc:
            raise StorageError("E310", source=str(folder), reason=str(exc).splitlines()[0]) from exc
        finally:
            connection.close()
        replace_tables(folder, written)
        write_record(folder, settings, counts)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return counts
