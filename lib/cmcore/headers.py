"""The metadata header of a Markdown source (``Key: value`` lines), with line numbers.

Python-Markdown's ``meta`` extension silently stops reading metadata at the first
line that is not ``Key: value`` and publishes the rest of the header as text. This
parser reads the same syntax but says where the header breaks, so the author can
be told the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z0-9_-]+)[ \t]*:[ \t]*(?P<value>.*)$")
_CONTINUATION = re.compile(r"^(?: {4}|\t)(?P<value>.*)$")
_YAML_FENCE = re.compile(r"^-{3}\s*$")


@dataclass(frozen=True)
class Field:
    """One metadata field: lower-case key, raw value, 1-based line of the key."""

    key: str
    value: str
    line: int


@dataclass(frozen=True)
class Header:
    """A parsed header: its fields, where the body starts, and the first broken line."""

    fields: tuple[Field, ...]
    body_line: int
    broken_line: int = 0
    broken_text: str = ""

    def get(self, key: str) -> Field | None:
        """The last field named ``key`` (case-insensitive), as Markdown keeps the last one."""
        for field in reversed(self.fields):
            if field.key == key.lower():
                return field
        return None


def parse_header(text: str) -> Header:
    """Parse the header at the top of ``text``: the lines before the first blank line."""
    lines = text.splitlines()
    fields: list[Field] = []
    number = 0
    if lines and _YAML_FENCE.match(lines[0]):
        # A YAML-style fence is allowed around the header, as Python-Markdown allows it.
        number = 1
    while number < len(lines):
        raw = lines[number]
        if not raw.strip() or (fields and _YAML_FENCE.match(raw)):
            return Header(tuple(fields), number + 2)
        match = _KEY_LINE.match(raw)
        if match:
            fields.append(Field(match["key"].lower(), match["value"].strip(), number + 1))
        elif fields and _CONTINUATION.match(raw):
            last = fields[-1]
            value = f"{last.value} {raw.strip()}".strip()
            fields[-1] = Field(last.key, value, last.line)
        elif not fields:
            # No header at all: the file starts with its text.
            return Header((), number + 1)
        else:
            return Header(tuple(fields), number + 1, broken_line=number + 1, broken_text=raw)
        number += 1
    return Header(tuple(fields), number + 1)
