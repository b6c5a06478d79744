"""Run the extractor over a corpus with PySpark, writing the same tables as ``run_local``.

Files are read with Spark's ``binaryFile`` source, so any path Spark reads works (local,
``hdfs://``, ``s3a://`` with the hadoop-aws jars). Each file is cut into tasks exactly as the
local runner does (same ids, same errors); a shuffle on the article id spreads the articles
over the partitions and finds repeated ids; then ``mapPartitions`` loads the spaCy pipeline
once per partition and runs ``nlp.pipe`` inside, converting each doc to plain rows there
(``doc._`` extensions do not survive the trip back). Needs ``pip install 'newsquotes[spark]'``.

>>> run_spark(["s3a://bucket/news/"], SparkSettings(out="s3a://bucket/quotes/"))  # doctest: +SKIP
{'articles': 1998, 'quotes': 8120, 'people': 9502, 'errors': 2}
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from ..errors import StorageError
from ..extractor import Extractor
from ..ids import common_folder, relative_name
from ..io.parquet import SCHEMAS, TABLES, Row, article_tables, error_row
from ..model import RawArticle
from ..settings import ExtractionSettings
from .guard import extract_all
from .sources import (
    Failure,
    Task,
    duplicate,
    file_kind,
    file_tasks,
    load,
    renamed,
    task_source,
)

try:
    import pyarrow as pa
    from pyspark import StorageLevel
    from pyspark.errors import PySparkException
    from pyspark.sql import SparkSession
    from pyspark.sql import types as T
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("the Spark runner needs pyspark: pip install 'newsquotes[spark]'") from exc

_GROUP = 64  # articles read and extracted together inside a partition


@dataclass(frozen=True, slots=True, kw_only=True)
class SparkSettings(ExtractionSettings):
    """How to run on Spark: the extraction settings of ``ExtractionSettings`` (the same object
    the local runner takes) and where. ``master`` None keeps spark-submit's (or local[*] from
    plain Python)."""

    out: str
    master: str | None = None
    partitions: int | None = None
    overwrite: bool = False


def _spark_type(arrow_type: pa.DataType) -> T.DataType:
    if pa.types.is_list(arrow_type):
        return T.ArrayType(_spark_type(arrow_type.value_type))
    if pa.types.is_string(arrow_type):
        return T.StringType()
    if pa.types.is_int32(arrow_type):
        return T.IntegerType()
    if pa.types.is_float64(arrow_type):
        return T.DoubleType()
    if pa.types.is_int64(arrow_type):
        return T.LongType()
    if pa.types.is_boolean(arrow_type):
        return T.BooleanType()
    if pa.types.is_struct(arrow_type):
        return T.StructType(
            [T.StructField(f.name, _spark_type(f.type), nullable=f.nullable) for f in arrow_type]
        )
    raise TypeError(f"no Spark type for {arrow_type}")  # a schema change not mapped here yet


def spark_schema(table: str) -> T.StructType:
    """The Spark schema of a corpus table, derived from its Arrow schema."""
    return T.StructType(
        [T.StructField(f.name, _spark_type(f.type), nullable=f.nullable) for f in SCHEMAS[table]]
    )


def local_path(uri: str) -> str:
    """A ``file:`` URI as the plain path the local runner uses (so the ids agree); others as given."""
    if uri.startswith("file://"):
        return unquote(uri[len("file://") :])
    if uri.startswith("file:"):
        return unquote(uri[len("file:") :])
    return uri


@dataclass(frozen=True, slots=True)
class _Names:
    """What the inputs resolved to (qualified URIs, unquoted), for naming files as the local
    runner does: files inside a named folder by their path inside it, files named directly
    (or matched by a glob) relative to their common folder."""

    folders: tuple[str, ...]
    named: frozenset[str]
    base: str

    def name(self, uri: str) -> str:
        uri = unquote(uri)
        for folder in self.folders:
            if uri.startswith(folder.rstrip("/") + "/"):
                return relative_name(uri, folder)
        return relative_name(uri, self.base)


def _resolve(spark: SparkSession, inputs: Sequence[str]) -> _Names:
    jvm: Any = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    folders: list[str] = []
    named: list[str] = []
    for given in inputs:
        path = jvm.org.apache.hadoop.fs.Path(given)
        for status in path.getFileSystem(conf).globStatus(path) or []:
            uri = unquote(str(status.getPath().toString()))
            (folders if status.isDirectory() else named).append(uri)
    # the longest folder first, so a folder named inside another names its own files
    ordered = tuple(sorted(dict.fromkeys(folders), key=len, reverse=True))
    direct = [uri for uri in dict.fromkeys(named) if not any(uri.startswith(f + "/") for f in ordered)]
    return _Names(ordered, frozenset(direct), common_folder(direct))


def _tasks_of_file(path: str, content: bytes, names: _Names) -> Iterator[tuple[str, tuple[str, int, Task]]]:
    source = local_path(path)
    if file_kind(source) is None:
        return
    for position, task in enumerate(file_tasks(source, bytes(content), name=names.name(path))):
        yield task.id, (source, position, task)


def _first_wins(pair: tuple[str, Iterable[tuple[str, int, Task]]]) -> Iterator[Task]:
    # The local runner keeps the first in (path, position) order: do the same. A whole file
    # whose id from its name is taken takes its full name, as ``dedupe`` does (the full name,
    # suffix and all, is not checked against the other ids again: only an explicit JSONL id
    # such as "x.html" could take it).
    _, found = pair
    ordered = sorted(found, key=lambda item: (item[0], item[1]))
    yield ordered[0][2]
    first = task_source(ordered[0][2])
    for _, _, task in ordered[1:]:
        other = renamed(task)
        yield other if other.id != task.id else duplicate(task, first)


def _extract_partition(tasks: Iterable[Task], settings: SparkSettings) -> Iterator[tuple[str, Row]]:
    extractor: Extractor | None = None  # loaded on the first task: empty partitions cost nothing
    stream = iter(tasks)  # Spark may hand a list: islice on a list would restart at its head
    while group := list(itertools.islice(stream, _GROUP)):
        extractor = extractor or Extractor(settings.model, use_model=settings.use_model)
        loaded = [load(task, settings.max_chars) for task in group]
        raws = [item for item in loaded if isinstance(item, RawArticle)]
        extracted = iter(extract_all(extractor, raws, settings.batch_size, settings.timeout))
        for item in loaded:
            result = next(extracted) if isinstance(item, RawArticle) else item
            if isinstance(result, Failure):
                yield "errors", error_row(result.article_id, result.source, result.code, result.message)
            else:
                row, quotes, people = article_tables(result)
                yield "articles", row
                yield from (("quotes", quote) for quote in quotes)
                yield from (("people", person) for person in people)


def _as_tuple(table: str) -> Any:
    names = SCHEMAS[table].names
    return lambda row: tuple(row[name] for name in names)


def _empty_files(spark: SparkSession, inputs: Sequence[str]) -> list[str]:
    # Spark's file sources drop zero-byte files; the local runner reports them (E110), so list
    # them here with Hadoop's FileSystem (any scheme Spark reads) and add them back.
    jvm: Any = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    found: list[str] = []
    for given in inputs:
        path = jvm.org.apache.hadoop.fs.Path(given)
        listing = path.getFileSystem(conf).listFiles(path, True)
        while listing.hasNext():
            status = listing.next()
            name = status.getPath().getName()
            if status.getLen() == 0 and not name.startswith((".", "_")):
                found.append(str(status.getPath().toUri()))
    return found


def _check_new_output(spark: SparkSession, out: str) -> None:
    # Spark's "errorifexists" fails only when it writes, after the whole job: look first
    jvm: Any = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    for table in TABLES:
        path = jvm.org.apache.hadoop.fs.Path(out.rstrip("/") + "/" + table)
        if path.getFileSystem(conf).exists(path):
            raise StorageError("E306", source=out, table=table)


def session(master: str | None = None) -> SparkSession:
    """The active Spark session, or a new one (quiet logs) on ``master``."""
    builder = SparkSession.builder.appName("newsquotes")
    if master:
        builder = builder.master(master)
    launched_by_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    local = master.startswith("local") if master else not launched_by_submit
    if local and "PYSPARK_PYTHON" not in os.environ:
        # local workers must import newsquotes: run them on this interpreter, not the PATH's
        # python3. PySpark reads the variable when it creates its context (the conf key is too late).
        os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark(
    inputs: Sequence[str], settings: SparkSettings, *, spark: SparkSession | None = None
) -> dict[str, int]:
    """Extract every article of ``inputs`` into ``settings.out`` with Spark; return the row
    count of each table. A Spark job either writes a table whole or not at all (it has no resume:
    rerun with ``overwrite``). Raises ``StorageError`` E306, before any work, when a table of the
    output exists and ``overwrite`` is off; E301 when the output cannot be written."""
    own = spark is None
    spark = spark or session(settings.master)
    try:
        if not settings.overwrite:
            _check_new_output(spark, settings.out)
        found = (
            spark.read.format("binaryFile")
            .option("recursiveFileLookup", "true")
            .load(list(inputs))
            .select("path", "content")
            .rdd
        )
        empty = spark.sparkContext.parallelize([(path, b"") for path in _empty_files(spark, inputs)], 1)
        files: Any = found.map(lambda row: (row.path, row.content)).union(empty)
        partitions = settings.partitions or spark.sparkContext.defaultParallelism
        names = _resolve(spark, inputs)
        tasks = (
            files.flatMap(lambda pair: _tasks_of_file(pair[0], pair[1], names))
            .groupByKey(numPartitions=partitions)
            .flatMap(_first_wins)
        )
        rows: Any = tasks.mapPartitions(lambda part: _extract_partition(part, settings))
        rows.persist(StorageLevel.MEMORY_AND_DISK)
        counts = {table: 0 for table in TABLES}
        counts.update(rows.map(lambda item: item[0]).countByValue())
        mode = "overwrite" if settings.overwrite else "errorifexists"
        for table in TABLES:
            data = rows.filter(lambda item, name=table: item[0] == name).map(lambda item: item[1])
            frame = spark.createDataFrame(data.map(_as_tuple(table)), spark_schema(table))
            writer = frame.write.mode(mode)
            path = settings.out.rstrip("/") + "/" + table
            if settings.fmt == "parquet":
                writer.parquet(path)
            else:
                writer.option("ignoreNullFields", "false").json(path)
        rows.unpersist()
    except PySparkException as exc:
        raise StorageError("E301", source=settings.out, reason=str(exc).strip().splitlines()[0]) from exc
    finally:
        if own:
            spark.stop()
    return counts
