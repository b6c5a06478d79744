"""Reported speech: a cue verb and the clause it reports (``Teigen said Jack was ...``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import cue_tokens, is_according, is_cue, mention_bounds, subject_of
from .found import Found
from .intervals import Intervals
from .lexicon import INFINITIVE_VERBS, QUESTION_VERBS, WH_WORDS
from .marks import QUOTE_CHARS

_MIN_TOKENS = 2
_EDGE_PUNCT = set(".,;:!?-—–()[] \n\t")


def _clause_tokens(head: Token, cue: Token) -> list[Token]:
    """The complement clause under ``head``, without ``that`` and without a clause that only
    looks coordinated with it (``said Jack was delivered ... and addressed critics``)."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ == "mark" and child.lower_ in ("that", "for") and child.i < head.i:
            skip.add(child.i)
        if (
            child.dep_ == "conj"
            and child.tag_ != head.tag_
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        ):
            skip.update(t.i for t in child.subtree)
            skip.update(c.i for c in head.children if c.dep_ == "cc" and c.i < child.i)
    return [t for t in head.subtree if t.i not in skip and t.i != cue.i]


def clause_spans(text: str, tokens: list[Token]) -> tuple[tuple[int, int], ...]:
    """Contiguous runs of tokens as character spans, edge punctuation trimmed (marks kept)."""
    if not tokens:
        return ()
    ordered = sorted(tokens, key=lambda t: t.i)
    runs: list[list[Token]] = [[ordered[0]]]
    for token in ordered[1:]:
        if token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    spans = []
    for run in runs:
        start, end = run[0].idx, run[-1].idx + len(run[-1])
        while start < end and text[start] in _EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in _EDGE_PUNCT:
            end -= 1
        if end > start:
            spans.append((start, end))
    return tuple(spans)


def complement(cue: Token) -> list[Token]:
    """The tokens of what ``cue`` reports, by the parse (empty where it reports nothing)."""
    if is_according(cue):
        clause = cue.head
        while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        exclude = {t.i for t in cue.subtree}
        return [t for t in clause.subtree if t.i not in exclude]
    for child in cue.children:
        if child.dep_ == "ccomp":
            return _clause_tokens(child, cue)
    lemma = cue.lemma_.lower()
    if lemma in INFINITIVE_VERBS:
        for child in cue.children:
            if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                objects = [c for c in cue.children if c.dep_ == "dobj" and c.i < child.i]
                tokens = [t for o in objects for t in o.subtree] + _clause_tokens(child, cue)
                return tokens
    if lemma == "call" and any(c.dep_ == "oprd" for c in cue.children):
        # "called half of Trump's supporters 'deplorables'"
        return [t for c in cue.children if c.dep_ in ("dobj", "oprd") for t in c.subtree]
    if lemma == "call":
        for child in cue.children:
            if child.dep_ == "prep" and child.lower_ == "for":
                return [t for t in child.subtree if t.i != child.i]
            if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children):
                return _clause_tokens(child, cue)
    if cue.dep_ == "parataxis" and any(c.dep_ == "nsubj" for c in cue.children):
        # "The plan, he said, is sound": the content is the sentence around the cue.
        exclude = {t.i for t in cue.subtree}
        return [t for t in cue.head.subtree if t.i not in exclude]
    return []


def overlaps(regions: list[tuple[int, int]] | Intervals, start: int, end: int) -> bool:
    if isinstance(regions, Intervals):
        return regions.overlaps(start, end)
    return any(a < end and start < b for a, b in regions)


def governs_direct(cue: Token, regions: list[tuple[int, int]] | Intervals) -> bool:
    """The cue's clausal complement is a full direct quote (``Teigen said: "..."``)."""
    return any(
        c.dep_ == "ccomp" and overlaps(regions, c.left_edge.idx, c.right_edge.idx + 1) for c in cue.children
    )


def find_reported(
    doc: Doc, body_start: int, direct_regions: list[tuple[int, int]], text: str | None = None
) -> list[Found]:
    """Every cue outside direct quotes with a reported clause; one content per cue.

    ``direct_regions`` are the full direct quotes, marks included; quote-marked fragments are
    not among them, so a clause holding one comes out as a ``mixed`` quote.

    A cue whose complement is a direct quote (``Teigen said: "..."``) is left to the direct
    quote stage. A subjectless participle (``..., warning she may ...``) is spoken by the
    subject of the nearest cue before it in the sentence.
    """

    regions = Intervals(direct_regions)
    found: list[Found] = []
    last_subject: dict[int, Token] = {}
    text = doc.text if text is None else text  # built anew on every access: read it once
    sentence_of = [0] * len(doc)
    for sent in doc.sents:
        sentence_of[sent.start : sent.end] = [sent.start] * len(sent)
    for token in doc:
        if token.idx < body_start or regions.overlaps(token.idx, token.idx + 1) or not is_cue(token):
            continue
        tokens = complement(token)
        if len(tokens) < _MIN_TOKENS:
            continue
        spans = clause_spans(text, tokens)
        if not spans:
            continue
        if regions.overlaps(spans[0][0], spans[-1][1]) or governs_direct(token, regions):
            continue  # the cue governs a direct quote: one content per cue
        first = min(tokens, key=lambda t: t.i)
        if first.lower_ in WH_WORDS and token.lemma_.lower() not in QUESTION_VERBS:
            continue  # "explained why she ...": a speech act with no reported proposition
        sent_start = sentence_of[token.i]
        subject = subject_of(token)
        has_own_subject = any(c.dep_ == "nsubj" for c in token.children)
        if token.tag_ == "VBG" and not has_own_subject and sent_start in last_subject:
            subject = last_subject[sent_start]
        if subject is not None:
            last_subject[sent_start] = subject
        marked = any(ch in QUOTE_CHARS for a, b in spans for ch in text[a:b] if ch not in "'’")
        found.append(
            Found(
                type="mixed" if marked else "indirect",
                spans=spans,
                cue_spans=tuple((t.idx, t.idx + len(t)) for t in cue_tokens(token)),
                subject=subject,
                mention=mention_bounds(subject) if subject is not None else None,
                confidence=0.6 if marked else 0.5,
            )
        )
    return found
