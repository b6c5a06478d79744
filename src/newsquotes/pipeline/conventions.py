"""The schema's span conventions for reported speech, applied to both engines' attributions.

The tagger marks spans by what they look like; the parse says what they are. A reported
content does not take in the complementizer *that*; it holds one speech act, so it ends where
a second verb coordinated with its cue begins (``asked others to share ... and called for
...``); and a passive cue speaks for its agent only (``was described by X as``): its subject
is the one spoken about or to (``Teigen was praised for sharing ...``), never the speaker;
reported speech without quote marks runs to the end of its cue's complement, and ends with
the sentence of its cue; a cue that interrupts its content (``Too often, Mr. Clarke said,
the mines ...``) leaves the part before it in the content; and a paragraph after a lead-in
ending in a colon (``Limbaugh added:``) is what the lead-in's subject said.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import Spans
from .cues import is_cue, mention_bounds, sentence_at, tokens_in
from .found import Found
from .marks import QUOTE_MARKS, has_quote_mark
from .reported import clause_spans, complement

_LEADING_THAT = ("that ", "that\n")
_COORDINATORS = frozenset({"and", "but", "while", "or"})


def _tokens(doc: Doc, spans: Spans) -> list[Token]:
    return [t for a, b in spans for t in tokens_in(doc, a, b)]


def cue_verb(doc: Doc, record: Found) -> Token | None:
    """The verb of ``record``'s cue, if the cue has one."""
    tokens = _tokens(doc, record.cue_spans)
    # "was praised": the verb, not its auxiliary
    for pos in ("VERB", "AUX"):
        for token in tokens:
            if token.pos_ == pos:
                return token
    return None


def apply_conventions(doc: Doc, text: str, record: Found) -> Found | None:
    """``record`` shaped to the schema's conventions, or None where it is not speech at all.
    ``text`` is ``doc.text``, which spaCy builds anew on every access."""
    if record.type == "direct":
        return record
    verb = cue_verb(doc, record)
    if verb is not None:
        tokens = _tokens(doc, record.spans)
        if _is_topic(text, record, tokens, verb):
            return None
        if _is_passive(verb):
            agent = _agent(verb)
            if agent is None and not has_quote_mark(" ".join(text[a:b] for a, b in record.spans)):
                return None  # "is expected to", "was backed", "was praised for": no speech act
            if agent is not None and _within(record, agent.head):
                return None  # "plans, backed by the UK,": the agent is no content
            subject = agent
            mention = mention_bounds(agent) if agent is not None else None
            record = replace(record, subject=subject, mention=mention)
        record = _one_act(doc, text, record, tokens)
        record = _to_clause_end(text, record, verb)
    record = _one_sentence(doc, text, record)
    return _without_that(text, record)


_TOPIC_CUES = frozenset(
    "address describe recall discuss open talk speak thank praise detail recount remember".split()
)


def _is_topic(text: str, record: Found, tokens: list[Token], verb: Token) -> bool:
    """The topic of a speech act, not something said: the noun phrase a verb that takes one
    has for its object (``opened up about the loss of her baby``, ``Recalling the moments
    following Jack's delivery``), with no clause of the verb's own and no quoted words in it."""
    if verb.lemma_.lower() not in _TOPIC_CUES or has_quote_mark(text[record.start : record.end]):
        return False  # 'praised the "great enthusiasm" of the volunteers': words were said
    if not tokens:
        return False
    first = tokens[0]
    while first.dep_ in ("det", "amod", "compound", "poss", "nummod") and first.head in tokens:
        first = first.head
    attached = first.head.i == verb.i or (first.head.dep_ == "prep" and first.head.head.i == verb.i)
    clauses = any(t.head.i == verb.i and t.dep_ in ("ccomp", "xcomp", "advcl") for t in tokens)
    return attached and first.pos_ in ("NOUN", "PROPN", "PRON") and not clauses


def _within(record: Found, token: Token) -> bool:
    """Does ``record``'s content lie inside the phrase ``token`` heads?"""
    start, end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    return all(start <= a and b <= end for a, b in record.spans)


