"""The article's registry of people and organisations, and speaker resolution against it.

Names come from named entities, widened over adjacent proper nouns (the small pipeline finds
"Teigen" where the text says "Chrissy Teigen"). Surnames, first names, titles (``Mr Trump``)
and possessives join the full name. A person is told from an organisation by evidence, not by
one NER label: the small pipeline tags most "Teigen" mentions ORG. Pronouns and role
descriptions (``the cookbook author``) resolve to the most salient earlier person of a
compatible gender; gender comes from the text itself (he/she near the name, Mr/Mrs/Ms,
husband/wife). Nothing is named that the article does not name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import EntityKind, Gender, Person
from .cues import is_cue, tokens_in
from .lexicon import (
    DESCRIPTORS,
    FEMALE_NAMES,
    MALE_NAMES,
    ORG_WORDS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    TITLES,
)

_NAME_LABELS = frozenset({"PERSON", "ORG"})
_CONTENT_POS = ("PROPN", "NOUN", "ADJ")
_KIN = {"husband": "male", "wife": "female", "son": "male", "daughter": "female",
        "brother": "male", "sister": "female", "father": "male", "mother": "female",
        "mr": "male", "mrs": "female", "ms": "female"}  # fmt: skip
_PRONOUN_WINDOW_SENTS = 2
_DESCRIPTION_WINDOW_SENTS = 4


@dataclass(slots=True)
class _Entity:
    words: tuple[str, ...]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    person_votes: int = 0
    org_votes: int = 0
    female: int = 0
    male: int = 0
    subject_positions: list[int] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)  # words the text describes it with
    forms: dict[tuple[str, ...], int] = field(default_factory=dict)  # name forms seen, counted

    @property
    def name(self) -> str:
        """The most frequent full form (``Hillary Clinton`` over a one-off ``Hillary Rodham
        Clinton``), else the words it was registered under."""
        full = [(count, -len(form), form) for form, count in self.forms.items() if len(form) > 1]
        return " ".join(max(full)[2] if full else self.words)

    @property
    def gender(self) -> Gender | None:
        if self.female > 2 * self.male:
            return "female"
        if self.male > 2 * self.female:
            return "male"
        return None

    @property
    def kind(self) -> EntityKind:
        if any(w.lower() in ORG_WORDS for w in self.words):
            return "organization"
        if self.female + self.male >= 2 or self.person_votes >= self.org_votes:
            return "person"
        return "organization"


_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
                  "sec": "secretary", "gen": "general", "lt": "lieutenant", "atty": "attorney",
                  "prof": "professor", "dr": "doctor", "col": "colonel", "capt": "captain"}  # fmt: skip
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")


def role_word(token: Token) -> str:
    """``Gov.`` -> ``governor``: the word a title or role stands for, lower case."""
    word = token.lower_.rstrip(".")
    return _ABBREVIATIONS.get(word, word)


def _is_role(token: Token) -> bool:
    word = token.lower_
    if word in TITLES or word.rstrip(".") in TITLES or word in DESCRIPTORS:
        return True
    return role_word(token) in ROLE_NOUNS


def _strip(tokens: list[Token]) -> tuple[list[Token], Gender | None, bool, list[str]]:
    """Drop titles and roles before a name (``Homeland Security Secretary Jeh Johnson``) and a
    possessive ending; return the gender a title gives, whether there was one, and the roles."""
    gender: Gender | None = None
    cut = max((i for i, t in enumerate(tokens[:-1]) if _is_role(t)), default=-1)
    roles = [role_word(t) for t in tokens[: cut + 1]]
    for token in tokens[: cut + 1]:
        g = TITLES.get(token.lower_) or TITLES.get(token.lower_.rstrip(".")) or ROLE_NOUNS.get(token.lower_)
        if g in ("female", "male"):
            gender = g  # type: ignore[assignment]
    titled = any(t.lower_ in TITLES or t.lower_.rstrip(".") in TITLES for t in tokens[: cut + 1])
    tokens = tokens[cut + 1 :]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].text in ("'s", "’s", "'", "’")):
        tokens = tokens[:-1]
    while tokens and not tokens[0].text[:1].isalnum():
        tokens = tokens[1:]
    return tokens, gender, titled, roles


def canonical_words(words: list[Token]) -> tuple[str, ...]:
    """A name as the registry keys it: parts written together kept together (``Holtz-Eakin``),
    middle initials left out (``John D. Podesta``)."""
    texts: list[str] = []
    for i, token in enumerate(words):
        if i and not words[i - 1].whitespace_:
            texts[-1] += token.text
        else:
            texts.append(token.text)
    while len(texts) > 1 and texts[0].lower() == "the":
        texts = texts[1:]
    if len(texts) > 2 and not _INITIAL.match(texts[0]):
        texts = [texts[0], *(w for w in texts[1:-1] if not _INITIAL.match(w)), texts[-1]]
    return tuple(texts)


class Registry:
    """People and organisations named in one document, with every mention joined."""

    def __init__(self, doc: Doc, body_start: int = 0) -> None:
        self.doc = doc
        self._sents = list(doc.sents)
        self._sentence_of = [0] * len(doc)
        for index, sent in enumerate(self._sents):
            self._sentence_of[sent.start : sent.end] = [index] * len(sent)
        self.entities: list[_Entity] = []
        self._by_token: dict[int, _Entity] = {}
        self._build(body_start)
        self._gender_evidence(body_start)

    # building ---------------------------------------------------------------------------
    def _name_spans(self, body_start: int) -> list[tuple[list[Token], str]]:
        doc = self.doc
        spans: list[tuple[list[Token], str]] = []
        for ent in doc.ents:
            if ent.label_ not in _NAME_LABELS or ent.start_char < body_start:
                continue
            start, end = ent.start, ent.end
            if end - start == 1:
                # the small pipeline often finds "Teigen" where the text says "Chrissy Teigen"
                while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
                    start -= 1
                while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
                    end += 1
            if spans and spans[-1][0][-1].i >= start:
                continue
            spans.append((list(doc[start:end]), ent.label_))
        covered = {t.i for tokens, _ in spans for t in tokens}
        for token in doc:
            # names NER missed: "Ms Hill said", or a proper-noun subject of a speech verb
            if token.idx < body_start or token.i in covered or token.pos_ != "PROPN":
                continue
            if token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and doc[token.i - 1].is_title:
                continue
            end = token.i
            while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].is_title:
                end += 1
            run = list(doc[token.i : end + 1])
            if any(t.i in covered for t in run) or not all(t.is_title for t in run):
                continue
            titled = run[0].lower_ in TITLES and len(run) > 1
            if titled or (run[-1].dep_ == "nsubj" and is_cue(run[-1].head)):
                spans.append((run, "PERSON" if titled else ""))
                covered.update(t.i for t in run)
        return sorted(spans, key=lambda item: item[0][0].i)

    def _build(self, body_start: int) -> None:
        Found = tuple[list[Token], str, Gender | None, bool, list[str]]
        full: list[Found] = []
        single: list[Found] = []
        for tokens, label in self._name_spans(body_start):
            words, gender, titled, roles = _strip(tokens)
            if not words:
                continue
            (full if len(words) > 1 else single).append((words, label, gender, titled, roles))
        for words, label, gender, titled, roles in full:
            key = canonical_words(words)
            entity = next((e for e in self.entities if self._same_full(e.words, key)), None)
            if entity is None:
                entity = _Entity(words=key)
                self.entities.append(entity)
            elif len(key) > len(entity.words) and label == "PERSON":
                entity.words = key
            self._add(entity, words, label, gender, titled, roles)
        for words, label, gender, titled, roles in single:
            word, at = words[0].text, words[0].idx
            matches = [e for e in self.entities if len(e.words) > 1 and word in (e.words[-1], e.words[0])]
            if matches:
                # the surname of the person named last: "Johnson" after "Jeh Johnson"
                entity = max(matches, key=lambda e: (e.words[-1] == word, self._last_before(e, at)))
            else:
                entity = next((e for e in self.entities if e.words == (word,)), None)
                if entity is None:
                    entity = _Entity(words=(word,))
                    self.entities.append(entity)
            self._add(entity, words, label, gender, titled, roles)

    @staticmethod
    def _last_before(entity: _Entity, at: int) -> int:
        before = [start for start, _ in entity.mentions if start < at]
        return max(before) if before else -min(start for start, _ in entity.mentions)

    @staticmethod
    def _same_full(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        if a[-1] != b[-1]:
            return False
        short, long = sorted((a, b), key=len)
        # "Hillary Clinton" in "Crooked Hillary Clinton"; "Hillary Rodham Clinton"; "H. Clinton"
        return long[-len(short) :] == short or a[0] == b[0] or (a[0][:1] == b[0][:1] and len(a) != len(b))

    def _add(
        self,
        entity: _Entity,
        words: list[Token],
        label: str,
        gender: Gender | None,
        titled: bool,
        roles: list[str],
    ) -> None:
        entity.mentions.append((words[0].idx, words[-1].idx + len(words[-1])))
        entity.forms[canonical_words(words)] = entity.forms.get(canonical_words(words), 0) + 1
        entity.roles.update(roles)
        if len(words) > 1 and not self._first_name_seen(entity):
            first = words[0].lower_
            if first in FEMALE_NAMES or first in MALE_NAMES:
                entity.person_votes += 2
                if first in FEMALE_NAMES:
                    entity.female += 2
                else:
                    entity.male += 2
        entity.roles.update(self._described_as(words))
        if label == "PERSON" or titled:
            entity.person_votes += 2 if titled else 1
        elif label == "ORG":
            entity.org_votes += 1
        if gender == "female":
            entity.female += 3
        elif gender == "male":
            entity.male += 3
        before = self.doc[words[0].i - 1] if words[0].i > 0 else None
        if before is not None and before.lower_ in _KIN:
            if _KIN[before.lower_] == "female":
                entity.female += 2
            else:
                entity.male += 2
        for token in words:
            self._by_token[token.i] = entity
        if any(t.dep_ == "nsubj" for t in words):
            entity.subject_positions.append(words[0].idx)

    @staticmethod
    def _first_name_seen(entity: _Entity) -> bool:
        return any(len(form) > 1 for form, count in entity.forms.items() if count > 1)

    def _described_as(self, words: list[Token]) -> set[str]:
        """Role words the text ties to a name: ``Indiana Gov. Mike Pence``, ``Mike Pence, the
        Indiana governor,`` or ``the Indiana governor, Mike Pence``."""
        doc = self.doc
        found: set[str] = set()
        i = words[0].i - 1
        while i >= 0 and words[0].i - i <= 4 and doc[i].pos_ in _CONTENT_POS:
            found.add(role_word(doc[i]))
            i -= 1
        head = words[-1]
        for token in (head, head.head):
            for other in (*token.children, token.head):
                appositive = other.dep_ == "appos" or token.dep_ == "appos"
                if appositive and other.pos_ == "NOUN" and role_word(other) in ROLE_NOUNS:
                    found.update(role_word(t) for t in other.subtree if t.pos_ in _CONTENT_POS)
        return found

    def _gender_evidence(self, body_start: int) -> None:
        """he/she credited to a name only where it is the one name in the sentence so far and
        the sentence before: evidence, not a guess between candidates."""
        sents = self._sents
        for index, sent in enumerate(sents):
            window_start = sents[index - 1].start if index > 0 else sent.start
            for token in sent:
                gender = PRONOUN_GENDER.get(token.lower_)
                if gender is None or token.idx < body_start or token.dep_ not in ("nsubj", "nsubjpass"):
                    continue  # "Warren told Stumpf his bank ...": only a subject pronoun is evidence
                names = {
                    id(e): e for i in range(window_start, token.i) if (e := self._by_token.get(i)) is not None
                }
                if len(names) != 1:
                    continue
                self._credit(next(iter(names.values())), gender)

    @staticmethod
    def _credit(entity: _Entity, gender: str) -> None:
        if gender == "female":
            entity.female += 1
        else:
            entity.male += 1

    # resolution -------------------------------------------------------------------------
    def _recent(
        self,
        token: Token,
        gender: Gender | None,
        window: int,
        *,
        count_gender: bool = True,
        kind: EntityKind | None = None,
    ) -> _Entity | None:
        """The most salient entity mentioned before ``token``: recent, a subject, compatible."""
        sents = self._sents
        index = self._sentence_of[token.i]
        earliest = sents[max(0, index - window)].start_char
        best: tuple[float, _Entity] | None = None
        for entity in self.entities:
            before = [m for m in entity.mentions if earliest <= m[0] < token.idx]
            if not before:
                continue
            if kind is not None and entity.kind != kind:
                continue
            if kind is None and entity.kind != "person":
                continue
            if count_gender and gender is not None and entity.gender not in (None, gender):
                continue
            last = before[-1][0]
            score = last / max(1, token.idx)
            if any(earliest <= p < token.idx for p in entity.subject_positions):
                score += 0.15
            if count_gender and gender is not None and entity.gender == gender:
                score += 0.1
            if best is None or score > best[0]:
                best = (score, entity)
        return best[1] if best else None

    def entity_at(self, token: Token) -> _Entity | None:
        return self._by_token.get(token.i)

    def resolve(self, head: Token, mention: tuple[int, int]) -> tuple[str | None, EntityKind | None]:
        """The canonical name and kind a speaker mention refers to, or (None, None)."""
        entity = self.entity_at(head)
        if entity is None:
            # "The minister, Sarah Jones, said": the apposition names the speaker
            named = [
                self._by_token[c.i] for c in head.children if c.dep_ == "appos" and c.i in self._by_token
            ]
            entity = named[0] if named else None
        if entity is None:
            # "Sen. Bernie Sanders" parsed with the title as head, or a name beside the head
            inside = [
                self._by_token[t.i]
                for t in tokens_in(self.doc, *mention)
                if t.i in self._by_token and t.dep_ != "poss" and not any(c.tag_ == "POS" for c in t.children)
            ]
            if inside and head.pos_ == "PROPN":
                entity = inside[-1]
        if entity is None:
            lower = head.lower_
            if lower in PRONOUN_GENDER or lower in ("he", "she"):
                gender = PRONOUN_GENDER.get(lower)
                entity = self._recent(head, gender, 6)  # type: ignore[arg-type]
            elif lower in PLURAL_PRONOUNS or lower == "it":
                entity = self._recent(head, None, 1, kind="organization")
            elif self._is_description(head):
                entity = self._described(head) or self._recent(
                    head,
                    ROLE_NOUNS.get(head.lower_),  # type: ignore[arg-type]
                    _DESCRIPTION_WINDOW_SENTS,
                )
        if entity is None:
            return None, None
        entity.mentions.append(mention)
        return entity.name, entity.kind

    def _described(self, head: Token) -> _Entity | None:
        """The person named earlier with the same role: ``the Indiana governor`` -> Mike Pence."""
        role = role_word(head)
        words = {role_word(t) for t in head.subtree if t.pos_ in ("NOUN", "ADJ", "PROPN")}
        best: tuple[int, int, _Entity] | None = None
        for entity in self.entities:
            before = [start for start, _ in entity.mentions if start < head.idx]
            if role not in entity.roles or not before:
                continue
            score = (len(words & entity.roles), max(before))
            if best is None or score > best[:2]:
                best = (*score, entity)
        return best[2] if best else None

    @staticmethod
    def _is_description(head: Token) -> bool:
        """``the 34-year-old``, ``The TV personality and cookbook author``: definite, a role."""
        if head.pos_ != "NOUN" or head.tag_ in ("NNS", "NNPS"):
            return False
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return False
        if any(c.dep_ == "poss" for c in head.children):
            return False
        return head.lower_ in ROLE_NOUNS or head.lower_.endswith("year-old")

    def people(self) -> tuple[Person, ...]:
        records = []
        for entity in self.entities:
            mentions = tuple(sorted(set(entity.mentions)))
            records.append(
                Person(entity.name, entity.kind, entity.gender if entity.kind == "person" else None, mentions)
            )
        return tuple(sorted(records, key=lambda p: p.mentions[0]))
