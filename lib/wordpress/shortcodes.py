"""WordPress shortcodes and embeds, read as WordPress reads them, written as plain HTML.

The patterns port ``get_shortcode_regex()``, ``get_shortcode_atts_regex()`` and
``shortcode_parse_atts()`` (``wp-includes/shortcodes.php``) and ``WP_Embed::autoembed()``
(``wp-includes/class-wp-embed.php``). WordPress only parses the shortcodes that a plugin
registered; an export does not say which were, so every name that looks like one (ASCII
lowercase letter first, then letters, digits, ``_`` or ``-``) is parsed. Those handled here
become HTML; any other stays visible as text, as WordPress shows it once its plugin is gone.

Embeds never become iframes: the site makes no third-party request, so an embed is a link
to the page it came from, titled with the oEmbed title the importer found, else with a
French default naming the service.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

from .autop import HTML_TAG, replace_in_html_tags

# The tag names do_shortcode() collects, narrowed to the shape of real shortcode names so
# that « […] », « [1] » or « [Mise à jour] » stay text and are not reported.
_NAMES = re.compile(r"\[/?([^<>&/\[\]\x00-\x20=]++)")
_SHORTCODE_NAME = re.compile(r"[a-z][a-z0-9_-]*", re.ASCII)

# get_shortcode_atts_regex()
_ATTS = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)"""
    r"""|'([^']*)'(?:\s|$)"""
    r"""|(\S+)(?:\s|$)""",
    re.ASCII,
)
_UNCLOSED_HTML = re.compile(r"^[^<]*+(?:<[^>]*+>[^<]*+)*+$")
_CSLASHES = re.compile(r"\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)", re.DOTALL)
_CESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "v": "\v", "b": "\b", "f": "\f"}

# Marks a "[" that must stay literal; convert.py turns it into "\[" (or "[" in raw HTML).
LITERAL_BRACKET = "\ufdd0"

# Shortcodes WordPress runs before wpautop (WP_Embed::run_shortcode, priority 8).
EARLY = ("embed",)

MEDIA_FALLBACK = {"audio": "Télécharger le fichier audio", "video": "Télécharger la vidéo"}
AUDIO_TYPES = ("mp3", "ogg", "flac", "m4a", "wav", "wma")  # wp_get_audio_extensions()
VIDEO_TYPES = ("mp4", "m4v", "webm", "ogv", "wmv", "flv")  # wp_get_video_extensions()


@dataclass(frozen=True)
class Provider:
    """An oEmbed provider of WordPress's list, and how a link to it is named."""

    pattern: re.Pattern[str]
    label: str


def _provider(pattern: str, label: str) -> Provider:
    return Provider(re.compile(pattern, re.IGNORECASE), label)


# WP_Oembed::$providers (the services the brief's readers meet), plus Facebook and
# Instagram, which WordPress dropped in 5.5.2 but which older posts still embed.
PROVIDERS = (
    _provider(r"https?://((m|www)\.)?youtube\.com/(watch|shorts/|live/)", "Vidéo YouTube"),
    _provider(r"https?://((m|www)\.)?youtube\.com/playlist", "Playlist YouTube"),
    _provider(r"https?://youtu\.be/", "Vidéo YouTube"),
    _provider(r"https?://(www\.)?youtube(-nocookie)?\.com/(embed|v)/", "Vidéo YouTube"),
    _provider(r"https?://(.+\.)?vimeo\.com/", "Vidéo Vimeo"),
    _provider(r"https?://((www\.)?dailymotion\.com|dai\.ly)/", "Vidéo Dailymotion"),
    _provider(r"https?://(www\.)?(twitter|x)\.com/\w{1,15}/status(es)?/", "Publication sur X"),
    _provider(r"https?://(www\.)?(twitter|x)\.com/", "Compte X"),
    _provider(r"https?://((www|m|web)\.)?facebook\.com/.*/videos?/", "Vidéo Facebook"),
    _provider(r"https?://((www|m|web)\.)?(facebook\.com|fb\.watch)/", "Publication Facebook"),
    _provider(r"https?://(www\.)?(instagram\.com|instagr\.am)/", "Publication Instagram"),
    _provider(r"https?://(www\.)?tiktok\.com/.*/video/", "Vidéo TikTok"),
    _provider(r"https?://(.+\.)?soundcloud\.com/", "Écouter sur SoundCloud"),
    _provider(r"https?://(open|play)\.spotify\.com/", "Écouter sur Spotify"),
    _provider(r"https?://(www\.)?mixcloud\.com/", "Écouter sur Mixcloud"),
    _provider(r"https?://pca\.st/", "Écouter sur Pocket Casts"),
    _provider(r"https?://((www|embed)\.)?ted\.com/talks/", "Conférence TED"),
    _provider(r"https?://wordpress\.tv/", "Vidéo WordPress.tv"),
    _provider(r"https?://videopress\.com/v/", "Vidéo VideoPress"),
    _provider(r"https?://((www\.)?flickr\.com|flic\.kr)/", "Photo Flickr"),
    _provider(r"https?://(.+\.)?imgur\.com/", "Image Imgur"),
    _provider(r"https?://(.+?\.)?slideshare\.net/", "Présentation SlideShare"),
    _provider(r"https?://(www\.)?speakerdeck\.com/", "Présentation Speaker Deck"),
    _provider(r"https?://(www\.)?scribd\.com/(doc|document)/", "Document Scribd"),
    _provider(r"https?://(www\.)?issuu\.com/.+/docs/", "Document Issuu"),
    _provider(r"https?://(www\.)?reddit\.com/r/[^/]+/comments/", "Discussion Reddit"),
    _provider(r"https?://(.+)\.tumblr\.com/post/", "Publication Tumblr"),
    _provider(r"https?://([a-z]{2}|www)\.pinterest\.com(\.(au|mx))?/", "Épingle Pinterest"),
    _provider(r"https?://((www\.)?kickstarter\.com/projects|kck\.st)/", "Projet Kickstarter"),
    _provider(r"https?://((.+\.)?polldaddy\.com|poll\.fm|(.+\.)?survey\.fm)/", "Sondage"),
)