def _is_passive(verb: Token) -> bool:
    # "was praised"; or a reduced relative, "plans, backed by the UK,"
    reduced = verb.tag_ == "VBN" and verb.dep_ == "acl"
    return reduced or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _one_act(doc: Doc, text: str, record: Found, tokens: list[Token]) -> Found:
    """``record`` ended before a second speech act of its speaker: a verb of saying coordinated
    inside the content with no subject of its own (``asked others to share ... and called for
    ...``; the parse may hang it on either verb). ``tokens`` are the content's."""
    for token in tokens:
        # the parse may also read "and addressed critics" as an adjective of "critics"
        misread = token.dep_ == "amod" and token.i > 0 and doc[token.i - 1].lower_ in _COORDINATORS
        if (
            (token.dep_ == "conj" or misread)
            and token.pos_ == "VERB"
            and (is_cue(token) or token.lemma_.lower() in _TOPIC_CUES)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            and token.i > tokens[0].i
        ):
            cut = token.i if misread else token.left_edge.i
            # the "and" (and a comma) before the second verb go with it
            while cut > tokens[0].i and (doc[cut - 1].lower_ in _COORDINATORS or doc[cut - 1].is_punct):
                cut -= 1
            end = doc[cut].idx
            spans = tuple((a, min(b, end)) for a, b in record.spans if a < end)
            spans = tuple(s for s in (_rstrip(text, s) for s in spans) if s[0] < s[1])
            return replace(record, spans=spans) if spans else record
    return record


def _to_clause_end(text: str, record: Found, verb: Token) -> Found:
    """A reported content the tagger stopped short of its clause's end (``had lost their son``
    before ``, a boy named Jack, late last month``) runs on to the end of the cue's complement."""
    if record.type != "indirect" or len(record.spans) != 1:
        return record
    clause = clause_spans(text, complement(verb))
    if not clause:
        return record
    a, b = record.spans[0]
    start, end = clause[0][0], clause[-1][1]
    if start <= a < end and b < end and len(clause) == 1:
        return replace(record, spans=((a, end),))
    return record


def _one_sentence(doc: Doc, text: str, record: Found) -> Found:
    """Reported speech without quote marks ends with its sentence: a content run on into the
    next one (``the prospects for the EU in 2005. Security, stability ...``) is cut there."""
    if record.type != "indirect" or len(record.spans) != 1:
        return record
    a, b = record.spans[0]
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or not len(span):
        return record
    sent = sentence_at(doc, span[0].i)
    start, end = sent.start_char, sent.end_char
    if end >= b:
        return record
    cue_in = any(start <= c < end for c, _ in record.cue_spans) or not record.cue_spans
    if not cue_in:
        return record
    cut = _rstrip(text, (a, end))
    while cut[1] > cut[0] and text[cut[1] - 1] in ".!?":
        cut = (cut[0], cut[1] - 1)
    return replace(record, spans=(cut,)) if cut[1] > cut[0] else record


def _rstrip(text: str, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
        b -= 1
    return a, b


def _without_that(text: str, record: Found) -> Found:
    """``record`` without a leading complementizer *that* (the schema's span excludes it)."""
    a, b = record.spans[0]
    if text.startswith(_LEADING_THAT, a) and b - a > 5:
        start = a + 4
        while start < b and text[start].isspace():
            start += 1
        return replace(record, spans=((start, b), *record.spans[1:]))
    return record


def join_participles(doc: Doc, text: str, found: list[Found]) -> list[Found]:
    """A reported clause followed by a speech verb's participle and its own content is one
    content: "doctors told her it was time to say goodbye, warning she may not survive"
    reports one statement, which ends where the participle's content ends. The participle's
    own record (cue *warning*, no subject of its own) is dropped into the one before it.
    """
    by_cue = {a: f for f in found if f.type != "direct" for a, _ in f.cue_spans}
    out: list[Found] = []
    absorbed: set[int] = set()
    # a follower starts after the record it joins: it is met, and skipped, later
    for record in sorted(found, key=lambda f: f.start):
        if id(record) in absorbed:
            continue
        follower = _participle_follower(doc, text, record, by_cue) if record.type != "direct" else None
        if follower is not None:
            absorbed.add(id(follower))
            kind = "mixed" if "mixed" in (record.type, follower.type) else record.type
            record = replace(
                record, type=kind, spans=(*record.spans[:-1], (record.spans[-1][0], follower.end))
            )
        out.append(record)
    return out


def _participle_follower(doc: Doc, text: str, record: Found, by_cue: dict[int, Found]) -> Found | None:
    """The record whose cue is a speech participle right after ``record`` (", warning"),
    modifying a verb of ``record`` or its cue, with its content starting just after it."""
    end = record.end
    tokens = tokens_in(doc, end, min(len(text), end + 40))
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words or text[end : words[0].idx].strip(" ,\n") or "," not in text[end : words[0].idx]:
        return None
    participle = words[0]
    if (
        participle.tag_ != "VBG"
        or not is_cue(participle)
        or any(c.dep_ == "nsubj" for c in participle.children)
    ):
        return None
    head = participle.head.idx
    if not (record.start <= head < end or any(a == head for a, _ in record.cue_spans)):
        return None
    follower = by_cue.get(participle.idx)
    after = participle.idx + len(participle)
    if follower is None or not after <= follower.start < after + 12:
        return None
    return follower


_RELATIVES = frozenset({"who", "whom", "which", "whose"})
_CUE_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "attr"})


