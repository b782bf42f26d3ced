"""WordPress's paragraph rules: a port of ``wpautop()`` and ``shortcode_unautop()``.

Classic-editor posts are stored without ``<p>``: WordPress adds them at display time,
blank lines making paragraphs and single newlines ``<br />``. This module ports the two
functions of ``wp-includes/formatting.php`` (WordPress 5.x to 6.x, unchanged since 5.0),
regex for regex and step for step, so that an imported post reads as it read on WordPress.

Why not ``pelican.tools.pelican_import.decode_wp_content``: it ports the wpautop of about
WordPress 3.0 and breaks current posts. It puts ``<br />`` inside a tag written over two
lines (``<a\\nhref=...>``), keeps ``<hr>`` inside a paragraph, wraps ``<figure>`` and leaves a
stray ``</p>`` in it, does not merge ``<br><br>`` into a paragraph break, its
``<script>``/``<style>`` guard is a PHP pattern pasted as a Python one (it never matches),
and it has no ``shortcode_unautop``, so a shortcode alone on its line ends up inside a ``<p>``.

PHP's PCRE ``\\s`` matches ASCII whitespace only; every pattern here is compiled with
``re.ASCII`` so that a no-break space (U+00A0, U+202F) in French text is text, never
whitespace to be eaten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_FLAGS = re.ASCII

# wp_spaces_regexp(): the default "spaces" of WordPress, &nbsp; included.
SPACES = r"[\r\n\t ]|\u00a0|&nbsp;"

ALLBLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form"
    r"|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article"
    r"|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)

# get_html_split_regex(): an element, a comment or a CDATA section. PCRE's conditional
# subpattern "(?(?=!-)...)" has no Python equivalent; the ordered alternation with the
# same lookaheads matches the same strings.
HTML_TAG = re.compile(
    r"<(?:"
    r"(?=!--)!(?:-(?!->)[^\-]*+)*+(?:-->)?"
    r"|(?=!\[CDATA\[)!\[CDATA\[[^\]]*+(?:](?!]>)[^\]]*+)*+(?:]]>)?"
    r"|[^>]*>?"
    r")",
    _FLAGS,
)
_HTML_SPLIT = re.compile(f"({HTML_TAG.pattern})", _FLAGS)


def _sub(pattern: str, replacement: str, text: str, flags: int = 0) -> str:
    return re.sub(pattern, replacement, text, flags=_FLAGS | flags)


def html_split(text: str) -> list[str]:
    """``wp_html_split()``: text and elements, alternately (elements at odd indexes)."""
    return _HTML_SPLIT.split(text)


def replace_in_html_tags(text: str, needle: str, replacement: str) -> str:
    """``wp_replace_in_html_tags()`` for one pair: replace inside elements only."""
    parts = html_split(text)
    for index in range(1, len(parts), 2):
        parts[index] = parts[index].replace(needle, replacement)
    return "".join(parts)


# Long: a step-by-step port of WordPress's wpautop(), kept in its order to compare the two.
def autop(text: str, br: bool = True) -> str:
    """``wpautop()``: blank lines become paragraphs, other newlines ``<br />`` if ``br``."""
    if text.strip(" \t\n\r\0\x0b") == "":
        return ""
    pre_tags: dict[str, str] = {}

    # Just to make things a little easier, pad the end.
    text = text + "\n"

    # Pre tags shouldn't be touched by autop: placeholders, brought back at the end.
    if "<pre" in text:
        parts = text.split("</pre>")
        last = parts.pop()
        text = ""
        for part in parts:
            start = part.find("<pre")
            if start == -1:  # Malformed HTML?
                text += part
                continue
            name = f"<pre wp-pre-tag-{len(pre_tags)}></pre>"
            pre_tags[name] = part[start:] + "</pre>"
            text += part[:start] + name
        text += last

    # Change multiple <br>'s into two line breaks, which will turn into paragraphs.
    text = _sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    # A double line break above block-level opening tags, below closing ones and after <hr>.
    text = _sub(r"(<" + ALLBLOCKS + r"[\s/>])", r"\n\n\1", text)
    text = _sub(r"(</" + ALLBLOCKS + r">)", r"\1\n\n", text)
    text = _sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    # Standardize newline characters to "\n".
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Find newlines in all elements and add placeholders.
    text = replace_in_html_tags(text, "\n", " <!-- wpnl --> ")

    # Collapse line breaks before and after <option> elements so they don't get autop'd.
    if "<option" in text:
        text = _sub(r"\s*<option", "<option", text)
        text = _sub(r"</option>\s*", "</option>", text)
    # Collapse line breaks inside <object>, before <param> and <embed>.
    if "</object>" in text:
        text = _sub(r"(<object[^>]*>)\s*", r"\1", text)
        text = _sub(r"\s*</object>", "</object>", text)
        text = _sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text)
    # Collapse line breaks inside <audio> and <video>, around <source> and <track>.
    if "<source" in text or "<track" in text:
        text = _sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text)
        text = _sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text)
        text = _sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text)
    # Collapse line breaks before and after <figcaption> elements.
    if "<figcaption" in text:
        text = _sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = _sub(r"</figcaption>\s*", "</figcaption>", text)

    # Remove more than two contiguous line breaks.
    text = _sub(r"\n\n+", "\n\n", text)
    # Split into paragraphs at double line breaks, and wrap every bit with a <p>.
    chunks = [chunk for chunk in re.split(r"\n\s*\n", text, flags=_FLAGS) if chunk]
    text = "".join("<p>" + chunk.strip("\n") + "</p>\n" for chunk in chunks)

    # Under certain strange conditions it could create a P of entirely whitespace.
    text = _sub(r"<p>\s*</p>", "", text)
    # Add a closing <p> inside <div>, <address>, or <form> tag if missing.
    text = _sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    # If an opening or closing block element tag is wrapped in a <p>, unwrap it.
    text = _sub(r"<p>\s*(</?" + ALLBLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    # In some cases <li> may get wrapped in <p>, fix them.
    text = _sub(r"<p>(<li.+?)</p>", r"\1", text)
    # If a <blockquote> is wrapped with a <p>, move it inside the <blockquote>.
    text = _sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, re.IGNORECASE)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    # If a block tag is preceded by an opening <p>, or followed by a closing </p>, remove it.
    text = _sub(r"<p>\s*(</?" + ALLBLOCKS + r"[^>]*>)", r"\1", text)
    text = _sub(r"(</?" + ALLBLOCKS + r"[^>]*>)\s*</p>", r"\1", text)

    if br:
        # Newlines in script, style and svg are kept as they are.
        text = re.sub(
            r"<(script|style|svg).*?</\1>",
            lambda match: match.group(0).replace("\n", "<WPPreserveNewline />"),
            text,
            flags=_FLAGS | re.DOTALL,
        )
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        # Any newline not preceded by a <br /> gets one.
        text = _sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = text.replace("<WPPreserveNewline />", "\n")

    # No <br /> after a block tag, nor before some of them.
    text = _sub(r"(</?" + ALLBLOCKS + r"[^>]*>)\s*<br />", r"\1", text)
    text = _sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = _sub(r"\n</p>$", "</p>", text)

    for name, original in pre_tags.items():
        text = text.replace(name, original)
    # Restore newlines in all elements.
    if "<!-- wpnl -->" in text:
        text = text.replace(" <!-- wpnl --> ", "\n").replace("<!-- wpnl -->", "\n")
    return text


def shortcode_unautop(text: str, names: Iterable[str]) -> str:
    """``shortcode_unautop()``: a shortcode of ``names`` alone in its ``<p>`` loses the ``<p>``."""
    names = list(names)
    if not names:
        return text
    tagregexp = "|".join(re.escape(name) for name in names)
    pattern = (
        r"<p>"
        r"(?:" + SPACES + r")*+"
        r"("  # 1: the shortcode
        r"\["
        r"(" + tagregexp + r")"  # 2: its name
        r"(?![\w-])"
        r"[^\]/]*"
        r"(?:/(?!\])[^\]/]*)*?"
        r"(?:"
        r"/\]"
        r"|"
        r"\]"
        r"(?:[^\[]*+(?:\[(?!/\2\])[^\[]*+)*+\[/\2\])?"
        r")"
        r")"
        r"(?:" + SPACES + r")*+"
        r"</p>"
    )
    return re.sub(pattern, r"\1", text, flags=_FLAGS)
