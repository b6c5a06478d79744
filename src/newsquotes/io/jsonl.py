"""Read articles from JSON Lines: one object per line with ``text`` and optional metadata."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from ..errors import InputError
from ..model import RawArticle

_OPTIONAL = ("id", "title", "date", "url")
# JSON may escape half of a surrogate pair ("\\ud800"): Python keeps it, but it is not Unicode
# text, and spaCy, the tokenizer and Arrow all fail to encode it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_unicode(value: str, field: str, number: int, source: str) -> None:
    found = _SURROGATE.search(value)
    if found is not None:
        raise InputError(
            "E129",
            source=source,
            line=number,
            field=field,
            codepoint=f"U+{ord(found.group()):04X}",
            offset=found.start(),
        )


def parse_record(line: str, number: int, source: str) -> RawArticle:
    """One JSON Lines record; raises ``InputError`` naming the file and line."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError("E105", source=source, line=number, reason=exc.msg) from exc
    except (ValueError, RecursionError) as exc:
        # valid JSON that Python will not hold: an integer of 4,301+ digits (ValueError), or
        # nesting deeper than the interpreter's recursion limit
        reason = str(exc).split(":")[0] if isinstance(exc, ValueError) else "nested too deeply"
        raise InputError("E105", source=source, line=number, reason=reason) from exc
    if not isinstance(value, dict):
        raise InputError("E106", source=source, line=number, found=type(value).__name__)
    text = value.get("text")
    if not isinstance(text, str):
        raise InputError("E107", source=source, line=number)
    _check_unicode(text, "text", number, source)
    fields: dict[str, str | None] = {}
    for name in _OPTIONAL:
        field_value = value.get(name)
        if isinstance(field_value, int) and not isinstance(field_value, bool) and name == "id":
            field_value = str(field_value)
        if field_value is not None and not isinstance(field_value, str):
            raise InputError("E108", source=source, line=number, field=name, found=type(field_value).__name__)
        if field_value is not None:
            _check_unicode(field_value, name, number, source)
        fields[name] = field_value
    return RawArticle(text=text, source=source, line=number, **fields)


def read_jsonl(text: str, source: str) -> Iterator[RawArticle | InputError]:
    """Each record of a JSON Lines text, or the error that record raised: one bad line never
    stops the others. Blank lines are skipped."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield parse_record(line, number, source)
        except InputError as exc:
            yield exc
