"""Speaker names completed across the articles of one run.

An article that only ever says "President Obama" or "Mr. Trump" gives its speaker as the
surname: the pipeline never invents a first name. Where other articles of the same run name
a person in full, and one full name ending in that surname clearly dominates ("Barack Obama"
in most of the articles that name an Obama in full), the surname takes that full name: one
spelling of one person across the run, as the canonical conventions ask. The full name comes
from the text of another article, never from outside knowledge.

A person with a gender the article gives evidence for only takes a full name whose bearer
has no contrary evidence ("Mrs. Clinton" is never *Bill Clinton*). Organisations and names
of more than one word are left as they are.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from .model import Article, Gender, Person

DOMINANT_SHARE = 2 / 3  # of the full names sharing a surname, the one a surname stands for
MIN_ARTICLES = 2  # a full name found in one article only is too thin a witness


def _full_names(articles: Sequence[Article]) -> dict[str, Counter[tuple[str, Gender | None]]]:
    """Full person names by folded surname: how many articles name each, with its gender."""
    by_surname: dict[str, Counter[tuple[str, Gender | None]]] = defaultdict(Counter)
    for article in articles:
        for person in {(p.name, p.gender) for p in article.people if _is_full(p)}:
            by_surname[person[0].split()[-1].casefold()][person] += 1
    return by_surname


def _is_full(person: Person) -> bool:
    words = person.name.split()
    return person.kind == "person" and len(words) >= 2 and all(w[:1].isupper() for w in words)


def dominant(names: Counter[str]) -> tuple[str, int] | None:
    """The name counted most (ties to the first in order, so row order does not matter) and
    its count, where it holds at least ``DOMINANT_SHARE`` of all; else None."""
    if not names:
        return None
    top, count = min(names.items(), key=lambda item: (-item[1], item[0]))
    return (top, count) if count >= DOMINANT_SHARE * sum(names.values()) else None


def _target(person: Person, found: Counter[tuple[str, Gender | None]]) -> str | None:
    names: Counter[str] = Counter()
    for (name, gender), n in found.items():
        if person.gender is None or gender in (None, person.gender):
            names[name] += n
    top = dominant(names)
    return top[0] if top is not None and top[1] >= MIN_ARTICLES else None


def complete_names(articles: Sequence[Article]) -> list[Article]:
    """``articles`` with one-word person names replaced by the full name that dominates
    among the other articles (see the module's docstring); the rest unchanged."""
    by_surname = _full_names(articles)
    out = []
    for article in articles:
        renamed: dict[str, str] = {}
        taken = {p.name for p in article.people}
        for person in article.people:
            if person.kind != "person" or " " in person.name or not person.name[:1].isupper():
                continue
            target = _target(person, by_surname.get(person.name.casefold(), Counter()))
            if target is not None and target not in taken:
                renamed[person.name] = target
        if not renamed:
            out.append(article)
            continue
        people = tuple(replace(p, name=renamed.get(p.name, p.name)) for p in article.people)
        quotes = tuple(
            replace(q, speaker=replace(q.speaker, name=renamed[q.speaker.name]))
            if q.speaker.name in renamed and q.speaker.kind in (None, "person")
            else q
            for q in article.quotes
        )
        out.append(replace(article, people=people, quotes=quotes))
    return out
