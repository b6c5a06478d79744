"""The article ids, in one place: ``extract``, ``run`` and ``spark`` call these and nothing else.

An article with an id of its own (a JSON Lines ``id``; an integer is read as its decimal string)
keeps it. Otherwise its id says where it was found, relative to what was named as input, so it
stays the same when the corpus folder moves and is the same for every command:

- a file inside a folder named as input: its path inside that folder, without the suffix
  (``news/`` holding ``2024/story.txt`` gives ``2024/story``);
- a file named directly: its path relative to the common folder of the files named with it
  (``extract story.txt`` gives ``story``; ``run a/x.jsonl b/x.jsonl`` gives ``a/x`` and ``b/x``);
- a record inside a file: the file's id, a colon and its position (``feed:3`` for line 3 of
  ``feed.jsonl.gz``, ``crawl:4096`` for the WARC record at byte 4,096);
- a text with no file at all (standard input, the library): the first 16 hex digits of the
  SHA-1 of the text.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from collections.abc import Sequence

INPUT_SUFFIXES = (
    ".jsonl.gz",
    ".ndjson.gz",
    ".warc.gz",
    ".jsonl",
    ".ndjson",
    ".warc",
    ".html",
    ".htm",
    ".txt",
)


def text_id(text: str) -> str:
    """The id of a text that came without a file or an id of its own."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def strip_suffix(name: str) -> str:
    """``name`` without its input suffix (``.jsonl.gz`` as a whole), else without its last one."""
    lowered = name.lower()
    for suffix in INPUT_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    stem, _ = posixpath.splitext(name)
    return stem or name


def article_id(name: str, *position: object) -> str:
    """The id of an article without one of its own: its file's ``name`` (see ``input_name``)
    without the suffix, then its position in the file if it is one record of many.

    >>> article_id("2024/feed.jsonl.gz", 3)
    '2024/feed:3'
    """
    return ":".join([strip_suffix(name), *(str(p) for p in position)])


def common_folder(paths: Sequence[str]) -> str:
    """The deepest folder holding every one of ``paths`` ("/"-separated paths or URIs)."""
    parents = [path.rstrip("/").rsplit("/", 1)[0] for path in paths]
    if not parents:
        return ""
    split = [parent.split("/") for parent in parents]
    common: list[str] = []
    for parts in zip(*split, strict=False):
        if any(part != parts[0] for part in parts):
            break
        common.append(parts[0])
    return "/".join(common)


def relative_name(path: str, folder: str) -> str:
    """``path`` relative to ``folder``, "/"-separated (both "/"-separated)."""
    prefix = folder.rstrip("/") + "/"
    return path[len(prefix) :] if path.startswith(prefix) else path.rsplit("/", 1)[-1]


def posix(path: str) -> str:
    """A local path with "/" separators, as names and ids use on every platform."""
    return path.replace(os.sep, "/") if os.sep != "/" else path
