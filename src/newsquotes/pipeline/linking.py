"""Join the tagger's source, cue and content spans into attributions, and merge them with the
rule engine's quotes.

The tagger marks spans but not which belong together. News prose keeps an attribution's parts
close: each content fragment joins the nearest cue in its paragraph (or, for a quote that runs
on over a paragraph break, the paragraph before), and each source joins its nearest cue. A
content interrupted by its cue (``"We won," he said, "and we will again."``) thus comes out as
one discontinuous content.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..evaluate.match import classify_content
from ..model import QuoteType, Spans
from .cues import mention_bounds, subject_of, tokens_in
from .found import Found
from .tagger import RoleSpan

_PARAGRAPH_COST = 400  # characters a paragraph break counts as, when measuring distance
_MAX_DISTANCE = 600  # a content farther from every cue than this stands without one
# a tagged content this short is a stray tag ("of", "Clinton", "that"), not something said
MIN_CONTENT_WORDS = 3
# a model fragment this much inside the rules' direct quotes is that quote, tagged again
_COVER = 0.9


@dataclass(frozen=True, slots=True)
class _Breaks:
    """Offsets of paragraph breaks, to count those between two positions."""

    offsets: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> _Breaks:
        return cls(tuple(i for i, char in enumerate(text) if char == "\n"))

    def between(self, a: int, b: int) -> int:
        lo, hi = min(a, b), max(a, b)
        return bisect.bisect_left(self.offsets, hi) - bisect.bisect_left(self.offsets, lo)


def _distance(a: RoleSpan, b: RoleSpan, breaks: _Breaks) -> int:
    if a.end <= b.start:
        gap, lo, hi = b.start - a.end, a.end, b.start
    elif b.end <= a.start:
        gap, lo, hi = a.start - b.end, b.end, a.start
    else:
        return 0
    return gap + _PARAGRAPH_COST * breaks.between(lo, hi)


def _words(text: str, span: RoleSpan) -> int:
    return sum(1 for word in text[span.start : span.end].split() if any(c.isalnum() for c in word))


def _nearest(span: RoleSpan, cues: Sequence[RoleSpan], breaks: _Breaks) -> int | None:
    best: tuple[int, int] | None = None
    for n, cue in enumerate(cues):
        distance = _distance(span, cue, breaks)
        if distance <= _MAX_DISTANCE and (best is None or distance < best[0]):
            best = (distance, n)
    return None if best is None else best[1]


def link(doc: Doc, spans: Sequence[RoleSpan], parse_sources: bool = True) -> list[Found]:
    """Attributions built from tagged spans: content with its cue and source, if any.

    A cue the tagger gave no source takes, with ``parse_sources``, the cue verb's subject from
    the dependency parse (as the rules do), so a pronoun or a name the tagger missed still speaks.
    """
    text = doc.text  # built anew on every access: read it once
    breaks = _Breaks.of(text)
    cues = [s for s in spans if s.role == "cue"]
    contents: dict[int | None, list[RoleSpan]] = {}
    for span in spans:
        if span.role == "content" and _words(text, span) >= MIN_CONTENT_WORDS:
            contents.setdefault(_nearest(span, cues, breaks), []).append(span)
    candidates: dict[int, list[RoleSpan]] = {}
    for span in spans:
        if span.role != "source":
            continue
        n = _nearest(span, cues, breaks)
        if n is not None:
            candidates.setdefault(n, []).append(span)
    subjects = {n: _parsed_subject(doc, cues[n]) for n in {*candidates, *contents} if n is not None}
    sources = {n: _source_of(cues[n], subjects[n], near, breaks) for n, near in candidates.items()}
    found: list[Found] = []
    for n, parts in contents.items():
        if n is None:
            # no cue near: every fragment is its own attribution with no cue or source
            found.extend(_found(doc, text, [part], None, None, None) for part in parts)
            continue
        cue, source = cues[n], sources.get(n)
        subject = subjects[n] if source is not None or parse_sources else None
        for group in _interrupted(text, sorted(parts, key=lambda p: p.start), (cue, source)):
            found.append(_found(doc, text, group, cue, source, subject))
    return found


def _interrupted(
    text: str, parts: list[RoleSpan], frame: tuple[RoleSpan | None, ...]
) -> list[list[RoleSpan]]:
    """Contents of one cue, grouped: two fragments are one content only where nothing but the
    attribution's own cue or source (and punctuation) lies between them; a content further on,
    past words of its own, is a separate attribution of the same speaker."""
    groups: list[list[RoleSpan]] = []
    for part in parts:
        if groups:
            gap = set(range(groups[-1][-1].end, part.start))
            for span in frame:
                if span is not None:
                    gap -= set(range(span.start, span.end))
            if all(not text[i].isalnum() for i in gap):
                groups[-1].append(part)
                continue
        groups.append([part])
    return groups


def _found(
    doc: Doc,
    text: str,
    parts: list[RoleSpan],
    cue: RoleSpan | None,
    source: RoleSpan | None,
    parsed: Token | None,
) -> Found:
    """One attribution. The speaker is the tagged ``source`` (headed by the cue's ``parsed``
    subject when that lies inside it), else the ``parsed`` subject itself, if given."""
    spans = tuple(sorted((p.start, p.end) for p in parts))
    subject = mention = None
    if source is not None:
        span = doc.char_span(source.start, source.end, alignment_mode="expand")
        if span is not None and len(span):
            inside = parsed is not None and span.start <= parsed.i < span.end
            subject, mention = (parsed if inside else span.root), (source.start, source.end)
    elif parsed is not None:
        subject, mention = parsed, mention_bounds(parsed)
    scores = [p.score for p in parts] + [s.score for s in (cue, source) if s is not None]
    return Found(
        type=_kind(text, spans),
        spans=spans,
        cue_spans=((cue.start, cue.end),) if cue is not None else (),
        subject=subject,
        mention=mention,
        confidence=round(min(scores), 2),
    )


def _kind(text: str, spans: Spans) -> QuoteType:
    kind: QuoteType = classify_content([text[a:b] for a, b in spans])  # type: ignore[assignment]
    return kind


def _source_of(cue: RoleSpan, subject: Token | None, candidates: list[RoleSpan], breaks: _Breaks) -> RoleSpan:
    """The source of ``cue`` among tagged spans: the one holding the cue verb's parsed
    ``subject``, else the nearest (a name in an apposition may lie nearer than the speaker)."""
    if subject is not None:
        for span in candidates:
            if span.start <= subject.idx < span.end:
                return span
    return min(candidates, key=lambda span: _distance(span, cue, breaks))


def _parsed_subject(doc: Doc, cue: RoleSpan) -> Token | None:
    tokens = tokens_in(doc, cue.start, cue.end)
    for token in tokens:
        if token.pos_ in ("VERB", "AUX") or token.lower_ == "according":
            subject = subject_of(token)
            # only a nominal subject names a speaker, not a clause ("what he wanted was said")
            if subject is not None and subject.pos_ in ("PROPN", "PRON", "NOUN"):
                return subject
    return None


def _covered(span: tuple[int, int], quotes: Sequence[Found]) -> float:
    """The share of ``span``'s characters that lie inside one of ``quotes``."""
    a, b = span
    inside = {i for q in quotes for c, d in q.spans for i in range(max(a, c), min(b, d))}
    return len(inside) / max(1, b - a)


