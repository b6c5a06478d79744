"""Normalised forms of quotation text: the keys quotations are merged on.

Two texts are the same quotation (``exact``) when their keys are equal: the key is the text in
NFKC, lower case, with quote marks, dashes, apostrophes and every other punctuation mark gone
and white space collapsed (``“It’s a — disaster!”`` and ``"it's a disaster"`` both give
``its a disaster``). Mixed quotes contribute only their quote-marked fragments: the rest of a
mixed quote is the writer's paraphrase, as reported speech is, and is never merged.

>>> key_of("“It’s a — DISASTER,” ")
'its a disaster'
>>> fragments('the rise was "staggering and far beyond what we feared" in 2004')
['staggering and far beyond what we feared']
"""

from __future__ import annotations

import re
import unicodedata

# Apostrophes inside words vanish (it's -> its) so that ' and ’ spellings agree; every other
# non-word character separates words.
_APOSTROPHES = re.compile(r"(?<=\w)['’ʼ`´](?=\w)")
_NON_WORD = re.compile(r"[\W_]+")

# Double quote marks of every style; single marks only where they open after a non-letter and
# close before one, so that apostrophes (don't, the Blairs') never open a fragment.
_DOUBLE = re.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]")
_SINGLE = re.compile(r"(?<![\w])[‘']([^‘’'\"“”]+?)[’'](?![\w])")

# British -> US spellings (and a few Commonwealth forms), applied to whole words for the `near`
# comparison only: `exact` keeps the words as written. Both sides are folded the same way, so a
# rule that also fires on an unrelated word (detour -> detor) changes nothing that is compared.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites|able)?$"), r"\1or\2"),  # colour, favourite
    (re.compile(r"^(\w{3,})is(e|es|ed|ing|ation|ations)$"), r"\1iz\2"),  # organise, realisation
    (re.compile(r"^(\w{2,})ys(e|es|ed|ing)$"), r"\1yz\2"),  # analyse
    (re.compile(r"^(\w{3,})tre(s)?$"), r"\1ter\2"),  # centre, theatre
    (re.compile(r"^(\w{3,})ogue(s)?$"), r"\1og\2"),  # catalogue, dialogue
    (re.compile(r"^(\w{3,}[aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),  # travelled, cancelling
    (re.compile(r"^(defen|offen|licen|preten)ce(s)?$"), r"\1se\2"),  # defence, licence
    (re.compile(r"^programme(s)?$"), r"program\1"),
    (re.compile(r"^(\w*)ae(\w{2,})$"), r"\1e\2"),  # paediatric, anaemia
    (re.compile(r"^(\w*)oe(\w{3,})$"), r"\1e\2"),  # manoeuvre, oestrogen
)


_ANY_FOLD = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _FOLDS))


def words_of(text: str) -> list[str]:
    """The normalised words of ``text`` (see the module docstring)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOSTROPHES.sub("", text)
    return [word for word in _NON_WORD.split(text) if word]


def key_of(text: str) -> str:
    """The normalised key of ``text``: its words joined by single spaces."""
    return " ".join(words_of(text))


def fold_word(word: str) -> str:
    """A normalised word with British spelling folded to US (``organise`` -> ``organize``)."""
    if _ANY_FOLD.match(word) is None:  # one test for the common case: no rule fires
        return word
    for pattern, replacement in _FOLDS:
        folded = pattern.sub(replacement, word)
        if folded != word:
            return folded
    return word


def fold_key(key: str) -> str:
    """A key with British spelling folded to US: what the `near` comparison sees.

    >>> fold_key("we organise the programme")
    'we organize the program'
    """
    return " ".join(fold_word(word) for word in key.split())


def fragments(text: str) -> list[str]:
    """The quote-marked fragments of a mixed quote's text, in order (double marks first; single
    marks where the text has no double ones)."""
    found = [match.group(1) for match in _DOUBLE.finditer(text)]
    if not found:
        found = [match.group(1) for match in _SINGLE.finditer(text)]
    return [fragment.strip() for fragment in found if fragment.strip()]
