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

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import EntityKind, Gender, Person
from .cues import is_cue
from .lexicon import ORG_WORDS, PLURAL_PRONOUNS, PRONOUN_GENDER, ROLE_NOUNS, TITLES

_NAME_LABELS = frozenset({"PERSON", "ORG"})
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

    @property
    def name(self) -> str:
        return " ".join(self.words)

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


def _strip(tokens: list[Token]) -> tuple[list[Token], Gender | None, bool]:
    """Drop titles and possessive endings; return the gender a title gives."""
    gender: Gender | None = None
    titled = False
    while tokens and tokens[0].lower_ in TITLES and len(tokens) > 1:
        g = TITLES[tokens[0].lower_]
        gender = gender or (g if g in ("female", "male") else None)  # type: ignore[assignment]
        titled = True
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].text in ("'s", "’s", "'", "’")):
        tokens = tokens[:-1]
    while tokens and not tokens[0].text[:1].isalnum():
        tokens = tokens[1:]
    return tokens, gender, titled


class Registry:
    """People and organisations named in one document, with every mention joined."""

    def __init__(self, doc: Doc, body_start: int = 0) -> None:
        self.doc = doc
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
        full: list[tuple[list[Token], str, Gender | None, bool]] = []
        single: list[tuple[list[Token], str, Gender | None, bool]] = []
        for tokens, label in self._name_spans(body_start):
            words, gender, titled = _strip(tokens)
            if not words:
                continue
            (full if len(words) > 1 else single).append((words, label, gender, titled))
        for words, label, gender, titled in full:
            key = tuple(t.text for t in words)
            entity = next((e for e in self.entities if self._same_full(e.words, key)), None)
            if entity is None:
                entity = _Entity(words=key)
                self.entities.append(entity)
            elif len(key) > len(entity.words) and label == "PERSON":
                entity.words = key
            self._add(entity, words, label, gender, titled)
        for words, label, gender, titled in single:
            word = words[0].text
            matches = [e for e in self.entities if len(e.words) > 1 and word in (e.words[-1], e.words[0])]
            if matches:
                entity = max(matches, key=lambda e: (e.words[-1] == word, len(e.mentions)))
            else:
                entity = next((e for e in self.entities if e.words == (word,)), None)
                if entity is None:
                    entity = _Entity(words=(word,))
                    self.entities.append(entity)
            self._add(entity, words, label, gender, titled)

    @staticmethod
    def _same_full(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return a[-1] == b[-1] and (a[0] == b[0] or (a[0][:1] == b[0][:1] and len(a) != len(b)))

    def _add(
        self, entity: _Entity, words: list[Token], label: str, gender: Gender | None, titled: bool
    ) -> None:
        entity.mentions.append((words[0].idx, words[-1].idx + len(words[-1])))
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

    def _gender_evidence(self, body_start: int) -> None:
        """he/she credited to a name only where it is the one name in the sentence so far and
        the sentence before: evidence, not a guess between candidates."""
        doc = self.doc
        sents = list(doc.sents)
        for index, sent in enumerate(sents):
            window_start = sents[index - 1].start if index > 0 else sent.start
            for token in sent:
                gender = PRONOUN_GENDER.get(token.lower_)
                if gender is None or token.idx < body_start or token.pos_ != "PRON":
                    continue
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
    def _sentence_index(self, token: Token) -> int:
        return token.sent.start

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
        doc = self.doc
        sents = list(doc.sents)
        index = next((i for i, s in enumerate(sents) if s.start <= token.i < s.end), 0)
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
                for t in self.doc
                if mention[0] <= t.idx < mention[1]
                and t.i in self._by_token
                and t.dep_ != "poss"
                and not any(c.tag_ == "POS" for c in t.children)
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
                entity = self._recent(head, ROLE_NOUNS.get(head.lower_), _DESCRIPTION_WINDOW_SENTS)  # type: ignore[arg-type]
        if entity is None:
            return None, None
        entity.mentions.append(mention)
        return entity.name, entity.kind

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
