"""The three matches between forms (distinct keys): exact, contained, near.

``exact`` is key equality (grouping, no code here). ``contained``: the shorter key occurs in the
longer one on word boundaries. ``near``: MinHash LSH (datasketch's MinHash over word 1- and
2-grams of the spelling-folded words, ``normalise.fold_key``) proposes candidate pairs, banded
into buckets the engines join on; each candidate is then checked exactly with ``is_near``, so the LSH decides
only what is compared, never what is merged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from difflib import SequenceMatcher
from itertools import pairwise

from .settings import MergeSettings

try:
    from datasketch import MinHash
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("merging quotations needs datasketch: pip install 'newsquotes[corpus]'") from exc


# datasketch 2's default permutation scheme, named so that a later default cannot change the buckets
_SCHEME = "affine32"


def is_contained(short: str, long: str) -> bool:
    """Whether key ``short`` occurs inside key ``long`` as whole words.

    >>> is_contained("the plan is dead", "we think the plan is dead now")
    True
    >>> is_contained("plan is de", "the plan is dead")
    False
    """
    return f" {short} " in f" {long} "


def shingles(folded_key: str) -> set[bytes]:
    """Word 1- and 2-grams of a spelling-folded key (``normalise.fold_key``): one changed word
    alters a few of them, a different quote most of them."""
    words = folded_key.split()
    grams = set(words) | {f"{a} {b}" for a, b in pairwise(words)}
    return {gram.encode("utf-8") for gram in grams}


def bander(settings: MergeSettings) -> Callable[[str], list[int]]:
    """A function giving the LSH bucket of each band of a folded key: signed 64-bit hashes of (band
    number, its ``rows`` MinHash values). Two keys sharing any bucket are near candidates.
    The MinHash permutations are drawn once here (from ``seed``, so every engine and every
    worker draws the same), not once per key."""
    template = MinHash(num_perm=settings.bands * settings.rows, seed=settings.seed, scheme=_SCHEME)
    permutations = template.permutations
    bands, rows, seed = settings.bands, settings.rows, settings.seed

    def bands_of(folded_key: str) -> list[int]:
        minhash = MinHash(num_perm=bands * rows, seed=seed, permutations=permutations, scheme=_SCHEME)
        minhash.update_batch(list(shingles(folded_key)))
        values = minhash.hashvalues
        buckets: list[int] = []
        for band in range(bands):
            chunk = values[band * rows : (band + 1) * rows]
            digest = hashlib.blake2b(band.to_bytes(2, "big") + chunk.tobytes(), digest_size=8).digest()
            buckets.append(int.from_bytes(digest, "big", signed=True))
        return buckets

    return bands_of


def is_near(folded_a: str, folded_b: str, settings: MergeSettings) -> bool:
    """Whether two spelling-folded keys are one quotation worded slightly differently: a
    word-level similarity (difflib's ratio, 2·M / T for M matched words of T in all; one word
    changed in ten: 0.9) of at least ``near_threshold``, and no edit longer than
    ``near_max_edit`` consecutive words. The second
    test keeps apart two quotes that share a long passage but differ by a whole clause
    ("I'm looking forward to working with such outstanding players, Both teams are..." and "The
    game promises to be a great spectacle, Both teams are...").

    >>> is_near("we will not raise taxes on working families", "we will not raise taxes for working families",
    ...         MergeSettings())
    True
    >>> is_near("the tax is a disaster for farmers", "the tax is a disaster for towns", MergeSettings())
    True
    """
    a, b = folded_a.split(), folded_b.split()
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
