"""Readers for gold answers (PolNeAR brat standoff, newsquotes gold JSON) and predictions.

Every reader validates at the edge: offsets are checked against the text and any problem is
an :class:`~newsquotes.errors.InputError` naming the file and line. Nothing is skipped.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsquotes.errors import InputError
from newsquotes.evaluate.match import classify_content
from newsquotes.model import Article, Mention, Quote, Spans, Speaker

GOLD_TYPES = ("direct", "partial", "mixed", "indirect")
NAMED_KINDS = ("person", "organization")
_PRONOUNS = frozenset(
    {"he", "she", "it", "they", "i", "we", "you", "him", "her", "them", "his", "hers", "its"}
    | {"their", "theirs", "who", "which", "that", "this"}
)


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One gold attribution. ``type`` is "partial" for a partial quote inside a mixed one
    (kept, never scored on its own). ``canonical``/``kind``/``mention_kind`` describe the
    source where canonical data exist, else ``kind`` is None."""

    id: str
    type: str
    content: Spans
    source: Spans
    cue: Spans
    line: int
    canonical: str | None = None
    kind: str | None = None
    mention_kind: str | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold article: its text, attributions and spans whose predictions are not scored."""

    id: str
    text: str
    path: str
    gold_path: str
    attributions: tuple[GoldAttribution, ...]
    not_counted: Spans = ()
    publisher: str | None = None
    has_canonical: bool = False


def read_gold(path: Path, *, canonical: Path | None = None) -> list[GoldArticle]:
    """Read gold from a PolNeAR split folder, a gold JSON file or a folder of JSON files.

    For a PolNeAR split (a folder with ``text/`` and ``attributions/``) canonical speakers are
    read from ``canonical`` or, if not given, from ``../canonical/<split>/`` where it exists.
    """
    if not path.exists():
        raise InputError("E101", source=str(path))
    if path.is_file():
        return [read_gold_json(path)]
    if (path / "text").is_dir() and (path / "attributions").is_dir():
        return read_brat_split(path, canonical=canonical)
    files = sorted(path.glob("*.json"))
    if not files:
        raise InputError("E110", source=str(path))
    return [read_gold_json(file) for file in files]


def read_brat_split(split: Path, *, canonical: Path | None = None) -> list[GoldArticle]:
    """Read every article of a PolNeAR split, one ``.ann`` per text (the first by name)."""
    if canonical is None and (split.parent / "canonical" / split.name).is_dir():
        canonical = split.parent / "canonical" / split.name
    publishers = read_publishers(split.parent / "metadata.tsv")
    articles = []
    for text_path in sorted((split / "text").glob("*.txt")):
        doc = text_path.stem
        anns = sorted(
            ann
            for ann in (split / "attributions").glob(f"{doc}_*.ann")
            if "_" not in ann.stem[len(doc) + 1 :]
        )
        if not anns:
            raise InputError("E109", source=str(text_path), reason="no .ann file for this text")
        records = canonical / f"{doc}.json" if canonical else None
        articles.append(
            read_brat(
                text_path,
                anns[0],
                canonical=records if records and records.exists() else None,
                publisher=publishers.get(doc),
            )
        )
    return articles


def read_publishers(path: Path) -> dict[str, str]:
    """Map PolNeAR file names to publishers from ``metadata.tsv`` (empty if it is absent)."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {row["filename"]: row["publisher"] for row in rows if row.get("filename")}


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise InputError("E101", source=str(path))
    return path.read_text(encoding="utf-8")


_RECORD = re.compile(r"^(?:[TEARNM]\d+|#\d*)\t")


def _ann_records(raw: str, source: str) -> Iterator[tuple[int, str]]:
    """(line number, record) for each brat record; a T text running over several lines
    continues on the lines that do not start a record."""
    lines = raw.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    current: list[Any] = []
    for number, line in enumerate(lines, start=1):
        if _RECORD.match(line):
            if current:
                yield current[0], current[1]
            current = [number, line]
        elif current:
            current[1] += "\n" + line
        else:
            raise InputError("E120", source=source, line=number, reason="not a brat record")
    if current:
        yield current[0], current[1]


