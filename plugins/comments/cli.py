"""What ``invoke comments-import`` and ``invoke comments-approve`` do, outside Pelican.

The site's articles and lessons are found by reading the headers of the content files
(:mod:`cmcore.content`: slug from ``Slug:`` or the title, as Pelican makes it), so an
import needs no build.
"""

from __future__ import annotations

from pathlib import Path

from pelican.settings import read_settings

from cmcore.content import Entry, lessons
from cmcore.content import articles as sources_with_slug
from cmcore.french import NBSP, quoted

from . import importers, merge, report, store, targets
from .importers import isso
from .model import APPROVED, CommentInputError
from .moderation import moderator_for
from .settings import get


def load_settings(settings_file: Path, content: str | None = None) -> dict:
    """The site's settings, with ``content`` as the content folder when given."""
    override = {"PATH": str(Path(content).resolve())} if content else {}
    return read_settings(str(settings_file), override=override)


def store_folder(settings: dict) -> Path:
    """The folder of the store: ``content/comments/`` by default."""
    return Path(settings["PATH"]) / get(settings, "COMMENTS_DIR")


def articles(settings: dict) -> list[Entry]:
    """Every content source that can receive comments (``COMMENTS_PATHS``)."""
    folders = get(settings, "COMMENTS_PATHS") or settings.get("ARTICLE_PATHS") or [""]
    return sources_with_slug(settings, folders)


def pages(settings: dict) -> list[Entry]:
    """Every article and lesson that can receive comments; a lesson's comments are filed
    under its site-unique slug ``<course>-<name>``, and its URL
    (``formations/<course>/<name>/``) is what the Isso widget names its thread."""
    return [*articles(settings), *lessons(settings)]


def article_index(settings: dict) -> targets.ArticleIndex:
    """Every article and lesson that can receive comments, by slug, path and alias."""
    return targets.index(
        [(page.slug, page.url) for page in pages(settings)], get(settings, "COMMENTS_ALIASES")
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
        uris = ["/" + page.url.lstrip("/") for page in pages(settings)]
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
        f"Commentaire {comment_id} approuvé (article {quoted(holder.article)}){NBSP}: "
        "il sera publié à la prochaine construction."
    )
