"""Entity resolution: the article's people and organisations, and who each speaker mention is.

Three steps, each with its own evidence:

1. **Mentions** (``names.py``): names, titles + names, organisation names; and, found here,
   derived organisations (``the Trump campaign``, ``her campaign``, ``the Obama
   administration``), places that speak (``Russia said``), unnamed people (``a spokesman``).
2. **Clustering** under hard constraints: a surname or first name joins a full name of a
   compatible gender (``Mrs. Clinton`` never joins *Bill Clinton*), role (``President Obama``)
   and kind; an acronym joins the name it abbreviates (``IMF``); a shorter organisation name
   the longer one it ends (``the Security Council``). Gender rests on evidence in the text
   (Mr/Mrs/Ms, he/she, husband/wife, a first name), kept as spans on each person.
3. **Antecedents** for pronouns and descriptions: candidates of the right kind, gender and
   number, ranked by the learned salience model of ``ranking.py``; descriptions prefer the
   person the text gave that role (``Mike Pence, the Indiana governor``; ``Teigen, 34``).
   Pronouns are resolved once, in text order, so a chain of *she*s follows one person.

Nothing is named that the article does not name: a pronoun whose best antecedent is an
unnamed spokesman resolves to no name.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import EntityKind, Gender, Person
from .cues import is_cue, tokens_in
from .intervals import Intervals
from .lexicon import (
    ARTIFACT_KINDS,
    ARTIFACTS,
    BARE_ORG_DESCRIPTIONS,
    DERIVED_ORGS,
    FIRST_NAMES,
    GENERATIONAL_SUFFIXES,
    ISSUING_VERBS,
    NAME_GENDERS,
    NEWS_ARTIFACTS,
    ORG_DESCRIPTIONS,
    ORG_WORDS,
    PARTY_NAMES,
    PARTY_PLURALS,
    POST_NOMINALS,
    PRONOUN_GENDER,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    TITLES,
    TRADE_ROLES,
)
from .marks import find_marked_quotes, paragraphs
from .names import NameMention, canonical_words, find_names, heading_ranges, role_word
from .ranking import Candidate, Ranker, load_ranker

_KIN: dict[str, Gender] = {"husband": "male", "wife": "female", "son": "male", "daughter": "female",
        "brother": "male", "sister": "female", "father": "male", "mother": "female",
        "widow": "female", "widower": "male", "boyfriend": "male", "girlfriend": "female"}  # fmt: skip
_COMMITTEES = frozenset({"panel", "committee", "subcommittee"})
_MUNICIPAL = frozenset({"city", "town", "county", "borough"})
_SOMEONE = frozenset({"someone", "somebody"})
_OTHER_ONE = frozenset({"second", "third", "separate", "different"})
_VAGUE_DETERMINERS = frozenset({"a", "an", "my", "our", "one"})
_ORG_PRONOUNS = frozenset({"it", "its", "which", "they", "their", "them"})
# the second word of a company's name it is often called without ("Peabody", "Patriot")
_CORPORATE = frozenset(
    """energy inc corp corporation group holdings co company plc ltd llc motors airlines airways
    bank capital partners pharmaceuticals technologies systems communications media entertainment
    industries international resources petroleum oil financial insurance foods brands coal steel
    mining""".split()
)
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "to", "in", "&"})
# heads of an unnamed person a later he/she can refer to ("a spokesman said ... he added")
_ANONYMOUS = frozenset(
    """spokesman spokeswoman spokesperson official aide adviser advisor source person man woman
    friend colleague lawyer attorney analyst economist expert witness officer resident
    """.split()
)
# roles news gives to many unnamed people: "a spokesman" is not the one spokesman named
_OFTEN_UNNAMED = frozenset(
    "spokesman spokeswoman spokesperson official aide source person man woman friend colleague "
    "analyst expert witness officer resident adviser advisor".split()
)
_PARTIES = frozenset({"democratic", "democrat", "republican", "gop", "labour", "conservative", "tory"})
# "the Charlotte-Mecklenburg police chief", "Tulsa police", "the Metropolitan Police"
_POLICE = re.compile(r"\b((?:[A-Z][\w.'’]*(?:-[A-Z][\w.]*)*[ ])+)([Pp]olice)\b")
_NOT_PLACES = frozenset({"The", "A", "An", "But", "And", "When", "If", "As", "Local", "State"})
_SITES = frozenset({"website", "site", "page", "blog", "account", "feed"})
_NOT_MAKERS = frozenset({"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "EVENT"})
_PRONOUN_WINDOW = 6  # sentences back a pronoun may look
_ORG_PRONOUN_WINDOW = 2
_DESCRIPTION_WINDOW = 8
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_WEIGHTS = {"title": 3, "first_name": 2, "kin": 2, "pronoun": 1}


@dataclass(frozen=True, slots=True)
class _Position:
    """One mention of an entity, as the ranker sees it."""

    start: int
    end: int
    sentence: int
    paragraph: int
    subject: bool
    speaker: bool
    possessive: bool
    main: bool = False  # the subject of its sentence's main verb


@dataclass(slots=True, eq=False)
class Entity:
    """One person or organisation, built up mention by mention."""

    words: tuple[str, ...]
    positions: list[_Position] = field(default_factory=list)
    forms: dict[tuple[str, ...], int] = field(default_factory=dict)
    # forms seen only in headlines, where NER runs title-case words together ("Obama Sees")
    heading_forms: set[tuple[str, ...]] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    person_votes: int = 0
    org_votes: int = 0
    evidence: list[tuple[int, int, Gender, int]] = field(default_factory=list)  # span, gender, weight
    peer: str | None = None
    fixed_kind: EntityKind | None = None
    owner: Entity | None = None  # "Trump" of "the Trump campaign"
    named: bool = True
    titled: bool = False

    @property
    def surname(self) -> str:
        """The last word of the name, before a generational suffix: "Roberts" of "John
        Roberts Jr.", which "Chief Justice Roberts" names."""
        if len(self.words) > 2 and self.words[-1] in GENERATIONAL_SUFFIXES:
            return self.words[-2]
        return self.words[-1]

    @property
    def name(self) -> str:
        """The most frequent full form (``Hillary Clinton`` over a one-off ``Hillary Rodham
        Clinton``), else the words it was registered under; a peer known by one name keeps
        the title (``Lord Browne``)."""
        if self.owner is not None:
            return f"{self.owner.words[-1]} {self.words[-1]}"
        # a headline's form counts only where it opens with a first name ("Hillary Clinton
        # Was Headed"), not where title case ran words together ("Obama Sees", "Say Mexico")
        forms = {f: n for f, n in self.forms.items() if f not in self.heading_forms or _first_named(f)}
        forms = forms or self.forms
        full = [(count, -len(form), form) for form, count in forms.items() if len(form) > 1]
        words = self.words if forms is self.forms else max(forms, key=lambda form: forms[form])
        if full:
            best = max(full)[2]
            if self.kind == "organization" or best[0].lower() not in FIRST_NAMES:
                # "Suu Kyi" is a surname and "Security Council" a short name: "Aung San Suu
                # Kyi" and "United Nations Security Council", given once, are the full names
                tail = _lower(best)
                longer = [f for f in forms if len(f) > len(best) and _lower(f[-len(best) :]) == tail]
                if longer:
                    best = max(longer, key=lambda form: (forms[form], -len(form)))
            return " ".join(best)
        if self.kind == "organization" and len(self.words) > 1:
            # "U.N." throughout a story that spells it out once, inside "United Nations
            # Security Council": the words spelled out
            return " ".join(self.words)
        if self.peer is not None and self.kind == "person":
            return f"{self.peer} {' '.join(words)}"
        return " ".join(words)

    def _weight(self, gender: Gender) -> int:
        return sum(weight for _, _, g, weight in self.evidence if g == gender)

    @property
    def gender(self) -> Gender | None:
        female, male = self._weight("female"), self._weight("male")
        if female > 2 * male:
            return "female"
        if male > 2 * female:
            return "male"
        return None

    @property
    def kind(self) -> EntityKind:
        if self.fixed_kind is not None:
            return self.fixed_kind
        joined = " ".join(self.words).lower()
        if any(w.lower() in ORG_WORDS for w in self.words) or joined in PARTY_PLURALS | PARTY_NAMES:
            return "organization"
        if self._weight("female") + self._weight("male") >= 2 or self.person_votes > self.org_votes:
            return "person"
        if any(role in ROLE_NOUNS for role in self.roles):
            return "person"  # "Former Pennsylvania Gov. Ed Rendell", whatever NER says of "Rendell"
        return "organization"

    def before(self, at: int) -> list[_Position]:
        """Its mentions that start before ``at``."""
        return self.positions[: bisect.bisect_left(self.positions, at, key=lambda p: p.start)]

    def add(self, position: _Position) -> None:
        bisect.insort(self.positions, position, key=lambda p: p.start)


