"""The merge as a Spark job: the same steps as ``merge.local``, the same tables.

The quotes are cut, keyed and dated by the same Python functions (as Spark UDFs), the same
joins find the contained and near pairs (``instr`` where DuckDB has ``contains``; Spark's own
hash for the n-gram join, which only proposes pairs that are then checked), and the same
``graph.assign`` turns the edges into quotations on the driver: the forms' ids and counts and the
edges (16 bytes each) are collected there, never the quotes. The attribution of each quotation is
``local.attribution_row`` over its grouped speaker counts. Tables are written by Spark's
committer (``part-*.parquet`` and ``_SUCCESS``), replacing earlier ones.

>>> merge_spark("hdfs:///quotes/2024/", MergeSettings())  # doctest: +SKIP
{'quotations': 1742, 'quotation_occurrences': 1901}
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from ..errors import StorageError
from ..run.spark import session, spark_schema
from .graph import assign
from .local import attribution_row, check_folder
from .match import bander, is_near
from .normalise import fold_key
from .settings import MergeSettings
from .units import form_id, quotation_id, sort_date, units_of

try:
    import pyarrow as pa
    from pyspark.errors import PySparkException
    from pyspark.sql import DataFrame, SparkSession, Window
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("the Spark merge needs pyspark: pip install 'newsquotes[spark]'") from exc

_UNIT = T.ArrayType(
    T.StructType(
        [
            T.StructField("part", T.IntegerType()),
            T.StructField("raw", T.StringType()),
            T.StructField("key", T.StringType()),
            T.StructField("n_words", T.IntegerType()),
        ]
    )
)


def _read(spark: SparkSession, folder: str, table: str) -> DataFrame:
    path = folder.rstrip("/") + "/" + table
    local = Path(path)
    if local.is_dir() and not any(local.glob("*.parquet")):  # a --format jsonl run
        names = [
            p
            for p in local.glob("*")
            if p.suffix in (".jsonl", ".json") and not p.name.startswith((".", "_"))
        ]
        return spark.read.schema(spark_schema(table)).json([str(p) for p in names])
    return spark.read.schema(spark_schema(table)).parquet(path)


def _register(spark: SparkSession, settings: MergeSettings) -> None:
    udf = spark.udf.register
    udf("nq_units", lambda text, kind: units_of(text, kind, settings.min_words), _UNIT)
    udf("nq_form_id", form_id, T.LongType())
    udf("nq_fold", fold_key, T.StringType())
    udf("nq_quotation_id", quotation_id, T.StringType())
    udf("nq_sort_date", sort_date, T.StringType())
    udf("nq_bands", bander(settings), T.ArrayType(T.LongType()))
    udf("nq_near", lambda a, b: is_near(a, b, settings), T.BooleanType())


def _steps(settings: MergeSettings) -> list[tuple[str, str]]:
    c, t = settings.contained_min_words, float(settings.near_threshold)
    return [
        (
            "units",
            """SELECT q.article_id, q.quote_id, q.u.part AS part, q.u.raw AS raw, q.u.key AS key,
                      q.u.n_words AS n_words, nq_form_id(q.u.key) AS form_id, q.speaker_name,
                      a.date, nq_sort_date(a.date) AS sort_date, a.url
               FROM (SELECT article_id, quote_id, speaker_name,
                            explode(nq_units(text, type)) AS u
                     FROM quotes WHERE type IN ('direct', 'mixed') AND text IS NOT NULL) q
               LEFT JOIN (SELECT id, first(date) AS date, first(url) AS url FROM articles GROUP BY id) a
                 ON a.id = q.article_id""",
        ),
        (
            "forms",
            """SELECT form_id, key, n_words, n_occ, nq_fold(key) AS fkey
               FROM (SELECT form_id, first(key) AS key, first(n_words) AS n_words, count(*) AS n_occ
                     FROM units GROUP BY form_id)""",
        ),
        (
            "probes",
            f"""SELECT form_id, n_words, key, xxhash64(array_join(slice(split(key, ' '), 1, {c}), ' ')) AS h
                FROM forms WHERE n_words >= {c}""",
        ),
        (
            "grams",
            f"""SELECT form_id, n_words, xxhash64(array_join(slice(w, i, {c}), ' ')) AS h
                FROM (SELECT form_id, n_words, split(key, ' ') AS w FROM forms WHERE n_words > {c})
                LATERAL VIEW explode(sequence(1, n_words - {c} + 1)) t AS i""",
        ),
        (
            "contained",
            """SELECT DISTINCT p.form_id AS child, g.form_id AS parent
               FROM probes p JOIN grams g ON g.h = p.h AND g.n_words > p.n_words
               JOIN forms f ON f.form_id = g.form_id
               WHERE instr(concat(' ', f.key, ' '), concat(' ', p.key, ' ')) > 0""",
        ),
        (
            "bands",
            f"""SELECT form_id, explode(nq_bands(fkey)) AS bucket FROM forms
                WHERE n_words >= {settings.near_min_words}""",
        ),
        (
            "candidates",
            f"""WITH small AS (SELECT bucket FROM bands GROUP BY bucket
                               HAVING count(*) BETWEEN 2 AND {settings.max_bucket})
                SELECT DISTINCT x.form_id AS a, y.form_id AS b
                FROM bands x JOIN small s ON s.bucket = x.bucket
                JOIN bands y ON y.bucket = x.bucket AND x.form_id < y.form_id""",
        ),
        (
            "near",
            f"""SELECT p.a, p.b FROM candidates p JOIN forms fa ON fa.form_id = p.a
                JOIN forms fb ON fb.form_id = p.b
                WHERE 2 * least(fa.n_words, fb.n_words) >= {t!r} * (fa.n_words + fb.n_words)
                  AND nq_near(fa.fkey, fb.fkey)""",
        ),
    ]


def _arrays(frame: DataFrame, columns: tuple[str, ...]) -> list[Any]:
    table = frame.select(*columns).toArrow()
    return [np.asarray(table.column(name).to_numpy(), dtype=np.int64) for name in columns]


_OCCURRENCES = """SELECT x.quotation_id, u.article_id, u.quote_id, first(u.date) AS date,
        first(u.sort_date) AS sort_date, first(u.url) AS url,
        first(u.speaker_name) AS speaker_name,
        min(CASE WHEN u.form_id = x.rep THEN 0
                 WHEN instr(concat(' ', r.key, ' '), concat(' ', u.key, ' ')) > 0 THEN 1 ELSE 2 END) AS rank
    FROM units u JOIN assign x ON x.form_id = u.form_id JOIN forms r ON r.form_id = x.rep
    GROUP BY x.quotation_id, u.article_id, u.quote_id"""


def _first(frame: DataFrame, partition: str, order: list[Any]) -> DataFrame:
    window = Window.partitionBy(partition).orderBy(*order)
    return frame.withColumn("_n", F.row_number().over(window)).filter("_n = 1").drop("_n")


def _quotations(spark: SparkSession, occ: DataFrame) -> DataFrame:
    counts = occ.groupBy("quotation_id").agg(
        F.countDistinct("article_id").alias("n_articles"), F.count("*").alias("n_occurrences")
    )
    first = _first(
        occ,
        "quotation_id",
        [F.col("sort_date").asc_nulls_last(), F.col("article_id"), F.col("quote_id")],
    ).select(
        "quotation_id",
        F.col("date").alias("first_date"),
        F.col("article_id").alias("first_article_id"),
        F.col("url").alias("first_url"),
    )
    representative = spark.sql(
        "SELECT x.quotation_id, u.raw, u.sort_date, u.article_id, u.quote_id, u.part FROM units u "
        "JOIN assign x ON x.form_id = u.form_id AND u.form_id = x.rep"
    )
    text = _first(
        representative,
        "quotation_id",
        [F.col("sort_date").asc_nulls_last(), F.col("article_id"), F.col("quote_id"), F.col("part")],
    ).select("quotation_id", F.col("raw").alias("text"))
    named = occ.filter("speaker_name IS NOT NULL").groupBy("quotation_id", "speaker_name").count()
    rows = (
        named.rdd.map(lambda r: (r[0], (r[1], int(r[2]))))
        .groupByKey()
        .map(lambda pair: attribution_row(pair[0], sorted(pair[1])))
    )
    attribution_schema = T.StructType(
        [
            f
            for f in spark_schema("quotations").fields
            if f.name in ("speaker_name", "speaker_share", "speakers", "conflict")
        ]
    )
    attribution_schema = T.StructType(
        [T.StructField("quotation_id", T.StringType()), *attribution_schema.fields]
    )
    attributed = spark.createDataFrame(
        rows.map(lambda row: tuple(row[f.name] for f in attribution_schema.fields)), attribution_schema
    )
    joined = (
        counts.join(first, "quotation_id")
        .join(text, "quotation_id")
        .join(attributed, "quotation_id", "left")
        .withColumn("conflict", F.coalesce(F.col("conflict"), F.lit(False)))
        .withColumn(
            "speakers",
            F.coalesce(F.col("speakers"), F.array().cast(spark_schema("quotations")["speakers"].dataType)),
        )
    )
    return joined.select(*spark_schema("quotations").names)


def merge_spark(
    folder: str,
    settings: MergeSettings | None = None,
    *,
    master: str | None = None,
    partitions: int | None = None,
    spark: SparkSession | None = None,
) -> dict[str, int]:
    """Merge the quotes of the corpus folder ``folder`` (any path Spark reads) with Spark, into
    its ``quotations`` and ``quotation_occurrences`` tables; return their row counts.
    ``partitions`` sets Spark's shuffle partitions (its default of 200 is slow on small data).
    Raises ``StorageError`` E308 when a local folder is not a run's output, E310 when the job
    fails."""
    settings = settings or MergeSettings()
    if "://" not in folder or folder.startswith("file:"):
        check_folder(Path(folder.removeprefix("file://").removeprefix("file:")))
    own = spark is None
    spark = spark or session(master)
    try:
        if partitions:
            spark.conf.set("spark.sql.shuffle.partitions", str(partitions))
        _register(spark, settings)
        _read(spark, folder, "quotes").createOrReplaceTempView("quotes")
        _read(spark, folder, "articles").createOrReplaceTempView("articles")
        for name, sql in _steps(settings):
            frame = spark.sql(sql)
            if name in ("units", "forms", "bands", "candidates"):
                frame = frame.persist()
            frame.createOrReplaceTempView(name)
        form_ids, n_words, n_occ = _arrays(spark.table("forms"), ("form_id", "n_words", "n_occ"))
        near = _arrays(spark.table("near"), ("a", "b"))
        contained = _arrays(spark.table("contained"), ("child", "parent"))
        representative = assign(form_ids, n_words, n_occ, [tuple(near)], [tuple(contained)])
        assigned = spark.createDataFrame(pa.table({"form_id": form_ids, "rep": representative}))
        assigned.createOrReplaceTempView("assigned")
        spark.sql(
            "SELECT form_id, rep, nq_quotation_id(rep) AS quotation_id FROM assigned"
        ).persist().createOrReplaceTempView("assign")
        occ = spark.sql(_OCCURRENCES).persist()
        occurrences = occ.select(
            "quotation_id",
            "article_id",
            "quote_id",
            "date",
            "speaker_name",
            F.element_at(
                F.array(*(F.lit(m) for m in ("exact", "contained", "near"))), F.col("rank") + 1
            ).alias("match"),
        )
        tables = {"quotations": _quotations(spark, occ), "quotation_occurrences": occurrences}
        counts: dict[str, int] = {}
        for table, frame in tables.items():
            typed = spark.createDataFrame(frame.rdd, spark_schema(table))
            typed.write.mode("overwrite").parquet(folder.rstrip("/") + "/" + table)
            counts[table] = spark.read.parquet(folder.rstrip("/") + "/" + table).count()
    except PySparkException as exc:
        raise StorageError("E310", source=folder, reason=str(exc).strip().splitlines()[0]) from exc
    finally:
        if own:
            spark.stop()
    return counts
