"""Fingerprints of what a template renders, so that an unchanged page is not rendered again.

A page is rendered from a template and the variables it uses. Its fingerprint covers:

- the content the page is about (``article``, ``page``, the items listed on a listing
  page) in full: source text, metadata, and every attribute plugins added (comments,
  reading time, neighbours...);
- other content it only refers to (previous/next article, related posts, the site-wide
  lists in the header) by identity: source path, URL, title, date, status, category, tags;
- category, tag and author lists by name, URL and number of articles.

The items of a listing page (``articles_page``...) are pictured in full too, except their
links to other content (related posts, neighbours: attributes holding content) that the
page's templates never name: adding an article changes the related posts of many others,
and would otherwise render every listing page that shows one of them.

Anything of a type this module does not know is fingerprinted by its ``repr`` when that is
stable, and otherwise makes the page "unknown", which means: always rendered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
import pickle
import posixpath
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from urllib.parse import unquote

from jinja2 import TemplateNotFound, meta, nodes
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from . import seam
from .objects import text_bytes

# Attributes of content objects that are not data shown by templates (or are huge).
_SKIPPED_ATTRIBUTES = frozenset(
    {
        *seam.CONTENT_PRIVATE,  # the text (pictured below), the build's context
        "settings",
        "metadata",
        "source_path",
        "template",
        "_kept_text",  # a kept article's text (objects.py): pictured as the text
        "_kept_links",  # what a kept article's text links to: found in the text
    }
)
_ABSENT = object()
_UNSTABLE_REPR = re.compile(r" at 0x[0-9a-f]+")
# Variables holding (wrapper, [contents]) pairs: shown by name, URL and count only.
_GROUPED = frozenset({"categories", "tags", "authors"})


class Unknown(Exception):
    """A value whose fingerprint would not be stable: render the page every time."""


def digest(parts: Iterable[object]) -> str:
    """Hex digest of several plain values (strings, numbers, None, tuples of them...).

    The values are pickled without pickle's memo ("fast" mode), so equal values give the
    same bytes whichever objects hold them; five times faster than hashing their ``repr``,
    which is kept for anything pickle refuses.
    """
    parts = tuple(parts)
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    try:
        pickler.dump(parts)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        buffer = io.BytesIO(b"repr:" + repr(parts).encode("utf-8", "surrogatepass"))
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).hexdigest()


def _is_content(value: object) -> bool:
    return isinstance(value, Content) or (hasattr(value, "source_path") and seam.has_text(value))


def _is_wrapper(value: object) -> bool:
    return hasattr(value, "slug") and hasattr(value, "name") and hasattr(value, "url")


# Pictures of content objects, computed once per build (keyed by id; the object is kept
# alongside so that its id cannot be reused while the build runs).
_PICTURES: dict[tuple[str, int], tuple[object, tuple]] = {}


def reset() -> None:
    """Forget the pictures of the previous build (call when a build starts)."""
    _PICTURES.clear()
    _template_reads.cache_clear()


def _remembered(kind: str, content: object, make, variant: object = None) -> tuple:
    # A content object is pictured by the digest of its picture: pages list the same
    # content many times, and short digests keep each page's key cheap to compute.
    # ``variant`` tells apart pictures of one kind made differently (memo key only).
    key = (kind, variant, id(content))
    found = _PICTURES.get(key)
    if found is None:
        found = _PICTURES[key] = (content, (kind, digest((make(content),))))
    return found[1]


def reference(content: object) -> tuple:
    """What a page shows of content it links to: identity, title, date, place."""
    return _remembered("ref", content, _reference)


def _reference(content: object) -> tuple:
    metadata = getattr(content, "metadata", {})
    return (
        "ref",
        content.source_path,
        getattr(content, "url", None),
        str(metadata.get("title", "")),
        str(metadata.get("date", "")),
        getattr(content, "status", None),
        str(metadata.get("category", "")),
        tuple(str(t) for t in metadata.get("tags", ()) or ()),
    )


def full(content: object) -> tuple:
    """Everything about content a page is about: text, metadata, attributes from plugins."""
    return _remembered("full", content, lambda c: _assembled(c, None))


def listed(content: object, read: frozenset[str]) -> tuple:
    """:func:`full`, without the links to other content whose name is not in ``read``
    (the names a listing page's templates read)."""
    return _remembered("full", content, lambda c: _assembled(c, read), variant=read)


def _assembled(content: object, read: frozenset[str] | None) -> tuple:
    own, links = _parts(content)
    return (own, tuple([link for link in links if read is None or link[0] in read]))


def _is_link(value: object) -> bool:
    """Whether an attribute's value is other content (one, or a list of them)."""
    if isinstance(value, list | tuple):
        return bool(value) and all(_is_content(v) for v in value)
    return _is_content(value)


def _parts(content: object) -> tuple[str, tuple]:
    """The picture of content as two parts: the digest of all it holds but its links to
    other content, and those links by attribute name. Made once per content and build:
    a page about the content and the listings that show it (each reading its own
    attributes) differ only in which links they keep."""
    key = ("parts", None, id(content))
    found = _PICTURES.get(key)
    if found is None:
        found = _PICTURES[key] = (content, _make_parts(content))
    return found[1]


def _make_parts(content: object) -> tuple[str, tuple]:
    metadata = getattr(content, "metadata", {})
    # Pelican makes an attribute of every metadata field, the same object: such an
    # attribute is pictured with the metadata, once. A plain value equal to its field is
    # the same too (an article kept between builds gives back equal numbers, not the same
    # objects: see objects.py).
    # Plain values are their own picture: tested here, this loop runs for every attribute
    # of every content of the site.
    plain = _PLAIN_OR_NONE
    attributes, links = [], []
    for name, value in sorted(vars(content).items()):
        if name in _SKIPPED_ATTRIBUTES or _is_field(metadata, name, value):
            continue
        if type(value) in plain:
            attributes.append((name, value))
        elif _is_link(value):
            links.append((name, value_of(value, own=False)))
        else:
            attributes.append((name, value_of(value, own=False)))
    metadata = tuple(
        [
            (key, value if type(value) in plain else value_of(value, own=False))
            for key, value in sorted(metadata.items())
        ]
    )
    # A kept article's text is pictured from its bytes, without decoding it.
    raw = text_bytes(content)
    if raw is None:
        raw = str(seam.text(content)).encode()
    body = hashlib.blake2b(raw, digest_size=16).hexdigest()
    # Links to other sources ({filename}, {static}, {attach}) are resolved at render time:
    # the URLs of the sources whose file name is one the text links to stand for them, so
    # a linked article's new URL changes this page too, without rendering the body.
    linked = _linked_urls(content, raw) if _links_to_sources(raw) else ""
    own = digest((("content", content.source_path, body, linked, metadata, tuple(attributes)),))
    return own, tuple(links)


def _is_field(metadata: dict, name: str, value: object) -> bool:
    field = metadata.get(name, _ABSENT)
    if field is value:
        return True
    return type(value) in _PLAIN and type(field) is type(value) and field == value


_LINK_MARK = re.compile(rb"[{|](?:filename|static|attach)[}|]")
# A link's target, up to its end in Markdown or HTML, or its fragment or query.
_LINK_TARGET = re.compile(rb"[{|](?:filename|static|attach)[}|]([^\s\"'()<>#?]*)")


def _links_to_sources(text: bytes) -> bool:
    # Plain substring tests first: ten times faster than the regex over a page of text.
    return (b"filename" in text or b"static" in text or b"attach" in text) and bool(
        _LINK_MARK.search(text)
    )


def _linked_urls(content: object, text: bytes) -> str:
    """The URLs of the sources a text may link to: every source, generated or static,
    whose file name is the last part of one of its link targets (Pelican resolves a
    target relative to the text's folder or to the content root: the file name is what
    every resolution shares). A file added, removed or moved under that name, or a new
    URL for it, changes the picture; any other file of the site does not."""
    names = {
        posixpath.basename(unquote(target.decode("utf-8", "replace")).rstrip("/"))
        for target in _LINK_TARGET.findall(text)
    }
    by_name = _sources_by_name(content)
    return digest(
        (sorted((path, _url(linked)) for name in names for path, linked in by_name.get(name, ())),)
    )


def _url(content: object) -> str:
    # Pelican computes a URL from the settings at each access: once per source and build.
    key = ("url", None, id(content))
    if key not in _PICTURES:
        _PICTURES[key] = (content, str(getattr(content, "url", "")))
    return _PICTURES[key][1]


def _sources_by_name(content: object) -> dict[str, list[tuple[str, object]]]:
    """Every source of the build, (path, content), by file name; made once per build (the
    URLs of the few a text links to are asked for later: 10,000 URLs take a third of a
    second)."""
    context = seam.build_context(content) or {}
    key = ("sources by name", id(context))
    if key not in _PICTURES:
        table: dict[str, list[tuple[str, object]]] = {}
        for kind in ("generated_content", "static_content"):
            for path, linked in (context.get(kind) or {}).items():
                table.setdefault(posixpath.basename(path), []).append((path, linked))
        _PICTURES[key] = (context, table)
    return _PICTURES[key][1]


_PLAIN = frozenset({str, int, float, bool, bytes})
_PLAIN_OR_NONE = _PLAIN | {type(None)}


def value_of(
    value: object, own: bool = True, depth: int = 0, read: frozenset[str] | None = None
) -> object:
    """A plain, stable picture of ``value``; content in full only when ``own``, without
    the links to other content not named in ``read`` when given (see :func:`listed`)."""
    # The common kinds first: this runs tens of thousands of times per build.
    kind = type(value)
    if value is None or kind in _PLAIN:
        return value
    if depth > 8:
        raise Unknown("structure trop profonde")
    if kind is list or kind is tuple:
        plain = _PLAIN_OR_NONE
        return tuple([v if type(v) in plain else value_of(v, own, depth + 1, read) for v in value])
    if isinstance(value, URLWrapper):
        return _wrapper(value)
    # Dates before content: asking a datetime for attributes it lacks costs exceptions.
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if _is_content(value):
        if not own:
            return reference(value)
        return full(value) if read is None else listed(value, read)
    if isinstance(value, str | int | float | bytes):  # subclasses (Markup...)
        return (kind.__name__, str(value) if isinstance(value, str) else value)
    if _is_wrapper(value):
        return _wrapper_picture(value)
    if isinstance(value, Mapping):
        return tuple(
            (str(k), value_of(v, own, depth + 1))
            for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))
        )
    if isinstance(value, list | tuple):
        return tuple(value_of(v, own, depth + 1) for v in value)
    if isinstance(value, set | frozenset):
        return tuple(sorted(repr(value_of(v, own, depth + 1)) for v in value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            kind.__name__,
            tuple(
                (f.name, value_of(getattr(value, f.name), own, depth + 1))
                for f in dataclasses.fields(value)
            ),
        )
    if hasattr(value, "object_list") and hasattr(value, "number"):  # a paginator page
        items = value_of(list(value.object_list), own, depth + 1, read)
        return ("page", value.number, value.url, items)
    if hasattr(value, "num_pages") and hasattr(value, "per_page"):  # the paginator
        return ("paginator", value.num_pages, value.per_page, value.count)
    if callable(value):
        return ("callable", getattr(value, "__module__", ""), getattr(value, "__qualname__", ""))
    text = repr(value)
    if _UNSTABLE_REPR.search(text):
        raise Unknown(f"{kind.__name__} sans représentation stable")
    return ("repr", kind.__name__, text)


def _wrapper(value: URLWrapper) -> tuple:
    # Pelican makes one wrapper per article for the same tag, and computes its URL from
    # the settings at each access: one picture per kind and name for the whole build.
    key = ("wrapper", type(value), value.name)
    if key not in _PICTURES:
        _PICTURES[key] = (value, _wrapper_picture(value))
    return _PICTURES[key][1]


def _wrapper_picture(value) -> tuple:
    """A category, tag or author as pages show it: name, slug and URL."""
    return ("wrapper", type(value).__name__, str(value.name), value.slug, value.url)


def variable(name: str, value: object, read: frozenset[str] | None = None) -> object:
    """The picture of one template variable, by the rules in the module docstring;
    ``read``: the names the page's templates read (for the items of a listing page)."""
    if name in _GROUPED and isinstance(value, list | tuple):
        return tuple(
            (value_of(group[0]), len(group[1]))
            for group in value
            if isinstance(group, tuple) and len(group) == 2
        )
    # The content a page is about is given to it as ``article``/``page`` or in a paginated
    # ``*_page`` object; every other variable only refers to content.
    if name.endswith("_page"):
        return value_of(value, own=True, read=read)
    return value_of(value, own=name in ("article", "page"))


# What a template source reads and includes, by the digest of the source's text: parsing
# is the costly part. The same sources come back at every build, in the dev server and, as
# the table is kept on disk between builds, from the command line.
_READS: dict[str, tuple[frozenset[str], tuple[str, ...], frozenset[str]]] = {}
# The file the table was last loaded from or saved to, and the keys it holds.
_READS_ON_DISK: tuple[object, frozenset[str]] = (None, frozenset())


def _reads(environment, source: str) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    key = digest((source, environment.trim_blocks, environment.lstrip_blocks))
    if key not in _READS:
        if len(_READS) > 1024:  # a long session of template edits
            _READS.clear()
        tree = environment.parse(source)
        # Every name the template reads, loop variables included: a superset of what
        # ``meta.find_undeclared_variables`` finds, at a fraction of its cost (no compiling).
        names = frozenset(node.name for node in tree.find_all(nodes.Name) if node.ctx == "load")
        references = tuple(t for t in meta.find_referenced_templates(tree) if t)
        # Every attribute name it may read: ``x.name``, and any string constant
        # (``x["name"]``, ``map(attribute="name")``, ``attr("name")``).
        attributes = frozenset(
            [node.attr for node in tree.find_all(nodes.Getattr)]
            + [n.value for n in tree.find_all(nodes.Const) if isinstance(n.value, str)]
        )
        _READS[key] = (names, references, attributes)
    return _READS[key]


def load_reads(path) -> None:
    """Add what the templates read, as a previous build saved it in ``path``."""
    global _READS_ON_DISK
    _READS_ON_DISK = (None, frozenset())
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        table = {
            key: (frozenset(names), tuple(references), frozenset(attributes))
            for key, (names, references, attributes) in saved.items()
            if all(isinstance(n, str) for n in names + references + attributes)
        }
    except (OSError, ValueError, TypeError, AttributeError):
        return  # absent or damaged: the templates are parsed again
    _READS.update(table)
    _READS_ON_DISK = (path, frozenset(table))


def save_reads(path) -> None:
    """Keep what the templates read in ``path``, for the next build (when something is new)."""
    global _READS_ON_DISK
    if _READS_ON_DISK[0] == path and _READS.keys() <= _READS_ON_DISK[1]:
        return
    table = {
        key: [sorted(names), list(refs), sorted(attributes)]
        for key, (names, refs, attributes) in _READS.items()
    }
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)
    _READS_ON_DISK = (path, frozenset(_READS))


@lru_cache(maxsize=256)
def _template_reads(environment, name: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The variables and attribute names a template, or a template it extends or
    includes, may read."""
    seen: set[str] = set()
    names: set[str] = set()
    attributes: set[str] = set()
    pending = [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            source = environment.loader.get_source(environment, current)[0]
        except TemplateNotFound:  # an ``include ... ignore missing`` of nothing
            continue
        found, references, read = _reads(environment, source)
        names |= found
        attributes |= read
        pending.extend(references)
    return tuple(sorted(names)), frozenset(attributes)


def template_variables(environment, name: str) -> tuple[str, ...]:
    """Every variable a template, or a template it extends or includes, may read."""
    return _template_reads(environment, name)[0]


def template_attributes(environment, name: str) -> frozenset[str]:
    """Every attribute name a template, or a template it extends or includes, may read."""
    return _template_reads(environment, name)[1]