def _parse_offsets(offsets: str, path: str, line: int, length: int) -> Spans:
    spans = []
    for fragment in offsets.split(";"):
        parts = fragment.split()
        if len(parts) != 2 or not all(part.isdigit() for part in parts):
            raise InputError("E120", source=path, line=line, reason=f"bad offsets {offsets!r}")
        start, end = int(parts[0]), int(parts[1])
        if start > end:
            raise InputError(
                "E120", source=path, line=line, reason=f"span {start}-{end} ends before it starts"
            )
        if end > length:
            raise InputError("E122", source=path, line=line, start=start, end=end, length=length)
        spans.append((start, end))
    return tuple(spans)


def _check_text(spans: Spans, expected: str, text: str, path: str, line: int, tid: str) -> None:
    found = " ".join(text[start:end] for start, end in spans)
    if found != expected:
        start, end = spans[0][0], spans[-1][1]
        raise InputError(
            "E121", source=path, line=line, start=start, end=end, tid=tid, expected=expected, found=found
        )


def read_brat(
    text_path: Path, ann_path: Path, *, canonical: Path | None = None, publisher: str | None = None
) -> GoldArticle:
    """Read one brat article: every ``E`` line is an attribution with Content, Source, Cue.

    A ``T`` text must equal the text it points at (fragments joined by one space, as PolNeAR
    writes them): E121 otherwise; E122 for a span past the end; E120 for malformed lines.
    """
    text = _read_text(text_path)
    source = str(ann_path)
    spans_of: dict[str, Spans] = {}
    events: list[tuple[int, str, list[tuple[str, str]]]] = []
    for line, record in _ann_records(_read_text(ann_path), source):
        fields = record.split("\t")
        if record.startswith("T"):
            if len(fields) < 3 or " " not in fields[1]:
                raise InputError("E120", source=source, line=line, reason="malformed T line")
            offsets = fields[1].split(" ", 1)[1]
            spans = _parse_offsets(offsets, source, line, len(text))
            _check_text(spans, "\t".join(fields[2:]), text, source, line, fields[0])
            spans_of[fields[0]] = spans
        elif record.startswith("E"):
            if len(fields) != 2:
                raise InputError("E120", source=source, line=line, reason="malformed E line")
            roles = [(arg.partition(":")[0], arg.partition(":")[2]) for arg in fields[1].split()]
            events.append((line, fields[0], roles))
    attributions = []
    for line, event, roles in events:
        parts: dict[str, list[tuple[int, int]]] = {"Content": [], "Source": [], "Cue": []}
        for number, (role, tid) in enumerate(roles):
            if tid not in spans_of:  # T lines may come after the E line that uses them
                raise InputError("E120", source=source, line=line, reason=f"{tid or role} is not defined")
            role = role.rstrip("0123456789")  # Content2 is more content
            if number == 0:  # the trigger ("Attribution:T4")
                continue
            if role not in parts:
                raise InputError("E120", source=source, line=line, reason=f"unknown role {role!r}")
            parts[role].extend(spans_of[tid])
        content = tuple(sorted(parts["Content"]))
        kind = classify_content([text[s:e] for s, e in content]) if content else "indirect"
        attributions.append(
            GoldAttribution(
                id=event,
                type=kind,
                content=content,
                source=tuple(sorted(parts["Source"])),
                cue=tuple(sorted(parts["Cue"])),
                line=line,
            )
        )
    if canonical is not None:
        attributions = _add_canonical(attributions, canonical)
    return GoldArticle(
        id=text_path.stem,
        text=text,
        path=str(text_path),
        gold_path=source,
        attributions=tuple(attributions),
        publisher=publisher,
        has_canonical=canonical is not None,
    )


def _line_of(raw: str, key: str, value: str) -> int:
    """Line of ``"key": "value"`` in a JSON text, for error messages (1 if not found)."""
    found = re.search(rf'"{re.escape(key)}"\s*:\s*"{re.escape(value)}"', raw)
    return raw.count("\n", 0, found.start()) + 1 if found else 1


def _load_json(path: Path) -> tuple[str, Any]:
    raw = _read_text(path)
    try:
        return raw, json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError("E120", source=str(path), line=error.lineno, reason=error.msg) from None


def _require(record: Any, fields: Sequence[str], path: Path, index: object) -> None:
    if not isinstance(record, dict):
        raise InputError("E120", source=str(path), line=1, reason=f"record {index} is not an object")
    for name in fields:
        if name not in record:
            raise InputError("E123", source=str(path), index=index, field=name)