def _overlaps(a: Found, b: Found) -> bool:
    return any(x < d and c < y for x, y in a.spans for c, d in b.spans)


def merge(text: str, rules: Sequence[Found], model: Sequence[Found]) -> list[Found]:
    """One list of attributions from the rules' and the model's.

    The model's records stand, but the rules' direct quotes win over the model's content where
    the two overlap: the rules pair quote marks exactly and carry a quote on over paragraph
    breaks. Such a quote keeps the model's cue and source when the model tagged a source, which
    it does more accurately than the rules' frame patterns. A fragment of a model record that
    is nearly all one direct quote of the rules is left to it, so "Addressing critics, Teigen
    wrote: “...”" is a direct quote, not one mixed quote that begins at "Addressing". Rule
    records that overlap nothing of the model's are added.
    """
    direct = [r for r in rules if r.type == "direct"]
    result = []
    for record in model:
        if record.type == "direct" and any(_overlaps(record, r) for r in direct):
            continue
        rest = _unquoted(text, record, direct)
        if rest is not None:
            result.append(rest)
    for rule in direct:
        if any(_overlaps(rule, m) for m in result):
            continue
        twins = [m for m in model if m.mention is not None and _overlaps(m, rule)]
        if twins:
            twin = twins[0]
            rule = replace(rule, cue_spans=twin.cue_spans, subject=twin.subject, mention=twin.mention)
        result.append(rule)
    result += [r for r in rules if r.type != "direct" and not any(_overlaps(r, m) for m in result)]
    return result


def _unquoted(text: str, record: Found, quotes: Sequence[Found]) -> Found | None:
    """``record`` without its fragments that are (nearly all) one of the rules' ``quotes``."""
    keep = tuple(span for span in record.spans if _covered(span, quotes) < _COVER)
    if keep == record.spans:
        return record
    if not keep:
        return None
    return replace(record, spans=keep, type=_kind(text, keep))
