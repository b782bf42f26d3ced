"""Markdown source → the text an author wrote, in segments mapped back to the source.

Each :class:`Segment` is one title, summary, heading, paragraph, list item, table row or
image alt text, with code, URLs, e-mail addresses, HTML tags, link targets and
metadata keys taken out. ``offsets[i]`` is the absolute offset in the source of
``text[i]``, so a finding in a segment lands on the exact line and column.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field

from cmcore.headers import parse_header

from .options import CHECKED_FIELDS, MARKDOWN_SUFFIXES  # noqa: F401 (MARKDOWN_SUFFIXES: for callers)

# The files the proofreader reads: Pelican's Markdown reader's suffixes.
# Stands for something the checks must not read (code, a URL): one character, not a word.
PLACEHOLDER = "\ufffc"


_DIRECTIVE = re.compile(r"<!--\s*proofread\s*:\s*(ignore|off|on)\s*-->", re.I)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_REFDEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_TABLE_SEP = re.compile(r"^[ \t|:\-]+$")
_INDENT = re.compile(r"^(?: {4}|\t)")
_BLOCK_HTML_SKIP = re.compile(r"^\s*<(pre|script|style|code|svg|math)\b", re.I)
_FOREIGN_BLOCK = re.compile(r"^\s*<(\w+)\b[^>]*\blang\s*=\s*[\"']?(?!fr)[a-zA-Z-]+[^>]*>", re.I)
_ABBR_DEF = re.compile(r"^\*\[[^\]]+\]:")

# Inline things the checks must not read, or whose markup only must go.
_INLINE = re.compile(
    r"""
    (?P<code>(?P<ticks>`+).+?(?P=ticks))
    |(?P<comment><!--.*?-->)
    |(?P<foreign><(?P<ftag>\w+)\b[^>]*\blang\s*=\s*["']?(?!fr)[a-zA-Z-]+[^>]*>.*?</(?P=ftag)\s*>)
    |(?P<autolink><(?:https?://|mailto:|ftp://)[^>\s]*>|<[^@\s<>]+@[^@\s<>]+>)
    |(?P<image>!\[(?P<alt>[^\]]*)\]\([^)]*\))
    |(?P<linkref>!?\[(?P<ltext>[^\]]*)\](?:\((?:<[^<>\n]*>|(?:[^()\s]|\([^)]*\))*)(?:\s+"[^"]*")?\)|\[[^\]]*\]))
    |(?P<linktail>\]\((?:<[^<>\n]*>|(?:[^()\s]|\([^)]*\))*)(?:\s+"[^"]*")?\))
    |(?P<footnote>\[\^[^\]]+\])
    |(?P<tag></?[A-Za-z][\w:-]*(?:\s+[^<>]*?)?/?>)
    |(?P<url>(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?»"'’])
    |(?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
    |(?P<domain>(?<![\w@.-])[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.(?:com|net|org|fr|io|ly|it|co
        |me|tv|info|app|dev|ai|africa|ci|sn|tg|bj|ml|bf|ne|cm|ga|cd|cg|gn|ma|tn|dz|mg|be|ch|ca
        |eu|uk|de|es|us)(?![\w-]|\.\w))
    |(?P<attrs>\{[:#.][^}]*\})
    |(?P<escape>\\[\\`*_{}\[\]()#+\-.!|>])
    |(?P<entity>&(?:\#\d+|\#x[0-9a-fA-F]+|[A-Za-z]+);)
    |(?P<emph>(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])|~~)
    """,
    re.X | re.S,
)
# What every alternative of _INLINE needs; most lines of prose have none of it.
_MARKUP = re.compile(r"[`<!\[\]\\&{*_~@]|://|www\.|\w\.[a-z]{2}")


@dataclass(frozen=True)
class Segment:
    """A piece of text the author wrote, with the source offset of each character."""

    text: str
    offsets: tuple[int, ...]
    kind: str = "paragraph"

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets ``[a, b)`` of ``text[start:end]``."""
        end = max(end, start + 1)
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class Document:
    """A source file cut into segments, with what the author asked to ignore."""

    path: str
    source: str
    segments: list[Segment] = field(default_factory=list)
    ignore_words: frozenset[str] = frozenset()
    lang: str = "fr"
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.source)]
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_text(self, line: int) -> str:
        """The source line ``line`` (1-based), without its end of line."""
        self.position(0)
        start = self._line_starts[line - 1]
        end = self.source.find("\n", start)
        return self.source[start : end if end >= 0 else len(self.source)]


class _Builder:
    """Collects text and offsets of one segment."""

    __slots__ = ("chars", "offsets")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, start: int) -> None:
        self.chars.append(text)
        self.offsets.extend(range(start, start + len(text)))

    def add_char(self, char: str, at: int) -> None:
        self.chars.append(char)
        self.offsets.append(at)

    def segment(self, kind: str) -> Segment | None:
        text = "".join(self.chars)
        if not text.strip(" \t\n" + PLACEHOLDER):
            return None
        return Segment(text, tuple(self.offsets), kind)


