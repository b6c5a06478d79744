"""Run every rule stage on one parsed document and return the final records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import EntityKind, Mention, Person, Quote, QuoteType, Spans, Speaker
from .conventions import apply_conventions, join_participles, take_fronted, take_lead_ins
from .cues import cue_tokens, is_cue, mention_bounds, sentence_at
from .direct import DirectAttributor, is_fragment, is_name_or_title, transcript_turns
from .found import Found
from .lexicon import ARTIFACTS, ROLE_NOUNS
from .linking import link, merge
from .marks import MarkedQuote, MarkScan, find_marked_quotes, paragraphs
from .names import role_word
from .people import Registry
from .reported import clause_spans, find_reported, governs_direct
from .tagger import RoleSpan


@dataclass(frozen=True, slots=True)
class Analysis:
    """What one document yields: quotes, the people registry, and marks that were dropped."""

    quotes: tuple[Quote, ...]
    people: tuple[Person, ...]
    dropped_marks: int


def _paragraph_start(paras: list[tuple[int, int]], pos: int) -> int:
    return next((lo for lo, hi in paras if lo <= pos < hi), pos)


# a cue's complement: its object, or a clause ("said the tool was a "bad idea"")
_OBJECT_DEPS = frozenset({"dobj", "pobj", "prep", "attr", "oprd", "dative", "ccomp", "xcomp"})


def _object_on_path(token: Token, cue: Token) -> Token | None:
    """The cue's object child on the way up from ``token``, if the way passes through objects."""
    while token.head.i != token.i and token.head.i != cue.i:
        token = token.head
    return token if token.head.i == cue.i and token.dep_ in _OBJECT_DEPS else None


def _fragment_speaker(
    doc: Doc, text: str, fragment: MarkedQuote, regions: list[tuple[int, int]]
) -> Found | None:
    """A fragment outside any reported clause is the speaker's if its sentence has a cue with a
    subject (``Describing the moment it was "time to let go," Teigen said``); else it is a scare
    quote or a title, not a quotation."""
    span = doc.char_span(fragment.start, fragment.end, alignment_mode="expand")
    if span is None:
        return None
    sent = sentence_at(doc, span.start)
    candidates: list[Token] = [
        t
        for t in sent
        if is_cue(t)
        and any(c.dep_ == "nsubj" for c in t.children)
        and not any(a <= t.idx < b for a, b in regions)
        and not fragment.open_pos <= t.idx < fragment.outer_end
    ]
    if not candidates:
        return None
    cue = min(candidates, key=lambda t: abs(t.idx - fragment.start))
    subject = next(c for c in cue.children if c.dep_ == "nsubj")
    spans: Spans = fragment.spans
    kind: QuoteType = "direct"
    complement = _object_on_path(span.root, cue)
    if complement is not None and not governs_direct(cue, regions):
        # 'called for a "use it or lose it" approach to voting': the object is the content
        clause = clause_spans(text, [t for t in complement.subtree if t.i != cue.i])
        if clause and clause[0][0] <= fragment.start and fragment.end <= clause[-1][1]:
            spans, kind = clause, "mixed"
    return Found(
        type=kind,
        spans=spans,
        cue_spans=tuple((t.idx, t.idx + len(t)) for t in cue_tokens(cue)),
        subject=subject,
        mention=mention_bounds(subject),
        confidence=0.6,
        fragment=kind == "direct",
    )


def _coordinated(text: str, record: Found, fragment: MarkedQuote) -> bool:
    """The fragment follows the record's clause with only a coordinator between."""
    return record.end <= fragment.open_pos and text[record.end : fragment.open_pos].strip(" ,") in _JOINING


_JOINING = frozenset({"but", "and", "or", "but rather", "not"})


def find_by_rules(
    doc: Doc, body_start: int = 0, text: str | None = None, scan: MarkScan | None = None
) -> tuple[list[Found], int]:
    """Every attribution the rules find, and the number of quote marks dropped as unpaired
    (``text`` is ``doc.text`` and ``scan`` its quote marks, if the caller has them)."""
    text = doc.text if text is None else text
    scan = find_marked_quotes(text, body_start) if scan is None else scan
    paras = paragraphs(text, body_start)
    full: list[MarkedQuote] = []
    fragments: list[MarkedQuote] = []
    for n, quote in enumerate(scan.quotes):
        if is_name_or_title(text, quote):
            continue
        previous = scan.quotes[n - 1] if n > 0 else None
        if is_fragment(text, quote, _paragraph_start(paras, quote.open_pos), previous):
            fragments.append(quote)
        else:
            full.append(quote)
    turns = transcript_turns(doc, paras, text)
    turn_spans = [span for turn in turns for span in turn.spans]
    # a transcript's turns are its quotes; marks around a turn only open or close it
    full = [q for q in full if not any(a < q.end and q.start < b for a, b in turn_spans)]
    found = DirectAttributor(doc, text, paras).attribute(full) + turns
    regions = [(q.open_pos, q.outer_end) for q in full]
    reported = find_reported(doc, body_start, regions, text)
    for fragment in fragments:
        if any(r.start <= fragment.start and fragment.end <= r.end for r in reported):
            continue
        holder = next(
            (r for r in reported if r.start <= fragment.start < r.end or _coordinated(text, r, fragment)),
            None,
        )
        itself = holder is not None and text[holder.start : fragment.open_pos].strip() in ("", "that")
        if holder is not None and not itself:
            # 'said some did not "understand our history, they are weak ..."': a clause cut
            # inside the marks runs on to the closing mark, one mixed quote; so does one
            # stopped at "but" ('the issue is not globalisation but "the terms of ..."')
            *before, (start, end) = holder.spans
            holder.spans = (*before, (start, max(end, fragment.outer_end)))
            holder.type = "mixed"
            continue
        record = _fragment_speaker(doc, text, fragment, regions)
        if record is not None:
            found.append(record)
            if itself and holder is not None and holder.end <= fragment.outer_end:
                reported.remove(holder)  # the clause is the quote itself: a direct quote, once
    found.extend(reported)
    return found, scan.dropped