def _add_canonical(attributions: list[GoldAttribution], path: Path) -> list[GoldAttribution]:
    """Attach canonical speakers from a PolNeAR canonical file (one record per event)."""
    raw, records = _load_json(path)
    if not isinstance(records, list):
        raise InputError("E120", source=str(path), line=1, reason="not a list of records")
    by_event = {attribution.id: attribution for attribution in attributions}
    for index, record in enumerate(records):
        _require(record, ("event", "source_offsets", "canonical", "kind", "mention_kind"), path, index)
        line = _line_of(raw, "event", str(record["event"]))
        attribution = by_event.get(record["event"])
        if attribution is None:
            raise InputError("E120", source=str(path), line=line, reason=f"no event {record['event']}")
        offsets = tuple((int(s), int(e)) for s, e in record["source_offsets"])
        if offsets != attribution.source:
            raise InputError(
                "E120",
                source=str(path),
                line=line,
                reason=f"source_offsets {offsets} differ from the .ann source {attribution.source}",
            )
        by_event[record["event"]] = GoldAttribution(
            id=attribution.id,
            type=attribution.type,
            content=attribution.content,
            source=attribution.source,
            cue=attribution.cue,
            line=attribution.line,
            canonical=record["canonical"],
            kind=record["kind"],
            mention_kind=record["mention_kind"],
        )
    return [by_event[attribution.id] for attribution in attributions]


def _locate(text: str, needle: str, near: Spans) -> tuple[int, int] | None:
    """The occurrence of ``needle`` nearest to ``near``, preferring one outside it."""
    start, end = near[0][0], near[-1][1]
    found = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not needle or not found:
        return None

    def rank(at: int) -> tuple[bool, bool, int]:
        inside = any(s < at + len(needle) and at < e for s, e in near)
        between = text[end:at] if at >= end else text[at + len(needle) : start]
        # a mention in the next paragraph or sentence belongs to another quote
        crosses = "\n" in between or bool(re.search(r"[.!?][\"”’]?\s", between))
        return inside, crosses, max(0, at - end, start - (at + len(needle)))

    best = min(found, key=rank)
    return (best, best + len(needle))


def _mention_kind(mention: str, canonical: str | None) -> str:
    words = mention.strip(" ,").split()
    if len(words) == 1 and words[0].casefold() in _PRONOUNS:
        return "pronoun"
    if canonical and canonical in mention:
        return "full_name"
    if canonical and canonical.split()[-1] in mention:
        return "surname"
    return "nominal"


def read_gold_json(path: Path) -> GoldArticle:
    """Read a newsquotes gold JSON file (see ``data/README.md``).

    Cue and speaker mention are given as strings: each is found in the text at the occurrence
    nearest the quote (a cue like "told / warning" is two pieces). ``not_counted`` texts are
    found wherever they occur. Mention kinds are derived: pronoun, full_name (holds the
    canonical name), surname (holds its last word), else nominal.
    """
    raw, data = _load_json(path)
    source = str(path)
    _require(data, ("article", "quotes"), path, "(top level)")
    text_path = path.parent / str(data["article"])
    text = _read_text(text_path)
    if not isinstance(data["quotes"], list):
        raise InputError(
            "E120", source=source, line=_line_of(raw, "quotes", ""), reason="'quotes' is not a list"
        )
    attributions = []
    for index, quote in enumerate(data["quotes"]):
        _require(quote, ("id", "type", "spans", "text", "cue", "speaker_mention", "speaker"), path, index)
        line = _line_of(raw, "id", str(quote["id"]))
        if quote["type"] not in GOLD_TYPES:
            raise InputError("E120", source=source, line=line, reason=f"unknown type {quote['type']!r}")
        if not isinstance(quote["spans"], list) or not quote["spans"]:
            raise InputError("E120", source=source, line=line, reason="'spans' is not a list of [start, end]")
        offsets = ";".join(
            f"{pair[0]} {pair[1]}" if isinstance(pair, list) and len(pair) == 2 else "?"
            for pair in quote["spans"]
        )
        spans = _parse_offsets(offsets, source, line, len(text))
        _check_text(spans, str(quote["text"]), text, source, line, str(quote["id"]))
        cue: list[tuple[int, int]] = []
        for piece in str(quote["cue"] or "").split(" / "):
            if piece.strip():
                located = _locate(text, piece.strip(), spans)
                if located is None:
                    raise InputError(
                        "E120", source=source, line=line, reason=f"cue {piece!r} is not in the text"
                    )
                cue.append(located)
        mention = quote["speaker_mention"]
        speaker_spans: Spans = ()
        if mention:
            located = _locate(text, str(mention), spans)
            if located is None:
                raise InputError(
                    "E120", source=source, line=line, reason=f"speaker_mention {mention!r} is not in the text"
                )
            speaker_spans = (located,)
        name = quote["speaker"]
        attributions.append(
            GoldAttribution(
                id=str(quote["id"]),
                type=quote["type"],
                content=spans,
                source=speaker_spans,
                cue=tuple(sorted(cue)),
                line=line,
                canonical=name,
                kind="person" if name else "unnamed",
                mention_kind=_mention_kind(str(mention or ""), name) if mention else None,
            )
        )
    ignored: list[tuple[int, int]] = []
    for index, item in enumerate(data.get("not_counted") or []):
        _require(item, ("text",), path, f"not_counted[{index}]")
        found = [(m.start(), m.end()) for m in re.finditer(re.escape(item["text"]), text)]
        if not found:
            line = _line_of(raw, "text", item["text"])
            raise InputError(
                "E120",
                source=source,
                line=line,
                reason=f"not_counted text {item['text'][:40]!r} is not in the text",
            )
        ignored.extend(found)
    return GoldArticle(
        id=text_path.stem,
        text=text,
        path=str(text_path),
        gold_path=source,
        attributions=tuple(attributions),
        not_counted=tuple(sorted(ignored)),
        publisher=data.get("publisher"),
        has_canonical=True,
    )