def _inline(builder: _Builder, line: str, base: int) -> bool:
    """Add the readable text of one Markdown line; True if it asks to be ignored."""
    if not _MARKUP.search(line):
        builder.add(line, base)
        return False
    ignored = False
    position = 0
    for match in _INLINE.finditer(line):
        start, end = match.span()
        if start > position:
            builder.add(line[position:start], base + position)
        kind = match.lastgroup
        if kind in ("code", "autolink", "url", "email", "domain", "foreign", "footnote"):
            builder.add_char(PLACEHOLDER, base + start)
        elif kind == "comment":
            directive = _DIRECTIVE.fullmatch(match.group())
            if directive and directive.group(1).lower() == "ignore":
                ignored = True
        elif kind == "image":
            builder.add_char(PLACEHOLDER, base + start)
        elif kind == "linkref":
            text_start = match.start("ltext")
            _inline(builder, match.group("ltext"), base + text_start)
        # linktail: the target of a link whose text began on an earlier line, dropped
        elif kind == "escape":
            builder.add(match.group()[1], base + start + 1)
        elif kind == "entity":
            char = html.unescape(match.group())
            builder.add_char(char if len(char) == 1 else PLACEHOLDER, base + start)
        # tags, attribute lists and emphasis markers simply vanish
        position = end
    if position < len(line):
        builder.add(line[position:], base + position)
    return ignored


