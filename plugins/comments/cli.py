"""What ``invoke comments-import`` and ``invoke comments-approve`` do, outside Pelican.

The site's articles are found by reading the headers of the content files (slug
from ``Slug:`` or the title, as Pelican makes it), so an import needs no build.
"""

from __future__ import annotations

from pathlib import Path

from pelican.settings import read_settings
from pelican.utils import slugify

from cmcore.headers import parse_header

from . import importers, merge, moderation, report, store, targets
from .model import APPROVED, CommentInputError
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


def moderator_for(settings: dict) -> moderation.Moderator:
    """The site's moderator, from the ``COMMENTS_MODERATION_*`` settings."""
    return moderation.moderator(
        get(settings, "COMMENTS_MODERATION_LISTS"),
        int(get(settings, "COMMENTS_MAX_LINKS")),
        get(settings, "COMMENTS_MODERATION_WORDS"),
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
    index = targets.index(articles(settings), get(settings, "COMMENTS_ALIASES"))
    current = load_store(settings)
    result = merge.merge(
        incoming,
        current,
        index.match,
        moderator_for(settings),
        found_source,
        bool(get(settings, "COMMENTS_ALLOW_IMAGES")),
    )
    written = sorted(current.changed()) if dry_run else current.save()
    text = report.summary(
        result, path, importers.LABELS[found_source], len(incoming), written, dry_run
    )
    return result, text


def approve(comment_id: str, settings: dict) -> str:
    """Publish a pending comment (or one held back by moderation at build); return a French line."""
    current = load_store(settings)
    found = current.find(comment_id)
    if found is None:
        raise CommentInputError(
            comment_id,
            f"commentaire introuvable dans {store_folder(settings)}{NBSP}; "
            "l'identifiant s'écrit comme dans le résumé d'import, par exemple wordpress:116",
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