# Jetpack / WordPress.com shortcodes naming one of these services, and how to build the
# page URL when they give only an identifier.
_SERVICE_SHORTCODES = {
    "youtube": "https://www.youtube.com/watch?v={}",
    "vimeo": "https://vimeo.com/{}",
    "dailymotion": "https://www.dailymotion.com/video/{}",
    "tweet": "https://twitter.com/i/status/{}",
    "twitter": "",
    "instagram": "",
    "soundcloud": "",
    "spotify": "",
    "tiktok": "",
    "ted": "",
    "slideshare": "",
    "facebook": "",
}
_ANY_URL = re.compile(r"(^|\s|>)https?://", re.IGNORECASE | re.ASCII)
_OWN_LINE = re.compile(r'^(\s*)(https?://[^\s<>"]+)(\s*)$', re.IGNORECASE | re.MULTILINE | re.ASCII)
_OWN_PARAGRAPH = re.compile(
    r'(<p(?: [^>]*)?>\s*)(https?://[^\s<>"]+)(\s*</p>)', re.IGNORECASE | re.ASCII
)
_TAG = HTML_TAG
_EDITORIAL = re.compile(r"\[[a-z]+\]", re.ASCII)
_IDENTIFIER = re.compile(r"[\w-]+", re.ASCII)
_HTTP_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)

HANDLED = ("caption", "wp_caption", "gallery", "audio", "video", *EARLY, *_SERVICE_SHORTCODES)


@dataclass(frozen=True)
class Shortcode:
    """One shortcode as ``get_shortcode_regex()`` splits it."""

    name: str
    attributes: dict[str | int, str]
    content: str | None
    opening: str  # the opening tag as written, "[name …]"
    source: str  # the whole match, closing tag included
    escaped: bool  # written [[name]]: shown as "[name]", never run


@dataclass
class Shortcodes:
    """What the handlers need from the importer, and the unknown names they met."""

    embed_titles: Mapping[str, str] = field(default_factory=dict)
    gallery: Callable[[list[str]], list[tuple[str, ...]]] = lambda ids: []
    kept: list[str] = field(default_factory=list)

    def run(self, text: str, names: tuple[str, ...] | None = None) -> str:
        """``do_shortcode()``: every shortcode of ``names`` (default: every one found)."""
        return replace(text, self.render, names)

    def render(self, code: Shortcode) -> str:
        """The HTML of one shortcode, or the shortcode itself as literal text."""
        if code.escaped:  # [[gallery]] shows "[gallery]", as in WordPress.
            return literal(code.source[1:-1])
        handler = _HANDLERS.get(code.name)
        rendered = handler(self, code) if handler else None
        if rendered is not None:
            return rendered
        if not handler and _EDITORIAL.fullmatch(code.source):
            return code.source  # « [rires] », « [sic] »: an editor's note, not a shortcode
        if not handler and re.search(r"[<>\n]", code.opening):
            # A "[" in the text and a "]" further on, HTML between them: no shortcode.
            return code.opening + self.run(code.content or "") + literal_closing(code)
        if code.name not in self.kept:
            self.kept.append(code.name)
        return literal(code.opening) + self.run(code.content or "") + literal_closing(code)

    def autoembed(self, text: str) -> str:
        """``WP_Embed::autoembed()``: a URL alone on its line or in its paragraph is a link."""
        text = replace_in_html_tags(text, "\n", "<!-- wp-line-break -->")
        if _ANY_URL.search(text):
            text = _OWN_LINE.sub(lambda m: m[1] + self.embed(m[2]) + m[3], text)
            text = _OWN_PARAGRAPH.sub(lambda m: m[1] + self.embed(m[2]) + m[3], text)
        return text.replace("<!-- wp-line-break -->", "\n")

    def embed(self, url: str, fallback: str = "") -> str:
        """A link to an embedded page, with its title (or a French default) as text."""
        url = url.strip().replace("&amp;", "&")
        title = self.embed_titles.get(url) or fallback or default_title(url)
        return f'<a href="{html.escape(url)}">{html.escape(title, quote=False)}</a>'