def read_predictions(path: Path, gold: Sequence[GoldArticle]) -> dict[str, Article]:
    """Read JSON Lines predictions (one ``Article.to_dict()`` a line), keyed by gold id.

    A line is joined to a gold article by its ``id``, else by the stem of its ``source``.
    Spans must lie inside that article's text. Problems raise E124 with the line.
    """
    texts = {article.id: article.text for article in gold}
    result: dict[str, Article] = {}
    source = str(path)
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError("E124", source=source, line=number, reason=f"not JSON: {error.msg}") from None
        if not isinstance(data, dict) or "id" not in data:
            raise InputError("E124", source=source, line=number, reason="not an object with an 'id'")
        key = str(data["id"])
        if key not in texts and data.get("source"):
            key = Path(str(data["source"])).stem
        if key not in texts:
            raise InputError(
                "E124", source=source, line=number, reason=f"article {data['id']!r} is not in the gold"
            )
        if key in result:
            raise InputError("E124", source=source, line=number, reason=f"article {key!r} appears twice")
        try:
            article = Article.from_dict(data, text=texts[key])
        except (KeyError, TypeError, ValueError) as error:
            raise InputError("E124", source=source, line=number, reason=f"bad record: {error!r}") from None
        _check_prediction(article, source, number)
        result[key] = article
    return result


def _check_prediction(article: Article, source: str, line: int) -> None:
    length = len(article.text)
    for quote in article.quotes:
        groups = [quote.spans]
        groups += [quote.cue.spans] if quote.cue else []
        groups += [quote.speaker.mention.spans] if quote.speaker.mention else []
        for spans in groups:
            if not quote.spans or any(not 0 <= s <= e <= length for s, e in spans):
                raise InputError(
                    "E124",
                    source=source,
                    line=line,
                    reason=f"quote {quote.id}: span outside the text ({length} characters)",
                )


def gold_as_article(gold: GoldArticle) -> Article:
    """The gold answer as an extractor's output (partial quotes and content-less
    attributions left out): scoring it against its own gold gives 100 everywhere."""
    quotes = []
    for attribution in gold.attributions:
        if attribution.type == "partial" or not attribution.content:
            continue
        text = gold.text
        mention = (
            Mention(" ".join(text[s:e] for s, e in attribution.source), attribution.source)
            if attribution.source
            else None
        )
        cue = (
            Mention(" ".join(text[s:e] for s, e in attribution.cue), attribution.cue)
            if attribution.cue
            else None
        )
        kind = attribution.kind if attribution.kind in NAMED_KINDS else None
        quotes.append(
            Quote(
                id=attribution.id,
                type=attribution.type,  # type: ignore[arg-type]  # partial excluded above
                text=" ".join(text[s:e] for s, e in attribution.content),
                spans=attribution.content,
                cue=cue,
                speaker=Speaker(name=attribution.canonical, kind=kind, mention=mention),  # type: ignore[arg-type]
                confidence=1.0,
            )
        )
    return Article(id=gold.id, text=gold.text, source=gold.path, quotes=tuple(quotes))
