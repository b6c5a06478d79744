"""Join the tagger's source, cue and content spans into attributions, and merge them with the
rule engine's quotes.

The tagger marks spans but not which belong together. News prose keeps an attribution's parts
close: each content fragment joins the nearest cue in its paragraph (or, for a quote that runs
on over a paragraph break, the paragraph before), and each source joins its nearest cue, where
a sentence break between them weighs as distance too (a content ending next to the next
sentence's cue is still the content of its own sentence's cue). A
content interrupted by its cue (``"We won," he said, "and we will again."``) thus comes out as
one discontinuous content.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..model import QuoteType, Spans
from .cues import mention_bounds, sentence_at, subject_of, tokens_in
from .found import Found
from .intervals import Intervals
from .marks import QUOTE_MARKS, classify_content
from .tagger import RoleSpan

_PARAGRAPH_COST = 400  # characters a paragraph break counts as, when measuring distance
_SENTENCE_COST = 300  # and a sentence break
_MAX_DISTANCE = 600  # a content farther from every cue than this stands without one
# a tagged content this short is a stray tag ("of", "Clinton", "that"), not something said
MIN_CONTENT_WORDS = 3


@dataclass(frozen=True, slots=True)
class _Breaks:
    """Offsets of paragraph breaks and sentence starts, to weigh what lies between two
    positions."""

    offsets: tuple[int, ...]
    sentences: tuple[int, ...]

    @classmethod
    def of(cls, text: str, doc: Doc) -> _Breaks:
        starts = tuple(sent.start_char for sent in doc.sents) if doc.has_annotation("SENT_START") else ()
        return cls(tuple(i for i, char in enumerate(text) if char == "\n"), starts)

    def cost(self, a: int, b: int) -> int:
        lo, hi = min(a, b), max(a, b)
        paragraphs = bisect.bisect_left(self.offsets, hi) - bisect.bisect_left(self.offsets, lo)
        sentences = bisect.bisect_right(self.sentences, hi) - bisect.bisect_right(self.sentences, lo)
        # one sentence break is the cost, not each: a content runs over many sentences
        return _PARAGRAPH_COST * paragraphs + _SENTENCE_COST * min(sentences, 1)


class _Cues(list[RoleSpan]):
    """Cue spans in text order, indexed so the ones near a point are found by bisection."""

    def __init__(self, cues: Sequence[RoleSpan]) -> None:
        super().__init__(sorted(cues, key=lambda cue: (cue.start, cue.end)))
        self.ranges = Intervals((cue.start, cue.end) for cue in self)


def _distance(a: RoleSpan, b: RoleSpan, breaks: _Breaks) -> int:
    if a.end <= b.start:
        gap, lo, hi = b.start - a.end, a.end, b.start
    elif b.end <= a.start:
        gap, lo, hi = a.start - b.end, b.end, a.start
    else:
        return 0
    return gap + breaks.cost(lo, hi)


def _words(text: str, span: RoleSpan) -> int:
    return sum(1 for word in text[span.start : span.end].split() if any(c.isalnum() for c in word))


def _nearest(span: RoleSpan, cues: _Cues, breaks: _Breaks) -> int | None:
    """The index of the cue nearest ``span``, or None where none lies within ``_MAX_DISTANCE``;
    only cues that close are looked at, so a long article costs linear time."""
    best: tuple[int, int] | None = None
    first = cues.ranges.first_reaching(span.start - _MAX_DISTANCE - 1)
    for n in range(first, len(cues)):
        cue = cues[n]
        if cue.start > span.end + _MAX_DISTANCE:
            break
        distance = _distance(span, cue, breaks)
        if distance <= _MAX_DISTANCE and (best is None or distance < best[0]):
            best = (distance, n)
    return None if best is None else best[1]


def link(
    doc: Doc, spans: Sequence[RoleSpan], parse_sources: bool = True, *, text: str | None = None
) -> list[Found]:
    """Attributions built from tagged spans: content with its cue and source, if any.

    A cue the tagger gave no source takes, with ``parse_sources``, the cue verb's subject from
    the dependency parse (as the rules do), so a pronoun or a name the tagger missed still speaks.
    """
    text = doc.text if text is None else text  # built anew on every access: read it once
    breaks = _Breaks.of(text, doc)
    cues = _Cues([s for s in spans if s.role == "cue"])
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
            # "..., saying that ...": a clause the cue between opens anew is its own content
            cue = frame[0]
            between = cue is not None and groups[-1][-1].end <= cue.start and cue.end <= part.start
            opens = between and text.startswith(("that ", "That "), part.start)
            if all(not text[i].isalnum() for i in gap) and not opens:
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
            root = _named_head(span.root, span.end)
            subject = parsed if inside else root
            mention = _whole_phrase(
                doc, text, root, (source.start, source.end), [*parts, *filter(None, [cue])]
            )
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


def _named_head(root: Token, end: int) -> Token:
    """The name a source cut inside it belongs to: "Senate Minority" of "Senate Minority Leader
    Harry Reid" modifies "Reid"; a headline's "Sanders Vows" modifies no name."""
    head = root
    while head.dep_ == "compound" and head.head.i >= end:
        head = head.head
    return head if head.ent_type_ in ("PERSON", "ORG") else root


