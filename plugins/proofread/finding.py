"""The one record every check produces, in two forms, and its one serialisation.

- :class:`Hit`: what a check (spelling, grammar, typography, repetition) finds in one
  segment of text, its span given as indexes into the segment's text. It does not depend
  on where the segment is, so the paragraph cache keeps hits (:func:`hit_to_json`,
  :func:`hit_from_json`).
- :class:`Finding`: a hit placed in a source file (file, line, column...). The one
  conversion is ``checker.place``.

A finding is serialised by :func:`to_record` only: the JSON object of the CLI contract
(``invoke proofread --format json``, the dev server's preview), or with ``full=True``
everything the finding holds (the per-file cache, the background process's answers),
which :func:`from_record` reads back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cmcore.french import NBSP, NNBSP

CATEGORIES = ("spelling", "grammar", "typography", "repetition", "style")

# What the author reads, in French, for each category.
CATEGORY_LABELS = {
    "spelling": "orthographe",
    "grammar": "grammaire",
    "typography": "typographie",
    "repetition": "répétition",
    "style": "style",
}

# The JSON object of the CLI contract, in this order.
JSON_FIELDS = (
    "file",
    "line",
    "column",
    "end_column",
    "category",
    "rule",
    "message",
    "suggestions",
    "excerpt",
    "autofix",
    "baseline",
)


@dataclass(frozen=True)
class Edit:
    """A replacement of ``source[start:end]`` by ``text`` (absolute offsets in the source)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Finding:
    """One mistake in one source file; positions are 1-based and span the offending text."""

    file: str
    line: int
    column: int
    end_column: int
    category: str
    rule: str
    message: str
    suggestions: tuple[str, ...] = ()
    excerpt: str = ""
    autofix: bool = False
    # Kept in the site's known mistakes (``baseline.py``): reported apart, never blocking.
    baseline: bool = False
    # Not part of the JSON contract: where the text is in the source, the typography edit
    # that ``--fix-typography`` may apply, and what the known mistakes recognise a
    # blocking finding by (the offending text as checked, a fingerprint of the words
    # around it).
    offset: int = field(default=0, compare=False)
    edit: Edit | None = field(default=None, compare=False)
    text: str = field(default="", compare=False)
    context: str = field(default="", compare=False)
    # An unknown word is reported once per file, at its first occurrence (see
    # ``checker.group_repeated``): the (line, column, text) of its other occurrences.
    occurrences: tuple[tuple[int, int, str], ...] = field(default=(), compare=False)

    @property
    def blocking(self) -> bool:
        """Whether the finding stops a strict run.

        Typography fixed at render time never does, nor does a known mistake.
        """
        return not self.autofix and not self.baseline


@dataclass(frozen=True)
class Hit:
    """A finding inside one text segment, before it is placed in the source file.

    ``start``/``end`` index the segment's text; this is what the paragraph cache keeps.
    """

    start: int
    end: int
    category: str
    rule: str
    message: str
    suggestions: tuple[str, ...] = ()
    autofix: bool = False
    replacement: str | None = None  # typography only: what the render-time fix writes


_FRENCH_SPACES = (
    ("« ", "«" + NBSP),
    (" »", NBSP + "»"),
    (" :", NBSP + ":"),
    (" ;", NNBSP + ";"),
    (" ?", NNBSP + "?"),
    (" !", NNBSP + "!"),
)


def french_spaces(text: str) -> str:
    """French spacing for a message: no-break spaces inside « » and before : ; ? !."""
    for plain, french in _FRENCH_SPACES:
        text = text.replace(plain, french)
    return text


# Lines named in the message of a word reported once for all its occurrences.
SHOWN_LINES = 8


def occurrence_note(lines: list[int]) -> str:
    """``34 occurrences dans ce fichier, lignes 3, 8, 12…``: where a word reported once
    for the whole file is written (``lines``: the line of each occurrence, in order)."""
    distinct = list(dict.fromkeys(lines))
    shown = ", ".join(str(line) for line in distinct[:SHOWN_LINES])
    more = "…" if len(distinct) > SHOWN_LINES else ""
    label = "lignes" if len(distinct) > 1 else "ligne"
    return f"{len(lines)} occurrences dans ce fichier, {label} {shown}{more}"


def word_set(text: str) -> frozenset[str]:
    """The space-separated words of ``text`` (for word lists written as one string)."""
    return frozenset(text.split())


# Besides the CLI contract, what the cache and the background answers keep.
INTERNAL_FIELDS = ("offset", "edit", "text", "context", "occurrences")


def to_record(finding: Finding, *, full: bool = False) -> dict:
    """A finding as plain JSON data: the CLI contract's object, or with ``full`` all of it."""
    data = {name: getattr(finding, name) for name in JSON_FIELDS}
    data["suggestions"] = list(finding.suggestions)
    if full:
        data.update((name, getattr(finding, name)) for name in INTERNAL_FIELDS)
        data["occurrences"] = [list(place) for place in finding.occurrences]
        if finding.edit is not None:
            data["edit"] = [finding.edit.start, finding.edit.end, finding.edit.text]
    return data


def from_record(data: dict) -> Finding:
    """The finding :func:`to_record` made ``data`` of."""
    edit = data.get("edit")
    return Finding(
        **{
            **data,
            "suggestions": tuple(data["suggestions"]),
            "edit": Edit(*edit) if edit else None,
            "occurrences": tuple(tuple(place) for place in data.get("occurrences", ())),
        }
    )


def hit_to_json(hit: Hit) -> list:
    """A hit as the paragraph cache keeps it (its fields in order)."""
    return [
        hit.start,
        hit.end,
        hit.category,
        hit.rule,
        hit.message,
        list(hit.suggestions),
        hit.autofix,
        hit.replacement,
    ]


def hit_from_json(data: list) -> Hit:
    """The hit :func:`hit_to_json` made ``data`` of."""
    start, end, category, rule, message, suggestions, autofix, replacement = data
    return Hit(start, end, category, rule, message, tuple(suggestions), autofix, replacement)
