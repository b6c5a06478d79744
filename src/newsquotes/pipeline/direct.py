"""Attribute quote-marked text: the frame around a quote names its cue and speaker.

Frames, in the order they are tried: a lead-in ending in a colon (in the same paragraph or the
one before), the text after the closing mark (``"...," she said`` / ``said Smith`` / a dash
signature), a lead-in ending in a comma or a cue (``Smith said, "..."``), and finally the
quote this one continues (the previous paragraph's or sentence's speaker).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from .cues import cue_tokens, is_cue, mention_bounds, subject_of, tokens_in
from .found import Found
from .marks import MarkedQuote

_SENTENCE_END = re.compile(r"[.?!]+[\"'”’)]*(?=\s|$)")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|St|Jr|Sr|Inc|Co|Corp|Prof|Rev|No|vs|U\.S|U\.K)|\b[A-Z])$"
)
_DASH_SIGNATURE = re.compile(r"[^\S\n]*([―—–-]{1,2})\s*(?=[A-Z])")  # no-break spaces too
_AFTER_CUE_WINDOW = 5
_TERMINAL = ".!?…"


def _sentence_ends(text: str, lo: int, hi: int) -> Iterator[int]:
    """Where sentences end in ``text[lo:hi]``; a period after ``Mr`` or ``U.S`` ends none."""
    for match in _SENTENCE_END.finditer(text, lo, hi):
        if not _ABBREVIATION.search(text, max(lo, match.start() - 5), match.start()):
            yield match.end()


def _sentence_end(text: str, start: int, limit: int) -> int:
    return next(_sentence_ends(text, start, limit), limit)


def _sentence_start(text: str, lo: int, end: int) -> int:
    return max(_sentence_ends(text, lo, end), default=lo)


def is_fragment(text: str, quote: MarkedQuote, paragraph_start: int, previous: MarkedQuote | None) -> bool:
    """A quote-marked fragment inside a sentence (``a "couple nights" at``), not a full quote.

    The second half of an interrupted quote (``"A," he said, "b."``) is not a fragment.
    """
    if len(quote.spans) > 1:
        return False
    if previous is not None and previous.outer_end >= paragraph_start:
        between = text[previous.outer_end : quote.open_pos]
        before = text[previous.start : previous.end].rstrip()
        if between.rstrip().endswith(",") and before.endswith(",") and len(between.split()) <= 8:
            return False
    lead = text[paragraph_start : quote.open_pos].rstrip()
    if not lead or lead[-1] in ":":
        return False
    content = text[quote.start : quote.end]
    first = next((ch for ch in content if ch.isalpha()), "")
    if first.islower():
        return True
    words = content.split()
    return len(words) <= 3 and content[-1] not in _TERMINAL and lead[-1].isalnum()


_MINOR_WORDS = frozenset("a an and as at but by for from in into of on or the to vs with".split())


# words after which a capitalised quote names something: 'a clip of "The 411."'
_TITLE_LEADS = frozenset("of titled entitled called named nickname dubbed show program series".split())


def is_name_or_title(text: str, quote: MarkedQuote) -> bool:
    """Quote marks around a name, a title or markup, not speech: ``MSNBC's "Morning Joe"``,
    ``Marcia "Cia" Price``, ``"In Avoiding Tax, Trump Is Merely a Small Fry"``, ``="1474387200"``."""
    content = " ".join(text[a:b] for a, b in quote.spans)
    words = [w.strip(",.;:!?()[]'\"“”‘’") for w in content.split()]
    words = [w for w in words if w]
    if not any(ch.isalpha() for ch in content):
        return True
    significant = [w for w in words if w.lower() not in _MINOR_WORDS]
    if not significant:
        return True  # detainee 'A', "the"
    if len(words) > 12:
        return False
    capitalised = all(w[0].isupper() or not w[0].isalpha() for w in significant)
    if not capitalised:
        return False
    # a headline quote ends like a sentence: "'You Should Be Criminally Investigated.'"
    if content.rstrip(" '\"”’")[-1:] not in ".!?":
        return True
    # ... but a title stays a title with a full stop: a subheading standing as its own
    # paragraph ("'Legend in the Coal Fields.'"), a show or document named after a possessive
    # or a naming word (NBC's "Nightly News.", his 1994 "Contract with America.")
    if len(words) > 8:
        return False
    before = text[: quote.open_pos].rstrip(" \t")
    after = text[quote.outer_end :].lstrip(" \t")
    if (not before or before.endswith("\n")) and (not after or after.startswith("\n")):
        return True
    last = before.split()[-1].lower() if before.split() else ""
    return last.endswith(("'s", "’s")) or last in _TITLE_LEADS or last.isdigit()


def _frame_speaker(frame: list[Token], cue: Token) -> Token | None:
    """The speaker of a lead-in: the cue's own subject, else the frame's main subject
    (``Teigen explained why ... and said:`` is Teigen's, whatever the parser attached)."""
    if any(c.dep_ == "nsubj" for c in cue.children):
        return subject_of(cue)
    inside = {t.i for t in frame}
    for token in frame:
        if token.head.i not in inside or token.dep_ == "ROOT":
            subjects = [c for c in token.children if c.dep_ == "nsubj" and c.i in inside]
            if subjects:
                return subjects[0]
    return subject_of(cue)


def _name_after_dash(doc: Doc, start: int, end: int) -> Token | None:
    tokens = tokens_in(doc, start, end)
    names = [t for t in tokens if t.pos_ == "PROPN"]
    return names[-1] if names and names[0].i - tokens[0].i <= 2 else None


class DirectAttributor:
    """Attributes the marked quotes of one document, in text order."""

    def __init__(self, doc: Doc, text: str, paragraphs: Sequence[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = text  # doc.text, read once: spaCy builds it anew on every access
        self.paragraphs = paragraphs

    def _paragraph(self, pos: int) -> tuple[int, int, int]:
        for index, (lo, hi) in enumerate(self.paragraphs):
            if lo <= pos < hi:
                return index, lo, hi
        return -1, pos, pos

    def attribute(self, quotes: Sequence[MarkedQuote]) -> list[Found]:
        found: list[Found] = []
        previous: Found | None = None
        previous_para = -2
        skip: set[int] = set()
        for n, quote in enumerate(quotes):
            if n in skip:
                continue
            para, lo, hi = self._paragraph(quote.open_pos)
            nxt = quotes[n + 1] if n + 1 < len(quotes) else None
            bound = nxt.open_pos if nxt is not None and nxt.open_pos < hi else hi
            record = self._lead_in(quote, lo, colon_only=True)
            after = None
            if record is not None and self._bare_colon(record):
                # 'Trump is recorded in detail: "Here comes Big Daddy," she said': the cue
                # after the quote names its speaker, a colon with no verb of saying does not
                after = self._after(quote, bound)
                if after is not None and after.subject is not None:
                    record = after
                else:
                    after = None
            if record is None:
                after = self._after(quote, bound)
                record = after or self._lead_in(quote, lo, colon_only=False)
            if record is None and previous is not None and para - previous_para <= 1:
                record = Found(
                    type="direct",
                    spans=quote.spans,
                    cue_spans=previous.cue_spans,
                    subject=previous.subject,
                    mention=previous.mention,
                    confidence=0.6,
                    inherited=True,
                )
            if record is None:
                record = Found(type="direct", spans=quote.spans, confidence=0.3)
            if (
                after is not None
                and nxt is not None
                and nxt.open_pos < hi
                and (self._interrupts(quote, nxt) or self._continues(quote, nxt, quotes[n + 2 :], hi))
            ):
                record.spans = record.spans + nxt.spans
                skip.add(n + 1)
            found.append(record)
            if record.subject is not None:
                previous = record
            previous_para = self._paragraph(quotes[max(skip | {n})].spans[-1][0])[0]
        return found

    def _bare_colon(self, record: Found) -> bool:
        return len(record.cue_spans) == 1 and self.text[slice(*record.cue_spans[0])] == ":"

    def _continues(self, quote: MarkedQuote, nxt: MarkedQuote, rest: Sequence[MarkedQuote], hi: int) -> bool:
        """``"A," Reed said. "B."``: the quote goes on after its frame, in the same paragraph,
        and the second part has no frame of its own."""
        if "\n" in self.text[quote.outer_end : nxt.open_pos]:
            return False
        if self.text[_sentence_end(self.text, quote.outer_end, nxt.open_pos) : nxt.open_pos].strip():
            return False
        bound = rest[0].open_pos if rest and rest[0].open_pos < hi else hi
        return self._after(nxt, bound) is None

    def _interrupts(self, quote: MarkedQuote, nxt: MarkedQuote) -> bool:
        """``"A," he said, "b."``: one quote in two parts around its frame."""
        between = self.text[quote.outer_end : nxt.open_pos]
        if "\n" in between or not between.rstrip().endswith(","):
            return False
        content = self.text[quote.start : quote.end].rstrip()
        return bool(content) and content[-1] in ",—–-" and len(between.split()) <= 8

    def _record(
        self,
        quote: MarkedQuote,
        cue: Token | None,
        subject: Token | None,
        cue_spans: tuple[tuple[int, int], ...],
        confidence: float,
    ) -> Found:
        if cue is not None and not cue_spans:
            cue_spans = tuple((t.idx, t.idx + len(t)) for t in cue_tokens(cue))
        return Found(
            type="direct",
            spans=quote.spans,
            cue_spans=cue_spans,
            subject=subject,
            mention=mention_bounds(subject) if subject is not None else None,
            confidence=confidence if subject is not None else 0.4,
        )

    def _lead_in(self, quote: MarkedQuote, lo: int, *, colon_only: bool) -> Found | None:
        text = self.text
        start = _sentence_start(text, lo, quote.open_pos)
        end = quote.open_pos
        lead = text[start:end].rstrip()
        if not lead and start == lo and quote.open_pos == lo:
            # a colon lead-in that closes the previous paragraph
            index = self._paragraph(lo)[0]
            if index <= 0:
                return None
            plo, phi = self.paragraphs[index - 1]
            if not text[plo:phi].rstrip().endswith(":"):
                return None
            start, end = _sentence_start(text, plo, phi - 1), phi
            lead = text[start:end].rstrip()
        if not lead:
            return None
        last = lead[-1]
        if colon_only and last != ":":
            return None
        frame = tokens_in(self.doc, start, start + len(lead))
        if not frame:
            return None
        cues = [t for t in frame if is_cue(t)]
        if last == ":":
            colon = start + len(lead) - 1
            if cues:
                cue = cues[-1]
                return self._record(quote, cue, _frame_speaker(frame, cue), (), 0.9)
            subject = _frame_speaker(frame, frame[-1])
            if subject is None:
                heads = [t for t in frame if t.pos_ in ("PROPN", "NOUN", "PRON")]
                subject = heads[-1] if heads else None
            return self._record(quote, None, subject, ((colon, colon + 1),), 0.75)
        near = cues and (last != "," or frame[-1].i - cues[-1].i <= _AFTER_CUE_WINDOW)
        if near and (last == "," or is_cue(frame[-1])):
            cue = cues[-1]
            return self._record(quote, cue, _frame_speaker(frame, cue), (), 0.85)
        return None

    def _after(self, quote: MarkedQuote, bound: int) -> Found | None:
        text = self.text
        start = quote.outer_end
        if quote.close_pos is None or start >= bound:
            return None
        dash = _DASH_SIGNATURE.match(text, start, bound)
        if dash is not None:
            name = _name_after_dash(self.doc, dash.end(), bound)
            if name is not None:
                return self._record(quote, None, name, (dash.span(1),), 0.8)
        end = _sentence_end(text, start, bound)
        frame = tokens_in(self.doc, start, end)
        content = text[quote.start : quote.end].rstrip()
        after = text[start:end].lstrip()
        if not frame or not after:
            return None
        cue = next((t for t in frame[: _AFTER_CUE_WINDOW + 1] if is_cue(t)), None)
        if cue is None:
            return None
        ends_sentence = content.endswith(".") and not after[0].islower() and after[0] != ","
        if ends_sentence and any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
            return None  # '"..." Smith said the plan ...': a new sentence with its own content
        subject = subject_of(cue)
        if subject is not None and subject.idx < start:
            subject = None  # the parser took a word of the quote itself ('"Full panic mode," said Wimes')
        if subject is None:
            # the last subject before the cue ('"..." police Chief Chuck Jordan said Monday'),
            # else the first noun after it ('"..." said Leslie Wimes')
            nouns = [t for t in frame if t.i != cue.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
            before = [t for t in nouns if t.i < cue.i and t.dep_ == "nsubj"]
            later = [t for t in nouns if t.i > cue.i]
            subject = before[-1] if before else later[0] if later else None
        return self._record(quote, cue, subject, (), 0.9)


# "PENCE: Well, look, ..." in an interview transcript: a speaker label in capitals, a colon
_TURN = re.compile(r"[\"“]?([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}):[ \t]+(\S[^\n]*)")


def transcript_turns(doc: Doc, paras: list[tuple[int, int]], text: str | None = None) -> list[Found]:
    """Turns of an interview transcript: each paragraph that opens with a speaker's label in
    capitals and a colon is that speaker's words, quote marks or not."""
    text = doc.text if text is None else text
    found = []
    for lo, hi in paras:
        match = _TURN.match(text, lo, hi)
        if match is None or sum(c.isalpha() for c in match.group(1)) < 2:
            continue
        label = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        start, end = match.start(2), match.end(2)
        while end > start and (text[end - 1].isspace() or text[end - 1] in '"”'):
            end -= 1
        if label is None or end <= start:
            continue
        colon = match.end(1)
        found.append(
            Found(
                type="direct",
                spans=((start, end),),
                cue_spans=((colon, colon + 1),),
                subject=label.root,
                mention=(match.start(1), match.end(1)),
                confidence=0.85,
            )
        )
    return found
