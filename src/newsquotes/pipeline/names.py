"""Mention detection for the people registry: names, their titles and roles, and headings.

A name is found by the named-entity recogniser and widened over adjacent proper nouns (the
small pipeline finds "Teigen" where the text says "Chrissy Teigen"), or, where NER missed it,
read off a title ("Ms Hill said") or a speech verb's proper-noun subject. Titles, roles and
nationality words in front of a name are not part of it; they are kept as evidence (a title's
gender, the roles a description can refer back to).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Gender
from .cues import is_cue
from .lexicon import (
    DESCRIPTORS,
    FIRST_NAMES,
    NAME_GENDERS,
    NATIONALITIES,
    ORG_WORDS,
    PEER_TITLES,
    POST_NOMINALS,
    ROLE_NOUNS,
    TITLES,
)

_NAME_LABELS = frozenset({"PERSON", "ORG"})
_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
                  "sec": "secretary", "gen": "general", "lt": "lieutenant", "atty": "attorney",
                  "prof": "professor", "dr": "doctor", "col": "colonel", "capt": "captain",
                  "del": "delegate"}  # fmt: skip
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
# words a title-case heading puts next to a name that are not part of it ("Obama Says")
_HEADING_VERBS = frozenset(
    {"say", "says", "said", "sees", "tells", "warns", "calls", "urges", "slams", "vows"}
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
# UTF-8 read as Latin-1 or Windows-1252 leaves "Ã" or "Â" before a second odd character
_MANGLED = re.compile("[ÃÂ][\x80-\xbf]")


@dataclass(frozen=True, slots=True)
class NameMention:
    """A name as written: its tokens without titles and roles, and what the stripped words say.

    ``gender_token`` is the title or role word whose gender it carries (``Mrs`` in ``Mrs
    Clinton``), ``peer`` a peerage or knighthood title (``Lord``) kept for a name that is
    never given a first name.
    """

    tokens: tuple[Token, ...]
    label: str
    gender: Gender | None = None
    gender_token: Token | None = None
    titled: bool = False
    roles: tuple[str, ...] = ()
    peer: str | None = None

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        last = self.tokens[-1]
        return last.idx + len(last)


def role_word(token: Token) -> str:
    """``Gov.`` -> ``governor``: the word a title or role stands for, lower case."""
    word = token.lower_.rstrip(".")
    return _ABBREVIATIONS.get(word, word)


def is_title(token: Token) -> bool:
    return token.lower_ in TITLES or token.lower_.rstrip(".") in TITLES


def is_role(token: Token) -> bool:
    """A title, role or nationality word that stands before a name but is not part of it."""
    if is_title(token) or token.lower_ in DESCRIPTORS or token.lower_ in NATIONALITIES:
        return True
    return role_word(token) in ROLE_NOUNS


def title_gender(token: Token) -> Gender | None:
    gender = TITLES.get(token.lower_) or TITLES.get(token.lower_.rstrip(".")) or ROLE_NOUNS.get(token.lower_)
    return gender if gender in ("female", "male") else None  # type: ignore[return-value]


def strip_name(tokens: list[Token], label: str) -> NameMention | None:
    """Drop titles and roles before a name (``Homeland Security Secretary Jeh Johnson``) and a
    possessive ending; None where nothing of a name is left (``Shadow Secretary``)."""
    # an organisation's name keeps its words ("Republican National Committee")
    roles = [
        i
        for i, t in enumerate(tokens[:-1])
        if is_role(t) and (label != "ORG" or t.lower_.rstrip(".") in _HONORIFICS)
    ]
    cut = max(roles, default=-1)
    before, rest = tokens[: cut + 1], tokens[cut + 1 :]
    # "PolitiFact Executive Director", but "Citizens for Tax Justice" is one name
    while label == "ORG" and len(rest) > 1 and is_role(rest[-1]) and not any(t.is_stop for t in rest):
        rest = rest[:-1]
    # a possessive ending, or quote marks NER took in ("Donald Trump ''doesn't")
    while rest and (
        rest[-1].tag_ == "POS" or rest[-1].text in ("'s", "’s") or not any(c.isalnum() for c in rest[-1].text)
    ):
        rest = rest[:-1]
    # letters after a name are no part of it: "Guy Mansfield QC", "Ann Smith MP"
    # (but "Bolton West MP" is a constituency's member, not a name)
    while len(rest) > 1 and rest[-1].text.rstrip(".") in POST_NOMINALS and rest[0].lower_ in NAME_GENDERS:
        rest, label = rest[:-1], "PERSON"  # only a person has them, whatever NER says
    # and words before the name NER took in: "federal Securities and Exchange Commission"
    while rest and (not rest[0].text[:1].isalnum() or (rest[0].text[:1].islower() and len(rest) > 1)):
        rest = rest[1:]
    honorific = any(t.lower_.rstrip(".") in _HONORIFICS for t in before)
    if not rest or (not honorific and all(is_role(t) or t.lower_ == "shadow" for t in rest)):
        return None  # "Shadow Secretary"; but "Mr. King" is a name
    gender, gender_token = None, None
    for token in before:
        found = title_gender(token)
        if found is not None:
            gender, gender_token = found, token
    peer = next((t.text for t in before if t.lower_ in PEER_TITLES), None)
    return NameMention(
        tokens=tuple(rest),
        label=label,
        gender=gender,
        gender_token=gender_token,
        titled=any(is_title(t) for t in before),
        roles=tuple(role_word(t) for t in before),
        peer=peer,
    )


def unmangle(text: str) -> str:
    """A word whose UTF-8 was decoded as Latin-1, once or twice over, as scraped news often
    is: "FranÃ\x83Â§ois" is "François". Anything that does not decode back is left alone.
    Composed first (NFC): a decomposed "Ã" is "A" and a combining tilde."""
    text = unicodedata.normalize("NFC", text)
    for _ in range(3):
        if not _MANGLED.search(text):
            break
        try:
            text = text.encode("latin-1").decode("utf-8")
        except UnicodeError:
            break
    return text


def canonical_words(words: tuple[Token, ...] | list[Token]) -> tuple[str, ...]:
    """A name as the registry keys it: parts written together kept together (``Holtz-Eakin``),
    middle initials left out (``John D. Podesta``), straight apostrophes (``O’Neill``), text
    decoded twice repaired (``FranÃ§ois``)."""
    texts: list[str] = []
    for i, token in enumerate(words):
        text = token.text.replace("’", "'")
        if i and not words[i - 1].whitespace_:
            texts[-1] += text
        else:
            texts.append(text)
    texts = [unmangle(text) for text in texts]  # after joining: "FranÃ§ois" may be three tokens
    while len(texts) > 1 and texts[0].lower() == "the":
        texts = texts[1:]
    if len(texts) > 2 and not _INITIAL.match(texts[0]):
        # "Christina N Luis Olidem": an initial without its dot too, after a first name
        bare = texts[0].lower() in NAME_GENDERS
        texts = [
            texts[0],
            *(w for w in texts[1:-1] if not _INITIAL.match(w) and not (bare and len(w) == 1 and w.isupper())),
            texts[-1],
        ]
    return tuple(texts)


def heading_ranges(text: str, body_start: int = 0) -> list[tuple[int, int]]:
    """Lines set in title case (``Obama Says Museum Tells a Story``): headlines and section
    heads, where capitals mark every word and cannot tell a name from the words beside it."""
    ranges = []
    pos = body_start
    for line in text[body_start:].split("\n"):
        words = _WORD.findall(line)
        long = [w for w in words if len(w) >= 4]
        capital = sum(w[0].isupper() for w in long)
        if len(long) >= 2 and len(words) <= 20 and capital >= 0.75 * len(long) and capital >= 2:
            ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return ranges


def _same_line(doc: Doc, a: int, b: int) -> bool:
    # read off the tokens between: doc.text is built anew, whole, on every access
    lo, hi = min(a, b), max(a, b)
    return not any("\n" in doc[i].text_with_ws for i in range(lo, hi))


def _widen_left(doc: Doc, start: int, taken: set[int]) -> int:
    while start > 0:
        token = doc[start - 1]
        if (
            token.pos_ != "PROPN"
            or not token.is_title
            or token.i in taken
            or not _same_line(doc, token.i, start)
        ):
            break
        if is_title(token):
            start -= 1  # "Mrs. Smith": the title's gender is evidence
            continue
        # a capitalised first word of a sentence, or a verb form, is a name only if it is a
        # first name ("Injecting Clinton" is not)
        first_name = token.lower_ in FIRST_NAMES
        if not first_name and (token.is_sent_start or token.lower_.endswith(("ing", "ed"))):
            break
        start -= 1
    return start


def _widen_right(doc: Doc, end: int, taken: set[int]) -> int:
    while end < len(doc):
        token = doc[end]
        joined = not doc[end - 1].whitespace_ and not token.whitespace_
        if token.text == "/" and joined and end + 1 < len(doc):
            after = doc[end + 1]
            if after.pos_ == "PROPN" and after.text[:1].isupper() and after.i not in taken:
                end += 2  # a joint name: "Reuters/Ipsos", "NBC/WSJ"
                continue
        if (
            token.pos_ != "PROPN"
            or not token.is_title
            or token.i in taken
            or not _same_line(doc, end - 1, end)
        ):
            break
        if token.lower_ in _HEADING_VERBS:
            break
        end += 1
    return end


_CONNECTORS = frozenset({"and", "of", "for", "&"})


def _widen_for(doc: Doc, end: int) -> int:
    """An organisation's name NER cut before its *for the* part: "the U.S. Court of Appeals"
    of "the U.S. Court of Appeals for the Sixth Circuit" (NER's "Sixth Circuit" is part of it)."""
    if end + 2 >= len(doc) or doc[end].lower_ != "for" or doc[end + 1].lower_ != "the":
        return end
    stop = end + 2
    while (
        stop < len(doc)
        and doc[stop].is_title
        and doc[stop].pos_ in ("PROPN", "ADJ")
        and _same_line(doc, end, stop)
    ):
        stop += 1
    # the part ends on a proper noun: "for the Sixth Circuit", not "for the first time"
    return stop if stop > end + 2 and doc[stop - 1].pos_ == "PROPN" else end


def _widen_connected(doc: Doc, start: int, taken: set[int]) -> int:
    """``start`` moved left over title-case words joined by *and*, *of*, *for* or *&*, on one
    line: "Central and" of "Central and East European Coalition"."""

    def name_word(token: Token) -> bool:
        return (
            token.is_title
            and token.pos_ in ("PROPN", "ADJ")
            and token.i not in taken
            and not token.is_sent_start
        )

    while (
        start > 1
        and doc[start - 1].lower_ in _CONNECTORS
        and name_word(doc[start - 2])
        and _same_line(doc, start - 2, start)
    ):
        start -= 2
        while start > 0 and name_word(doc[start - 1]):
            start -= 1
    return start


def _split_at_punctuation(tokens: list[Token], label: str) -> list[tuple[list[Token], str]]:
    """NER runs an apposition into one span ("the Family, Theresa May"), a heading into the
    sentence after its colon ("by National Interests: The Human Rights Council is"), or a name
    into its acronym in brackets ("Royal National Institute for Deaf People (RNID"), or a
    headline into the line below ("Chepkemei\n\nLondon Marathon"): a part that opens with a
    first name is a person's name."""
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if token.text in (",", ":", ";", "(", ")") or token.is_space:
            parts.append([])
        else:
            parts[-1].append(token)
        if "\n" in token.whitespace_:
            parts.append([])
    if len(parts) == 1:
        return [(tokens, label)]
    return [(part, "PERSON" if part[0].lower_ in FIRST_NAMES else label) for part in parts if part]


_NICK_MARKS = frozenset('"“”')


def _nicknamed(doc: Doc) -> list[list[Token]]:
    """Names with a nickname in quote marks, which NER breaks up: ``Marcia "Cia" Price`` is
    the name Marcia Price (its tokens, the nickname left out), if a known first name opens it."""
    found: list[list[Token]] = []
    for token in doc:
        i = token.i
        first = token.lower_ in FIRST_NAMES or token.lower_ in NAME_GENDERS
        if not (token.is_title and first and i + 4 < len(doc)):
            continue
        if doc[i + 1].text not in _NICK_MARKS:
            continue
        before = doc[i - 1]
        inside = i > 0 and before.pos_ == "PROPN" and before.is_title
        if inside and not is_title(before) and not before.text.endswith("."):
            continue  # inside a longer name; "Del." is a title
        close = next((j for j in (i + 3, i + 4) if doc[j].text in _NICK_MARKS), None)
        if close is None or not all(t.is_title for t in doc[i + 2 : close]):
            continue
        end = close + 1
        while end < len(doc) and _surname_word(doc[end]):
            end += 1
        if end > close + 1:
            found.append([token, *doc[close + 1 : end]])
    return found


def _surname_word(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.pos_ in ("PROPN", "NOUN")


def find_names(doc: Doc, body_start: int, headings: list[tuple[int, int]]) -> list[NameMention]:
    """Every name mention in the body, in text order; in title-case ``headings`` (from
    :func:`heading_ranges`) only NER's own spans, without widening."""

    def in_heading(token: Token) -> bool:
        return any(a <= token.idx < b for a, b in headings)

    def skipped(token: Token) -> bool:
        return token.idx < body_start or in_heading(token)

    in_ents = {t.i for ent in doc.ents for t in ent}
    spans = [(tokens, "PERSON") for tokens in _nicknamed(doc) if not skipped(tokens[0])]
    nicknamed = {i for tokens, _ in spans for i in range(tokens[0].i, tokens[-1].i + 1)}
    for ent in doc.ents:
        if ent.label_ not in _NAME_LABELS or ent[0].idx < body_start:
            continue
        if any(t.i in nicknamed for t in ent):
            continue
        start, end = ent.start, ent.end
        if in_heading(ent[0]):
            # in title case NER runs a name into the words around it: "Obama Says"
            while end > start and doc[end - 1].lower_ in _HEADING_VERBS:
                end -= 1
            while end > start and doc[start].lower_ in _HEADING_VERBS:
                start += 1
            if end == start:
                continue
        elif end - start == 1:
            others = in_ents - {ent.start}
            start, end = _widen_left(doc, start, others), _widen_right(doc, end, others)
        elif ent.label_ == "ORG":
            end = _widen_for(doc, end)
        if spans and spans[-1][0][-1].i >= start:
            continue
        spans.extend(_split_at_punctuation(list(doc[start:end]), ent.label_))
    covered = {t.i for tokens, _ in spans for t in tokens} | nicknamed
    for token in doc:
        # names NER missed: "Ms Hill said", or a proper-noun subject of a speech verb
        if skipped(token) or token.i in covered or token.pos_ != "PROPN":
            continue
        if token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and doc[token.i - 1].is_title:
            continue
        end = _widen_right(doc, token.i + 1, covered)
        run = list(doc[token.i : end])
        # "Say Mexico demanded": a sentence's capitalised first word that the parse hangs
        # outside the run is no part of the name, unless it is a first name
        first = run[0]
        outside = not token.i <= first.head.i < end
        if len(run) > 1 and first.is_sent_start and first.lower_ not in FIRST_NAMES and outside:
            run = run[1:]
        if any(t.i in covered for t in run) or not all(t.is_title for t in run):
            continue
        if len(run) > 1 and run[-1].lower_ in ORG_WORDS:
            # "the Central and East European Coalition", which NER missed: an organisation
            start = _widen_connected(doc, token.i, covered)
            spans.append((list(doc[start:end]), "ORG"))
            covered.update(range(start, end))
            continue
        titled = is_title(run[0]) and len(run) > 1
        # "Theresa May", which NER reads as a date: a known first name opens a person's name
        first_name = len(run) > 1 and (
            run[0].lower_ in FIRST_NAMES
            # "Mehmet Oz": a rarer first name only where NER saw no entity of any kind
            or (run[0].lower_ in NAME_GENDERS and not any(t.ent_type_ for t in run))
        )
        if titled or first_name or (run[-1].dep_ == "nsubj" and is_cue(run[-1].head)):
            spans.append((run, "PERSON" if titled or first_name else ""))
            covered.update(t.i for t in run)
    names = [strip_name(tokens, label) for tokens, label in sorted(spans, key=lambda s: s[0][0].i)]
    return [name for name in names if name is not None]
