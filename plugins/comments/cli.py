"""What ``invoke comments-import`` and ``invoke comments-approve`` do, outside Pelican.

The site's articles are found by reading the headers of the content files (slug
from ``Slug:`` or the title, as Pelican makes it), so an import needs no build.
"""

from __future__ import annotations

from pathlib import Path

from pelican.settings import read_settings
from pelican.utils import slugify

from cmcore.headers import parse_header

from . import importers, merge, report, store, targets
from .importers import isso
from .model import APPROVED, CommentInputError
from .moderation import moderator_for
from .settings import get

NBSP = "\u00a0"
SOURCE_EXTENSIONS = (".md", ".markdown", ".mkd", ".html", ".htm", ".rst")


def load_settings(settings_file: Path, content: str | None = None) -> dict:
    """The site's settings, with ``content`` as the content folder when given."""
    override = {"PATH": str(Path(content).resolve())} if content else {}
    return read_settings(str(settings_file), override=override)


def store_folder(settings: dict) -> Path:
    """The folder of the store: ``content/comments/`` by default."""
    return Path(settings["PATH"]) / get(settings, "COMMENTS_DIR")


def articles(settings: dict) -> list[tuple[str, str]]:
    """``(slug, url)`` of every content source that can receive comments."""
    root = Path(settings["PATH"])
    folders = get(settings, "COMMENTS_PATHS") or settings.get("ARTICLE_PATHS") or [""]
    found = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix.lower() not in SOURCE_EXTENSIONS or not path.is_file():
                continue
            header = parse_header(path.read_text(encoding="utf-8", errors="replace"))
            slug_field, title = header.get("slug"), header.get("title")
            if slug_field and slug_field.value:
                slug = slug_field.value
            elif title and title.value:
                slug = slugify(
                    title.value,
                    regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", ()),
                    preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
                    use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
                )
            else:
                continue
            try:
                url = settings.get("ARTICLE_URL", "{slug}.html").format(slug=slug)
            except (KeyError, IndexError):
                url = slug
            found.append((slug, url))
    return found


def lessons(settings: dict) -> list[tuple[str, str]]:
    """``(slug, url)`` of every lesson of the training portal (``plugins/training``).

    A lesson's comments are filed under its site-unique slug ``<course>-<name>``; its
    URL (``formations/<course>/<name>/``) is what the Isso widget names its thread.
    """
    from training import course as courses
    from training.model import TrainingError
    from training.training import setting

    root = Path(settings["PATH"]) / setting(settings, "TRAINING_PATH")
    base_url = setting(settings, "TRAINING_URL")
    found = []
    for index_file in sorted(root.glob("*/index.md")):
        course = index_file.parent.name
        for path in sorted(index_file.parent.iterdir()):
            if path == index_file or path.suffix.lower() not in SOURCE_EXTENSIONS:
                continue
            header = parse_header(path.read_text(encoding="utf-8", errors="replace"))
            slug_field, order_field = header.get("slug"), header.get("lesson-order")
            try:
                _, name = courses.order_and_name(
                    str(path), order_field.value if order_field else None, 1
                )
            except TrainingError:
                continue  # the build reports it; no page, no thread
            if slug_field and slug_field.value:
                name = slug_field.value
            found.append((f"{course}-{name}", f"{base_url}{course}/{name}/"))
    return found


def article_index(settings: dict) -> targets.ArticleIndex:
    """Every article and lesson that can receive comments, by slug, path and alias."""
    return targets.index(
        [*articles(settings), *lessons(settings)], get(settings, "COMMENTS_ALIASES")
    )


def load_store(settings: dict) -> store.Store:
    """The store, or :class:`CommentInputError` when a file of it is broken."""
    return store.load(store_folder(settings))


def import_file(
    path: Path, settings: dict, source: str | None = None, dry_run: bool = False
) -> tuple[merge.Result, str]:
    """Import one export into the store; return the result and the French summary."""
    path = Path(path)
    if not path.is_file():
        raise CommentInputError(str(path), f"fichier introuvable{NBSP}: vérifiez le chemin")
    found_source, incoming = importers.read(path, source)
    return _merge(incoming, found_source, path, settings, dry_run)


def pull_isso(origin: str, settings: dict, dry_run: bool = False) -> tuple[merge.Result, str]:
    """Pull the accepted comments of a live Isso (database path or server URL) into the store.

    A database is read read-only, mode 1 rows only; a server is asked, through its
    public API, for the thread of every article and lesson (``/<url>``, as the widget
    names it). Pending and deleted comments are never pulled.
    """
    if isso.is_server_url(origin):
        uris = ["/" + url.lstrip("/") for _, url in [*articles(settings), *lessons(settings)]]
        incoming = isso.read_server(origin, uris)
        return _merge(incoming, "isso", origin, settings, dry_run)
    path = Path(origin)
    if not path.is_file():
        raise CommentInputError(
            str(path),
            f"base Isso introuvable{NBSP}: donnez le chemin de comments.db "
            "(var/comments.db avec invoke comments-server) ou l'adresse du serveur",
        )
    return _merge(isso.read_database(path, accepted_only=True), "isso", path, settings, dry_run)


def _merge(incoming, source: str, origin, settings: dict, dry_run: bool):
    """Merge incoming comments into the store, save unless ``dry_run``; result and summary."""
    current = load_store(settings)
    result = merge.merge(
        incoming,
        current,
        article_index(settings).match,
        moderator_for(settings),
        source,
        bool(get(settings, "COMMENTS_ALLOW_IMAGES")),
    )
    written = sorted(current.changed()) if dry_run else current.save()
    text = report.summary(result, origin, importers.LABELS[source], len(incoming), written, dry_run)
    return result, text


def approve(comment_id: str, settings: dict) -> str:
    """Publish a pending comment (or one held back by moderation at build); return a French line."""
    current = load_store(settings)
    found = current.find(comment_id)
    if found is None:
        raise CommentInputError(
            comment_id,
            f"commentaire introuvable dans {store_folder(settings)}{NBSP}; "
            "l'identifiant s'écrit comme dans le résumé d'import, par exemple "
            "wordpress:carnet.example:116",
        )
    holder, record = found
    if record.get("status") == "deleted":
        raise CommentInputError(comment_id, f"ce commentaire est supprimé{NBSP}: rien à publier")
    record.update(status=APPROVED, reason="", reviewed=True)
    current.save()
    if holder.article is None:
        return (
            f"Commentaire {comment_id} approuvé{NBSP}; il est en quarantaine et restera "
            "invisible tant que son article n'existe pas."
        )
    return (
        f"Commentaire {comment_id} approuvé (article {report.quoted(holder.article)}){NBSP}: "
        "il sera publié à la prochaine construction."
    )