def take_lead_ins(doc: Doc, text: str, found: list[Found]) -> list[Found]:
    """Each record with the speaker of the lead-in before its paragraph, where it has one
    (see :func:`_after_lead_in`)."""
    return [_after_lead_in(doc, text, record) for record in found]


def take_fronted(doc: Doc, text: str, found: list[Found]) -> list[Found]:
    """A reported content whose cue interrupts it takes in the part before the cue: in "Too
    often, Mr. Clarke said, the trees are cut", what Mr. Clarke said starts at *Too often*.
    The part runs from the sentence's start to the comma that opens the interruption."""
    taken = [span for record in found for span in record.spans]
    out = []
    for record in found:
        fronted = _fronted_part(doc, text, record) if record.type != "direct" else None
        if fronted is not None and not any(a < fronted[1] and fronted[0] < b for a, b in taken):
            record = replace(record, spans=(fronted, *record.spans))
        out.append(record)
    return out


def _fronted_part(doc: Doc, text: str, record: Found) -> tuple[int, int] | None:
    if not record.cue_spans:
        return None
    close = record.start
    while close > 0 and (text[close - 1].isspace() or text[close - 1] in QUOTE_MARKS):
        close -= 1
    if close == 0 or text[close - 1] != ",":
        return None
    tokens = tokens_in(doc, record.start, record.end)
    if not tokens:
        return None
    sent = sentence_at(doc, tokens[0].i)
    # a sentence may begin with the last paragraph's closing quote mark: start at the paragraph
    start = max(sent.start_char, text.rfind("\n", 0, close) + 1)
    open_ = text.rfind(",", start, close - 1)
    if open_ <= start:
        return None
    # the interruption holds the cue and its speaker, and little else ("in a June report")
    inside = (open_ + 1, close - 1)
    gap = text[inside[0] : inside[1]]
    if not all(inside[0] <= a and b <= inside[1] for a, b in record.cue_spans):
        return None
    if record.mention is None or not inside[0] <= record.mention[0] < inside[1]:
        return None
    if len(gap.split()) > 12 or has_quote_mark(gap) or "\n" in text[start:close]:
        return None
    cue = _tokens(doc, record.cue_spans)
    if any(t.head in cue and t.dep_ in _CUE_OBJECTS for t in tokens_in(doc, *inside)):
        return None  # "Of the 12 regions, 11 showed stronger growth, with ...": no interruption
    part = text[start:open_]
    if has_quote_mark(part) or not part.strip():
        return None
    words = [t for t in tokens_in(doc, start, open_) if not t.is_space]
    if any(is_cue(t) for t in words):
        return None  # "The IMF said that, according to data by the Liberians, ...": its own act
    # "an officer who works for RT and, Mr. King said, ...": what was said starts mid-sentence
    if any(t.lower_ in _RELATIVES for t in words):
        return None
    # "But, he said, ...": the conjunction joins the sentence to the story, not to the content
    while words and words[0].pos_ == "CCONJ":
        words = words[1:]
    # "If, as I've suggested, ...": the condition is the writer's
    if not words or (len(words) == 1 and words[0].pos_ == "SCONJ"):
        return None
    return (words[0].idx, open_)


def _after_lead_in(doc: Doc, text: str, record: Found) -> Found:
    """A paragraph after a lead-in ending with a colon (``Limbaugh added:``, ``The
    governor continued:``) is what the lead-in's subject said, where nothing outside the
    paragraph speaks for it already (a source inside it, "you", is the speaker's word)."""
    start = record.start
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t\"'“‘"):
        return record  # not the paragraph's start
    if record.mention is not None and not record.start <= record.mention[0] < record.end:
        return record
    before = text[:line_start].rstrip()
    if not before.endswith(":"):
        return record
    lead = before.rfind("\n") + 1
    tokens = tokens_in(doc, lead, len(before))
    cues = [t for t in tokens if is_cue(t) and any(c.dep_ == "nsubj" for c in t.children)]
    if not cues:
        return record
    cue = cues[-1]
    subject = next(c for c in cue.children if c.dep_ == "nsubj")
    return replace(
        record,
        subject=subject,
        mention=mention_bounds(subject),
        cue_spans=((cue.idx, cue.idx + len(cue)),),
    )
