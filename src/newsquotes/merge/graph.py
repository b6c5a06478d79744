"""From matches between forms to quotations: which forms are one quotation, and its representative.

Works on integer arrays only (form ids, word and occurrence counts, edges), never on text, so a
merge of millions of quotes keeps a few bytes per form in Python memory. Both engines call it
with the same edges and get the same assignment.

``near`` edges are symmetric: they join forms into clusters (union-find). ``contained`` edges
are not: the shorter cluster becomes part of one longer cluster, the best of those containing
it (most occurrences, then longest, then smallest id), and the containers are never joined
through it. Two different quotes sharing a long phrase stay apart even when the phrase is
also quoted alone.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]


def _find(parent: Ints, node: int) -> int:
    root = node
    while parent[root] != root:
        root = int(parent[root])
    while parent[node] != root:  # path compression keeps later finds short
        parent[node], node = root, int(parent[node])
    return root


def _best(order_keys: tuple[Ints, ...], groups: Ints, size: int) -> Ints:
    """For each group, the index of its first member in lexicographic ``order_keys`` order."""
    order = np.lexsort((*reversed(order_keys), groups))
    first = np.ones(len(order), dtype=bool)
    first[1:] = groups[order][1:] != groups[order][:-1]
    best = np.full(size, -1, dtype=np.int64)
    best[groups[order][first]] = order[first]
    return best


def assign(
    form_ids: Ints,
    n_words: Ints,
    n_occ: Ints,
    near: Iterable[tuple[Ints, Ints]],
    contained: Iterable[tuple[Ints, Ints]],
) -> Ints:
    """The representative form id of every form (aligned with ``form_ids``).

    ``near`` yields batches of (form a, form b) pairs; ``contained`` batches of (shorter form,
    longer form containing it). The representative of a quotation is its longest form (most
    words), then the most repeated, then the smallest id.
    """
    n = len(form_ids)
    order = np.argsort(form_ids, kind="stable")
    sorted_ids = form_ids[order]

    def index(ids: Ints) -> Ints:
        return order[np.searchsorted(sorted_ids, ids)]

    parent = np.arange(n, dtype=np.int64)
    for a, b in near:
        for i, j in zip(index(a).tolist(), index(b).tolist(), strict=True):
            ri, rj = _find(parent, i), _find(parent, j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    cluster = np.array([_find(parent, i) for i in range(n)], dtype=np.int64)

    words = n_words.astype(np.int64)
    occ = n_occ.astype(np.int64)
    max_words = np.zeros(n, dtype=np.int64)
    np.maximum.at(max_words, cluster, words)
    total = np.zeros(n, dtype=np.int64)
    np.add.at(total, cluster, occ)
    best_form = _best((-words, -occ, form_ids), cluster, n)

    # Each shorter cluster picks one container cluster. Only strictly longer clusters may
    # contain it, so following containers always ends (no cycles).
    container = np.arange(n, dtype=np.int64)
    score: dict[int, tuple[int, int, int]] = {}
    for child_forms, parent_forms in contained:
        for c, p in zip(
            cluster[index(child_forms)].tolist(), cluster[index(parent_forms)].tolist(), strict=True
        ):
            if c == p or max_words[p] <= max_words[c]:
                continue
            candidate = (-int(total[p]), -int(max_words[p]), int(form_ids[best_form[p]]))
            if c not in score or candidate < score[c]:
                score[c] = candidate
                container[c] = p
    root = container.copy()
    while True:
        step = container[root]
        if np.array_equal(step, root):
            break
        root = step
    group = root[cluster]
    representative = _best((-words, -occ, form_ids), group, n)
    result: Ints = form_ids[representative[group]]
    return result
