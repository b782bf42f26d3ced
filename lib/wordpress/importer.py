"""A whole WordPress blog into the site: posts, pages, images, comments, old addresses.

:func:`run` reads the export, plans every file (Markdown sources, image copies), then,
unless it is a dry run, writes what is new or changed, never a file the author edited
since (:mod:`.manifest`), imports the comments through the comment importer, adds the
old addresses to the redirection table and records the old posts' proofreading findings
as known mistakes. Everything it decides goes into a :class:`Report`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import multiprocessing
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from cmcore import dates, sources
from cmcore.files import write_atomically
from cmcore.french import NBSP, quoted
from cmcore.headers import parse_header
from comments import merge as comment_merge
from comments import store as comment_store
from comments.importers import wordpress as comment_export
from comments.merge import Conflict
from comments.moderation import moderator_for
from comments.settings import get as comment_setting
from comments.targets import key as address_key

from . import convert, mapping, media
from .export import Author, Export, Item, read
from .manifest import Manifest, digest

POST, PAGE = "post", "page"
PUBLISHED = "publish"
# Kept as drafts: never published, never lost.
DRAFT_STATUSES = {
    "draft": "brouillon",
    "pending": "en attente de relecture",
    "private": "privé",
    "future": "programmé",
}
_REUSABLE = re.compile(r"<!--\s*wp:block\s+(\{[^}]*\})\s*/-->")
_REF = re.compile(r'"ref"\s*:\s*(\d+)')
_TAGS = re.compile(r"<[^>]+>")
_TITLE_ATTR = re.compile(r'title="([^"]*)"')
_HREF = re.compile(r'(?:href|src)="([^"]+)"')
_YOUTUBE_ID = re.compile(r"(?:youtube\.com/(?:embed/|watch\?v=)|youtu\.be/)([\w-]{6,})")
_PAGES_FOLDER = "pages"


@dataclass
class Planned:
    """One content item and the source file it becomes."""

    item: Item
    key: str  # site:id, stable across exports of the site
    kind: str  # POST or PAGE
    path: str  # relative to content/
    slug: str
    title: str
    draft: str  # "" when published, else why (French)
    text: str | None = ""
    outcome: str = ""  # new, unchanged, updated, conflict, deleted
    # An imported post the map now sends elsewhere: its category, by a header (the file
    # stays where it is, so every link to it and every old address still leads to it).
    category: str = ""

    @property
    def digest(self) -> str:
        """What this source is made of, in the export (with where it goes)."""
        return digest(repr((self.item, sorted(self.item.meta.items()), self.path)).encode())


@dataclass
class Source:
    """One converted source and what it needs: recorded in the manifest, so that a source
    whose inputs did not change is not converted again."""

    text: str | None  # None: not converted again (unchanged inputs)
    uploads: list[str] = field(default_factory=list)  # under uploads/, linked by the source
    missing: list[str] = field(default_factory=list)
    shortcodes: list[str] = field(default_factory=list)
    old_links: list[str] = field(default_factory=list)
    unsafe: list[str] = field(default_factory=list)  # paths of the export refused
    external: list[str] = field(default_factory=list)  # media of other sites, now links

    def record(self) -> dict:
        return {k: sorted(set(v)) if k != "shortcodes" else v for k, v in self._lists()}

    def _lists(self):
        return [(k, getattr(self, k)) for k in SOURCE_LISTS]


@dataclass
class Report:
    """What an import did or, in a dry run, would do."""

    export: str
    site: str
    dry_run: bool
    posts: dict[str, int] = field(default_factory=dict)  # outcome -> count
    pages: dict[str, int] = field(default_factory=dict)
    drafts: list[tuple[str, str]] = field(default_factory=list)  # path, why
    skipped: dict[str, int] = field(default_factory=dict)  # what -> count (not content)
    categories: list[mapping.Decision] = field(default_factory=list)
    authors: list[mapping.Decision] = field(default_factory=list)
    renamed_slugs: list[tuple[str, str]] = field(default_factory=list)  # path, why
    # imported posts the map sends to another category: path, what became of them
    moved_categories: list[tuple[str, str]] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # path, why
    images_copied: int = 0
    images_unchanged: int = 0
    images_missing: dict[str, list[str]] = field(default_factory=dict)  # post path -> files
    image_conflicts: list[str] = field(default_factory=list)
    shortcodes: dict[str, list[str]] = field(default_factory=dict)  # post path -> names
    old_links: dict[str, list[str]] = field(default_factory=dict)  # post path -> urls
    # post path -> paths of the export refused (absolute, « .. », out of a folder)
    unsafe_paths: dict[str, list[str]] = field(default_factory=dict)
    external_media: dict[str, list[str]] = field(default_factory=dict)  # post path -> urls
    comments: dict[str, int] = field(default_factory=dict)
    comment_orphans: list[tuple[str, str]] = field(default_factory=list)
    comment_conflicts: list[Conflict] = field(default_factory=list)
    comments_folder: str = ""
    redirects: dict[str, int] = field(default_factory=dict)  # added, same, conflict
    redirect_conflicts: list[tuple[str, str]] = field(default_factory=list)
    # old archive of a tag or author with no published post -> the listing it leads to
    redirects_to_listings: list[tuple[str, str]] = field(default_factory=list)
    known_mistakes: int = 0
    written: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # step -> wall-clock time

    def count(self, table: dict, name: str, by: int = 1) -> None:
        table[name] = table.get(name, 0) + by


def run(
    settings: dict,
    export_path: Path,
    uploads: Path | None = None,
    map_file: Path | None = None,
    dry_run: bool = False,
) -> Report:
    """Import the export at ``export_path`` into the site of ``settings``."""
    clock = _Clock()
    export = _text_names(read(Path(export_path)))
    content = Path(settings["PATH"])
    folders = [f for f in settings.get("ARTICLE_PATHS", []) if f]
    categories = [
        f for f in folders if f in settings.get("BLOG_CATEGORIES", {f: f for f in folders})
    ]
    default = settings.get("DEFAULT_CATEGORY", "conseils")
    mapper = mapping.load(map_file, categories, default if default in categories else categories[0])
    report = Report(str(export_path), export.site, dry_run)
    clock.lap(report, "lecture")
    manifest = Manifest.load(content)
    plan = Plan(settings, export, mapper, manifest, media.Uploads(uploads), report)
    plan.make()
    clock.lap(report, "conversion")
    plan.write()
    clock.lap(report, "écriture")
    plan.import_comments()
    clock.lap(report, "commentaires")
    plan.add_redirects()
    clock.lap(report, "redirections")
    if not dry_run:
        manifest.save()
        plan.record_known_mistakes()
        clock.lap(report, "relecture")
    report.categories = sorted(mapper.decisions.values(), key=lambda d: d.source.casefold())
    report.authors = sorted(mapper.author_decisions.values(), key=lambda d: d.source.casefold())
    return report


def _text_names(export: Export) -> Export:
    """The export with its names and titles as plain text: they come out raw in the
    site's pages (Pelican shows titles as HTML), so no markup of the export reaches them."""
    text = convert.plain_text
    export.authors = {
        login: Author(author.login, text(author.display_name) or text(login))
        for login, author in export.authors.items()
    }
    export.categories = {slug: text(name) for slug, name in export.categories.items()}
    export.tags = {slug: text(name) for slug, name in export.tags.items()}
    export.items = [
        dataclasses.replace(
            item,
            title=text(item.title),
            author=text(item.author),
            terms=tuple(dataclasses.replace(t, name=text(t.name)) for t in item.terms),
        )
        if item.type in (POST, PAGE)
        else item
        for item in export.items
    ]
    return export


