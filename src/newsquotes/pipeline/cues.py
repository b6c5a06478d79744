"""Cue verbs and the speaker mentions they govern, read off spaCy's dependency parse."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .lexicon import PHRASAL_CUES, RELATIVE_PRONOUNS, SPEECH_VERBS

# Children that hang off a name but are not part of the mention: "Teigen, 34," or
# "Teigen, who is also mother to ...," are both the mention "Teigen".
_MENTION_EXCLUDE = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis", "npadvmod", "dep"})
_CLIMB = frozenset({"conj", "advcl", "xcomp", "acl", "pcomp"})


def is_according(token: Token) -> bool:
    """``according`` in ``according to X``."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "according" and nxt is not None and nxt.lower_ == "to"


def is_cue(token: Token) -> bool:
    """A verb of saying, writing or believing, or ``according`` of ``according to``."""
    if is_according(token):
        return True
    if not token.tag_.startswith("VB"):
        return False
    lemma = token.lemma_.lower()
    particle = PHRASAL_CUES.get(lemma)
    if particle is not None:
        return any(c.lower_ == particle and c.dep_ in ("prt", "prep") for c in token.children) or (
            particle == "for" and any(_has_mark(c, "for") for c in token.children)
        )
    return lemma in SPEECH_VERBS


def _has_mark(token: Token, word: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == word for c in token.children)


def cue_tokens(cue: Token) -> list[Token]:
    """The words of a cue: the verb, plus its particle (``called for``) or ``to``."""
    if is_according(cue):
        return [cue, cue.nbor(1)]
    particle = PHRASAL_CUES.get(cue.lemma_.lower())
    doc = cue.doc
    if particle and cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == particle:
        return [cue, doc[cue.i + 1]]
    return [cue]


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens that start inside ``[start, end)`` of the text."""
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if start <= t.idx < end] if span is not None else []


def subject_of(cue: Token) -> Token | None:
    """The token that names who speaks: the cue's subject, directly or through coordination."""
    if is_according(cue):
        to = cue.nbor(1)
        objects = [c for c in to.children if c.dep_ == "pobj"]
        return objects[0] if objects else None
    head = cue
    for _ in range(4):
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE_PRONOUNS and head.dep_ == "relcl":
                return head.head
            return subject
        agents = [c for c in head.children if c.dep_ == "agent"]
        for agent in agents:
            objects = [c for c in agent.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        if head.dep_ not in _CLIMB or head.head.i == head.i:
            return None
        head = _coordinated(cue, head) or head.head
    return None


def _coordinated(cue: Token, head: Token) -> Token | None:
    """The speech verb ``cue`` is really coordinated with, where the parser hung it on that verb's
    complement: in "May said the country would leave and suggested that ...", "suggested" is
    parsed as a conjunct of "leave", but is May's."""
    if head.dep_ != "conj" or head.head.dep_ != "ccomp" or not is_cue(cue):
        return None
    speech = head.head.head
    return speech if is_cue(speech) and speech.i < cue.i else None


def mention_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of the mention headed by ``head``, appositions and clauses left out."""
    keep = {head.i}
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in _MENTION_EXCLUDE or child.i in keep:
                continue
            keep.add(child.i)
            stack.append(child)
    doc = head.doc
    # a hyphen inside a word ("so-called", "Holtz-Eakin") belongs to the mention
    keep.update(
        t.i
        for t in doc[max(0, min(keep) - 1) : max(keep) + 2]
        if t.text == "-" and not t.whitespace_ and t.i > 0 and not doc[t.i - 1].whitespace_
    )
    first = last = head.i
    while first - 1 in keep and doc[first - 1].text not in (",", "(", "—", "–"):
        first -= 1
    while last + 1 in keep and doc[last + 1].text not in (",", "(", "—", "–"):
        last += 1
    if doc[last].tag_ == "POS" and last > first:
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last])


def span_of(doc: Doc, tokens: Iterable[Token]) -> Span:
    ordered = sorted(tokens, key=lambda t: t.i)
    return doc[ordered[0].i : ordered[-1].i + 1]


def sentence_at(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i``, read off its neighbours' sentence starts:
    ``Token.sent`` walks the whole document on every call, quadratic on a long article."""
    first = i
    while first > 0 and not doc[first].is_sent_start:
        first -= 1
    last = i + 1
    while last < len(doc) and not doc[last].is_sent_start:
        last += 1
    return doc[first:last]