def analyze(
    doc: Doc,
    body_start: int = 0,
    tags: Sequence[RoleSpan] | None = None,
    headline: tuple[int, int] | None = None,
    text: str | None = None,
) -> Analysis:
    """Find, attribute and resolve every quote in ``doc``, ignoring text before ``body_start``.

    With ``tags`` (the learned tagger's spans) the model's attributions are merged with the
    rules' (see :func:`~newsquotes.pipeline.linking.merge`); without them the rules work alone.
    Nothing in the ``headline`` is a quote: a headline's quote marks hedge a claim the body
    attributes properly (``Rank 'set to sell off film unit'``).
    """
    # spaCy builds doc.text anew, whole, on every access: once per document, passed down
    text = doc.text if text is None else text
    scan = find_marked_quotes(text, body_start)
    found, dropped = find_by_rules(doc, body_start, text, scan)
    found = _shaped(doc, text, found)
    if tags is not None:
        found = merge(text, found, _shaped(doc, text, link(doc, tags, text=text)))
    found = take_fronted(doc, text, take_lead_ins(doc, text, join_participles(doc, text, found)))
    if headline is not None:
        found = [record for record in found if not headline[0] <= record.start < headline[1]]
    quoted = [(q.open_pos, q.outer_end) for q in scan.quotes]
    return resolve(doc, found, dropped, body_start, text, quoted)


def _shaped(doc: Doc, text: str, found: list[Found]) -> list[Found]:
    return [shaped for record in found if (shaped := apply_conventions(doc, text, record)) is not None]


def resolve(
    doc: Doc,
    found: list[Found],
    dropped: int,
    body_start: int = 0,
    text: str | None = None,
    quoted: list[tuple[int, int]] | None = None,
) -> Analysis:
    """Resolve speakers through the article's people registry and make the final records."""
    text = doc.text if text is None else text
    registry = Registry(doc, body_start, text=text, quoted=quoted)
    quotes = []
    for n, record in enumerate(sorted(found, key=lambda f: (f.start, -f.end)), start=1):
        name, kind = _speaker(doc, text, record, registry)
        quotes.append(_to_quote(text, n, record, name, kind))
    return Analysis(tuple(quotes), registry.people(), dropped)


def _speaker(doc: Doc, text: str, record: Found, registry: Registry) -> tuple[str | None, EntityKind | None]:
    """The canonical name and kind of ``record``'s speaker, each mention resolved once (a
    resolution records the mention on its entity)."""
    resolved: tuple[str | None, EntityKind | None] = (None, None)
    if record.subject is not None and record.mention is not None:
        resolved = registry.resolve(record.subject, record.mention)
    if record.type == "direct" or resolved[0] is not None or _unnamed_on_purpose(record.subject):
        return resolved
    return _governing_subject(doc, text, record, registry) or resolved


def _unnamed_on_purpose(head: Token | None) -> bool:
    """A source that names no one and need not: ``it said``, ``top black lawmakers``, ``5
    percent``, ``the media``, ``an architect``, ``research from a bank``."""
    if head is None:
        return False
    if head.pos_ == "PRON" or head.like_num or head.tag_ in ("NNS", "NNPS"):
        return True
    return head.lower_ in _COLLECTIVES or role_word(head) in ROLE_NOUNS or head.lemma_.lower() in ARTIFACTS


def _governing_subject(
    doc: Doc, text: str, record: Found, registry: Registry
) -> tuple[str, EntityKind | None] | None:
    """A reported content whose source names no one takes the subject of the clause that
    governs it, where that subject names someone: ``Steyer announced plans this week to give
    ...``, ``Trump has pooh-poohed the consensus that Russia hacked ...``. The record takes
    that subject; its name and kind are returned."""
    start, end = record.start, record.end
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    node = span.root
    for _ in range(_GOVERNING_STEPS):
        if node.head.i == node.i:
            return None
        node = node.head
        if start <= node.idx < end:
            continue
        for child in node.children:
            if child.dep_ != "nsubj" or start <= child.idx < end:
                continue
            if "\n" in (text[child.idx : start] if child.idx < start else text[end : child.idx]):
                return None  # a headline run into the first sentence is no frame
            mention = mention_bounds(child)
            name, kind = registry.resolve(child, mention)
            if name is None:
                return None
            record.subject, record.mention = child, mention
            return name, kind
    return None


_GOVERNING_STEPS = 6
_COLLECTIVES = frozenset({"media", "press", "public", "percent", "majority", "minority", "opposition"})


def _to_quote(text: str, n: int, record: Found, name: str | None, kind: EntityKind | None) -> Quote:
    mention = None
    if record.subject is not None and record.mention is not None:
        start, end = record.mention
        mention = Mention(text[start:end], ((start, end),))
    cue = None
    if record.cue_spans:
        cue = Mention(" ".join(text[a:b] for a, b in record.cue_spans), record.cue_spans)
    confidence = record.confidence
    if record.subject is not None and name is None:
        confidence = min(confidence, 0.5)
    return Quote(
        id=f"q{n}",
        type=record.type,
        text=" ".join(text[a:b] for a, b in record.spans),
        spans=record.spans,
        cue=cue,
        speaker=Speaker(name=name, kind=kind, mention=mention),
        confidence=round(confidence, 2),
    )
