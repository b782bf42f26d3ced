"""The one sanitiser of comment HTML (nh3), author names and author URLs.

Everything a reader wrote is untrusted: it goes through here at import and again
at build, so a hand edit of the store cannot smuggle markup into the site.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urlsplit

import nh3

TAGS = frozenset(
    {"p", "br", "a", "em", "strong", "i", "b", "code", "pre", "blockquote", "ul", "ol", "li"}
)
ATTRIBUTES = {"a": {"href", "title"}}
IMAGE_ATTRIBUTES = {"img": {"src", "alt", "title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"
AUTHOR_MAX = 100

_BLOCK = re.compile(r"<\s*(p|pre|blockquote|ul|ol|div|h[1-6])\b", re.IGNORECASE)
_PARAGRAPHS = re.compile(r"\n\s*\n")
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]"
)
_SPACES = re.compile(r"\s+")


def paragraphs(text: str) -> str:
    """Blank lines make paragraphs and single newlines ``<br>``, as WordPress shows comments.

    Text that already has block markup is left alone.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text or _BLOCK.search(text):
        return text
    blocks = [block.strip() for block in _PARAGRAPHS.split(text) if block.strip()]
    return "".join("<p>" + block.replace("\n", "<br>\n") + "</p>" for block in blocks)


def clean_html(markup: str, allow_images: bool = False) -> str:
    """Comment HTML reduced to the allow-list.

    No script, style, form, event handler, ``javascript:`` URL or image (unless
    ``allow_images``); links get ``rel="nofollow ugc noopener"``.
    """
    tags = set(TAGS) | ({"img"} if allow_images else set())
    attributes = {**ATTRIBUTES, **(IMAGE_ATTRIBUTES if allow_images else {})}

    def clean(text: str) -> str:
        return nh3.clean(
            text,
            tags=tags,
            clean_content_tags={"script", "style", "template", "textarea", "title", "noscript"},
            attributes=attributes,
            url_schemes=set(URL_SCHEMES),
            attribute_filter=_no_unknown_scheme,
            link_rel=LINK_REL,
            strip_comments=True,
        )

    # Paragraphs are made from the sanitised text, then cleaned once more so that
    # the result is stable: cleaning it again changes nothing.
    cleaned = clean(paragraphs(clean(markup)))
    return cleaned.strip()


def _no_unknown_scheme(element: str, attribute: str, value: str) -> str | None:
    # nh3 lets through what no browser reads as a scheme (« 0data:… » is a relative
    # path); a colon before the first / ? # is refused anyway unless the scheme is ours.
    if attribute in ("href", "src"):
        head = re.split(r"[/?#]", value, maxsplit=1)[0]
        if ":" in head and head.split(":", 1)[0].strip().lower() not in URL_SCHEMES:
            return None
    return value


def plain_text(value: str, limit: int = 0) -> str:
    """Text for a name: no control or bidi characters, single spaces, cut at ``limit``."""
    text = _SPACES.sub(" ", _CONTROL.sub("", unicodedata.normalize("NFC", value or ""))).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def author_name(value: str) -> str:
    """An author's name as text (markup stays visible as text, never becomes HTML)."""
    return plain_text(html.unescape(value or ""), AUTHOR_MAX) or "Anonyme"


def safe_url(value: str) -> str:
    """The URL if it is an absolute http(s) URL with a host, else ``""``."""
    url = (value or "").strip()
    if not url or _CONTROL.search(url) or any(ch.isspace() for ch in url):
        return ""
    if any(ch in url for ch in "<>\"'`\\"):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return ""
    return url


def text_of(markup: str) -> str:
    """The visible text of sanitised HTML, for moderation."""
    return html.unescape(nh3.clean(markup, tags=set())).strip()
