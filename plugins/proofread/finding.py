"""The one record every check produces: a ``Finding`` at a place in a source file."""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES = ("spelling", "grammar", "typography", "repetition", "style")

# What the author reads, in French, for each category.
CATEGORY_LABELS = {
    "spelling": "orthographe",
    "grammar": "grammaire",
    "typography": "typographie",
    "repetition": "répétition",
    "style": "style",
}

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

    def to_dict(self) -> dict:
        """The finding as the JSON object of the CLI contract."""
        data = {name: getattr(self, name) for name in JSON_FIELDS}
        data["suggestions"] = list(self.suggestions)
        return data

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
    ("« ", "«\u00a0"),
    (" »", "\u00a0»"),
    (" :", "\u00a0:"),
    (" ;", "\u202f;"),
    (" ?", "\u202f?"),
    (" !", "\u202f!"),
)


def french_spaces(text: str) -> str:
    """French spacing for a message: no-break spaces inside « » and before : ; ? !."""
    for plain, french in _FRENCH_SPACES:
        text = text.replace(plain, french)
    return text


def word_set(text: str) -> frozenset[str]:
    """The space-separated words of ``text`` (for word lists written as one string)."""
    return frozenset(text.split())


def to_record(finding: Finding) -> dict:
    """A finding as plain JSON data, with what the report does not show (offset, edit...)."""
    data = finding.to_dict()
    data["offset"] = finding.offset
    if finding.edit:
        data["edit"] = [finding.edit.start, finding.edit.end, finding.edit.text]
    if finding.context:
        data["text"] = finding.text
        data["context"] = finding.context
    return data


def from_record(data: dict) -> Finding:
    """The finding :func:`to_record` made ``data`` of."""
    edit = data.get("edit")
    return Finding(
        file=data["file"],
        line=data["line"],
        column=data["column"],
        end_column=data["end_column"],
        category=data["category"],
        rule=data["rule"],
        message=data["message"],
        suggestions=tuple(data["suggestions"]),
        excerpt=data["excerpt"],
        autofix=data["autofix"],
        baseline=data.get("baseline", False),
        offset=data.get("offset", 0),
        edit=Edit(*edit) if edit else None,
        text=data.get("text", ""),
        context=data.get("context", ""),
    )
