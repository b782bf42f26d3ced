"""One WordPress post body (``content:encoded``, untrusted) to Markdown for Pelican.

Converter chosen by measurement on 27 cleaned posts (tests/data/wordpress/convert/ and
Pelican's WXR test export): median time a post, python-markdown round trips failing.
html-to-markdown 3.21: 0.17 ms, 4 (it turns U+00A0/U+202F into spaces: kept here as marks);
markdownify 1.2: 0.92 ms, 5 (lists nested by 2-3 spaces, python-markdown needs 4);
pandoc 3.9 (pypandoc-binary): 30 ms, 12 (players and code languages lost). With the escaping
below: 0 of 27, 0 of 1,045 generated WXR posts, 0 in the hypothesis tests.
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from urllib.parse import urlsplit

import html_to_markdown
import nh3
from bs4 import BeautifulSoup, NavigableString, Tag

from .autop import autop, shortcode_unautop
from .shortcodes import (
    EARLY,
    HANDLED,
    LITERAL_BRACKET,
    MEDIA_FALLBACK,
    Shortcodes,
    provider_of,
)

Resolve = Callable[[str, str], "str | None"]


class AsLink(str):
    """What a resolver returns for a media the site must not load (another site's image,
    audio or video): the element becomes a plain link to it, with its alt text."""


_MEDIA_LABELS = {
    "img": "Image hébergée",
    "audio": "Fichier audio hébergé",
    "video": "Vidéo hébergée",
}
# The images of a [gallery] (its ids; none: the post's attached images), each as
# (url, caption) or (url, caption, alt text).
Gallery = Callable[[list[str]], list[tuple[str, ...]]]


@dataclass(frozen=True)
class Converted:
    """A post body as Markdown, and what the importer should know about it."""

    markdown: str  # the body, ending with one newline
    shortcodes: tuple[str, ...]  # unknown shortcodes kept as visible text, in order
    urls: tuple[str, ...]  # every URL the importer was asked to resolve, in order, once


# What a post may hold once imported. Classes, ids, styles and event handlers never pass;
# a code block keeps its language as class="language-…" only.
POST_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "dl", "dt", "dd"}
    | {"blockquote", "pre", "code", "em", "strong", "a", "img", "figure", "figcaption"}
    | {"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"}
    | {"audio", "video", "source", "sup", "sub", "del", "ins", "abbr", "cite", "q"}
)
POST_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "audio": {"controls", "src"},
    "video": {"controls", "src"},
    "source": {"src"},
    "abbr": {"title"},
    "code": {"class"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Removed with everything inside them: nothing of a script, a form or an SVG is text.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "template", "textarea", "title", "noscript", "svg", "form"}
    | {"button", "select", "head", "frameset", "noembed", "noframes"}
)

# The first pass keeps what the rewrites below read (WordPress classes, embed sources,
# lazy-loading attributes) and already drops scripts, handlers and dangerous URLs.
_FIRST_PASS_TAGS = POST_TAGS | {
    "div", "section", "article", "header", "footer", "aside", "main", "nav", "center",
    "address", "details", "summary", "hgroup", "span", "font", "b", "i", "u", "s", "strike",
    "tt", "kbd", "samp", "var", "small", "big", "mark", "iframe", "embed", "object", "param",
}  # fmt: skip
_FIRST_PASS_ATTRIBUTES = {
    **POST_ATTRIBUTES,
    "*": {"class"},
    "img": {"src", "alt", "width", "height", "srcset", "data-src", "data-lazy-src"},
    "pre": {"class", "lang", "data-lang"},
    "iframe": {"src", "title"},
    "embed": {"src"},
    "object": {"data"},
    "param": {"name", "value"},
}
_FIRST_PASS_DROPPED = DROPPED_WITH_CONTENT - _FIRST_PASS_TAGS

# Unicode keeps noncharacters for a program's internal use (this module marks text with
# them); control characters are no text either, and the converter refuses them.
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BLOCK_COMMENT = re.compile(r"<!--\s+/?wp:[^>]*?-->\n?", re.DOTALL)
_SHORTCODE_BLOCK = re.compile(r"(<!--\s+wp:shortcode\s+-->)(.*?)(<!--\s+/wp:shortcode\s+-->)", re.S)
_CODE_REGION = re.compile(r"<(pre|code)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_CODE_TOKEN = re.compile('<(pre|code) data-wp2md="\ufdd2([0-9]+)"></\\1>')
_LANGUAGE = re.compile(
    r"(?:^|\s)(?:language-|lang-|lang:|brush:\s*)([A-Za-z0-9_+#.-]+)", re.IGNORECASE
)
_LANGUAGE_VALUE = re.compile(r"[a-z0-9_+#.-]{1,30}")
_PLAIN_LANGUAGES = frozenset({"plain", "text", "txt", "none", "plaintext"})
_SRCSET_WIDTH = re.compile(r"^\s*(\S+)\s+(\d+)w\s*$")

# Containers WordPress and page builders wrap text in; the post keeps their content.
_CONTAINERS = frozenset(
    {"div", "section", "article", "header", "footer", "aside", "main", "nav", "center"}
    | {"address", "details", "summary", "hgroup"}
)
_RENAMED = {"b": "strong", "i": "em", "s": "del", "strike": "del", "tt": "code", "kbd": "code"}
_BLOCKS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "p", "hr", "ul", "ol", "dl", "blockquote", "pre"}
    | {"figure", "table", "div", "video"}
    | _CONTAINERS
)
# Kept as HTML in the Markdown: python-markdown has no syntax for them.
RAW_BLOCKS = ("figure", "audio", "video", "dl")
RAW_INLINE = ("sup", "sub", "del", "ins", "abbr", "cite", "q")
_NOT_IN_ITEMS = ("h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "blockquote")
_CELL_BLOCKS = ("p", "ul", "ol", "pre", "blockquote", "figure", "table", "dl", "hr", "h1", "h2")
_INLINE = frozenset(
    {"a", "em", "strong", "code", "sup", "sub", "del", "ins", "abbr", "cite", "q", "span"}
)
_ASCII_SPACES = re.compile(r"[ \t\n\r\f]+")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_EMPTIED = ("p", "pre", "li", "ul", "ol", "blockquote", *_HEADINGS)  # gone once empty
_MEDIA = frozenset({"img", "audio", "video"})


def to_markdown(
    html: str,
    resolve: Resolve = lambda url, kind: None,
    embed_titles: Mapping[str, str] = MappingProxyType({}),
    gallery: Gallery = lambda ids: [],
) -> Converted:
    """The Markdown of one post body, with the unknown shortcodes and the URLs it asked about."""
    shortcodes = Shortcodes(embed_titles=embed_titles, gallery=gallery)
    soup = _clean_tree(html, shortcodes)
    urls = _resolve_urls(soup, resolve)
    markdown = render_markdown(soup)
    return Converted(markdown, tuple(shortcodes.kept), urls)


def clean_html(
    html: str,
    resolve: Resolve = lambda url, kind: None,
    embed_titles: Mapping[str, str] = MappingProxyType({}),
    gallery: Gallery = lambda ids: [],
) -> str:
    """The post as WordPress would show it, then reduced to the post allow-list.

    Gutenberg block comments are removed, classic posts get WordPress's paragraphs,
    shortcodes and embeds become HTML (or stay as text), whatever the allow-list refuses
    is gone and URLs are resolved: this is the HTML the Markdown of ``to_markdown`` gives
    back once rendered.
    """
    soup = _clean_tree(html, Shortcodes(embed_titles=embed_titles, gallery=gallery))
    _resolve_urls(soup, resolve)
    return soup.decode(formatter="minimal").replace(LITERAL_BRACKET, "[")


def _clean_tree(html: str, shortcodes: Shortcodes) -> BeautifulSoup:
    text = _NONCHARACTERS.sub("", html.replace("\r\n", "\n").replace("\r", "\n"))
    text, code = _protect_code(text)
    gutenberg = "<!-- wp:" in text
    if gutenberg:
        # The core/shortcode block renders its content through wpautop().
        text = _SHORTCODE_BLOCK.sub(lambda m: m[1] + autop(m[2]) + m[3], text)
        text = _BLOCK_COMMENT.sub("", text)
    # WordPress runs [embed] and the autoembed of lone URLs before wpautop, the other
    # shortcodes after it (the_content filters at priorities 8, 10 and 11).
    text = shortcodes.run(text, EARLY)
    text = shortcodes.autoembed(text)
    if not gutenberg:
        text = autop(text)
    text = shortcode_unautop(text, HANDLED)
    text = shortcodes.run(text)
    text = _CODE_TOKEN.sub(lambda m: code[int(m[2])], text)

    first = nh3.clean(
        text,
        tags=set(_FIRST_PASS_TAGS),
        clean_content_tags=set(_FIRST_PASS_DROPPED),
        attributes={k: set(v) for k, v in _FIRST_PASS_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
    )
    soup = BeautifulSoup(first, "html.parser")
    _rewrite(soup, shortcodes)
    soup = BeautifulSoup(sanitise(str(soup)), "html.parser")
    _tidy(soup)
    return soup


def sanitise(markup: str) -> str:
    """Post HTML reduced to the post allow-list (nh3): nothing runs, nothing is styled."""
    return nh3.clean(
        markup,
        tags=set(POST_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={k: set(v) for k, v in POST_ATTRIBUTES.items()},
        attribute_filter=_keep_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
    )


def plain_text(markup: str) -> str:
    """A name or a title from the export as one line of text, with no markup at all.

    Tags are removed (a script or a style with its content), entities decoded, so French
    text and « & » read as written. Pelican shows titles, authors and tags as HTML: a
    « < » left in the text (« &lt;script&gt; » written as text) stays « &lt; », which
    shows as « < » and never opens a tag.
    """
    text = nh3.clean(markup or "", tags=set(), clean_content_tags={"script", "style"})
    text = _NONCHARACTERS.sub("", html_module.unescape(text))
    return " ".join(text.split()).replace("<", "&lt;")


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "class":  # only a code block's language
        match = re.fullmatch(r"language-([a-z0-9_+#.-]{1,30})", value)
        return value if element == "code" and match else None
    if attribute in {"width", "height", "colspan", "rowspan"}:
        return value if value.isdigit() and 0 < int(value) < 10_000 else None
    return value


def _protect_code(text: str) -> tuple[str, list[str]]:
    """Code blocks and spans out of the way of shortcodes and embeds, as placeholders.

    A placeholder keeps the element's name, so that wpautop still sees a block (pre)
    or an inline (code) element where the code was.
    """
    code: list[str] = []

    def keep(match: re.Match[str]) -> str:
        code.append(match.group(0))
        name = match[1].lower()
        return f'<{name} data-wp2md="\ufdd2{len(code) - 1}"></{name}>'

    return _CODE_REGION.sub(keep, text), code


# Rewrites of the parsed post, before the allow-list


def _rewrite(soup: BeautifulSoup, shortcodes: Shortcodes) -> None:
    for figure in soup.find_all("figure", class_=re.compile(r"^wp-block-embed")):
        _embed_figure(figure, shortcodes)
    for element in soup.find_all(["object", "iframe", "embed"]):
        if element.parent is not None:
            _frame_to_link(soup, element, shortcodes)
    for element in soup.find_all("a", class_="wp-block-file__button"):
        element.decompose()  # the second link of a file block, to the same file
    for name, new_name in _RENAMED.items():
        for element in soup.find_all(name):
            element.name = new_name
    for img in soup.find_all("img"):
        _image_source(img)
    for pre in soup.find_all("pre"):
        _code_language(pre)
    for media in soup.find_all(["audio", "video"]):
        _media_fallback(soup, media)
    for table in soup.find_all("table"):
        caption = table.find("caption")
        if caption is not None:
            caption.name = "p"
            table.insert_after(caption.extract())
    for figure in reversed(soup.find_all("figure")):
        _figure(soup, figure)
    for element in reversed(soup.find_all(_CONTAINERS)):
        _wrap_inline_runs(soup, element)
        element.unwrap()


def _embed_figure(figure: Tag, shortcodes: Shortcodes) -> None:
    """A Gutenberg embed block: a paragraph with a link, then its caption if any."""
    caption = figure.find("figcaption")
    # The URL stands alone in the block, so autoembed already made it a link.
    link = figure.find("a", href=True)
    url = link["href"] if link else next(iter(re.findall(r"https?://\S+", figure.get_text())), "")
    if not url:
        return  # an empty block: unwrapped with the other figures
    link = BeautifulSoup(f"<p>{shortcodes.embed(url)}</p>", "html.parser").p
    if caption is not None:
        caption.name = "p"
        figure.insert_after(caption.extract())
    figure.replace_with(link)


def _frame_to_link(soup: BeautifulSoup, element: Tag, shortcodes: Shortcodes) -> None:
    """An iframe, object or embed: a plain link to what it showed, or nothing."""
    url = element.get("src") or element.get("data") or ""
    if element.name == "object":
        inner = element.find("embed") or element.find("param", attrs={"name": "movie"})
        if inner is not None:
            url = inner.get("src") or inner.get("value") or url
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    if "wp-block-file__embed" in (element.get("class") or []) or not re.match(
        r"https?://", url, re.IGNORECASE
    ):
        element.decompose()
        return
    title = (element.get("title") or "").strip()
    if not title and not provider_of(url) and url not in shortcodes.embed_titles:
        title = f"Contenu intégré ({urlsplit(url).hostname})"
    link = BeautifulSoup(shortcodes.embed(url, title), "html.parser")
    if _inline_context(element):
        element.replace_with(link)
    else:
        paragraph = soup.new_tag("p")
        paragraph.append(link)
        element.replace_with(paragraph)


def _inline_context(element: Tag) -> bool:
    parent = element.parent
    return parent is not None and parent.name not in _BLOCKS | {"[document]", "blockquote", "li"}


def _image_source(img: Tag) -> None:
    """The image's own URL: ``src``, else the lazy-loading one, else srcset's widest."""
    source = (img.get("src") or "").strip()
    if not source or source.lower().startswith("data:"):
        lazy = (img.get("data-src") or img.get("data-lazy-src") or "").strip()
        widest = _widest(img.get("srcset") or "")
        source = lazy or widest
    if source and not source.lower().startswith("data:"):
        img["src"] = source
    elif img.has_attr("src"):
        del img["src"]
    for attribute in ("srcset", "data-src", "data-lazy-src", "sizes"):
        if img.has_attr(attribute):
            del img[attribute]


def _media_fallback(soup: BeautifulSoup, media: Tag) -> None:
    """A download link inside a player that has none, for readers whose browser cannot play."""
    source = media.get("src") or next(
        (s.get("src") for s in media.find_all("source") if s.get("src")), None
    )
    if source and not media.get_text().strip():
        link = soup.new_tag("a", href=source)
        link.string = MEDIA_FALLBACK[media.name]
        media.append(link)


def _widest(srcset: str) -> str:
    candidates = [_SRCSET_WIDTH.match(part) for part in srcset.split(",")]
    widths = [(int(m[2]), m[1]) for m in candidates if m]
    return max(widths)[1] if widths else ""


def _code_language(pre: Tag) -> None:
    """A code block as ``<pre><code class="language-…">``, the language read from its classes."""
    # Gutenberg's preformatted block keeps its line breaks as <br>: they are lines.
    for br in pre.find_all("br"):
        br.replace_with("\n")
    code = pre.find("code")
    classes = [" ".join(pre.get("class") or [])]
    if code is not None:
        classes.insert(0, " ".join(code.get("class") or []))
    found = [m.group(1) for m in map(_LANGUAGE.search, classes) if m]
    found += [pre.get(name, "").strip() for name in ("lang", "data-lang")]
    language = next((value.lower() for value in found if value), "")
    for attribute in ("class", "lang", "data-lang"):
        if pre.has_attr(attribute):
            del pre[attribute]
    if code is None or len(pre.contents) != 1 or code.find(True) is not None:
        text = pre.get_text()
        pre.clear()
        code = BeautifulSoup("", "html.parser").new_tag("code")
        code.string = text
        pre.append(code)
    # python-markdown turns tabs into spaces (at every fourth column) and empties a line of
    # spaces; a code block has no blank line at either end.
    lines = [line.expandtabs(4) for line in code.get_text().split("\n")]
    code.string = "\n".join(line if line.strip(" ") else "" for line in lines).strip("\n")
    if language in _PLAIN_LANGUAGES or not _LANGUAGE_VALUE.fullmatch(language):
        language = ""
    if language:
        code["class"] = f"language-{language}"
    elif code.has_attr("class"):
        del code["class"]


def _figure(soup: BeautifulSoup, figure: Tag) -> None:
    """Figures stay for images and media; a table, quote or gallery figure is unwrapped."""
    if figure.find("figure") is None and figure.find(_MEDIA) is not None:
        return
    for item_list in figure.find_all(["ul", "ol"]):
        if all(li.find("figure") for li in item_list.find_all("li", recursive=False)):
            for li in item_list.find_all("li", recursive=False):
                li.unwrap()
            item_list.unwrap()
    caption = figure.find("figcaption", recursive=False)
    if caption is not None:
        caption.name = "p"
        figure.append(caption.extract())
    figure.unwrap()


def _wrap_inline_runs(soup: BeautifulSoup, parent: Tag) -> None:
    """Text and inline elements lying between blocks gathered into paragraphs."""
    run: list = []

    def flush() -> None:
        if any(not isinstance(n, NavigableString) or n.strip() for n in run):
            paragraph = soup.new_tag("p")
            run[0].insert_before(paragraph)
            for node in run:
                paragraph.append(node.extract())
        run.clear()

    for child in list(parent.children):
        if isinstance(child, Tag) and child.name in _BLOCKS:
            flush()
        elif isinstance(child, Tag) or child.strip() or run:
            run.append(child)
    flush()


def _inline_inside_blocks(soup: BeautifulSoup) -> None:
    """``<a><p>x</p></a>`` (an unclosed link, as HTML parsers repair it) as ``<p><a>x</a></p>``."""
    while True:
        outer = next((e for e in soup.find_all(_INLINE) if e.find(_BLOCKS, recursive=False)), None)
        if outer is None:
            return
        for child in list(outer.children):
            copy = soup.new_tag(outer.name, attrs=dict(outer.attrs))
            if isinstance(child, Tag) and child.name in _BLOCKS:
                for grandchild in list(child.children):
                    copy.append(grandchild.extract())
                child.append(copy)
            elif isinstance(child, Tag) or child.strip():
                child.wrap(copy)
        outer.unwrap()


def _tidy(soup: BeautifulSoup) -> None:
    """What Markdown cannot say differently, said once, so that the Markdown gives it back.

    Loose text gets its paragraph; empty paragraphs, emphases and links go; a line break
    at the edge of a block, or next to another, goes; emphasis inside the same emphasis,
    two quotes or lists in a row, two code spans side by side become one.
    """
    for img in soup.find_all("img", src=False):
        img.decompose()  # an image whose only source was refused (data:, javascript:)
    for anchor in soup.find_all("a", href=False):
        anchor.unwrap()  # a link to nowhere, or an anchor whose id is gone
    for element in soup.find_all(["a", "img", "audio", "video", "source"]):
        for name in ("href", "src"):
            if "`" in element.get(name, ""):  # python-markdown opens code at a backtick
                element[name] = element[name].replace("`", "%60")
    for element in soup.find_all(["img", "a", "abbr"]):
        for name in ("alt", "title"):
            if element.has_attr(name):  # one line of text, as Markdown writes it
                element[name] = _ASCII_SPACES.sub(" ", element[name]).strip(" ")
    _inline_inside_blocks(soup)
    for heading in soup.find_all(_HEADINGS):
        for inner in heading.find_all(["br", *_BLOCKS, "li"]):
            inner.insert_before(" ")  # a heading is one line of text
            inner.unwrap()
    _tidy_inline(soup)
    _tidy_breaks(soup)
    for parent in [soup, *soup.find_all("blockquote")]:
        _wrap_inline_runs(soup, parent)
    for block in soup.find_all(["p", "li", "dt", "dd", "th", "td", "figcaption", *_HEADINGS]):
        _trim_edges(block)
    for block in reversed(soup.find_all(_EMPTIED)):
        if not block.get_text().strip() and not block.find(_MEDIA):
            block.decompose()  # WordPress's <p>&nbsp;</p> spacers among them
    for element in reversed(soup.find_all(["blockquote", "ul", "ol"])):
        # Markdown reads two quotes, or two lists, one after the other as one.
        _merge_with_next(element, skip_spaces=True)
    for code in soup.find_all("code"):
        if code.parent.name != "pre":  # a code span is one line, and python-markdown trims it
            code.string = re.sub(r"[\t\n\r\f]", " ", code.get_text())
    for element in reversed(soup.find_all(["em", "strong", "code"])):
        if element.name != "code" or element.parent.name != "pre":
            _spaces_out(element)
    _tidy_breaks(soup)  # again, for the spaces just moved out
    for em in soup.find_all("em"):
        inner = [c for c in em.contents if not isinstance(c, NavigableString) or c.strip()]
        if len(inner) == 1 and isinstance(inner[0], Tag) and inner[0].name == "strong":
            em.name, inner[0].name = "strong", "em"  # ***x*** reads as <strong><em>
    # `a``b` or *a**b* would be one span in Markdown; merging may bring more together.
    while any([_merge_with_next(e) for e in reversed(soup.find_all(_INLINE - {"a"}))]):
        pass
    for code in soup.find_all("code", class_=True):
        # A language shows on a fenced code block only, and python-markdown has no
        # fences inside a list or a quote.
        if code.parent.name != "pre" or code.find_parent(["li", "blockquote"]) is not None:
            del code["class"]
    soup.smooth()  # one text node per run of text, for the escaping to see it whole


def _tidy_inline(soup: BeautifulSoup) -> None:
    for element in reversed(soup.find_all(_INLINE)):
        # A break at the edge of an emphasis or a link is a break beside it.
        while element.contents and _is_break(element.contents[-1]):
            element.insert_after(element.contents[-1].extract())
        while element.contents and _is_break(element.contents[0]):
            element.insert_before(element.contents[0].extract())
        if element.name in {"em", "strong"} and element.find("br", recursive=False):
            _split_at_breaks(soup, element)
    for element in soup.find_all(_INLINE):
        if element.find_parent(element.name) is not None and element.name != "a":
            element.unwrap()  # emphasis inside the same emphasis shows nothing more
        elif not element.get_text().strip() and not element.find(_MEDIA):
            element.unwrap()  # nothing to emphasise or to click


def _split_at_breaks(soup: BeautifulSoup, element: Tag) -> None:
    """``<em>a<br>b</em>`` as ``<em>a</em><br><em>b</em>``: emphasis in Markdown is one line."""
    piece = None
    for child in list(element.children):
        child = child.extract()
        if isinstance(child, Tag) and child.name == "br":
            element.insert_before(child)
            piece = None
            continue
        if piece is None:
            piece = soup.new_tag(element.name)
            element.insert_before(piece)
        piece.append(child)
    element.decompose()


def _tidy_breaks(soup: BeautifulSoup) -> None:
    for br in soup.find_all("br"):
        following = br.next_sibling
        while isinstance(following, NavigableString) and not following.strip():
            # python-markdown drops the spaces that open a line before an element.
            following.extract()
            following = br.next_sibling
        if isinstance(following, Tag) and following.name == "br":
            br.decompose()  # what stood between two breaks was removed


def _merge_with_next(element: Tag, skip_spaces: bool = False) -> bool:
    """Whether ``element`` took in the same element that follows it."""
    following = element.next_sibling
    while skip_spaces and isinstance(following, NavigableString) and not following.strip():
        following = following.next_sibling
    if isinstance(following, Tag) and (following.name, following.attrs) == (
        element.name,
        element.attrs,
    ):
        for child in list(following.children):
            element.append(child.extract())
        following.decompose()
        return True
    return False


def _spaces_out(element: Tag) -> None:
    """Spaces at the edge of an emphasis or a code span moved out of it.

    Markdown cannot open ``*`` before a space nor keep one at the edge of a code span;
    the words stay apart all the same.
    """
    element.smooth()
    first, last = element.contents[:1], element.contents[-1:]
    if first and isinstance(first[0], NavigableString):
        text = str(first[0])
        if text != text.lstrip():
            first[0].replace_with(text.lstrip())
            element.insert_before(text[: len(text) - len(text.lstrip())])
    if last and isinstance(element.contents[-1], NavigableString):
        node = element.contents[-1]
        text = str(node)
        if text != text.rstrip():
            node.replace_with(text.rstrip())
            element.insert_after(text[len(text.rstrip()) :])
    if not element.get_text() and not element.find(_MEDIA):
        element.unwrap()


def _is_break(node) -> bool:
    """A line break, or ASCII spaces (which go with it)."""
    if isinstance(node, NavigableString):
        return not node.strip(" \t\n")
    return node.name == "br"


def _trim_edges(block: Tag) -> None:
    """No line break nor space at the edges of the text of ``block``: Markdown cannot show them.

    In a list item, the text before and after a nested list has edges of its own.
    """
    for strip in (str.lstrip, str.rstrip):
        runs: list[list] = [[]]
        for child in block.children:
            if isinstance(child, Tag) and child.name in _BLOCKS:
                runs.append([])
            else:
                runs[-1].append(child)
        for run in runs:
            nodes = [n for top in run for n in [top, *getattr(top, "descendants", ())]]
            for node in nodes if strip is str.lstrip else reversed(nodes):
                if isinstance(node, NavigableString):
                    if node.strip():
                        node.replace_with(strip(str(node)))
                        break
                    node.extract()
                elif node.name == "br":
                    node.decompose()
                elif node.name not in _INLINE:
                    break


# After the allow-list


def _resolve_urls(soup: BeautifulSoup, resolve: Resolve) -> tuple[str, ...]:
    asked: dict[tuple[str, str], str | None] = {}
    for element in soup.find_all(["img", "a", "audio", "video", "source"]):
        attribute = "href" if element.name == "a" else "src"
        kind = {"img": "image", "a": "link"}.get(element.name, "media")
        url = element.get(attribute)
        if not url:
            continue
        if (url, kind) not in asked:
            asked[url, kind] = resolve(url, kind)
        found = asked[url, kind]
        if isinstance(found, AsLink) and element.name != "a":
            _media_to_link(soup, element, found)
        elif found is not None:
            element[attribute] = found
    return tuple(dict.fromkeys(url for url, _ in asked))


def _media_to_link(soup: BeautifulSoup, element: Tag, url: str) -> None:
    """A media the site does not load, as a link to it named by its alt text or caption
    (a player's sources: the whole player)."""
    if element.name == "source":
        element = element.find_parent(["audio", "video"]) or element
    if element.parent is None:
        return  # a player already replaced for another of its sources
    figure = element.find_parent("figure")
    caption = figure.find("figcaption") if figure is not None else None
    text = (element.get("alt") or "").strip()
    if not text and element.name != "img":
        text = " ".join(
            t for t in element.find_all(string=True) if t.strip() not in MEDIA_FALLBACK.values()
        ).strip()
    if not text and caption is not None:
        text = caption.get_text(" ", strip=True)
    text = (
        text or f"{_MEDIA_LABELS.get(element.name, 'Fichier hébergé')} sur {urlsplit(url).hostname}"
    )
    if element.find_parent("a") is not None:  # already inside a link: its text only
        element.replace_with(NavigableString(text))
        return
    link = soup.new_tag("a", href=str(url))
    link.string = text
    if element.name == "img" or _inline_context(element):
        element.replace_with(link)
    else:
        paragraph = soup.new_tag("p")
        paragraph.append(link)
        element.replace_with(paragraph)


_BLANK_QUOTE_LINES = re.compile(r"^((?:> ?)*>)[ \t]*(?:\n\1[ \t]*)+\n(?=\1 \S)", re.MULTILINE)


def render_markdown(soup: BeautifulSoup) -> str:
    """The Markdown of clean post HTML, one top-level block at a time.

    A block python-markdown could not give back from Markdown (a figure, a player, a
    definition list, a table without a header row or with merged cells, or any list or
    quote holding one of those) stays HTML, which python-markdown passes through. Code
    inside a list or a quote is indented, as python-markdown has no fences there.
    """
    parts = []
    for block in soup.find_all(True, recursive=False):
        if _needs_html(block):
            raw = block.decode(formatter="minimal").replace(LITERAL_BRACKET, "[")
            # python-markdown looks for code fences before it sets raw HTML aside.
            parts.append(_FENCE_LINE.sub(lambda m: m[1] + _FENCE_ENTITY[m[2]], raw))
            continue
        _escape_text(block)
        for br in block.find_all("br"):
            if isinstance(br.next_sibling, Tag):
                # The converter forgets a list item's indent on a line that opens
                # with an element; a character of text first keeps it.
                br.insert_after(_LINE_OPENER)
        nested_code = block.name != "pre" and block.find("pre") is not None
        result = html_to_markdown.convert(
            block.decode(formatter="minimal"), _INDENTED if nested_code else _FENCED
        )
        # Where the converter escaped a character too, its backslash is enough.
        markdown = re.sub(ESCAPE + r"(?=\\)", "", result.content.strip("\n"))
        markdown = markdown.replace(ESCAPE, "\\").replace(ESCAPED_BACKSLASH, "\\\\")
        markdown = markdown.replace(_LINE_OPENER, "")
        # The converter leaves a blank quote line per blank text between a quote's blocks
        # (« > Texte », « > », « > », « > <cite> »): one separates them.
        markdown = _BLANK_QUOTE_LINES.sub(r"\1\n", markdown)
        parts.append(markdown.translate(_MARKED_SPACES))
    return "\n\n".join(part for part in parts if part.strip()) + "\n"


_OPTIONS = {
    "heading_style": "atx",
    "bullets": "-",
    "list_indent_width": 4,  # python-markdown nests lists by four spaces
    "strong_em_symbol": "*",
    "newline_style": "spaces",  # python-markdown has no backslash line break
    "autolinks": False,
    "extract_metadata": False,
    "br_in_tables": True,
    "preserve_tags": list(RAW_INLINE),
    "keep_inline_images_in": list(_HEADINGS),  # else a heading shows the alt text only
}
_FENCED = html_to_markdown.ConversionOptions(**_OPTIONS, code_block_style="backticks")
_INDENTED = html_to_markdown.ConversionOptions(**_OPTIONS, code_block_style="indented")


def _needs_html(block: Tag) -> bool:
    if block.name in RAW_BLOCKS or block.find(RAW_BLOCKS) is not None:
        return True
    for item in [block] if block.name == "li" else block.find_all("li"):
        first = next((c for c in item.children if isinstance(c, Tag) or c.strip()), None)
        if isinstance(first, Tag) and first.name in _BLOCKS - {"p"}:
            return True  # "- - x" is no list in a list for python-markdown
        if item.find(_NOT_IN_ITEMS, recursive=False):
            return True  # nor does it read a heading or a table inside a list item
    tables = [block] if block.name == "table" else block.find_all("table")
    return any(not _markdown_table(table) for table in tables)


def _markdown_table(table: Tag) -> bool:
    """Whether a pipe table says it all: one header row first, no merged cell, no block."""
    rows = table.find_all("tr")
    if not rows or not rows[0].find_all("th") or rows[0].find("td") is not None:
        return False
    if any(row.find("th") for row in rows[1:]):
        return False
    widths = {len(row.find_all(["th", "td"], recursive=False)) for row in rows}
    if len(widths) != 1:
        return False  # python-markdown would add the missing cells
    cells = table.find_all(["th", "td"])
    # python-markdown reads "\|" in a cell's code literally, and the converter writes it.
    piped_code = any("|" in code.get_text() for code in table.find_all("code"))
    return not piped_code and not any(
        cell.has_attr("colspan") or cell.has_attr("rowspan") or cell.find(_CELL_BLOCKS)
        for cell in cells
    )


# Escaping text for python-markdown. Its syntax is not CommonMark's, so the converter's
# escaping is off and text is escaped here, only where python-markdown would read syntax:
# "5 * 3" and "mots_composés" stay as they are.
ESCAPE = "\ufdd1"  # a noncharacter: never in text (clean_html removes them)
ESCAPED_BACKSLASH = "\ufdd3"
_FENCE_LINE = re.compile(r"^([ \t]*)([`~])(?=\2\2)", re.MULTILINE)
_FENCE_ENTITY = {"`": "&#96;", "~": "&#126;"}
_LINE_OPENER = "\ufdd4"
# The converter turns every Unicode space into an ASCII one; French text needs its
# no-break spaces (U+00A0, U+202F), so each space travels as a noncharacter of its own.
_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_SPACE_MARKS = str.maketrans({space: chr(0xFDE0 + i) for i, space in enumerate(_SPACES)})
_MARKED_SPACES = str.maketrans({chr(0xFDE0 + i): space for i, space in enumerate(_SPACES)})
_ASTERISK = re.compile(r"(?<!\s)\*|\*(?!\s)")
_UNDERSCORE = re.compile(r"(?<!\w)_|_(?!\w)")
# A "[" that could open a link, a reference, a footnote or the table of contents.
_OPEN_BRACKET = re.compile(r"\[(?=\^|TOC\]|[^\]]*$|.*\] ?[(\[:])")
# In a link's text, the brackets the converter leaves that python-markdown would read:
# the start of an abbreviation ("*[CM]:"), an image ("![x](y)"); and the table of contents.
_LINK_BRACKETS = re.compile(r"\[([^\[\]]*)\](?= ?:)|(?<=!)\[([^\[\]]*)\]")
_ATTRIBUTE_LIST = re.compile(r"\{")  # attr_list reads any {…}, even across a line break
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#|[A-Za-z][A-Za-z0-9]*;)")  # "&#" alone upsets python-markdown
# At the start of a line: a heading ("#mot" too), a quote, a setext underline, a
# definition, a tilde fence.
_LINE_START = re.compile(
    r"^([ \t\n]*(?:[0-9]+(?=\.(?:\s|$)))?)"
    r"(#|>|[-+.](?=\s|$)|-(?=[- \t]*$)|=(?==*[ \t]*$)|:(?=\s)|~(?=~~))"
)
_LINE_START_ESCAPE = {
    **{mark: ESCAPE + mark for mark in "#>-+."},  # a list item, "1." included
    **{"=": "&#61;", ":": "&#58;", "~": "&#126;"},  # not escapable in python-markdown
}


def _escape_text(block: Tag) -> None:
    """Mark, in the text of ``block``, what python-markdown would read as syntax.

    The converter would escape a backslash written here, so the escapes are written as
    ``ESCAPE`` and become backslashes once the block is Markdown.
    """
    for node in list(block.find_all(string=True)):
        if type(node) is not NavigableString:
            continue
        if node.find_parent(["code", "pre"]) is not None:
            node.replace_with(str(node).translate(_SPACE_MARKS))
            continue
        in_html = node.find_parent(RAW_INLINE) is not None
        in_link = node.find_parent("a") is not None
        heading = node.find_parent(_HEADINGS) is not None
        # In a heading « 1. », « - » or « > » is text: only « # » needs escaping.
        text = _escaped(str(node), in_html, in_link, not heading and _starts_line(node))
        if heading:  # a heading loses its trailing "#"s
            text = text.replace("#", ESCAPE + "#").replace(ESCAPE + ESCAPE, ESCAPE)
        node.replace_with(text.translate(_SPACE_MARKS))
    for img in block.find_all("img", alt=True):
        # Brackets and backticks in an alt text would end it or open code: entities.
        alt = _TAG_START.sub("&lt;", _ENTITY.sub("&amp;", img["alt"]))
        alt = alt.replace("\\", ESCAPED_BACKSLASH)
        alt = _ASTERISK.sub(ESCAPE + "*", alt)
        alt = alt.replace("`", "&#96;").replace("[", "&#91;").replace("]", "&#93;")
        img["alt"] = alt.translate(_SPACE_MARKS)
    for link in block.find_all("a", title=True):
        title = _TAG_START.sub("&lt;", _ENTITY.sub("&amp;", link["title"]))
        title = title.replace('"', "&quot;")
        link["title"] = title.translate(_SPACE_MARKS)


def _escaped(text: str, in_html: bool, in_link: bool, line_start: bool) -> str:
    # A newline in HTML text is a space; in Markdown it would start a line, where "#",
    # "-" or "1." mean something. Lines start at <br> only.
    text = re.sub(r"[\t\n\r\f]", " ", text)
    # Every backslash is written "\\": the converter escapes some of them, not all alike.
    text = text.replace("\\", ESCAPED_BACKSLASH)
    text = text.replace("`", ESCAPE + "`")
    text = _ASTERISK.sub(ESCAPE + "*", text)
    text = _UNDERSCORE.sub(ESCAPE + "_", text)
    if in_link:  # the converter escapes brackets there itself, but for the marker
        text = _LINK_BRACKETS.sub(lambda m: f"{ESCAPE}[{m[1] or m[2]}{ESCAPE}]", text)
        if text.strip() == "[TOC]":
            text = text.replace("[TOC]", f"{ESCAPE}[TOC{ESCAPE}]")
    else:
        text = _OPEN_BRACKET.sub(lambda m: ESCAPE + m[0], text)
    text = _ATTRIBUTE_LIST.sub(ESCAPE + "{", text)
    text = text.replace(LITERAL_BRACKET, ESCAPE + "[")
    if not in_html:  # inside kept HTML, the converter writes the entities
        text = _ENTITY.sub("&amp;", text)
        text = _TAG_START.sub("&lt;", text)
        if line_start:
            text = _LINE_START.sub(lambda m: m[1] + _LINE_START_ESCAPE[m[2]], text, count=1)
    return text


def _starts_line(node: NavigableString) -> bool:
    """Whether ``node`` begins a line of the Markdown: first in its block, or after a break."""
    for previous in node.previous_elements:
        if isinstance(previous, NavigableString):
            if previous.strip():
                return False
        elif previous.name == "br" or previous.name not in _INLINE:
            return True  # a break, or the block the text starts
    return True


__all__ = ["Converted", "clean_html", "render_markdown", "sanitise", "to_markdown"]
