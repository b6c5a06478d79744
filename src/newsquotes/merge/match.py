"""The three matches between forms (distinct keys): exact, contained, near.

``exact`` is key equality (grouping, no code here). ``contained``: the shorter key occurs in the
longer one on word boundaries. ``near``: MinHash LSH (datasketch's MinHash over word 1- and
2-grams of the spelling-folded words) proposes candidate pairs, banded into buckets the
engines join on; each candidate is then checked exactly with ``similarity``, so the LSH decides
only what is compared, never what is merged.
"""

from __future__ import annotations

import hashlib
from difflib import SequenceMatcher
from itertools import pairwise

from .normalise import folded
from .settings import MergeSettings

try:
    from datasketch import MinHash
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("merging quotations needs datasketch: pip install 'newsquotes[corpus]'") from exc


def is_contained(short: str, long: str) -> bool:
    """Whether key ``short`` occurs inside key ``long`` as whole words.

    >>> is_contained("the plan is dead", "we think the plan is dead now")
    True
    >>> is_contained("plan is de", "the plan is dead")
    False
    """
    return f" {short} " in f" {long} "


def shingles(key: str) -> set[bytes]:
    """Word 1- and 2-grams of the spelling-folded words: one changed word alters a few of them,
    a different quote most of them."""
    words = folded(key)
    grams = set(words) | {f"{a} {b}" for a, b in pairwise(words)}
    return {gram.encode("utf-8") for gram in grams}


def bands_of(key: str, settings: MergeSettings) -> list[int]:
    """The LSH bucket of each band of a key: signed 64-bit hashes of (band number, its ``rows``
    MinHash values). Two keys sharing any bucket are near candidates."""
    minhash = MinHash(num_perm=settings.bands * settings.rows, seed=settings.seed)
    minhash.update_batch(list(shingles(key)))
    values = minhash.hashvalues
    buckets: list[int] = []
    for band in range(settings.bands):
        chunk = values[band * settings.rows : (band + 1) * settings.rows]
        digest = hashlib.blake2b(band.to_bytes(2, "big") + chunk.tobytes(), digest_size=8).digest()
        buckets.append(int.from_bytes(digest, "big", signed=True))
    return buckets


def similarity(key_a: str, key_b: str) -> float:
    """Word-level similarity of two keys after spelling folding: difflib's ratio, 2·M / T for M
    matched words of T in all (one word changed in ten: 0.9).

    >>> similarity("we will organise the vote", "we will organize the vote")
    1.0
    >>> round(similarity("the tax is a disaster for farmers", "the tax is a disaster for towns"), 3)
    0.857
    """
    return SequenceMatcher(None, folded(key_a), folded(key_b), autojunk=False).ratio()


def is_near(key_a: str, key_b: str, settings: MergeSettings) -> bool:
    """Whether two keys are one quotation worded slightly differently: ``similarity`` at least
    ``near_threshold`` and no edit longer than ``near_max_edit`` consecutive words. The second
    test keeps apart two quotes that share a long passage but differ by a whole clause
    ("I'm looking forward to working with such outstanding players, Both teams are..." and "The
    game promises to be a great spectacle, Both teams are...").

    >>> is_near("we will not raise taxes on working families", "we will not raise taxes for working families",
    ...         MergeSettings())
    True
    """
    a, b = folded(key_a), folded(key_b)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.ratio() < settings.near_threshold:
        return False
    edits = (max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    return max(edits, default=0) <= settings.near_max_edit


def differing_words(variant: str, text: str) -> str:
    """What a variant words differently from the quotation's text, as ``-removed +added`` edits
    over normalised words (``-stated +said``); empty when only punctuation or case differ."""
    a, b = text.split(), variant.split()
    edits: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        removed = " ".join(a[i1:i2])
        added = " ".join(b[j1:j2])
        edits.append(
            " ".join(
                part for part in (f"-{removed}" if removed else "", f"+{added}" if added else "") if part
            )
        )
    return "; ".join(edits)