def names_in(text: str) -> tuple[str, ...]:
    """The names of the shortcodes ``text`` seems to use, in order of first use."""
    found: dict[str, None] = {}
    for match in _NAMES.finditer(text):
        name = match.group(1)
        if _SHORTCODE_NAME.fullmatch(name):
            found.setdefault(name)
    return tuple(found)


def shortcode_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    """``get_shortcode_regex()`` for ``names``: groups 1 to 6 as in WordPress."""
    tagregexp = "|".join(re.escape(name) for name in names)
    return re.compile(
        r"\["
        r"(\[?)"  # 1: optional second opening bracket, for escaping: [[tag]]
        r"(" + tagregexp + r")"  # 2: shortcode name
        r"(?![\w-])"
        r"("  # 3: inside the opening tag
        r"[^\]/]*"
        r"(?:/(?!\])[^\]/]*)*?"
        r")"
        r"(?:"
        r"(/)"  # 4: self-closing
        r"\]"
        r"|"
        r"\]"
        r"(?:"
        r"("  # 5: content between opening and closing tags
        r"[^\[]*+"
        r"(?:\[(?!/\2\])[^\[]*+)*+"
        r")"
        r"\[/\2\]"
        r")?"
        r")"
        r"(\]?)",  # 6: optional second closing bracket, for escaping
        re.ASCII,
    )


def replace(
    text: str, render: Callable[[Shortcode], str], names: tuple[str, ...] | None = None
) -> str:
    """Each shortcode of ``names`` in ``text`` replaced by ``render(shortcode)``."""
    if "[" not in text:
        return text
    found = names_in(text)
    names = found if names is None else tuple(name for name in names if name in found)
    if not names:
        return text
    # WordPress leaves what is inside a tag to the shortcodes it knows; a brace of
    # brackets in an alt text or a URL is no shortcode here.
    tags = [(m.start(), m.end()) for m in _TAG.finditer(text)]
    starts = [start for start, _ in tags]

    def one(match: re.Match[str]) -> str:
        index = bisect_right(starts, match.start()) - 1
        if index >= 0 and tags[index][0] < match.start() < tags[index][1]:
            return match.group(0)
        escaped = match.group(1) == "[" and match.group(6) == "]"
        start = match.start() + len(match.group(1))
        if match.group(5) is not None:
            opening = text[start : match.start(5)]
        else:
            opening = text[start : match.end() - len(match.group(6))]
        code = Shortcode(
            name=match.group(2),
            attributes=parse_atts(match.group(3)),
            content=match.group(5),
            opening=opening,
            source=match.group(0),
            escaped=escaped,
        )
        if escaped:
            return render(code)
        return literal(match.group(1)) + render(code) + match.group(6)

    return shortcode_regex(names).sub(one, text)


def parse_atts(text: str) -> dict[str | int, str]:
    """``shortcode_parse_atts()``: named attributes (lowercased) and positional ones (0, 1…)."""
    atts: dict[str | int, str] = {}
    text = re.sub(r"[\u00a0\u200b]+", " ", text)
    position = 0
    for match in _ATTS.finditer(text):
        groups = match.groups()
        for name_group in (0, 2, 4):
            if groups[name_group]:
                atts[groups[name_group].lower()] = stripcslashes(groups[name_group + 1])
                break
        else:
            value = next(
                (groups[i] for i in (6, 7) if groups[i]),
                groups[8] if groups[8] is not None else None,
            )
            if value is None:
                continue
            atts[position] = stripcslashes(value)
            position += 1
    # Reject any unclosed HTML elements.
    for key, value in atts.items():
        if "<" in value and not _UNCLOSED_HTML.match(value):
            atts[key] = ""
    return atts