class Plan:
    """Every decision of one import, then the writing of it (in a dry run, what it would
    write is counted, and nothing is)."""

    def __init__(self, settings, export: Export, mapper, manifest: Manifest, uploads, report):
        self.settings = settings
        self.export = export
        self.mapper = mapper
        self.manifest = manifest
        self.uploads = uploads
        self.report = report
        self.content = Path(settings["PATH"])
        self.timezone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
        self.hosts = _hosts(export)
        self.by_id = {item.id: item for item in export.items}
        self.planned: list[Planned] = []
        self.by_key: dict[str, Planned] = {}  # address key -> planned item
        self.copies: dict[str, media.Upload] = {}  # target -> upload
        self.site_urls: set[str] = set()  # addresses of the site's sources before the import
        self.used_paths: set[str] = set()  # files planned in this run: one item each
        # Slugs of the tags and authors that have a page once imported (a published post).
        self.used_tags: set[str] = set()
        self.used_authors: set[str] = set()

    # --- Planning -----------------------------------------------------------------------

    def make(self) -> None:
        items = self._content_items()
        taken = self._slugs_in_site()
        for item, key in items:
            planned = self._place(item, key, taken)
            if planned:
                self.planned.append(planned)
        for planned in self.planned:
            for address in self._addresses(planned.item):
                self.by_key.setdefault(address, planned)
            if planned.kind == POST:  # decided here: conversions may run in other processes
                self.mapper.author(planned.item.author, self.export.authors)
            if planned.kind == POST and not planned.draft:
                self.used_tags.update(self.slugify(t) for t in self._tags(planned.item))
                author = self.mapper.author(planned.item.author, self.export.authors)
                self.used_authors.add(self.slugify(author or self.settings.get("AUTHOR", "")))
        context = self._context_digest()
        same_context = self.manifest.context == context
        self.manifest.context = context
        to_convert = []
        for planned in self.planned:
            kept = self.manifest.inputs.get(planned.key) if same_context else None
            if kept and kept.get("digest") == planned.digest and self._intact(planned):
                self._use(planned, Source(None, **{k: kept.get(k, []) for k in SOURCE_LISTS}))
            else:
                to_convert.append(planned)
        for planned, source in zip(to_convert, self._convert_all(to_convert), strict=True):
            self._use(planned, source)

    def _use(self, planned: Planned, source: Source) -> None:
        planned.text = source.text
        for relative in source.uploads:
            try:
                upload = self.uploads.find(relative)
            except media.UnsafePath:  # a manifest edited by hand: never followed
                continue
            self.copies.setdefault(upload.target, upload)
        if source.missing:
            self.report.images_missing[planned.path] = sorted(set(source.missing))
        if source.shortcodes:
            self.report.shortcodes[planned.path] = list(source.shortcodes)
        if source.old_links:
            self.report.old_links[planned.path] = sorted(set(source.old_links))
        if source.unsafe:
            self.report.unsafe_paths[planned.path] = sorted(set(source.unsafe))
        if source.external:
            self.report.external_media[planned.path] = sorted(set(source.external))
        self.manifest.inputs[planned.key] = {"digest": planned.digest, **source.record()}

    def _intact(self, planned: Planned) -> bool:
        # The file is there as the import last wrote it.
        path = self.content / planned.path
        recorded = self.manifest.files.get(planned.path)
        return recorded is not None and path.is_file() and digest(path.read_bytes()) == recorded

    def _convert_all(self, planned: list[Planned]) -> list[Source]:
        """Convert sources, on every core for a large export (processes forked with the
        plan: each converts its share and sends back text and needs)."""
        global _FORKED
        jobs = min(os.cpu_count() or 1, 8)
        if len(planned) < 40 or jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return [self._source(p) for p in planned]
        _FORKED = (self, planned)
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                return pool.map(_convert_forked, range(len(planned)), chunksize=8)
        finally:
            _FORKED = None

    def _context_digest(self) -> str:
        """What every source's conversion depends on besides its own item: the other
        items (links, galleries, reusable blocks), where each goes, the map, the uploads
        folder, the settings used and this code."""
        parts = [sorted(self.mapper.categories.items()), sorted(self.mapper.authors.items())]
        parts.append([(p.key, p.path, p.title) for p in self.planned])
        parts.append(
            [
                (i.id, i.type, i.status, i.slug, i.link, i.guid, i.attachment_url, i.title)
                + (i.parent, i.menu_order)
                + (i.excerpt, i.attached_file(), i.meta.get("_wp_attachment_image_alt", ""))
                + ((i.content,) if i.type == "wp_block" else ())
                for i in self.export.items
                if i.type not in (POST, PAGE)
            ]
        )
        parts.append(sorted(self.hosts))
        parts.append([sorted(self.used_tags), sorted(self.used_authors)])  # archive links
        parts.append([self.settings.get(n) for n in CONTEXT_SETTINGS])
        parts.append(_code_digest())
        parts.append(self._uploads_listing())
        return digest(repr(parts).encode("utf-8"))

    def _uploads_listing(self) -> list:
        folder = self.uploads.folder
        if folder is None or not folder.is_dir():
            return []
        found = []
        for root, _, files in os.walk(folder):
            found += [os.path.relpath(os.path.join(root, f), folder) for f in files]
        return sorted(found)

    def _content_items(self) -> list[tuple[Item, str]]:
        found, seen = [], set()
        for item in self.export.items:
            if item.type not in (POST, PAGE):
                label = "pièces jointes" if item.type == "attachment" else item.type
                self.report.count(self.report.skipped, label)
                continue
            if item.status not in (PUBLISHED, *DRAFT_STATUSES):
                self.report.count(self.report.skipped, f"{_kind_label(item.type)} ({item.status})")
                continue
            key = f"{self.export.site}:{item.id}"
            number = 2
            while key in seen:  # an export with an id twice: both kept
                key, number = f"{self.export.site}:{item.id}@{number}", number + 1
            seen.add(key)
            found.append((item, key))
        return sorted(found, key=lambda pair: (pair[0].date or dt.datetime.min, pair[0].id))

    def _slugs_in_site(self) -> set[str]:
        """Every slug already used: the author's sources, the files earlier imports wrote
        (of this site or another, in a file or only in the manifest: a file the author
        deleted keeps its place), so that a new item never lands on one of them."""
        imported = set(self.manifest.files) | set(self.manifest.items.values())
        taken = {Path(path).stem for path in imported}
        for path in sorted(self.content.rglob("*.md")):
            relative = path.relative_to(self.content).as_posix()
            header = parse_header(path.read_text(encoding="utf-8", errors="replace"))
            slug = header.get("slug")
            slug = slug.value if slug else path.stem
            taken.add(slug)
            status = header.get("status")
            if not relative.startswith(f"{_PAGES_FOLDER}/") and not (
                status and status.value.lower() in ("draft", "hidden", "skip")
            ):
                tags = header.get("tags")
                for name in tags.value.split(",") if tags else []:
                    self.used_tags.add(self.slugify(name.strip()))
                author = header.get("author") or header.get("authors")
                names = author.value.split(",") if author else [self.settings.get("AUTHOR", "")]
                self.used_authors.update(self.slugify(n.strip()) for n in names if n.strip())
            # A page of the site (the author's or imported) is never replaced by a redirect.
            self.site_urls.add(self._url(PAGE if relative.startswith("pages/") else POST, slug))
        return taken

    def _url(self, kind: str, slug: str) -> str:
        """The site path of a source: ``/mon-article/``."""
        pattern = self.settings.get("PAGE_URL" if kind == PAGE else "ARTICLE_URL", "{slug}/")
        return "/" + pattern.format(slug=slug).lstrip("/")

    def _place(self, item: Item, key: str, taken: set[str]) -> Planned | None:
        kind = item.type
        title = item.title
        draft = "" if item.status == PUBLISHED else DRAFT_STATUSES[item.status]
        known = self.manifest.items.get(key)
        if known and known not in self.used_paths:
            self.used_paths.add(known)
            slug = Path(known).stem
            taken.add(slug)
            category = ""
            if kind == POST:
                folder, _ = self.mapper.category(item.categories)
                category = folder if folder != Path(known).parent.as_posix() else ""
            title = title or self._dated_title(item)
            return Planned(item, key, kind, known, slug, title, draft, category=category)
        untitled = not title
        if untitled:
            title = self._dated_title(item)
        wanted = item.slug if item.slug and not item.slug.isdigit() else ""
        base = self.slugify(wanted or title) or f"article-{item.id}"
        if kind == POST:
            folder, _ = self.mapper.category(item.categories)
        else:
            folder = _PAGES_FOLDER
        slug, number = base, 2
        while slug in taken or f"{folder}/{slug}.md" in self.used_paths:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        path = f"{folder}/{slug}.md"
        self.used_paths.add(path)
        if untitled:
            self.report.renamed_slugs.append((path, f"sans titre, devenu {quoted(title)}"))
        if slug != base:
            self.report.renamed_slugs.append(
                (path, f"adresse {quoted(base)} déjà prise, devenue {quoted(slug)}")
            )
        return Planned(item, key, kind, path, slug, title, draft)

    def _dated_title(self, item: Item) -> str:
        when = item.date or dt.datetime(1970, 1, 1)
        return f"Article du {dates.format_date(when.date())}"

    def slugify(self, text: str) -> str:
        return sources.slugify(text, self.settings)

    def _addresses(self, item: Item) -> Iterable[str]:
        """Every key an old link to ``item`` can have (see :func:`comments.targets.key`)."""
        param = "page_id" if item.type == PAGE else "p"
        yield f"?{param}={item.id}"
        yield f"?p={item.id}"
        for url in (item.link, item.guid):
            if url and self._is_internal(url):
                yield address_key(url)
        old_slug = item.meta.get("_wp_old_slug", "")
        if old_slug and item.link:
            path = address_key(item.link)
            if "/" in path or path:
                head = path.rsplit("/", 1)[0] if "/" in path else ""
                yield f"{head}/{old_slug}".strip("/").lower()

    def _source(self, planned: Planned) -> Source:
        """The Markdown file of ``planned`` and what it needs (no state of the plan changes:
        this may run in another process)."""
        item = planned.item
        found = Source("")
        body = self._expand_reusable_blocks(item.content)

        def resolve(url: str, kind: str) -> str | None:
            return self._resolve(url, kind, found)

        body, dropped = _without_broken_images(body)
        if dropped:
            found.old_links += dropped
        converted = convert.to_markdown(
            body, resolve, _embed_titles(item), lambda ids: self._gallery(ids, item)
        )
        found.shortcodes = list(converted.shortcodes)
        markdown = _heading_anchors(body, converted.markdown)
        found.text = self._header(planned, found) + "\n" + markdown
        return found

    def _expand_reusable_blocks(self, body: str, depth: int = 0) -> str:
        def expand(match: re.Match) -> str:
            ref = _REF.search(match.group(1))
            block = self.by_id.get(ref.group(1)) if ref else None
            if block is None or depth > 5:
                return ""
            return self._expand_reusable_blocks(block.content, depth + 1)

        return _REUSABLE.sub(expand, body)

    def _header(self, planned: Planned, found: Source) -> str:
        item = planned.item
        lines = [("Title", planned.title)]
        if item.date:
            lines.append(("Date", self._local(item.date, item.date_is_utc)))
        if item.modified and item.date and item.modified > item.date:
            lines.append(("Modified", self._local(item.modified, item.date_is_utc)))
        lines.append(("Slug", planned.slug))
        if planned.category:
            lines.append(("Category", planned.category))
        if planned.kind == POST:
            tags = self._tags(item)
            if tags:
                lines.append(("Tags", ", ".join(tags)))
            author = self.mapper.author(item.author, self.export.authors)
            if author:  # else the site's AUTHOR, as for any article without one
                lines.append(("Author", author))
        summary = convert.plain_text(item.excerpt)
        if summary:
            lines.append(("Summary", summary))
        image = self._featured(item, found)
        if image:
            lines += image
        if planned.draft:
            lines.append(("Status", "draft"))
        return "".join(f"{name}: {_one_line(value)}\n" for name, value in lines)

    def _tags(self, item: Item) -> list[str]:
        """A post's tags: its WordPress tags, then its categories that are not the chosen one."""
        _, other_categories = self.mapper.category(item.categories)
        tags = [t.name or convert.plain_text(t.slug) for t in item.tags] + list(other_categories)
        return list(dict.fromkeys(t.replace(",", " ") for t in tags))

    def _featured(self, item: Item, found: Source):
        thumbnail = self.by_id.get(item.meta.get("_thumbnail_id", ""))
        if thumbnail is None:
            return None
        relative = thumbnail.attached_file() or media.upload_path(
            thumbnail.attachment_url, self.hosts
        )
        if not relative:
            return None
        upload = self._need(relative, found)
        if upload is None:
            return None
        alt = convert.plain_text(thumbnail.meta.get("_wp_attachment_image_alt", ""))
        return [("Image", upload.link), ("Image-Alt", alt or convert.plain_text(thumbnail.title))]

    def _need(self, relative: str, found: Source) -> media.Upload | None:
        # Paths come from the export (attachment meta, URLs): one that would read outside
        # --uploads or write outside content/ is refused and reported, never followed.
        try:
            upload = self.uploads.find(relative)
            media.inside(self.content, upload.target)
        except media.UnsafePath:
            found.unsafe.append(relative)
            return None
        found.uploads.append(upload.relative)
        if upload.source is None:
            found.missing.append(upload.relative)
        return upload

    def _resolve(self, url: str, kind: str, found: Source) -> str | None:
        url = html.unescape(url.strip())
        relative = media.upload_path(url, self.hosts)
        if relative is not None:
            upload = self._need(relative, found)
            return upload.link if upload else None
        if kind != "link":
            return self._foreign_media(url, found)
        if not self._is_internal(url):
            return None
        parts = urlsplit(url)
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        target = self.by_key.get(address_key(url.split("#", 1)[0]))
        if target is not None:
            return f"{{filename}}/{target.path}{fragment}"
        attachment = self._attachment(url)
        if attachment is not None:
            relative = attachment.attached_file()
            upload = self._need(relative, found) if relative else None
            if upload is not None:
                return upload.link
        archive = self._archive(parts.path)
        if archive:
            return archive
        if parts.path.strip("/") or parts.query:
            found.old_links.append(url)
        return None

    def _foreign_media(self, url: str, found: Source) -> str | None:
        """An image, a sound or a video that is no upload: the site never loads it (no
        request to another site, nor to the old one), it becomes a link to it. One of
        the old site's is missing (listed with the images); another site's is listed."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if parts.scheme.lower() not in ("", "http", "https") or url.startswith("{"):
            return None
        if self._is_internal(url):
            absolute = url if parts.netloc else self.export.base_url + "/" + url.lstrip("/")
            found.missing.append(absolute)
            return convert.AsLink(absolute)
        if not parts.netloc:
            return None  # a relative name (« photo.jpg »): nothing any site can show
        found.external.append(url)
        return convert.AsLink(url if parts.scheme else "https:" + url)

    def _attachment(self, url: str) -> Item | None:
        query = urlsplit(url).query
        match = re.search(r"(?:^|&)attachment_id=(\d+)", query)
        if match:
            return self.by_id.get(match.group(1))
        return None

    def _archive(self, path: str) -> str | None:
        # /category/<slug>/, /tag/<slug>/, /author/<login>/: the site's own listings.
        parts = [p for p in path.split("/") if p]
        if len(parts) < 2 or parts[-2] not in ("category", "tag", "author"):
            return None
        what, slug = parts[-2], parts[-1]
        if what == "category":
            term = mapping.Term("category", slug, self.export.categories.get(slug, slug))
            target, _ = self.mapper.category([term])
            return "{category}" + target
        if what == "tag":
            name = self.export.tags.get(slug, convert.plain_text(slug))
            if self.slugify(name) in self.used_tags:
                return "{tag}" + name
            return self._listing("tags")
        name = self.mapper.author(slug, self.export.authors)
        if self.slugify(name) in self.used_authors:
            return "{author}" + name
        return self._listing("authors")

    def _listing(self, what: str) -> str:
        """The site's page listing every tag (``what="tags"``) or author, else its home."""
        setting = what.upper()
        if what in self.settings.get("DIRECT_TEMPLATES", ()) and self.settings.get(
            f"{setting}_SAVE_AS"
        ):
            return "/" + self.settings.get(f"{setting}_URL", f"{what}.html").lstrip("/")
        return "/"

    def _archives(self, pairs: dict, slugs: dict[str, str], what: str, used: set) -> None:
        """Redirect each old tag or author archive (``slugs``: old path → our slug) to our
        page for it; one that no published post has gets no page here: it leads to the
        list of them (or the home page), and the report says so."""
        singular = what[:-1]  # "tags" -> TAG_URL, "authors" -> AUTHOR_URL
        url = self.settings.get(f"{singular.upper()}_URL", f"{singular}/{{slug}}.html")
        for old, ours in slugs.items():
            if ours in used:
                pairs.setdefault(old, "/" + url.format(slug=ours))
            elif old not in pairs:
                pairs[old] = self._listing(what)
                self.report.redirects_to_listings.append((old, pairs[old]))

    def _gallery(self, ids: list[str], item: Item) -> list[tuple[str, str, str]]:
        """The images of a gallery: those of ``ids``, else (WordPress's default) the images
        attached to the post, in WordPress's order (menu order, then id)."""
        if ids:
            attachments = [self.by_id.get(str(number).strip()) for number in ids]
        else:
            attachments = sorted(
                (
                    a
                    for a in self.export.items
                    if a.type == "attachment"
                    and a.parent == item.id
                    and _IMAGE_FILE.search(a.attachment_url.split("?", 1)[0])
                ),
                key=lambda a: (a.menu_order, int(a.id) if a.id.isdigit() else 0),
            )
        found = []
        for attachment in attachments:
            if attachment is not None and attachment.attachment_url:
                caption = _plain(attachment.excerpt) or ""
                alt = convert.plain_text(attachment.meta.get("_wp_attachment_image_alt", ""))
                found.append((attachment.attachment_url, caption, alt))
        return found

    def _is_internal(self, url: str) -> bool:
        try:
            parts = urlsplit(url)
        except ValueError:
            return False
        if not parts.netloc:
            return not parts.scheme and (url.startswith("/") or url.startswith("?"))
        return (parts.hostname or "").lower().removeprefix("www.") in self.hosts

    def _local(self, when: dt.datetime, is_utc: bool) -> str:
        if is_utc:
            when = when.replace(tzinfo=dt.UTC).astimezone(self.timezone)
        return when.strftime("%Y-%m-%d %H:%M")

    # --- Writing ------------------------------------------------------------------------

    def write(self) -> None:
        for planned in self.planned:
            self._write_source(planned)
        for target, upload in sorted(self.copies.items()):
            self._copy(target, upload)

    def _write_source(self, planned: Planned) -> None:
        table = self.report.posts if planned.kind == POST else self.report.pages
        try:
            path = media.inside(self.content, planned.path)
        except media.UnsafePath:  # a manifest edited by hand: never followed
            self.report.unsafe_paths.setdefault(planned.path, []).append(planned.path)
            return
        recorded = self.manifest.files.get(planned.path)
        if planned.draft:
            self.report.drafts.append((planned.path, planned.draft))
        if planned.text is None:  # same inputs, file as written: nothing to do
            planned.outcome = "unchanged"
            self.report.count(table, planned.outcome)
            self._tell_category(planned)
            return
        data = planned.text.encode("utf-8")
        if not path.exists():
            if recorded is not None:
                # Imported before, deleted by the author since: not brought back.
                planned.outcome = "deleted"
                self.report.conflicts.append(
                    (planned.path, "supprimé depuis l’import précédent, pas recréé")
                )
            else:
                planned.outcome = "new"
                self._save(path, planned, data)
        else:
            current = path.read_bytes()
            if current == data:
                planned.outcome = "unchanged"
                self._remember(planned, data)
            elif recorded is not None and digest(current) == recorded:
                planned.outcome = "updated"
                self._save(path, planned, data)
            else:
                planned.outcome = "conflict"
                why = (
                    "modifié depuis l’import, gardé tel quel"
                    if recorded is not None
                    else "existe déjà (écrit à la main), gardé tel quel"
                )
                self.report.conflicts.append((planned.path, why))
        self.report.count(table, planned.outcome)
        self._tell_category(planned)

    def _tell_category(self, planned: Planned) -> None:
        if not planned.category or planned.outcome == "deleted":
            return
        folder = Path(planned.path).parent.as_posix()
        if planned.outcome == "conflict":
            why = (
                f"reste dans {quoted(folder)} (modifié depuis l’import){NBSP}; pour le "
                f"ranger dans {quoted(planned.category)}, ajoutez "
                f"{quoted('Category: ' + planned.category)} à son en-tête"
            )
        else:
            why = (
                f"rangé dans {quoted(planned.category)} par son en-tête (Category), le "
                f"fichier reste dans {quoted(folder)}{NBSP}: son adresse ne change pas"
            )
        self.report.moved_categories.append((planned.path, why))

    def _save(self, path: Path, planned: Planned, data: bytes) -> None:
        if self.report.dry_run:
            return
        write_atomically(path, data)
        self.report.written.append(planned.path)
        self._remember(planned, data)

    def _remember(self, planned: Planned, data: bytes) -> None:
        self.manifest.files[planned.path] = digest(data)
        self.manifest.items[planned.key] = planned.path

    def _copy(self, target: str, upload: media.Upload) -> None:
        if upload.source is None:
            return
        try:
            path = media.inside(self.content, target)
        except media.UnsafePath:
            self.report.unsafe_paths.setdefault(target, []).append(upload.relative)
            return
        data = upload.source.read_bytes()
        if path.exists():
            if path.read_bytes() == data:
                self.report.images_unchanged += 1
            else:
                self.report.image_conflicts.append(target)
            return
        if not self.report.dry_run:
            write_atomically(path, data)
        self.report.images_copied += 1

    # --- Comments, old addresses, known mistakes ----------------------------------------

    def import_comments(self) -> None:
        incoming = comment_export.from_root(self.export.root, self.export.path)
        folder = self.content / comment_setting(self.settings, "COMMENTS_DIR")
        current = comment_store.load(folder)
        by_key = {}
        for planned in self.planned:
            if planned.outcome == "deleted":
                continue
            # Pages too: WordPress allows comments on them, and the page template shows them.
            for url in (planned.item.slug, planned.item.link, planned.item.guid):
                if url:
                    by_key.setdefault(address_key(url), planned.slug)
            by_key.setdefault(f"?p={planned.item.id}", planned.slug)
            by_key.setdefault(f"?page_id={planned.item.id}", planned.slug)

        def match(targets: tuple[str, ...]) -> str | None:
            for target in targets:
                found = by_key.get(address_key(target))
                if found:
                    return found
            return None

        # What the store held before, to count a second run as the first one (below).
        before = {i: record.get("imported") for i, (_, record) in current.ids().items()}
        result = comment_merge.merge(
            incoming,
            current,
            match,
            moderator_for(self.settings),
            "wordpress",
            bool(comment_setting(self.settings, "COMMENTS_ALLOW_IMAGES")),
        )
        counts = self.report.comments
        for article_counts in result.articles.values():
            for name in ("imported", "unchanged", "updated", "pending", "skipped", "conflicts"):
                self.report.count(counts, name, getattr(article_counts, name))
        self.report.count(counts, "skipped", result.skipped_orphans)
        self._recount_stored(incoming, before, result, current)
        self.report.comment_orphans = list(result.orphans)
        self.report.comment_conflicts = list(result.conflicts)
        self.report.comments_folder = str(folder)
        if not self.report.dry_run:
            for path in current.save():
                self.report.written.append(path.relative_to(self.content).as_posix())

    def _recount_stored(self, incoming, before: dict, result, current) -> None:
        """A comment already in the store counts as it did when it came in: one waiting
        for moderation is still pending, a pingback still skipped (the merge counts them
        unchanged; a thread's placeholder it counts as skipped at every run)."""
        counts = self.report.comments
        conflicting = {c.id for c in result.conflicts}
        stored = current.ids()
        for comment_id in {raw.id for raw in incoming}:
            if comment_id not in before or comment_id in conflicting:
                continue
            holder, record = stored.get(comment_id, (None, None))
            if holder is None or holder.article is None:
                continue  # an orphan: not counted by article
            was = "unchanged" if record.get("imported") == before[comment_id] else "updated"
            if record.get("status") == "deleted":
                continue
            if record.get("kind", "comment") != "comment":
                self.report.count(counts, was, -1)
                self.report.count(counts, "skipped")
            elif record.get("status") == "pending":
                self.report.count(counts, was, -1)
                self.report.count(counts, "pending")

    def add_redirects(self) -> None:
        from redirects import table as redirects_table

        name = self.settings.get("REDIRECTS_FILE", "redirections.csv")
        table = redirects_table.load(self.content / name)
        for old, new in self._old_addresses():
            outcome = table.add(old, new)
            self.report.count(self.report.redirects, outcome)
            if outcome == "conflict":
                self.report.redirect_conflicts.append((old, new))
        if not self.report.dry_run and table.save():
            self.report.written.append(name)

    def _old_addresses(self) -> list[tuple[str, str]]:
        pairs: dict[str, str] = {}
        # Addresses that are pages of the site after this import: never redirected.
        live = self.site_urls | {
            self._url(p.kind, p.slug)
            for p in self.planned
            if not p.draft and p.outcome != "deleted"
        }
        for planned in self.planned:
            if planned.draft or planned.outcome == "deleted":
                continue
            item = planned.item
            new = f"{{filename}}/{planned.path}"
            now = self._url(planned.kind, planned.slug)
            param = "page_id" if planned.kind == PAGE else "p"
            olds = [f"/?{param}={item.id}"]
            if item.link and self._is_internal(item.link):
                olds.append(_path_and_query(item.link))
            old_slug = item.meta.get("_wp_old_slug", "")
            if old_slug and item.link and item.slug:
                olds.append(_path_and_query(item.link).replace(f"/{item.slug}", f"/{old_slug}", 1))
            for old in olds:
                if not old or old.rstrip("/") == now.rstrip("/"):
                    continue
                if old.rstrip("/") + "/" in live:
                    self.report.redirect_conflicts.append((old, new))
                    continue
                pairs.setdefault(old, new)
        category_url = self.settings.get("CATEGORY_URL", "category/{slug}.html")
        for slug, name in sorted(self.export.categories.items()):
            target, _ = self.mapper.category([mapping.Term("category", slug, name)])
            pairs.setdefault(f"/category/{slug}/", "/" + category_url.format(slug=target))
        tags = {
            f"/tag/{slug}/": self.slugify(name) for slug, name in sorted(self.export.tags.items())
        }
        self._archives(pairs, tags, "tags", self.used_tags)
        authors = {
            f"/author/{login}/": self.slugify(self.mapper.author(login, self.export.authors))
            for login in sorted(self.export.authors)
        }
        self._archives(pairs, authors, "authors", self.used_authors)
        feed = self.settings.get("FEED_ALL_ATOM")
        if feed:
            pairs.setdefault("/feed/", "/" + feed)
        return sorted(pairs.items())

    def record_known_mistakes(self) -> None:
        if not self.settings.get("PROOFREAD_ENABLED", True):
            return
        written = [self.content / p.path for p in self.planned if p.outcome in ("new", "updated")]
        if not written:
            return
        from proofread import baseline

        self.report.known_mistakes = baseline.record(self.settings, written)