def _first_named(form: tuple[str, ...]) -> bool:
    return 1 < len(form) <= 3 and form[0].lower() in FIRST_NAMES


def _one_typo(a: str, b: str) -> bool:
    """Surnames a letter apart (one changed, dropped or added), long enough that this is a
    misprint, not another name: "Wimes"/"Wines", "McClenney"/"McLenney"."""
    a, b = a.lower(), b.lower()
    if min(len(a), len(b)) < 5 or a[0] != b[0] or a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _lower(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)


def _same_role(word: str) -> str:
    """``justice`` and ``judge`` are one role to refer back to."""
    return ROLE_SYNONYMS.get(word, word)


def _is_person_word(token: Token) -> bool:
    return role_word(token) in ROLE_NOUNS or token.lower_.rstrip(".") in TITLES


def _roles(entity: Entity) -> set[str]:
    return {_same_role(r) for r in entity.roles}


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _FUNCTION_WORDS and w[:1].isupper())


def _same_full(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    # "De Blasio" at the start of a sentence is "Bill de Blasio"
    a, b = _lower(a), _lower(b)
    if a[-1] != b[-1]:
        return False
    short, long = sorted((a, b), key=len)
    # "Hillary Clinton" in "Crooked Hillary Clinton"; "Hillary Rodham Clinton"; "H. Clinton"
    if long[-len(short) :] == short:
        return True
    if long[-1].lower() in ORG_WORDS:
        return False  # "House Benghazi Committee" is not "House Oversight ... Committee"
    return a[0] == b[0] or (a[0][:1] == b[0][:1] and len(a) != len(b))


class Registry:
    """People and organisations of one document, with every mention joined."""

    def __init__(
        self,
        doc: Doc,
        body_start: int = 0,
        ranker: Ranker | None = None,
        *,
        text: str | None = None,
        quoted: Iterable[tuple[int, int]] | None = None,
    ) -> None:
        """``text`` is ``doc.text`` and ``quoted`` the quote-mark regions of the body, where
        the caller has them already (both are found here otherwise)."""
        self.doc = doc
        self.ranker = ranker if ranker is not None else load_ranker()
        self._sents = list(doc.sents)
        self._sentence_of = [0] * len(doc)
        for index, sent in enumerate(self._sents):
            self._sentence_of[sent.start : sent.end] = [index] * len(sent)
        text = doc.text if text is None else text
        self.text = text
        self._breaks = [
            i for i, ch in enumerate(text) if ch == "\n" and text[i + 1 : i + 2] not in ("", "\n")
        ]
        self._headings = heading_ranges(text, body_start)
        # inside quote marks a name is the quoted speaker's word, no antecedent for narration
        if quoted is None:
            quoted = [(q.open_pos, q.outer_end) for q in find_marked_quotes(text, body_start).quotes]
        self._quoted = Intervals(quoted)
        # sentences counted for distance: a quote's own sentences do not push its speaker
        # back ("..., said Leslie Wimes. / "A. B. C," she said.": Wimes is one step back)
        self._step = [0] * len(doc)
        step = 0
        for sent in self._sents:
            inside = self.is_quoted(sent.start_char) and self.is_quoted(
                max(sent.start_char, sent.end_char - 1)
            )
            step += not inside
            self._step[sent.start : sent.end] = [step] * len(sent)
        self.body_start = body_start
        self.entities: list[Entity] = []
        self._by_token: dict[int, Entity] = {}
        self._resolved: dict[int, Entity | None] = {}  # pronoun token -> antecedent
        self._cluster(find_names(doc, body_start, self._headings))
        self._derived_organisations()
        self._anonymous_people()
        self._gender_from_pronouns()
        self._resolve_pronouns()
        self.author = self._author()
        self._signatures = self._signed()

    # positions ----------------------------------------------------------------------------
    def _paragraph(self, char: int) -> int:
        return bisect.bisect_left(self._breaks, char)

    def _position(self, tokens: list[Token] | tuple[Token, ...]) -> _Position:
        first, last = tokens[0], tokens[-1]
        head = next((t for t in tokens if t.head.i < first.i or t.head.i > last.i or t.head.i == t.i), last)
        if head.dep_ == "appos" and head.head.dep_ in _SUBJECT_DEPS:
            head = head.head  # "The Shadow Secretary, Theresa May, said": May is the subject
        subject = head.dep_ in _SUBJECT_DEPS
        verb = head.head
        main = subject and (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))
        return _Position(
            start=first.idx,
            end=last.idx + len(last),
            sentence=self._step[head.i],
            paragraph=self._paragraph(first.idx),
            subject=subject,
            speaker=subject and is_cue(head.head),
            possessive=head.dep_ == "poss" or any(c.tag_ == "POS" for c in head.children),
            main=main,
        )

    def _in_body(self, token: Token) -> bool:
        return token.idx >= self.body_start and not self._in_heading(token.idx)

    # clustering ---------------------------------------------------------------------------
    def _cluster(self, names: list[NameMention]) -> None:
        full = [n for n in names if len(canonical_words(n.tokens)) > 1]
        single = [n for n in names if len(canonical_words(n.tokens)) == 1]
        # the body's names first: a title-case heading runs names into the words around them
        heading = [n for n in full if not self._in_body(n.tokens[0])]
        for name in full:
            if self._in_body(name.tokens[0]):
                self._join_full(name)
        for name in heading:
            kept = self._heading_name(name)
            if kept is not None and len(canonical_words(kept.tokens)) > 1:
                self._join_full(kept)
            elif kept is not None:
                single.append(kept)  # "Obama" of "Obama Sees ...": a surname, joined as one
        # names with a title's gender first ("Mr. Obama"), so an ungendered "President Obama"
        # can tell the Obama most often meant from a Michelle Obama named once
        for name in sorted(single, key=lambda n: n.gender is None):
            self._join(self._single_entity(name), name)
        self._surnames_missed()

    def _join_full(self, name: NameMention) -> None:
        key = canonical_words(name.tokens)
        entity = next((e for e in self.entities if e.owner is None and _same_full(e.words, key)), None)
        if entity is None:
            entity = Entity(words=key)
            self.entities.append(entity)
        elif len(key) > len(entity.words) and name.label == "PERSON":
            entity.words = key
        self._join(entity, name)

    def _heading_name(self, name: NameMention) -> NameMention | None:
        """A heading's multiword name as far as it is a name: ``Obama Sees 'Personal Insult``
        holds the body's Barack Obama as ``Obama``; a span that holds no body name and does
        not open with a first name ("Gold Star Mom Corners Obama") is title case, not a name."""
        key = canonical_words(name.tokens)
        if any(e.owner is None and _same_full(e.words, key) for e in self.entities):
            return name
        # the most mentioned first: "Obama" of a heading is Barack, not Michelle Obama
        for entity in sorted(self.entities, key=lambda e: -len(e.positions)):
            if len(entity.words) < 2 or entity.owner is not None:
                continue
            last = entity.words[-1]
            for i, token in enumerate(name.tokens):
                if token.text != last:
                    continue
                start = i
                while (
                    start > 0
                    and len(entity.words) > i - start + 1
                    and (name.tokens[start - 1].text == entity.words[-(i - start + 2)])
                ):
                    start -= 1
                return dataclasses.replace(name, tokens=name.tokens[start : i + 1])
        return name if _first_named(key) else None

    def _surnames_missed(self) -> None:
        """A capitalised word that is the surname of a person named in full is a mention of
        them even where NER missed it ("Stumpf tried on Tuesday ..."); so is the same proper
        noun as a one-word name NER found elsewhere ("Oz", "Politifact", "RT")."""
        surnames: dict[str, list[Entity]] = {}
        for entity in self.entities:
            # NER's votes may still call "Ava DuVernay" an organisation here: one PERSON
            # label makes a full name a person's for this
            if len(entity.words) > 1 and (entity.kind == "person" or entity.person_votes > 0):
                surnames.setdefault(entity.surname, []).append(entity)
        single = {
            entity.words[0]: entity
            for entity in self.entities
            if len(entity.words) == 1 and entity.owner is None and entity.named and entity.positions
        }
        for token in self.doc:
            capitalised = token.text[:1].isupper() and not token.text.isupper()  # "McAuliffe" too
            if token.i in self._by_token or token.pos_ not in ("PROPN", "NOUN") or not self._in_body(token):
                continue
            if capitalised and token.text in surnames:
                name = NameMention(tokens=(token,), label="")
                self._join(self._single_entity(name), name)
            elif token.pos_ == "PROPN" and token.text in single and len(token.text) > 1:
                # no vote on its kind: the mention is NER's word again, not new evidence
                name = NameMention(tokens=(token,), label="REPEAT")
                self._join(single[token.text], name)
            elif capitalised and token.dep_ in _SUBJECT_DEPS and len(token.text) > 4:
                # "Wines believes ...", in a story about Leslie Wimes: a misprint, as a subject
                misprints = {id(e): e for s, es in surnames.items() if _one_typo(s, token.text) for e in es}
                if len(misprints) == 1 and not any(c.dep_ == "det" for c in token.children):
                    name = NameMention(tokens=(token,), label="REPEAT")
                    self._join(next(iter(misprints.values())), name)

    def _single_entity(self, name: NameMention) -> Entity:
        """The entity a one-word name is: a surname or first name of a full name of compatible
        gender and role, an acronym of an organisation's name, or an entity of its own."""
        word = canonical_words(name.tokens)[0]
        at = name.start
        bare = word.replace(".", "")
        if word.isupper() and len(word) > 3 and word.isalpha():
            # "WALLACE:" in a transcript is Chris Wallace, if the article names him, else the
            # surname Wallace (a label, not an acronym, when a colon follows)
            titled = word.title()
            last = name.tokens[-1]
            label = last.i + 1 < len(last.doc) and last.doc[last.i + 1].text == ":"
            if label or any(e.surname == titled and len(e.words) > 1 for e in self.entities):
                word = titled
        acronym = bare.isupper() and len(bare) > 1
        if acronym:
            first = name.tokens[0]
            # "the Royal National Institute for Deaf People (RNID)": the name it abbreviates
            bracketed = first.i > 1 and first.doc[first.i - 1].text == "("
            spelled = self._by_token.get(first.i - 2) if bracketed else None
            if spelled is not None and spelled.kind == "organization" and spelled.owner is None:
                return spelled
            # "The RNID" after "(RNID)": the acronym the article gave in brackets
            given = [e for e in self.entities if len(e.words) > 1 and (word,) in e.forms]
            if len(given) == 1:
                return given[0]
        matches = [
            e
            for e in self.entities
            if len(e.words) > 1
            and e.owner is None
            and (
                # a first name joins a person; "U.N." is not the U.N. Security Council
                (word == e.surname or (word == e.words[0] and e.kind == "person"))
                or (acronym and _initials(e.words) == bare)
                # a company by its first word: "Peabody" of "Peabody Energy"
                or (word == e.words[0] and len(e.words) == 2 and e.words[1].lower() in _CORPORATE)
            )
        ]
        if name.gender is not None:
            matches = [e for e in matches if e.gender in (None, name.gender)]
        elif {"female", "male"} <= {e.gender for e in matches}:
            after = self._gender_after(name.tokens[-1])  # "Clinton allowed her staff"
            matches = [e for e in matches if e.gender == after] or matches
        if name.roles:
            fitting = [e for e in matches if e.roles & set(name.roles)]
            matches = fitting or matches
        alone = next((e for e in self.entities if e.words == (word,) and e.gender is not None), None)
        if (
            matches
            and name.gender is None
            and alone is not None
            and all(e.gender not in (None, alone.gender) for e in matches)
            and len(alone.positions) > max(len(e.positions) for e in matches)
        ):
            return alone
        if matches:
            # the surname of the person most often named, then of the one named last:
            # "Trump" is Donald Trump in an article that also names Ivanka Trump
            return max(
                matches,
                key=lambda e: (e.surname == word, len(e.before(at)), self._last_before(e, at)),
            )
        for entity in self.entities:
            if entity.words == (word,) and entity.gender in (None, name.gender or entity.gender):
                return entity
        prefix = self._acronym_prefix(bare) if acronym else None
        if prefix is not None:
            return prefix
        misspelt = [
            e
            for e in self.entities
            if len(e.words) > 1 and e.kind == "person" and e.owner is None and _one_typo(e.surname, word)
        ]
        if len(misspelt) == 1:
            return misspelt[0]  # "McLenney" in a story about Tyresha McClenney
        entity = Entity(words=(word,))
        self.entities.append(entity)
        return entity

    def _acronym_prefix(self, acronym: str) -> Entity | None:
        """``U.N.`` in a story naming the United Nations Security Council: the United Nations,
        whose words open that name."""
        for entity in list(self.entities):
            if entity.kind != "organization" or entity.owner is not None:
                continue
            for k in range(2, len(entity.words)):
                words = entity.words[:k]
                if words[-1].lower() in _FUNCTION_WORDS or _initials(words) != acronym:
                    continue
                return self._organisation(words)
        return None

    def _gender_after(self, token: Token) -> Gender | None:
        """The gender of the first he/she/his/her after a surname in its clause, before any
        other name: "Clinton allowed her staff ..." is the Clinton who is a woman."""
        sent = token.sent
        for after in self.doc[token.i + 1 : min(sent.end, token.i + 8)]:
            if after.ent_type_ == "PERSON" or after.text in (";", ":") or self.is_quoted(after.idx):
                return None
            gender = PRONOUN_GENDER.get(after.lower_)
            if gender is not None:
                # only "her staff", "himself": a subject or object pronoun is as often another
                possessive = after.dep_ == "poss" or after.lower_.endswith("self")
                return gender if possessive else None  # type: ignore[return-value]
        return None

    @staticmethod
    def _last_before(entity: Entity, at: int) -> int:
        before = entity.before(at)
        return before[-1].start if before else -entity.positions[0].start if entity.positions else 0

    def _join(self, entity: Entity, name: NameMention) -> None:
        tokens = name.tokens
        doc = self.doc
        entity.add(self._position(tokens))
        key = canonical_words(tokens)
        if len(key) == 1 and key[0].isupper() and entity.words == (key[0].title(),):
            key = entity.words  # a transcript label ("WALLACE:") is written as the name
        seen = key in entity.forms
        entity.forms[key] = entity.forms.get(key, 0) + 1
        if not self._in_body(tokens[0]):
            if not seen:
                entity.heading_forms.add(key)  # a form only a heading has, so far
        elif key in entity.heading_forms:
            entity.heading_forms.discard(key)
        entity.roles.update(name.roles)
        entity.roles.update(self._described_as(tokens))
        entity.titled = entity.titled or name.titled
        if name.peer is not None:
            entity.peer = name.peer
        first = tokens[0]
        known_first = first.lower_ in FIRST_NAMES
        # the long list of first names only where NER says person: "Virginia Tech" is not one
        gender = NAME_GENDERS.get(first.lower_) if known_first or name.label == "PERSON" else None
        if len(key) > 1 and gender is not None and not any(s == first.idx for s, *_ in entity.evidence):
            entity.evidence.append((first.idx, first.idx + len(first), gender, _WEIGHTS["first_name"]))
            entity.person_votes += 2 if known_first else 0
        if name.label in ("PERSON", "") or name.titled:
            # "" is a name NER missed, found as the subject of a speech verb: weak evidence
            entity.person_votes += 2 if name.titled else 1
        elif name.label == "ORG":
            entity.org_votes += 1
        if name.gender is not None and name.gender_token is not None:
            t = name.gender_token
            entity.evidence.append((t.idx, t.idx + len(t), name.gender, _WEIGHTS["title"]))
        before = doc[first.i - 1] if first.i > 0 else None
        if before is not None and before.lower_ in _KIN:
            kin = _KIN[before.lower_]
            entity.evidence.append((before.idx, before.idx + len(before), kin, _WEIGHTS["kin"]))
        for token in tokens:
            self._by_token[token.i] = entity

    def _described_as(self, tokens: tuple[Token, ...]) -> set[str]:
        """Role words the text ties to a name: ``Indiana Gov. Mike Pence``, ``Mike Pence, the
        Indiana governor,``, ``the Indiana governor, Mike Pence``, ``Teigen, 34,``."""
        doc = self.doc
        found: set[str] = set()
        i = tokens[0].i - 1
        while i >= 0 and tokens[0].i - i <= 4 and doc[i].pos_ in ("PROPN", "NOUN", "ADJ"):
            found.add(role_word(doc[i]))
            i -= 1
        head = tokens[-1]
        for token in (head, head.head):
            for other in (*token.children, token.head):
                appositive = other.dep_ == "appos" or token.dep_ == "appos"
                if appositive and other.pos_ == "NOUN" and role_word(other) in ROLE_NOUNS:
                    found.update(role_word(t) for t in other.subtree if t.pos_ in ("PROPN", "NOUN", "ADJ"))
                if appositive and other.pos_ == "NUM" and other.i > head.i:
                    found.add("year-old")  # "Teigen, 34,": the 34-year-old
        # "An attorney for Pagliano, Mark MacDougall,": the parse hangs the name on Pagliano
        if head.dep_ == "appos" and head.head.dep_ == "pobj" and head.head.head.dep_ == "prep":
            role = head.head.head.head
            if role.pos_ == "NOUN" and role_word(role) in ROLE_NOUNS and role.i < head.i:
                found.add(role_word(role))
        # "Pence is the Indiana governor"
        if head.dep_ == "nsubj" and head.head.lemma_ == "be":
            for attr in (c for c in head.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
                found.update(role_word(t) for t in attr.subtree if t.pos_ in ("PROPN", "NOUN", "ADJ"))
        return found

    def _derived_organisations(self) -> None:
        """``the Trump campaign``, ``Clinton's campaign``, ``the Obama administration``; and a
        city that acts, ``The city of Phoenix``."""
        for token in self.doc:
            if token.lemma_.lower() not in DERIVED_ORGS or token.pos_ != "NOUN" or not self._in_body(token):
                continue
            owner = self._owner_of(token)
            if owner is not None:
                self._derived(owner, token)
        named: dict[str, Entity] = {}
        for token in self.doc:
            lemma = token.lemma_.lower()
            if lemma not in _MUNICIPAL or token.pos_ != "NOUN" or not self._in_body(token):
                continue
            entity = self._municipality(token)
            if entity is not None:
                named[lemma] = entity
            elif lemma in named and [c.lower_ for c in token.children] == ["the"]:
                # "The city sent a letter Thursday": the city named before
                named[lemma].add(self._position([token]))
                self._by_token[token.i] = named[lemma]

    def _municipality(self, token: Token) -> Entity | None:
        """``The city of Phoenix is demanding ...``: the city's government, an organisation
        named "City of Phoenix", which "the city" and "it" may speak for later."""
        place = next(
            (
                obj
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for obj in prep.children
                if obj.dep_ == "pobj" and obj.ent_type_ == "GPE" and obj.pos_ == "PROPN"
            ),
            None,
        )
        # only a city that acts: "in the north-eastern city of Harbin" is a place
        if place is None or token.i in self._by_token or token.dep_ not in _SUBJECT_DEPS:
            return None
        words = canonical_words(self._named_tokens(place))
        entity = self._organisation((token.lemma_.title(), "of", *words))
        entity.add(self._position([token]))
        self._by_token[token.i] = entity
        return entity

    def _owner_of(self, token: Token) -> Entity | None:
        for child in token.children:
            if child.dep_ in ("compound", "poss"):
                entity = self._by_token.get(child.i)
                if entity is None and child.lower_ in ("his", "her"):
                    entity = self._resolved.get(child.i)
                if entity is not None and entity.kind == "person":
                    return entity
        return None

    def _owned(self, owner: Entity, noun: str) -> Entity | None:
        """The ``noun`` of ``owner`` ("campaign" of Hillary Clinton), if registered."""
        return next((e for e in self.entities if e.owner is owner and e.words[-1] == noun), None)

    def _derived(self, owner: Entity, token: Token) -> Entity:
        noun = token.lemma_.lower()
        entity = self._owned(owner, noun)
        if entity is None:
            entity = Entity(words=(noun,), owner=owner, fixed_kind="organization")
            self.entities.append(entity)
        if token.i not in self._by_token:
            entity.add(self._position([token]))
            self._by_token[token.i] = entity
        return entity

    def _anonymous_people(self) -> None:
        """``a spokesman said``, ``the PM's spokesman``: a person a later *he* can refer to,
        who has no name."""
        for token in self.doc:
            if token.dep_ not in _SUBJECT_DEPS or token.pos_ != "NOUN" or token.tag_ == "NNS":
                continue
            if token.lemma_.lower() not in _ANONYMOUS or not self._in_body(token):
                continue
            determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
            possessed = any(c.dep_ == "poss" for c in token.children)
            if not (determiners & {"a", "an", "another"} or possessed):
                continue
            if self._only_with_role(token) is not None:
                continue  # "Pagliano's attorney": the attorney the text named
            entity = Entity(words=(token.text,), named=False, fixed_kind="person")
            gender = ROLE_NOUNS.get(token.lower_)
            if gender in ("female", "male"):
                entity.evidence.append((token.idx, token.idx + len(token), gender, _WEIGHTS["title"]))  # type: ignore[arg-type]
            entity.add(self._position([token]))
            self.entities.append(entity)
            self._by_token[token.i] = entity

    def _gender_from_pronouns(self) -> None:
        """he/she credited to a name only where it is the one name in the sentence so far and
        the sentence before: evidence, not a guess between candidates."""
        sents = self._sents
        for index, sent in enumerate(sents):
            window_start = sents[index - 1].start if index > 0 else sent.start
            for token in sent:
                gender = PRONOUN_GENDER.get(token.lower_)
                if gender is None or not self._in_body(token) or token.dep_ not in _SUBJECT_DEPS:
                    continue  # "Warren told Stumpf his bank ...": only a subject pronoun is evidence
                if token.text.isupper() and len(token.text) > 1:
                    continue  # a capitals subheading ("CONGRESS HAS INVESTIGATED HIM"), parsed poorly
                names = {
                    id(e): e
                    for i in range(window_start, token.i)
                    if (e := self._by_token.get(i)) is not None and e.named and e.owner is None
                }
                if len(names) == 1:
                    entity = next(iter(names.values()))
                    entity.evidence.append((token.idx, token.idx + len(token), gender, _WEIGHTS["pronoun"]))  # type: ignore[arg-type]

    # antecedents --------------------------------------------------------------------------
    def _resolve_pronouns(self) -> None:
        """Every third-person pronoun of the body, in text order; each joins its antecedent,
        so the next one sees the chain."""
        for token in self.doc:
            lower = token.lower_
            if not self._in_body(token):
                continue
            if lower in PRONOUN_GENDER:
                entity = self._rank(token, PRONOUN_GENDER[lower], "person", _PRONOUN_WINDOW)  # type: ignore[arg-type]
            elif lower in ("it", "its") and token.dep_ in (*_SUBJECT_DEPS, "poss"):
                entity = self._rank(token, None, "organization", _ORG_PRONOUN_WINDOW)
            else:
                continue
            self._resolved[token.i] = entity
            if entity is not None:
                entity.add(self._position([token]))

    def candidates(
        self, token: Token, gender: Gender | None, kind: EntityKind, window: int
    ) -> list[tuple[Entity, list[_Position]]]:
        """Entities of ``kind`` and a compatible gender mentioned in the ``window`` sentences
        before ``token``, each with its mentions before it."""
        sentence = self._step[token.i]
        narration = not self.is_quoted(token.idx)
        found = []
        for entity in self.entities:
            if entity.kind != kind or (gender is not None and entity.gender not in (None, gender)):
                continue
            before = entity.before(token.idx)
            if narration:
                before = [p for p in before if not self.is_quoted(p.start)]
            # a mention holding the token itself ("Trump" of "Donald Trump") is no antecedent
            if before and sentence - before[-1].sentence <= window and token.idx >= before[-1].end:
                found.append((entity, before))
        return found

    def is_quoted(self, char: int) -> bool:
        """Is ``char`` inside quote marks?"""
        return self._quoted.overlaps(char, char + 1)

    def _rank(
        self,
        token: Token,
        gender: Gender | None,
        kind: EntityKind,
        window: int,
        excluded: Callable[[Entity], bool] | None = None,
    ) -> Entity | None:
        """The best-scoring compatible antecedent of ``token`` (none that is ``excluded``)."""
        candidates = self.candidates(token, gender, kind, window)
        if excluded is not None:
            candidates = [(entity, before) for entity, before in candidates if not excluded(entity)]
        if not candidates:
            return None
        bound = self._bound_subject(token, gender, [entity for entity, _ in candidates])
        if bound is not None:
            return bound if isinstance(bound, Entity) else None
        features = self.features(token, gender, candidates)
        scored = [(self.ranker.score(f), i) for i, f in enumerate(features)]
        return candidates[max(scored)[1]][0]

    def _bound_subject(
        self, token: Token, gender: Gender | None, candidates: list[Entity]
    ) -> Entity | Token | None:
        """``Kerr Putney ... said that ..., but he said``, ``Matt Lauer faced criticism after
        he asked``: a subject pronoun of a clause joined to, or subordinate to, a clause
        of the same sentence is that clause's subject, where it is a candidate. Where that
        subject is a person no one names (``My mother has softened, but she still says``),
        the pronoun is that person: the subject's token, for no named antecedent."""
        if token.dep_ != "nsubj":
            return None
        verb = token.head
        for _ in range(3):
            if verb.dep_ not in ("conj", "advcl") or verb.head.i == verb.i:
                return None
            verb = verb.head
            for child in verb.children:
                if child.dep_ != "nsubj" or child.i == token.i:
                    continue
                entity = self._referent(child)
                if any(entity is c for c in candidates):
                    return entity
                role = role_word(child)
                unnamed = entity is None and role in ROLE_NOUNS and ROLE_NOUNS[role] in (None, gender)
                singular = child.tag_ in ("NN", "NNP")
                # only "my mother", "a spokesman": "The GOP candidate" may name someone yet
                vague = any(c.lower_ in _VAGUE_DETERMINERS for c in child.children if c.i < child.i)
                return child if unnamed and singular and vague and gender is not None else None
        return None

    def features(
        self, token: Token, gender: Gender | None, candidates: list[tuple[Entity, list[_Position]]]
    ) -> list[Candidate]:
        """The ranker's view of each candidate at ``token`` (also used to train it)."""
        sentence = self._step[token.i]
        paragraph = self._paragraph(token.idx)
        latest = max(before[-1].start for _, before in candidates)
        most = max(len(before) for _, before in candidates)
        firsts = [(p.start, id(e)) for e, before in candidates for p in before if p.paragraph == paragraph]
        first_in_paragraph = min(firsts)[1] if firsts else None
        sent = self._sents[self._sentence_of[token.i]]
        frame = any(self.is_quoted(t.idx) for t in sent) and token.dep_ in _SUBJECT_DEPS
        out = []
        for entity, before in candidates:
            last = before[-1]
            recent = [p for p in before if p.sentence >= sentence - 1]
            out.append(
                Candidate(
                    sentence_distance=sentence - last.sentence,
                    char_distance=token.idx - last.start,
                    same_paragraph=last.paragraph == paragraph,
                    last_is_subject=last.subject,
                    subject_recently=any(p.subject for p in recent),
                    mentions=len(before),
                    main_subject=len(before) == most,
                    first_in_paragraph=first_in_paragraph == id(entity),
                    last_is_speaker=last.speaker,
                    speaker_recently=any(p.speaker for p in before if p.sentence >= sentence - 2),
                    last_is_possessive=last.possessive,
                    gender_agrees=gender is not None and entity.gender == gender,
                    most_recent=last.start == latest,
                    introduced_recently=bool(entity.positions)
                    and sentence - entity.positions[0].sentence <= 2,
                    in_quote_frame=frame,
                    last_is_main_subject=last.main,
                    main_subject_recently=any(p.main for p in recent),
                )
            )
        return out

    # resolution ---------------------------------------------------------------------------
    def entity_at(self, token: Token) -> Entity | None:
        return self._by_token.get(token.i)

    def _referent(self, token: Token) -> Entity | None:
        """The entity ``token`` names, or the antecedent it was resolved to."""
        return self._by_token.get(token.i) or self._resolved.get(token.i)

    def resolve(self, head: Token, mention: tuple[int, int]) -> tuple[str | None, EntityKind | None]:
        """The canonical name and kind a speaker mention refers to, or (None, None)."""
        entity = self._entity_of(head, mention)
        if entity is None or not entity.named:
            return None, None
        return entity.name, entity.kind

    def _entity_of(self, head: Token, mention: tuple[int, int]) -> Entity | None:
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            head = head.head.head  # "the Chicago Police Department, which reported": the noun
        described = any(c.dep_ == "det" for c in head.children)
        if head.dep_ == "appos" and described and head.head.i in self._by_token:
            head = head.head  # "Future45, a super PAC that intends": the name described
        entity = self.entity_at(head)
        anonymous = entity if entity is not None and not entity.named else None
        if anonymous is not None:
            entity = None  # "An attorney for Pagliano, Mark MacDougall,": named after all?
        if entity is None:
            # "The minister, Sarah Jones, said": the apposition names the speaker, but not
            # "(D-Newport News)", a party and a district
            named = [
                self._by_token[c.i]
                for c in head.children
                if c.dep_ == "appos" and c.i in self._by_token and not self._in_brackets(c)
            ]
            entity = named[0] if named else None
        if entity is None:
            entity = self._committee(head) or self._name_inside(head, mention)
        if entity is None:
            entity = self._name_appended(head, mention)
        if entity is None and anonymous is not None:
            return anonymous
        if entity is None and head.i in self._resolved:
            entity = self._resolved[head.i]
        if entity is None:
            entity = self._other_mention(head)
        if entity is not None and head.i not in self._by_token and head.i not in self._resolved:
            entity.add(self._position([head]))
        return entity

    def _committee(self, head: Token) -> Entity | None:
        """``A House panel``, ``the Senate committee``: the one committee of that chamber the
        story names ("The House Oversight and Government Reform Committee"), not the House."""
        if head.lemma_.lower() not in _COMMITTEES:
            return None
        chambers = [c.text for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if len(chambers) != 1:
            return None
        named = [
            e
            for e in self.entities
            if e.named
            and e.kind == "organization"
            and len(e.words) > 2
            and e.words[0] == chambers[0]
            and e.words[-1].lower() in _COMMITTEES
            and e.positions
        ]
        # of several, the one named nearest: the lead's "A House panel voted" is the committee
        # of the next sentence, not the Benghazi Committee of the tenth paragraph
        return min(named, key=lambda e: min(abs(p.start - head.idx) for p in e.positions), default=None)

    def _in_brackets(self, token: Token) -> bool:
        """Is ``token`` inside an open bracket of its few tokens before?"""
        for before in reversed(self.doc[max(0, token.i - 6) : token.i]):
            if before.text in (")", ",", ";"):
                return False
            if before.text == "(":
                return True
        return False

    def _name_inside(self, head: Token, mention: tuple[int, int]) -> Entity | None:
        """``Tulsa police Chief Chuck Jordan`` headed by a title; not ``Trump's spokesman``
        nor ``a spokeswoman for Hillary Clinton``."""
        found = []
        person_head = role_word(head) in ROLE_NOUNS or head.lower_ in TITLES
        depth = 0
        for token in tokens_in(self.doc, *mention):
            depth += (token.text == "(") - (token.text == ")")
            entity = self._by_token.get(token.i)
            if entity is None or not entity.named or depth > 0:
                continue  # "(D-Newport News)" is a party and a district, not the speaker
            if person_head and entity.kind == "organization":
                continue  # "The GOP nominee" is a person, not the GOP
            path: list[str] = []
            node = token
            while node.i != head.i and node.head.i != node.i and len(path) < 6:
                path.append(node.dep_)
                node = node.head
            if path == ["compound"] and (head.lemma_.lower() in DERIVED_ORGS or head.lower_ == "team"):
                continue  # "The Trump team" is the campaign, not Trump
            if node.i == head.i and not {"poss", "prep", "pobj", "case"} & set(path):
                found.append(entity)
            elif (
                node.i == head.i
                and head.lower_ in _SOMEONE
                and path == ["pobj", "prep"]
                and token.head.lower_ == "like"
            ):
                found.append(entity)  # "Why would someone like Mr. Clarke want ...": Clarke
        return found[-1] if found else None

    def _name_appended(self, head: Token, mention: tuple[int, int]) -> Entity | None:
        """``An attorney for Pagliano, Mark MacDougall,``: a role whose holder the mention
        names after a comma at its end (the parse hangs the name on *Pagliano*); so does
        ``His former business partner at Lenox, Lawrence B. Cummings,``."""
        if not _is_person_word(head) and (head.pos_ != "NOUN" or head.tag_ == "NNS"):
            return None
        start, end = mention
        if self.text[end : end + 2].lstrip(" ").startswith(","):
            # the rules' mention leaves the apposition out: look past the comma to the next
            close = self.text.find(",", self.text.index(",", end) + 1, end + 60)
            end = close if close > 0 else end
        tokens = [t for t in tokens_in(self.doc, start, end) if t.i > head.i]
        while tokens and (tokens[-1].is_punct or tokens[-1].text.rstrip(".") in POST_NOMINALS):
            tokens.pop()
        if not tokens:
            return None
        entity = self._by_token.get(tokens[-1].i)
        if entity is None or not entity.named or entity.kind != "person":
            return None
        first = tokens[-1]
        while first.i - 1 > head.i and self._by_token.get(first.i - 1) is entity:
            first = self.doc[first.i - 1]
        comma = self.doc[first.i - 1]
        return entity if comma.text == "," and comma.i > head.i else None

    def _author(self) -> Entity | None:
        """The named writer of a first-person piece: a byline (``By Jane Smith``) or the closing
        note on the author (``Charlotte Meehan is playwright-in-residence at ...``)."""
        text = self.text.rstrip()
        last = text[text.rfind("\n") + 1 :]
        first = text[self.body_start :].lstrip()[:120]
        for entity in self.entities:
            if entity.kind != "person" or not entity.named or len(entity.words) < 2:
                continue
            name = " ".join(entity.words)
            if (
                last.startswith(name + " is ")
                or last.startswith(name + " was ")
                or first.startswith("By " + name)
            ):
                return entity
        return None

    def _signed(self) -> list[tuple[int, Entity]]:
        """A letters page signs each letter with a paragraph of the writer's name alone
        ("Michael Pravica."): where each starts, and whose name it is."""
        writers = {
            " ".join(form): entity
            for entity in self.entities
            if entity.kind == "person" and entity.named and len(entity.words) > 1
            for form in entity.forms
        }
        found = []
        for start, end in paragraphs(self.text, self.body_start):
            line = self.text[start:end].rstrip(".,")
            if line in writers:
                found.append((start, writers[line]))
        return found

    def _signer(self, at: int) -> Entity | None:
        """The writer of the letter ``at`` is in: the first signature after it."""
        return next((entity for start, entity in self._signatures if start > at), None)

    def _other_mention(self, head: Token) -> Entity | None:
        lower = head.lower_
        word = len(head.text) > 2 and head.is_alpha
        if word and (head.text.isupper() or (head.pos_ == "PROPN" and head.text.istitle())):
            # a transcript's label, or a headline's surname NER missed: "PENCE" and
            # "Railing Against Trump, Sanders Vows ..." name the person the article names
            people = [
                e for e in self.entities if e.named and e.kind == "person" and e.surname.lower() == lower
            ]
            if people:
                return max(people, key=lambda e: len(e.positions))
        if word and head.text.isupper():
            # "Christian News Service reported ... CNS reported": an acronym NER missed
            spelled = [
                e
                for e in self.entities
                if e.named
                and e.kind == "organization"
                and len(e.words) > 1
                and _initials(e.words) == head.text
            ]
            if len(spelled) == 1 and spelled[0].before(head.idx):
                return spelled[0]
        if lower in ("i", "me", "my") and (writer := self._signer(head.idx) or self.author) is not None:
            return (
                writer  # narration in the first person: the letter's writer, else the author (CONVENTIONS.md)
            )
        if lower in PRONOUN_GENDER:
            return self._rank(head, PRONOUN_GENDER[lower], "person", _PRONOUN_WINDOW)  # type: ignore[arg-type]
        if lower in _ORG_PRONOUNS:
            return self._rank(head, None, "organization", _ORG_PRONOUN_WINDOW)
        if lower == "police" and not any(c.dep_ in ("compound", "amod", "poss") for c in head.children):
            return self._police(head)
        if head.ent_type_ == "GPE" and head.pos_ == "PROPN":
            return self._place(head)
        if head.lemma_.lower() in DERIVED_ORGS:
            return self._derived_of(head)
        if head.lower_ == "team" and (owner := self._owner_of(head)) is not None:
            # "Clinton's team", "The Trump team": the campaign, where the story names it
            return self._owned(owner, "campaign")
        if head.lemma_.lower() in ARTIFACTS and head.pos_ in ("NOUN", "PROPN"):
            return self._maker(head)
        person_word = head.pos_ in ("NOUN", "PROPN") and _is_person_word(head)
        if person_word and (not self._in_body(head) or self._headline_style(head)):
            return self._heading_role(head)
        if self._is_description(head):
            return self._described(head)
        if self._is_role_mention(head):
            return self._only_with_role(head)
        if head.lemma_.lower() in ORG_DESCRIPTIONS and (
            self._is_definite(head) or (head.lower_ in BARE_ORG_DESCRIPTIONS and not list(head.children))
        ):
            return self._organisation_described(head)
        return None

    def _police(self, head: Token) -> Entity | None:
        """``police said`` in a story that names one force (``a Charlotte-Mecklenburg police
        officer``, ``the Metropolitan Police``): that force, the latest named before, else the
        first after. A story naming none leaves *police* unnamed."""
        forces = self._force_names
        if not forces:
            return None
        before = [f for f in forces if f[0] < head.idx]
        key = (before[-1] if before else forces[0])[1]
        folded = tuple(w.casefold() for w in key)
        entity = next((e for e in self.entities if tuple(w.casefold() for w in e.words) == folded), None)
        if entity is None:
            entity = Entity(words=key, fixed_kind="organization")
            self.entities.append(entity)
        return entity

    @functools.cached_property
    def _force_names(self) -> list[tuple[int, tuple[str, ...]]]:
        """Each police force the body names, with where: found once, for every *police*."""
        forces = []
        for match in _POLICE.finditer(self.text, self.body_start):
            words = match.group(1).split()
            while words and words[0] in _NOT_PLACES:
                words = words[1:]
            if words and not self._in_heading(match.start()):
                forces.append((match.start(), (*words, match.group(2))))
        return forces

    def _in_heading(self, char: int) -> bool:
        return any(a <= char < b for a, b in self._headings)

    def _maker(self, head: Token) -> Entity | None:
        """Who made an artifact that speaks: ``Clinton's ad``, ``a Bloomberg poll``, ``a study
        in the British Medical Journal``; for ``the poll``, the maker of the last poll named;
        for an article with no maker named, the news organisation named last."""
        maker = self._maker_named(head)
        if maker is not None:
            return maker
        lemma = head.lemma_.lower()
        if any(c.lower_ in _OTHER_ONE for c in head.children if c.dep_ in ("amod", "det")):
            # "A second poll for the Independent on Sunday" is not the last poll's; but "Another
            # slide" may be of the same presentation
            return None
        # the last one named before; else, for a headline's "Poll:", the next one
        before = reversed(self.doc[max(0, head.i - 400) : head.i])
        after = self.doc[head.i + 1 : head.i + 120] if head.idx < self.body_start + 200 else ()
        kind = next((group for group in ARTIFACT_KINDS if lemma in group), frozenset({lemma}))
        for tokens in (before, after):
            for token in tokens:
                if token.lemma_.lower() in kind and token.pos_ in ("NOUN", "PROPN"):
                    maker = self._maker_named(token)
                    if maker is not None:
                        return maker
        if lemma in NEWS_ARTIFACTS:
            return self._organisation_described_as(
                head, ORG_DESCRIPTIONS["newspaper"] + ORG_DESCRIPTIONS["network"]
            )
        return None

    def _maker_named(self, token: Token, depth: int = 0) -> Entity | None:
        for child in token.children:
            if child.dep_ in ("poss", "compound", "nmod", "amod") and child.pos_ in ("PROPN", "PRON", "NOUN"):
                entity = self._referent(child)
                if entity is not None and entity.named:
                    return entity
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "in", "of", "on"):
                entity = self._below(child, depth)
                if entity is not None:
                    return entity
            if child.dep_ in ("acl", "relcl"):
                entity = self._made_in_clause(child)
                if entity is not None:
                    return entity
        return self._issuer(token) or self._proper_maker(token)

    def _made_in_clause(self, clause: Token) -> Entity | None:
        """``a study published by ...``, ``that appeared in ...``, ``a presentation that
        Mr. Guajardo Villarreal and his aides carry``."""
        for child in clause.children:
            if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "in"):
                entity = self._entity_below(child)
                if entity is not None:
                    return entity
            if clause.dep_ == "relcl" and child.dep_ == "nsubj" and child.lower_ not in RELATIVE_PRONOUNS:
                entity = self._referent(child)
                if entity is not None and entity.named:
                    return entity
        return None

    def _below(self, preposition: Token, depth: int) -> Entity | None:
        """The maker a preposition names: ``by the FBI``; ``of the debate published by``
        and ``a slide from a presentation that ...`` read one level down (not ``a letter from
        his doctor``: the doctor wrote it); ``on`` only for a site (``on the Trump campaign's
        website``), since ``a report on Trump`` is about him."""
        objects = [c for c in preposition.children if c.dep_ == "pobj"]
        if preposition.lower_ == "on":
            sites = [o for o in objects if o.lemma_.lower() in _SITES]
            return self._maker_named(sites[0], depth + 1) if sites and depth == 0 else None
        entity = self._entity_below(preposition)
        if entity is not None or depth > 0 or not objects or preposition.lower_ not in ("of", "from"):
            return entity
        if objects[0].lemma_.lower() in ARTIFACTS:
            return self._maker_named(objects[0], depth + 1)
        clauses = [c for c in objects[0].children if c.dep_ in ("acl", "relcl")]
        return self._made_in_clause(clauses[0]) if clauses else None

    def _issuer(self, token: Token) -> Entity | None:
        """The subject that put the artifact out: ``the Security Council issued a
        statement``, ``In a statement, the union called ...``."""
        verb = token.head
        if token.dep_ == "pobj" and verb.lower_ == "in":
            verb = verb.head
        elif token.dep_ != "dobj" or verb.lemma_.lower() not in ISSUING_VERBS:
            return None
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        for child in verb.children:
            if child.dep_ == "nsubj":
                entity = self._referent(child)
                return entity if entity is not None and entity.named else None
        return None

    def _proper_maker(self, token: Token) -> Entity | None:
        """``A USA TODAY analysis``: a proper name before the artifact that NER missed is
        its maker, an organisation."""
        chain = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not chain or token.pos_ != "NOUN":
            return None
        tokens = [t for t in chain[-1].subtree if t.pos_ == "PROPN"]
        if any(t.i in self._by_token or t.ent_type_ in _NOT_MAKERS for t in tokens):
            return None  # "a Monday statement", "a Republican memo"
        if tokens[-1].i != token.i - 1 or tokens[-1].ent_type_ == "GPE":
            return None
        key = canonical_words(tuple(tokens))
        return self._organisation(key) if key else None

    def _organisation(self, words: tuple[str, ...]) -> Entity:
        """The entity registered under ``words``, else a new organisation of that name."""
        entity = next((e for e in self.entities if e.words == words), None)
        if entity is None:
            entity = Entity(words=words, fixed_kind="organization")
            self.entities.append(entity)
        return entity

    def _entity_below(self, preposition: Token) -> Entity | None:
        for obj in preposition.children:
            if obj.dep_ == "pobj":
                entity = self._by_token.get(obj.i)
                if entity is not None and entity.named:
                    return entity
        return None

    @staticmethod
    def _is_role_mention(head: Token) -> bool:
        """``his attorney``, ``Pagliano's lawyer``, ``A New York judge``: a role, possessed or
        indefinite, singular."""
        if head.pos_ != "NOUN" or head.tag_ == "NNS" or role_word(head) not in ROLE_NOUNS:
            return False
        return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("a", "an")) for c in head.children)

    def _only_with_role(self, head: Token) -> Entity | None:
        """The one named person the article gives this role, if exactly one has it, named
        before (or after, in the lead); never for roles many unnamed people hold (``a
        spokesman``)."""
        role = _same_role(role_word(head))
        if role in _OFTEN_UNNAMED:
            return self._spokesperson_named_next(head)
        having = self._holders(role)
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if len(having) == 1:
            # a news lead describes before it names: "A former DNC chairman is calling ... Don
            # Fowler, who led the party, said"; so does "his attorney" where the one attorney
            # is named later; elsewhere the holder must have been named already
            lead = self._paragraph(head.idx) <= self._paragraph(self.body_start) + 1
            return having[0] if lead or owner is not None or having[0].before(head.idx) else None
        if having or head.dep_ not in _SUBJECT_DEPS:
            return None
        return self._introduced_next(head, ROLE_NOUNS.get(head.lower_))

    def _spokesperson_named_next(self, head: Token) -> Entity | None:
        """``A spokeswoman for Hillary Clinton says ... / Clinton communications director
        Jennifer Palmieri spoke to reporters``: a wire lead's unnamed spokesperson is the
        person the next paragraph introduces under the same employer's name."""
        if head.dep_ not in _SUBJECT_DEPS:
            return None
        employer = next(
            (
                self._referent(pobj)
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ == "for"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ),
            None,
        )
        if employer is None or not employer.named:
            return None
        person = self._introduced_next(head, ROLE_NOUNS.get(head.lower_))
        if person is None:
            return None
        first = person.positions[0].start
        lead = self.text[self.text.rfind("\n", 0, first) + 1 : first].replace("’", "'").split()
        return person if any(w.removesuffix("'s") == employer.surname for w in lead) else None

    def _main_subjects(self, number: int) -> list[Entity]:
        """The named people the main verb of sentence ``number`` has as its subject."""
        sent = self._sents[number]
        found = (self._referent(t) for t in sent if t.dep_ in _SUBJECT_DEPS and t.head.i == sent.root.i)
        return [e for e in found if e is not None and e.named and e.kind == "person"]

    def _introduced_next(self, head: Token, gender: str | None) -> Entity | None:
        """``Connecticut's tax commissioner says an internal review shows ... / Kevin Sullivan
        says he instructed staff``: a wire story's paragraph that opens on a role, and the
        next paragraph opening on a person named there for the first time."""
        number = self._sentence_of[head.i]
        sent = self._sents[number]
        starts = self._paragraph(sent.start_char) != self._paragraph(sent.start_char - 1) or number == 0
        if not starts or head.head.i != sent.root.i:
            return None
        following = next(
            (i for i in range(number + 1, len(self._sents))
             if self._paragraph(self._sents[i].start_char) > self._paragraph(sent.start_char)),
            None,
        )  # fmt: skip
        if following is None:
            return None
        start = self._sents[following].start_char
        if self._paragraph(start) > self._paragraph(head.idx) + 1:
            return None
        fresh = [
            e
            for e in self._main_subjects(following)
            if e.positions[0].start >= start and (gender is None or e.gender in (None, gender))
        ]
        return fresh[0] if len(fresh) == 1 else None

    def _holders(self, role: str) -> list[Entity]:
        """The named people the article gives ``role`` (or a synonym of it)."""
        return [e for e in self.entities if e.named and e.kind == "person" and role in _roles(e)]

    def _named_tokens(self, token: Token) -> tuple[Token, ...]:
        """The tokens of the named entity NER found around ``token``, else ``token`` alone."""
        span = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        return tuple(span) if span is not None else (token,)

    def _place(self, head: Token) -> Entity:
        """A country or city that speaks (``Russia said``) acts as an organisation."""
        tokens = self._named_tokens(head)
        key = canonical_words(tokens)
        entity = next((e for e in self.entities if e.words == key and e.kind == "organization"), None)
        bare = key[0].replace(".", "") if len(key) == 1 else ""
        if entity is None and len(bare) > 1 and bare.isupper():
            # NER's place "the I.R.S." is the Internal Revenue Service the article names
            entity = next(
                (e for e in self.entities if len(e.words) > 1 and e.named and _initials(e.words) == bare),
                None,
            )
        if entity is None:
            entity = Entity(words=key, fixed_kind="organization")
            self.entities.append(entity)
        for token in tokens:
            self._by_token[token.i] = entity
        return entity

    def _derived_of(self, head: Token) -> Entity | None:
        """``his campaign`` (the owner resolved first), or ``the campaign``: the latest one."""
        owner = self._owner_of(head)
        if owner is not None:
            return self._derived(owner, head)
        if not self._is_definite(head):
            return None
        noun = head.lemma_.lower()
        derived = [e for e in self.entities if e.owner is not None and e.words[-1] == noun]
        # "Hillary Clinton plans to call on young people ... The campaign says": the campaign
        # of the person the sentence before is about, in a story that covers two campaigns
        number = self._sentence_of[head.i]
        if number > 0:
            before = self._sents[number - 1]
            subjects = [self._referent(t) for t in before if t.dep_ == "nsubj" and t.head.i == before.root.i]
            owned = [e for e in derived if any(e.owner is s for s in subjects if s is not None)]
            if len(owned) == 1:
                return owned[0]
        return self._latest(derived, head)

    def _latest(self, entities: list[Entity], head: Token) -> Entity | None:
        dated = [(before[-1].start, i) for i, e in enumerate(entities) if (before := e.before(head.idx))]
        return entities[max(dated)[1]] if dated else None

    @staticmethod
    def _is_definite(head: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not any(
            c.dep_ == "poss" for c in head.children
        )

    def _organisation_described(self, head: Token) -> Entity | None:
        """``the newspaper`` -> the latest news organisation; ``the commission`` -> the latest
        organisation with *Commission* in its name."""
        noun = head.lemma_.lower()
        return self._organisation_described_as(head, (noun, *ORG_DESCRIPTIONS[noun]))

    def _organisation_described_as(self, head: Token, words: tuple[str, ...]) -> Entity | None:
        markers = set(words)
        fitting = [
            e
            for e in self.entities
            if e.kind == "organization" and e.named and {w.lower().strip(".") for w in e.words} & markers
        ]
        # "according to the union" before the story names it: the one union it ever names
        return self._latest(fitting, head) or (fitting[0] if len(fitting) == 1 else None)

    def _described(self, head: Token) -> Entity | None:
        """The person named earlier with the same role (``the Indiana governor`` -> Mike
        Pence), else the most salient compatible person."""
        role = "year-old" if self._is_age(head) else _same_role(role_word(head))
        words = {role_word(t) for t in head.subtree if t.pos_ in ("NOUN", "ADJ", "PROPN")}
        parties = words & _PARTIES
        best: tuple[int, int, Entity] | None = None
        for entity in self.entities:
            before = [p.start for p in entity.before(head.idx)]
            if role not in _roles(entity) or not before or not entity.named:
                continue
            if parties and entity.roles & _PARTIES and not parties & entity.roles:
                continue  # "the Democratic nominee" is not "Republican nominee Donald Trump"
            score = (len(words & entity.roles), max(before))
            if best is None or score > best[:2]:
                best = (*score, entity)
        if best is not None:
            return best[2]
        named_next = self._named_next(head, role, words)
        if named_next is not None:
            return named_next
        gender = ROLE_NOUNS.get(head.lower_)

        def other_trade(entity: Entity) -> bool:
            roles = _roles(entity)
            return role not in roles and bool(roles & TRADE_ROLES)

        return self._rank(head, gender, "person", _DESCRIPTION_WINDOW, other_trade)  # type: ignore[arg-type]

    @staticmethod
    def _headline_style(head: Token) -> bool:
        """A role with no article opening its sentence, a subheading's style: "Senator from
        Texas says he cannot allow ..." (in prose a bare "Senator" opens a name)."""
        if not head.is_sent_start or head.tag_ in ("NNS", "NNPS") or not head.text[:1].isupper():
            return False
        return not any(c.dep_ in ("det", "poss", "compound", "amod") for c in head.children if c.i < head.i)

    def _heading_role(self, head: Token) -> Entity | None:
        """A headline names by role whom the story names in full: "Retired General" is the
        "Retired U.S. Air Force Gen. Norman Ham" of the lead, the first the story gives it."""
        having = self._holders(_same_role(role_word(head)))
        body = [(min(p.start for p in e.positions if p.start >= self.body_start), i) for i, e in
                enumerate(having) if any(p.start >= self.body_start for p in e.positions)]  # fmt: skip
        return having[min(body)[1]] if body else None

    def _named_next(self, head: Token, role: str, words: set[str]) -> Entity | None:
        """News describes before it names: "The New York state attorney general is confirming
        ... But Attorney General Eric Schneiderman isn't saying". The one person first named
        with this role in the next two paragraphs."""
        paragraph = self._paragraph(head.idx)
        found = [
            e
            for e in self._holders(role)
            if e.positions
            and e.positions[0].start > head.idx
            and self._paragraph(e.positions[0].start) <= paragraph + 2
            and len(words & e.roles) >= min(2, len(words))
        ]
        return found[0] if len(found) == 1 else None

    @staticmethod
    def _is_age(head: Token) -> bool:
        """``34-year-old`` as one token, or as ``34 - year - old``."""
        if head.lower_.endswith("year-old"):
            return True
        doc = head.doc
        return head.lower_ == "old" and head.i >= 2 and doc[head.i - 2].lower_ in ("year", "years")

    @staticmethod
    def _is_description(head: Token) -> bool:
        """``the 34-year-old``, ``The TV personality and cookbook author``: definite, a role."""
        if Registry._is_age(head):
            return any(t.lower_ == "the" for t in head.doc[max(0, head.i - 6) : head.i])
        if head.pos_ not in ("NOUN", "PROPN") or head.tag_ in ("NNS", "NNPS"):
            return False
        if not Registry._is_definite(head):
            return False
        return role_word(head) in ROLE_NOUNS or head.lower_ in TITLES

    # output -------------------------------------------------------------------------------
    def _listed(self, entity: Entity) -> bool:
        """Real people and organisations only: a one-word name mentioned once, with no title,
        no gender evidence and never a speaker, is not one ("Oxygen was placed ...")."""
        if not entity.named or not entity.positions:
            return False
        if len(entity.words) > 1 or entity.owner is not None or entity.fixed_kind is not None:
            return True
        named_mentions = sum(entity.forms.values())
        speaker = any(p.speaker for p in entity.positions)
        return named_mentions > 1 or entity.titled or bool(entity.evidence) or speaker

    def people(self) -> tuple[Person, ...]:
        records = []
        for entity in self.entities:
            if not self._listed(entity):
                continue
            mentions = tuple(sorted({(p.start, p.end) for p in entity.positions}))
            kind = entity.kind
            gender = entity.gender if kind == "person" else None
            evidence: tuple[tuple[int, int], ...] = ()
            if gender is not None:
                evidence = tuple(sorted({(s, e) for s, e, g, _ in entity.evidence if g == gender}))
            records.append(Person(entity.name, kind, gender, mentions, evidence))
        return tuple(sorted(records, key=lambda p: p.mentions[0]))
