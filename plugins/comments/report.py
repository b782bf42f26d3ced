"""The French summary of an import, one line per article, then orphans and conflicts."""

from __future__ import annotations

from pathlib import Path

from cmcore.french import NBSP, plural, quoted
from cmcore.problems import display_path

from .merge import EDITED, FILED_ELSEWHERE, KEPT_APART, Result


def article_line(article: str, counts) -> str:
    """« slug : 2 importés, 0 inchangé, 1 en attente (modération), 1 ignoré (…) »."""
    parts = [plural(counts.imported, "importé"), plural(counts.unchanged, "inchangé")]
    if counts.updated:
        parts.append(plural(counts.updated, "mis à jour", "mis à jour"))
    parts.append(f"{counts.pending} en attente (modération)")
    parts.append(plural(counts.skipped, "ignoré") + " (rétrolien, indésirable, supprimé)")
    if counts.conflicts:
        parts.append(plural(counts.conflicts, "conflit"))
    return f"  {article}{NBSP}: " + ", ".join(parts)


def summary(
    result: Result, path: Path | str, label: str, read: int, written: list[Path], dry_run: bool
) -> str:
    """The whole summary printed by ``invoke comments-import``."""
    # A live Isso server is named by its URL, which is not a path to shorten.
    where = str(path) if "://" in str(path) else display_path(str(path))
    lines = [
        f"Import de {quoted(where)} ({label}, "
        f"{plural(read, 'commentaire lu', 'commentaires lus')}){NBSP}:"
    ]
    for article in sorted(result.articles):
        lines.append(article_line(article, result.articles[article]))
    if not result.articles:
        lines.append("  aucun commentaire rattaché à un article")
    store_folder = result.store.folder if result.store else Path("content/comments")
    if result.orphans:
        quarantine = display_path(str(store_folder / "_orphelins.json"))
        lines.append(
            f"Orphelins{NBSP}: {plural(len(result.orphans), 'commentaire')} sans article, "
            f"gardé{'s' if len(result.orphans) > 1 else ''} dans {quarantine} "
            "(créez l'article, ou ajoutez l'ancienne adresse à COMMENTS_ALIASES, "
            f"puis réimportez){NBSP}:"
        )
        lines.extend(
            f"  {comment_id} → {thread or '(adresse inconnue)'}"
            for comment_id, thread in result.orphans
        )
    if result.skipped_orphans:
        lines.append(
            f"Sans article{NBSP}: {plural(result.skipped_orphans, 'ignoré')} "
            "(rétrolien, indésirable, supprimé)"
        )
    lines.extend(conflict_lines(result, store_folder))
    if result.renamed:
        lines.append(
            f"Identifiants complétés par le site d'origine{NBSP}: "
            f"{plural(len(result.renamed), 'commentaire')} (même commentaire, rien d'autre "
            f"ne change){NBSP}: " + ", ".join(f"{old} → {new}" for old, new in result.renamed)
        )
    if result.missing_parents:
        lines.append(
            f"Réponses à un commentaire absent de l'export, affichées en tête de fil{NBSP}: "
            + ", ".join(f"{c} (répond à {p})" for c, p in result.missing_parents)
        )
    if result.duplicates:
        lines.append(
            f"Identifiants en double dans l'export, seul le dernier est gardé{NBSP}: "
            + ", ".join(result.duplicates)
        )
    if dry_run:
        lines.append(
            f"Essai (--dry-run){NBSP}: rien n'a été écrit{NBSP}; "
            f"{plural(len(written), 'fichier serait modifié', 'fichiers seraient modifiés')}."
        )
    elif written:
        lines.append(
            f"{plural(len(written), 'fichier écrit', 'fichiers écrits')}{NBSP}: "
            + ", ".join(display_path(str(p)) for p in written)
            + "."
        )
    else:
        lines.append("Aucun fichier modifié.")
    return "\n".join(lines)


def conflict_lines(result: Result, store_folder: Path) -> list[str]:
    """One paragraph per kind of conflict: what was kept, and what the author can do."""

    def where(article: str | None) -> str:
        name = f"{article}.json" if article else "_orphelins.json"
        return display_path(str(store_folder / name))

    lines = []
    edited = [c for c in result.conflicts if c.reason == EDITED]
    if edited:
        count = plural(len(edited), "commentaire modifié", "commentaires modifiés")
        lines.append(
            f"Conflits{NBSP}: {count} à la main et changé{'s' if len(edited) > 1 else ''} "
            f"dans l'export{NBSP}; votre version est gardée (supprimez le bloc du fichier pour "
            f"reprendre celle de l'export){NBSP}:"
        )
        lines.extend(f"  {c.id} ({where(c.article)})" for c in edited)
    apart = [c for c in result.conflicts if c.reason == KEPT_APART]
    if apart:
        lines.append(
            f"Conflits d'identifiant{NBSP}: {plural(len(apart), 'commentaire')} de l'export "
            f"porte{'nt' if len(apart) > 1 else ''} l'identifiant d'un autre commentaire déjà "
            f"enregistré (autre fil ou autre date){NBSP}; les deux sont gardés, le nouveau sous "
            f"un identifiant à lui (vérifiez-le, supprimez son bloc s'il est en trop){NBSP}:"
        )
        lines.extend(f"  {c.id} (déjà pris{NBSP}: {c.other}) ({where(c.article)})" for c in apart)
    elsewhere = [c for c in result.conflicts if c.reason == FILED_ELSEWHERE]
    if elsewhere:
        lines.append(
            f"Conflits de rangement{NBSP}: {plural(len(elsewhere), 'commentaire')} rangé"
            f"{'s' if len(elsewhere) > 1 else ''} sous un autre article que celui de l'export"
            f"{NBSP}; laissé{'s' if len(elsewhere) > 1 else ''} où vous l'avez mis (déplacez le "
            f"bloc pour suivre l'export){NBSP}:"
        )
        lines.extend(
            f"  {c.id} ({where(c.article)}, l'export dit {quoted(c.other)})" for c in elsewhere
        )
    return lines