class _Clock:
    """Wall-clock time of each step of an import, for the report and the benchmark."""

    def __init__(self):
        self.last = time.perf_counter()

    def lap(self, report: Report, step: str) -> None:
        now = time.perf_counter()
        report.seconds[step] = round(now - self.last, 3)
        self.last = now


SOURCE_LISTS = ("uploads", "missing", "shortcodes", "old_links", "unsafe", "external")
CONTEXT_SETTINGS = (
    "TIMEZONE",
    "ARTICLE_URL",
    "PAGE_URL",
    "SLUGIFY_USE_UNICODE",
    "DEFAULT_CATEGORY",
)
_FORKED = None  # (plan, planned sources) while forked processes convert


def _convert_forked(index: int) -> Source:
    plan, planned = _FORKED
    return plan._source(planned[index])


def _code_digest() -> str:
    # A new version of the importer converts every source again.
    here = Path(__file__).parent
    return digest(b"".join(p.read_bytes() for p in sorted(here.glob("*.py"))))


def _hosts(export: Export) -> set[str]:
    """The old site's hosts: its address, and those its posts and uploads were served from
    (a blog that changed domain keeps the old one in its guids and attachment URLs)."""
    hosts = set()
    urls = [export.base_url]
    for item in export.items:
        if item.type in (POST, PAGE):
            urls += [item.link, item.guid]
        elif media.UPLOADS_MARK in item.attachment_url:
            urls.append(item.attachment_url)
    for url in urls:
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.") if url else ""
        if host and host != "wordpress.com":
            hosts.add(host)
    return hosts


