"""Who said a quotation, across the articles that carry it.

Each occurrence names a speaker or none. A one-word name ("Blair") counts for the one dominant
full name ending in that word among the quotation's other occurrences ("Tony Blair"), when there
is one; ``speakers`` still lists both forms as the articles gave them. The speaker kind plays no
part: the NER takes a surname alone, and sometimes a full name, for an organisation ("Thanou",
"Katerina Thanou"), and one quotation's occurrences name one speaker in different ways.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..across import dominant

CONFLICT_SHARE = 0.2  # a second speaker with at least this share of the named occurrences...
CONFLICT_COUNT = 2  # ...or at least this many of them makes the attribution a conflict


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speakers of one quotation: ``speakers`` as (name, count) pairs, most frequent first."""

    speaker_name: str | None
    speaker_share: float | None
    speakers: tuple[tuple[str, int], ...]
    conflict: bool


def _surname_target(surname: str, named: Counter[str]) -> str | None:
    matches = Counter(
        {
            name: n
            for name, n in named.items()
            if " " in name and name.split()[-1].casefold() == surname.casefold()
        }
    )
    top = dominant(matches)
    return top[0] if top is not None else None


def attribute(counts: Iterable[tuple[str, int]]) -> Attribution:
    """Combine (speaker name, occurrences) of one quotation into its attribution.

    >>> found = attribute([("Tony Blair", 2), ("Blair", 1), ("the council", 1)])
    >>> found.speaker_name, found.speaker_share, found.conflict
    ('Tony Blair', 0.75, True)
    >>> found.speakers
    (('Tony Blair', 2), ('Blair', 1), ('the council', 1))
    """
    raw: Counter[str] = Counter()
    for name, n in counts:
        raw[name] += n
    resolved: Counter[str] = Counter()
    for name, n in raw.items():
        target = _surname_target(name, raw) if " " not in name else None
        resolved[target or name] += n
    speakers = tuple(sorted(raw.items(), key=lambda item: (-item[1], item[0])))
    if not resolved:
        return Attribution(None, None, speakers, False)
    ranked = sorted(resolved.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))
    total = sum(resolved.values())
    second = ranked[1][1] if len(ranked) > 1 else 0
    conflict = second >= CONFLICT_COUNT or second >= CONFLICT_SHARE * total
    return Attribution(ranked[0][0], ranked[0][1] / total, speakers, conflict)
