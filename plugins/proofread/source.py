"""Markdown source → the text an author wrote, in segments mapped back to the source.

Each :class:`Segment` is one title, summary, heading, paragraph, list item, table row or
image alt text, with code, URLs, e-mail addresses, HTML tags, link targets and
metadata keys taken out. ``offsets[i]`` is the absolute offset in the source of
``text[i]``, so a finding in a segment lands on the exact line and column.

Why a parser of our own rather than markdown-it-py's token maps (tried for issue 22):
``token.map`` gives a block's lines, never a column, and inline tokens carry no
position at all, so the inline scan below (``_inline``) and the table cells would stay
ours whatever finds the blocks; markdown-it also hands a block's text back with the
container markers taken off and tabs turned into spaces, so a column must be found
again by searching the source line. And it reads CommonMark, while Pelican renders with
Python-Markdown: they cut lists, indented continuations and HTML blocks differently. A
prototype that took the blocks from markdown-it and kept ``_inline`` changed the
segments of 2 of the repository's 73 Markdown files beyond trailing spaces (a code span
holding two ``|``, which this parser takes for a table row; paragraphs after an indented
code fence inside a list item): the findings an author sees would change.
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
# Python-Markdown, which renders Pelican's pages, takes a line starting with « # » for a
# heading with or without a space after the signs (« ###Outils », as kramdown writes them
# too): the line is a heading of its own, not the first line of the paragraph after it.
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]*")
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

# Inline things the checks must not read, or whose markup only must go. JavaScript
# libraries are named like domains (« node.js », « backbone.js »): names, as domains are.
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
        |eu|uk|de|es|us|js)(?![\w-]|\.\w))
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
        if _OTHER_APOSTROPHES.search(text):
            text = _OTHER_APOSTROPHES.sub("’", text)
        return Segment(text, tuple(self.offsets), kind)


# Other characters that keyboards, phones and word processors put for the apostrophe:
# U+02BC (modifier letter apostrophe, which Unicode recommends for the apostrophe that
# is part of a word, and some phone keyboards type), and, inside a word, U+2018 (the
# opening single quote a word processor puts after a letter when its « smart quotes »
# guess wrong) and U+00B4 (the acute accent key, struck for the apostrophe). Between two
# letters none of them is anything but an elision (« jʼai », « l‘équipe »), so every
# check reads them as ’ (one character for one: the offsets stay the author's).
_OTHER_APOSTROPHES = re.compile(r"\u02bc|(?<=[^\W\d_])[\u2018\u00b4](?=[^\W\d_])")


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
        elif kind == "image" or (
            kind == "linkref" and _names_its_site(match.group("ltext"), match.group())
        ):
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


# The host of a link's target: its labels, « www. » and the top-level domain left out.
_LINK_HOST = re.compile(
    r"\]\(<?(?:[a-z][\w+.-]*://)?(?:www\.)?([\w.-]+?)\.[a-z]{2,}(?:[/:?#)>\s]|$)"
)


def _names_its_site(text: str, link: str) -> bool:
    """Whether a link's text is the name of the site it links to, as the site writes it
    in its address: « [Les Cast Codeurs](https://lescastcodeurs.com) », « [iTerm](https://
    iterm2.com) », « [FileZilla](https://filezilla-project.org) », or that name and a
    word after it (« [Kozea group](https://www.kozea.fr) », « [Buffer app](https://
    buffer.com) »). A name is not French to correct, whatever its words (« Welcome to
    the Jungle »), and the address spells it: a misspelt name no longer matches it. Only
    the link is left out: the file's other words are checked (« éditeur de text » after
    « [Sublime Text](https://www.sublimetext.com) »)."""
    host = _LINK_HOST.search(link)
    words = re.findall(r"[^\W\d_]+", text)
    if host is None or not 1 <= len(words) <= 4:
        return False
    names = set()
    for label in host.group(1).lower().split(".") + named_in_target(link):
        names.update({label, label.rstrip("0123456789"), label.replace("-", ""), *label.split("-")})
    names.discard("")
    lower = [word.lower() for word in words]
    return "".join(lower) in names or (len(words) == 2 and lower[0] in names)


# The last segment of a link's path and the values of its query: where code hosts and
# extension stores name what a page is about (« [ungit](https://github.com/FredrikNoren/ungit) »,
# « [Vetur](https://marketplace.visualstudio.com/items?itemName=octref.vetur) »).
_LINK_TARGET = re.compile(r"\]\(<?(?:[a-z][\w+.-]*://)?[^/\s)>]+(?P<path>[^\s)>#]*)")


def named_in_target(link: str) -> list[str]:
    """The names a link's target gives after its host: its path's last segment and the
    dotted parts of its query's values, in lower case (« vagrant-winnfsd », « octref »,
    « vetur »)."""
    target = _LINK_TARGET.search(link)
    if target is None:
        return []
    path, _, query = target.group("path").partition("?")
    segments = [s for s in path.lower().split("/") if s]
    names = [re.sub(r"\.[a-z0-9]{1,5}$", "", segments[-1])] if segments else []
    for value in re.findall(r"=([^&]+)", query.lower()):
        names.extend(value.split("."))
    return names


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
    header_end = header.body_line - 1 if header.fields else 0
    document.segments.extend(_metadata(lines[:header_end], starts, fields))
    body = _Body(document.segments)
    for index in range(header_end, len(lines)):
        body.read(lines[index], starts[index])
    body.flush()
    return document


def _metadata(lines: list[str], starts: list[int], fields: tuple[str, ...]) -> list[Segment]:
    """The values of the checked metadata fields, never the keys."""
    segments = []
    current = None
    for index, line in enumerate(lines):
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
    return segments


class _Body:
    """The body of a source read line by line: blocks in, segments out.

    Each line goes through :meth:`read`: first what the line continues (a code fence, an
    HTML block to skip, a comment), then what ends or skips a block, then the block's
    text (a heading, a table row, a list item or a paragraph line).
    """

    def __init__(self, segments: list[Segment]):
        self.segments = segments
        self.builder: _Builder | None = None
        self.kind = "paragraph"
        self.block_ignored = False
        self.ignore_next = False  # ``<!-- proofread: ignore -->`` before the next block
        self.off = False  # between ``<!-- proofread: off -->`` and ``on``
        self.fence = ""
        self.skip_until: re.Pattern | None = None
        self.in_comment = False
        self.previous_blank = True
        self.in_list = False

    def flush(self) -> None:
        """End the current block: its segment, unless it is ignored."""
        if self.builder is not None and not self.block_ignored:
            segment = self.builder.segment(self.kind)
            if segment:
                self.segments.append(segment)
        self.builder = None
        self.block_ignored = False

    def read(self, line: str, base: int) -> None:
        """One line of the body, ``base`` its offset in the source."""
        if self._continues_skipped(line) or self._directive(line.strip()) or self.off:
            return
        if self._ends_or_skips_block(line):
            return
        self._text(line, base)

    def _continues_skipped(self, line: str) -> bool:
        """Whether the line is inside a code fence, a skipped HTML block or a comment."""
        if self.fence:
            if re.match(
                r"^ {0,3}" + re.escape(self.fence[0]) + "{" + str(len(self.fence)) + r",}\s*$",
                line,
            ):
                self.fence = ""
            return True
        if self.skip_until is not None:
            if self.skip_until.search(line):
                self.skip_until = None
            return True
        if self.in_comment:
            if "-->" in line:
                self.in_comment = False
            return True
        return False

    def _directive(self, stripped: str) -> bool:
        """Whether the line is a ``<!-- proofread: ... -->`` directive (then obeyed)."""
        directive = _DIRECTIVE.fullmatch(stripped)
        if not directive:
            return False
        self.flush()
        word = directive.group(1).lower()
        if word == "off":
            self.off = True
        elif word == "on":
            self.off = False
        else:
            self.ignore_next = True
        self.previous_blank = True
        return True

    def _ends_or_skips_block(self, line: str) -> bool:
        """Whether the line has no text to check: a blank line, a comment, a fence, code,
        HTML to skip, a definition, a setext underline or a rule."""
        stripped = line.strip()
        if not stripped:
            self.flush()
            self.previous_blank = True
            return True
        if stripped.startswith("<!--") and "-->" not in stripped:
            self.flush()
            self.in_comment = True
            return True
        fence_match = _FENCE.match(line)
        if fence_match:
            self.flush()
            self.fence = fence_match.group(1)
            return True
        if self.previous_blank and not self.in_list and _INDENT.match(line):
            return True  # indented code block
        html_skip = _BLOCK_HTML_SKIP.match(line)
        if html_skip:
            self.flush()
            closing = re.compile(r"</" + html_skip.group(1) + r"\s*>", re.I)
            if not closing.search(line):
                self.skip_until = closing
            return True
        foreign = _FOREIGN_BLOCK.match(line)
        if foreign:
            self.flush()
            closing = re.compile(r"</" + foreign.group(1) + r"\s*>", re.I)
            if not closing.search(line[foreign.end() :]):
                self.skip_until = closing
            return True
        if _REFDEF.match(line) or _ABBR_DEF.match(line):
            self.flush()
            return True
        if _SETEXT.match(line) and self.builder is not None:
            self.kind = "heading"
            self.flush()
            return True
        if _RULE.match(line):
            self.flush()
            return True
        return False

    def _text(self, line: str, base: int) -> None:
        """A line with text: a heading, a table row, or a list item or paragraph line."""
        text_start = 0
        quote = _QUOTE.match(line)
        if quote:
            text_start = quote.end()
        rest = line[text_start:]
        heading = _HEADING.match(rest)
        if heading:
            self._heading(line, base, text_start + heading.end())
        elif "|" in rest and (rest.lstrip().startswith("|") or rest.count("|") >= 2):
            self._table_row(rest, base + text_start)
        else:
            self._paragraph_line(line, base, text_start)

    def _heading(self, line: str, base: int, text_start: int) -> None:
        self.flush()
        rest = re.sub(r"[ \t]+#+[ \t]*$", "", line[text_start:])
        self.builder = _Builder()
        self.kind = "heading"
        self.block_ignored = _inline(self.builder, rest, base + text_start) or self.ignore_next
        self.ignore_next = False
        self.flush()
        self.previous_blank = True

    def _table_row(self, rest: str, base: int) -> None:
        """A table row, one segment (its cells end with a line break); the separator
        row has none."""
        self.flush()
        self.in_list = False
        if not _TABLE_SEP.match(rest):
            self.builder = _Builder()
            self.kind = "table"
            for cell in re.finditer(r"[^|]+", rest):
                _inline(self.builder, cell.group(), base + cell.start())
                self.builder.add_char("\n", base + cell.end() - 1)
            self.block_ignored = self.ignore_next
            self.flush()
        self.previous_blank = False

    def _paragraph_line(self, line: str, base: int, text_start: int) -> None:
        """A list item's first line, or a line of a paragraph (new or continued)."""
        new_block = self.previous_blank
        list_item = _LIST.match(line[text_start:])
        if list_item:
            self.flush()
            self.in_list = True
            text_start += list_item.end()
            new_block = True
        elif self.previous_blank:
            self.in_list = self.in_list and bool(re.match(r"^[ \t]+", line))
        if new_block or self.builder is None:
            self.flush()
            self.builder = _Builder()
            self.kind = "list" if list_item else "paragraph"
            self.block_ignored = self.ignore_next
            self.ignore_next = False
        else:
            self.builder.add_char("\n", base - 1)
            text_start += len(line[text_start:]) - len(line[text_start:].lstrip())
        body = line[text_start:]
        if body.endswith("  "):
            body = body.rstrip(" ")
        if _inline(self.builder, body, base + text_start):
            self.block_ignored = True
        self.segments.extend(_alt_texts(body, base + text_start))
        self.previous_blank = False