def _path_and_query(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


def _plain(markup: str) -> str:
    text = html.unescape(_TAGS.sub(" ", markup or ""))
    return " ".join(text.split())


def _shortened(text: str, limit: int = 100) -> str:
    # A tweet's text as a link's text: whole words, an ellipsis when cut.
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


def _kind_label(kind: str) -> str:
    return "articles" if kind == POST else "pages"


_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$", re.IGNORECASE)
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# What an image address can be: a URL, a path of the site, a file name with its extension.
_IMAGE_ADDRESS = re.compile(r"^(?:https?:)?//|^/|\.\w{2,5}(?:[?#]|$)", re.IGNORECASE)
_HEADING = re.compile(
    r"<h([1-6])\b[^>]*?\bid\s*=\s*[\"']([\w-]+)[\"'][^>]*>(.*?)</h\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_MARKDOWN_HEADING = re.compile(r"^(#{1,6}) ([^\n]+?)[ \t]*$", re.MULTILINE)


def _without_broken_images(body: str) -> tuple[str, list[str]]:
    """The body without its images that name no file (« <img src=x> »: nothing any
    site can show), and their addresses, for the report."""
    dropped = []

    def keep(match: re.Match) -> str:
        found = _SRC.search(match.group(0))
        address = html.unescape(next((g for g in found.groups() if g), "") if found else "")
        if _IMAGE_ADDRESS.search(address.strip()):
            return match.group(0)
        dropped.append(f"<img src={address!r}>")
        return ""

    return _IMG.sub(keep, body), dropped


def _heading_anchors(body: str, markdown: str) -> str:
    """Headings keep the anchors WordPress gave them (« #chiffres »), which links point to:
    ``## Les chiffres {#chiffres}`` (python-markdown's attr_list, part of extra)."""
    anchors = {}
    for level, anchor, inner in _HEADING.findall(body):
        anchors.setdefault((int(level), _plain(inner)), anchor)
    if not anchors:
        return markdown

    def anchored(match: re.Match) -> str:
        text = _plain(match.group(2).replace("\\", ""))
        anchor = anchors.get((len(match.group(1)), text))
        return f"{match.group(0)} {{#{anchor}}}" if anchor else match.group(0)

    return _MARKDOWN_HEADING.sub(anchored, markdown)


class _EmbedTitles(dict):
    """Titles of embedded media, found under any spelling of their URL."""

    def get(self, url, default=None):
        for candidate in _embed_keys(url):
            if dict.__contains__(self, candidate):
                return dict.__getitem__(self, candidate)
        return default

    def __contains__(self, url):
        return any(dict.__contains__(self, c) for c in _embed_keys(url))

    def __getitem__(self, url):
        for candidate in _embed_keys(url):
            if dict.__contains__(self, candidate):
                return dict.__getitem__(self, candidate)
        raise KeyError(url)


def _embed_keys(url: str) -> list[str]:
    url = (url or "").strip()
    found = _YOUTUBE_ID.search(url)
    keys = [f"youtube:{found.group(1)}"] if found else []
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    keys.append(f"{host}{parts.path.rstrip('/')}")
    return keys


def _embed_titles(item: Item) -> _EmbedTitles:
    """Titles WordPress cached with each oEmbed (postmeta ``_oembed_<hash>``)."""
    titles = _EmbedTitles()
    for name, value in item.meta.items():
        if not name.startswith("_oembed_") or name.startswith("_oembed_time_"):
            continue
        title = _TITLE_ATTR.search(value)
        text = html.unescape(title.group(1)) if title else _shortened(_plain(value))
        if not text or "{{unknown}}" in value:
            continue
        for url in _HREF.findall(value):
            for candidate in _embed_keys(html.unescape(url)):
                dict.setdefault(titles, candidate, text)
    return titles
