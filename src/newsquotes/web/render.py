"""An article as HTML: every quote, cue and speaker mention wrapped, from offsets into its text.

The text is never rewritten: it is cut at every span boundary and each piece is escaped and
wrapped in the elements of the spans that cover it, so overlapping quotes (a reported clause
inside another quote) still nest correctly, and a quote over several paragraphs is several
elements sharing one ``data-quote-id``. All HTML is built with markupsafe, which escapes every
value put into it.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import urllib.parse
from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..io.parquet import SCHEMAS, quote_rows
from ..model import Article, Quote

PALETTE_SIZE = 12  # colours in style.css (.s0 ... .s11); more speakers reuse them in turn
_ROLES = ("quote", "cue", "mention")


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """One line of an article's speaker panel."""

    name: str | None  # None: the quotes whose source is not named
    kind: str | None
    gender: str | None
    quotes: int
    colour: int | None


def speaker_colours(article: Article) -> dict[str, int]:
    """A palette index per named speaker, in the order they are first quoted."""
    colours: dict[str, int] = {}
    for quote in article.quotes:
        name = quote.speaker.name
        if name is not None and name not in colours:
            colours[name] = len(colours) % PALETTE_SIZE
    return colours


def speaker_rows(article: Article) -> list[SpeakerRow]:
    """The named speakers by number of quotes, then one row for the unnamed sources."""
    colours = speaker_colours(article)
    counts = Counter(quote.speaker.name for quote in article.quotes)
    people = {person.name: person for person in article.people}
    kinds = {q.speaker.name: q.speaker.kind for q in article.quotes if q.speaker.name}
    rows = [
        SpeakerRow(
            name=name,
            kind=people[name].kind if name in people else kinds.get(name),
            gender=people[name].gender if name in people else None,
            quotes=count,
            colour=colours[name],
        )
        for name, count in counts.items()
        if name is not None
    ]
    rows.sort(key=lambda row: (-row.quotes, row.name or ""))
    if counts[None]:
        rows.append(SpeakerRow(name=None, kind=None, gender=None, quotes=counts[None], colour=None))
    return rows


def _describe(quote: Quote) -> str:
    """The hover text of a quote: who, what kind, the cue and the confidence."""
    mention = quote.speaker.mention.text if quote.speaker.mention else None
    if quote.speaker.name:
        who = quote.speaker.name + (f" ({quote.speaker.kind})" if quote.speaker.kind else "")
    else:
        who = f"unnamed: {mention}" if mention else "no speaker"
    cue = quote.cue.text if quote.cue else "none"
    return f"{who} · {quote.type} · cue: {cue} · confidence {quote.confidence:.2f}"


def _colour_class(quote: Quote, colours: dict[str, int]) -> str:
    name = quote.speaker.name
    return f"s{colours[name]}" if name is not None else "s-none"


def _open_quote(quote: Quote, colours: dict[str, int], first: bool) -> Markup:
    anchor = Markup(' id="quote-{}"').format(quote.id) if first else Markup("")
    return Markup(
        '<mark class="q {} t-{}"{} data-quote-id="{}" data-speaker="{}" data-kind="{}" data-type="{}"'
        ' data-cue="{}" data-mention="{}" data-confidence="{:.2f}" title="{}" tabindex="0">'
    ).format(
        _colour_class(quote, colours),
        quote.type,
        anchor,
        quote.id,
        quote.speaker.name or "",
        quote.speaker.kind or "",
        quote.type,
        quote.cue.text if quote.cue else "",
        quote.speaker.mention.text if quote.speaker.mention else "",
        quote.confidence,
        _describe(quote),
    )


def _marks(article: Article) -> list[tuple[int, int, str, int]]:
    """(start, end, role, quote index) of every span, clipped to the text, empty ones dropped."""
    length = len(article.text)
    marks: list[tuple[int, int, str, int]] = []
    for index, quote in enumerate(article.quotes):
        spans = {
            "quote": quote.spans,
            "cue": quote.cue.spans if quote.cue else (),
            "mention": quote.speaker.mention.spans if quote.speaker.mention else (),
        }
        for role in _ROLES:
            for start, end in spans[role]:
                start, end = max(0, start), min(length, end)
                if start < end:
                    marks.append((start, end, role, index))
    return marks


def render_text(article: Article) -> Markup:
    """The article's text as HTML, each piece wrapped in the quote, cue and mention elements
    that cover it; meant for an element with ``white-space: pre-wrap``, so the text's own line
    breaks are its paragraphs."""
    text = article.text
    quotes = article.quotes
    colours = speaker_colours(article)
    marks = _marks(article)
    bounds = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    seen: set[int] = set()
    out: list[Markup] = []
    for left, right in itertools.pairwise(bounds):
        active = [m for m in marks if m[0] <= left and m[1] >= right]
        piece = escape(text[left:right])
        if not active:
            out.append(piece)
            continue
        opened: list[Markup] = []
        for index in sorted({m[3] for m in active if m[2] == "quote"}):
            opened.append(_open_quote(quotes[index], colours, first=index not in seen))
            seen.add(index)
        cue_of = sorted({m[3] for m in active if m[2] == "cue"})
        if cue_of:
            ids = " ".join(quotes[i].id for i in cue_of)
            opened.append(Markup('<span class="cue" data-cue-of="{}">').format(ids))
        mention_of = sorted({m[3] for m in active if m[2] == "mention"})
        if mention_of:
            ids = " ".join(quotes[i].id for i in mention_of)
            colour = _colour_class(quotes[mention_of[0]], colours)
            opened.append(Markup('<span class="mention {}" data-mention-of="{}">').format(colour, ids))
        out.append(Markup("").join(opened) + piece + _close(opened))
    return Markup("").join(out)


def _close(opened: list[Markup]) -> Markup:
    """The end tags of ``opened``, innermost first."""
    ends = (Markup("</mark>") if tag.startswith("<mark") else Markup("</span>") for tag in reversed(opened))
    return Markup("").join(ends)


def article_json(article: Article) -> str:
    """The article in the extract schema (what ``newsquotes extract --format json`` prints)."""
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=2)


def quotes_csv(article: Article) -> str:
    """The article's quotes as CSV, one row per quote with the columns of the ``quotes`` table
    (spans as JSON arrays)."""
    columns = SCHEMAS["quotes"].names
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in quote_rows(article):
        writer.writerow(
            [json.dumps(row[c]) if isinstance(row[c], list) else row[c] for c in columns],
        )
    return buffer.getvalue()


def data_uri(content: str, media_type: str) -> str:
    """A ``data:`` URI holding ``content``, for a download link that needs no second request."""
    return f"data:{media_type};charset=utf-8," + urllib.parse.quote(content, safe="")