def code_spans(source: str) -> list[str]:
    """The text of the inline code spans of a Markdown source (code blocks left out)."""
    spans = []
    fence = ""
    for line in source.split("\n"):
        if fence:
            if re.match(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$", line):
                fence = ""
            continue
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = fence_match.group(1)
        elif "`" in line:
            spans += [m.group() for m in _INLINE.finditer(line) if m.lastgroup == "code"]
    return [span.strip("`") for span in spans]


def _alt_texts(line: str, base: int) -> list[Segment]:
    """Image alt texts of a line, each its own segment (a reader hears it alone)."""
    found = []
    for match in re.finditer(r"!\[([^\]]+)\]\(", line):
        builder = _Builder()
        _inline(builder, match.group(1), base + match.start(1))
        segment = builder.segment("alt")
        if segment:
            found.append(segment)
    return found


def parse(source: str, path: str = "", fields: tuple[str, ...] = CHECKED_FIELDS) -> Document:
    """Cut a Markdown source into checkable segments."""
    header = parse_header(source)
    lines = source.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    document = Document(path, source)
    ignore_field = header.get("proofread-ignore")
    if ignore_field:
        words = {w.strip() for w in re.split(r"[,;]", ignore_field.value) if w.strip()}
        document.ignore_words = frozenset(words)
    lang_field = header.get("lang")
    if lang_field and not lang_field.value.lower().startswith("fr"):
        document.lang = lang_field.value.lower()
        return document
    segments = document.segments

    # Metadata: only the values of the checked fields, never the keys.
    header_end = header.body_line - 1 if header.fields else 0
    current = None
    for index in range(header_end):
        line = lines[index]
        match = re.match(r"^([A-Za-z0-9_-]+)[ \t]*:[ \t]*", line)
        if match:
            current = match.group(1).lower()
            value_start = match.end()
        elif current and re.match(r"^(?: {4}|\t)", line):
            value_start = len(line) - len(line.lstrip())
        else:
            continue
        if current in fields and value_start < len(line):
            builder = _Builder()
            if not _inline(builder, line[value_start:], starts[index] + value_start):
                segment = builder.segment(current)
                if segment:
                    segments.append(segment)

    builder: _Builder | None = None
    kind = "paragraph"
    block_ignored = False
    ignore_next = False
    off = False
    fence = ""
    skip_until: re.Pattern | None = None
    in_comment = False
    previous_blank = True
    in_list = False

    def flush() -> None:
        nonlocal builder, block_ignored
        if builder is not None and not block_ignored:
            segment = builder.segment(kind)
            if segment:
                segments.append(segment)
        builder = None
        block_ignored = False

    for index in range(header_end, len(lines)):
        line = lines[index]
        base = starts[index]
        stripped = line.strip()
        if fence:
            if re.match(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$", line):
                fence = ""
            continue
        if skip_until is not None:
            if skip_until.search(line):
                skip_until = None
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        directive = _DIRECTIVE.fullmatch(stripped)
        if directive:
            flush()
            word = directive.group(1).lower()
            if word == "off":
                off = True
            elif word == "on":
                off = False
            else:
                ignore_next = True
            previous_blank = True
            continue
        if off:
            continue
        if not stripped:
            flush()
            previous_blank = True
            continue
        if stripped.startswith("<!--") and "-->" not in stripped:
            flush()
            in_comment = True
            continue
        fence_match = _FENCE.match(line)
        if fence_match:
            flush()
            fence = fence_match.group(1)
            continue
        if previous_blank and not in_list and _INDENT.match(line):
            continue  # indented code block
        html_skip = _BLOCK_HTML_SKIP.match(line)
        if html_skip:
            flush()
            closing = re.compile(r"</" + html_skip.group(1) + r"\s*>", re.I)
            if not closing.search(line):
                skip_until = closing
            continue
        foreign = _FOREIGN_BLOCK.match(line)
        if foreign:
            flush()
            closing = re.compile(r"</" + foreign.group(1) + r"\s*>", re.I)
            if not closing.search(line[foreign.end() :]):
                skip_until = closing
            continue
        if _REFDEF.match(line) or _ABBR_DEF.match(line):
            flush()
            continue
        if _SETEXT.match(line) and builder is not None:
            kind = "heading"
            flush()
            continue
        if _RULE.match(line):
            flush()
            continue

        text_start = 0
        new_block = previous_blank
        quote = _QUOTE.match(line)
        if quote:
            text_start = quote.end()
        rest = line[text_start:]
        heading = _HEADING.match(rest)
        list_item = _LIST.match(rest)
        if heading:
            flush()
            text_start += heading.end()
            rest = re.sub(r"[ \t]+#+[ \t]*$", "", line[text_start:])
            builder = _Builder()
            kind = "heading"
            block_ignored = _inline(builder, rest, base + text_start) or ignore_next
            ignore_next = False
            flush()
            previous_blank = True
            continue
        if "|" in rest and (rest.lstrip().startswith("|") or rest.count("|") >= 2):
            flush()
            in_list = False
            if not _TABLE_SEP.match(rest):
                builder = _Builder()
                kind = "table"
                for cell in re.finditer(r"[^|]+", rest):
                    _inline(builder, cell.group(), base + text_start + cell.start())
                    builder.add_char("\n", base + text_start + cell.end() - 1)
                block_ignored = ignore_next
                flush()
            previous_blank = False
            continue
        if list_item:
            flush()
            in_list = True
            text_start += list_item.end()
            new_block = True
        elif previous_blank:
            in_list = in_list and bool(re.match(r"^[ \t]+", line))
        if new_block or builder is None:
            flush()
            builder = _Builder()
            kind = "list" if list_item else "paragraph"
            block_ignored = ignore_next
            ignore_next = False
        else:
            builder.add_char("\n", base - 1)
            text_start += len(line[text_start:]) - len(line[text_start:].lstrip())
        body = line[text_start:]
        if body.endswith("  "):
            body = body.rstrip(" ")
        if _inline(builder, body, base + text_start):
            block_ignored = True
        segments.extend(_alt_texts(body, base + text_start))
        previous_blank = False
    flush()
    return document