def stripcslashes(value: str) -> str:
    """PHP's ``stripcslashes()``: C-style escapes decoded, other backslashes dropped."""

    def one(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape[0] == "x" and len(escape) > 1:
            return chr(int(escape[1:], 16))
        if escape[0] in "01234567":
            return chr(int(escape, 8) & 0xFF)
        return _CESCAPES.get(escape, escape)

    return _CSLASHES.sub(one, value) if "\\" in value else value


def literal(text: str) -> str:
    """Shortcode text shown as WordPress shows it, its brackets marked as literal."""
    return text.replace("[", LITERAL_BRACKET)


def literal_closing(code: Shortcode) -> str:
    """The closing tag of an enclosing shortcode, as literal text ("" if none)."""
    return "" if code.content is None else literal(f"[/{code.name}]")


def provider_of(url: str) -> Provider | None:
    """The oEmbed provider whose pattern matches ``url``, if any."""
    return next((p for p in PROVIDERS if p.pattern.match(url)), None)


def default_title(url: str) -> str:
    """The French label of a link to ``url`` when no title is known: the service, or the URL."""
    provider = provider_of(url)
    return provider.label if provider else url


def _caption(self: Shortcodes, code: Shortcode) -> str | None:
    # img_caption_shortcode(): the caption is the "caption" attribute, or the text
    # that follows the (linked) image.
    content = code.content or ""
    caption = code.attributes.get("caption")
    if caption is None:
        match = re.match(
            r"((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(.*)", content, re.IGNORECASE | re.DOTALL
        )
        if match:
            content, caption = match.group(1), match.group(2).strip()
    content = self.run(content)
    if not caption:
        return content
    return f"<figure>{content}<figcaption>{self.run(caption)}</figcaption></figure>"


def _gallery(self: Shortcodes, code: Shortcode) -> str | None:
    ids = code.attributes.get("ids") or code.attributes.get("include") or ""
    images = self.gallery([i.strip() for i in ids.split(",") if i.strip().isdigit()])
    if not images:
        return None
    # (url, caption) or (url, caption, alt text): the alt text when the attachment has one.
    return "\n".join(
        f'<figure><img src="{html.escape(url)}" alt="{html.escape(rest[0] if rest else "")}">'
        + (f"<figcaption>{caption}</figcaption>" if caption.strip() else "")
        + "</figure>"
        for url, caption, *rest in images
    )


def _media(kind: str, types: tuple[str, ...], label: str):
    def handler(self: Shortcodes, code: Shortcode) -> str | None:
        atts = code.attributes
        sources = [atts[key].strip() for key in ("src", *types) if atts.get(key, "").strip()]
        if not sources:
            return None
        if provider_of(sources[0]):  # [video src="https://youtu.be/…"]
            return self.embed(sources[0])
        first = html.escape(sources[0])
        if len(sources) == 1:
            opening = f'<{kind} controls src="{first}">'
        else:
            opening = f"<{kind} controls>" + "".join(
                f'<source src="{html.escape(source)}">' for source in dict.fromkeys(sources)
            )
        return f'<figure>{opening}<a href="{first}">{label}</a></{kind}></figure>'

    return handler


def _embed(self: Shortcodes, code: Shortcode) -> str | None:
    url = html.unescape((code.content or "").strip())
    if not _HTTP_URL.fullmatch(url):
        return None
    return self.embed(url)


def _service(self: Shortcodes, code: Shortcode) -> str | None:
    # [youtube=URL], [youtube URL], [vimeo 123], [tweet URL], [soundcloud url="…"]…
    atts = code.attributes
    candidates = [atts.get("url", ""), atts.get("id", ""), *(atts.get(i, "") for i in range(3))]
    candidates.append(code.content or "")
    template = _SERVICE_SHORTCODES[code.name]
    for candidate in candidates:
        value = html.unescape(candidate.strip().removeprefix("="))
        if _HTTP_URL.fullmatch(value):
            return self.embed(value)
        if template and _IDENTIFIER.fullmatch(value):
            return self.embed(template.format(quote(value)))
    return None


_HANDLERS: dict[str, Callable[[Shortcodes, Shortcode], str | None]] = {
    "caption": _caption,
    "wp_caption": _caption,
    "gallery": _gallery,
    "audio": _media("audio", AUDIO_TYPES, MEDIA_FALLBACK["audio"]),
    "video": _media("video", VIDEO_TYPES, MEDIA_FALLBACK["video"]),
    "embed": _embed,
    **dict.fromkeys(_SERVICE_SHORTCODES, _service),
}