def _whole_phrase(
    doc: Doc, text: str, head: Token, mention: tuple[int, int], others: list[RoleSpan]
) -> tuple[int, int]:
    """``mention`` widened to the whole noun phrase ``head`` heads (``Senate Minority`` ->
    ``Senate Minority Leader Harry Reid (D-Nev.)``), where that phrase takes in no other part
    of the attribution."""
    left, right = head.left_edge, head.right_edge
    start, end = left.idx, right.idx + len(right)
    while end > start and text[end - 1] in ",;: \n":
        end -= 1
    start, end = min(start, mention[0]), max(end, mention[1])
    if any(o.start < end and start < o.end for o in others) or sentence_at(doc, head.i).start > left.i:
        return mention
    if "\n" in text[start:end]:
        # "7 p.m.\n\nDonald Trump", "new kit deal\n\nUK Athletics": a time stamp or a headline
        # the parse hangs on the subject is no part of it
        start = max(start, text.rfind("\n", 0, head.idx) + 1)
        line_end = text.find("\n", head.idx)
        end = min(end, line_end) if line_end >= 0 else end
    return start, end


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


def _overlaps(a: Found, b: Found) -> bool:
    return any(x < d and c < y for x, y in a.spans for c, d in b.spans)


def _same_cue(a: Found, b: Found) -> bool:
    return any(x < d and c < y for x, y in a.cue_spans for c, d in b.cue_spans)


def _contains(outer: Found, inner: Found) -> bool:
    return all(any(c <= a and b <= d for c, d in outer.spans) for a, b in inner.spans)


def merge(text: str, rules: Sequence[Found], model: Sequence[Found]) -> list[Found]:
    """One list of attributions from the rules' and the model's, divided by construction.

    - A full quote-marked quote of the rules stands exactly as the rules found it: the model
      never cuts, extends, merges or drops it. A model fragment overlapping it gives way; the
      model record's other fragments stand if they keep a cue of their own and three words;
      the quote's cue and speaker come from the model only where the rules' frame named none.
    - A quote-marked fragment (``a "couple nights" at``) the model reads as part of a reported
      clause is that mixed quote; else the rules' fragment stands.
    - Reported and mixed speech come from the model; a rules' record stands where no model
      record overlaps it.
    """
    direct = [r for r in rules if r.type == "direct"]
    fragments = [r for r in direct if r.fragment or _embedded(text, r)]
    full = [r for r in direct if r not in fragments]
    full_spans = Intervals(span for quote in full for span in quote.spans)
    result: list[Found] = []
    for record in model:
        rest = _cut(text, record, full_spans)
        if rest is None:
            continue
        if rest is not record and any(_same_cue(rest, quote) for quote in full):
            continue  # what is left lost its cue to the quote: "Addressing critics, Teigen wrote: “...”"
        inside = [f for f in fragments if _overlaps(rest, f)]
        if rest.type == "direct" and inside:
            continue  # the rules' fragment, tagged again
        if any(not _contains(rest, f) for f in inside):
            cut = Intervals(span for f in inside if not _contains(rest, f) for span in f.spans)
            rest = _cut(text, rest, cut)
            if rest is None:
                continue
        result.append(rest)
    for quote in full:
        result.append(_framed(quote, model))
    taken = Intervals(span for record in result for span in record.spans)
    result += [f for f in fragments if not any(taken.overlaps(a, b) for a, b in f.spans)]
    taken = Intervals(span for record in result for span in record.spans)
    result += [r for r in rules if r.type != "direct" and not any(taken.overlaps(a, b) for a, b in r.spans)]
    return result


def _embedded(text: str, quote: Found) -> bool:
    """A quote that opens right after a word of the sentence around it (``an episode of
    "Shark Tank."``, ``as "a disgrace"``) belongs to that sentence, whatever its case."""
    before = text[: quote.start].rstrip()
    while before and before[-1] in QUOTE_MARKS:
        before = before[:-1].rstrip()
    return bool(before) and before[-1].isalnum()


def _framed(quote: Found, model: Sequence[Found]) -> Found:
    """A rules' quote whose own frame names no speaker (none found, or only inherited from the
    quote before) takes the model's cue and source, if the model tagged one. Where the frame
    has a speaker, the model may only widen its mention to the tagged source holding it
    (``Tulsa police Chief Chuck Jordan`` for ``Jordan``)."""
    for twin in model:
        if twin.mention is None or not _overlaps(twin, quote):
            continue
        if quote.subject is None or quote.inherited:
            return replace(quote, cue_spans=twin.cue_spans, subject=twin.subject, mention=twin.mention)
        start, end = twin.mention
        if start <= quote.subject.idx < end:
            return replace(quote, mention=twin.mention)
        return quote
    return quote


def _cut(text: str, record: Found, quotes: Intervals) -> Found | None:
    """``record`` without its fragments that overlap one of ``quotes``: a fragment the model
    ran into a rules' quote is that quote tagged again, with narration glued on (``"Tagging
    may be going too far..." Full details of the new powers...``). None if nothing is left."""
    keep = tuple((a, b) for a, b in record.spans if not quotes.overlaps(a, b))
    if keep == record.spans:
        return record
    if not keep or _words(text, RoleSpan("content", keep[0][0], keep[-1][1], 0.0)) < MIN_CONTENT_WORDS:
        return None
    return replace(record, spans=keep, type=_kind(text, keep))
