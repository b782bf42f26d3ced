"""The French summary of a WordPress import, and the same as JSON for tools."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from cmcore.french import NBSP, plural, quoted
from cmcore.problems import display_path
from comments import merge as comment_merge
from comments import report as comment_report

from .importer import Report

OUTCOMES = (
    ("new", "nouveau", "nouveaux"),
    ("updated", "mis à jour", "mis à jour"),
    ("unchanged", "inchangé", "inchangés"),
    ("conflict", "en conflit", "en conflit"),
    ("deleted", "supprimé depuis, non recréé", "supprimés depuis, non recréés"),
)
SHOWN = 20  # lines of a long list printed before « … et N autres »


def render_json(report: Report) -> str:
    """Every figure and list of the report, as JSON."""
    data = dataclasses.asdict(report)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# Long but flat: one block per part of the summary, in the order it is printed.
def render_text(report: Report) -> str:
    """The summary printed by ``invoke wp-import``."""
    lines = [
        f"Import WordPress de {quoted(display_path(report.export))} (site {report.site}){NBSP}:"
    ]
    lines.append("  articles" + NBSP + ": " + _outcomes(report.posts))
    lines.append("  pages" + NBSP + ": " + _outcomes(report.pages))
    if report.drafts:
        lines.append(
            f"  brouillons{NBSP}: {len(report.drafts)} (gardés avec Status: draft, jamais publiés)"
        )
        lines += _listed(f"{display(p)} ({why})" for p, why in report.drafts)
    if report.skipped:
        parts = ", ".join(
            f"{name}{NBSP}: {count}" for name, count in sorted(report.skipped.items())
        )
        lines.append(f"  non importés (pas du contenu){NBSP}: {parts}")
    if report.categories:
        lines.append(f"Catégories (corrigez-les avec --map, puis relancez){NBSP}:")
        lines += [f"  {quoted(d.source)} → {d.target} ({d.why})" for d in report.categories]
    if report.moved_categories:
        lines.append(f"Articles déjà importés que la carte range ailleurs{NBSP}:")
        lines += _listed(f"{display(p)}{NBSP}: {why}" for p, why in report.moved_categories)
    if report.authors:
        lines.append(f"Auteurs{NBSP}:")
        lines += [f"  {quoted(d.source)} → {d.target} ({d.why})" for d in report.authors]
    if report.renamed_slugs:
        lines.append(f"Titres et adresses changés{NBSP}:")
        lines += _listed(
            f"{display(p)}{NBSP}: {why}" if p else why for p, why in report.renamed_slugs
        )
    missing = sum(len(files) for files in report.images_missing.values())
    lines.append(
        f"Images{NBSP}: {plural(report.images_copied, 'copiée')}, "
        f"{plural(report.images_unchanged, 'déjà là', 'déjà là')}, "
        f"{plural(missing, 'manquante')}"
        + (
            f", {plural(len(report.image_conflicts), 'différente')} de l’export gardées"
            if report.image_conflicts
            else ""
        )
    )
    if missing:
        lines.append(
            f"  Images manquantes (donnez une copie de wp-content/uploads avec --uploads){NBSP}:"
        )
        lines += _per_file(report.images_missing)
    if report.external_media:
        lines.append(
            f"Images et médias d’autres sites, devenus des liens (le site ne charge rien "
            f"d’ailleurs{NBSP}; copiez-les dans content/images/ pour les montrer){NBSP}:"
        )
        lines += _per_file(report.external_media)
    if report.shortcodes:
        lines.append(f"Codes courts gardés comme texte (à remplacer à la main){NBSP}:")
        lines += _per_file(report.shortcodes, lambda name: f"[{name}]")
    if report.old_links:
        lines.append(f"Liens vers l’ancien site sans équivalent ici{NBSP}:")
        lines += _per_file(report.old_links)
    if report.unsafe_paths:
        lines.append(
            f"Chemins refusés (hors de la copie de wp-content/uploads ou de content/, "
            f"jamais suivis{NBSP}; l’export a peut-être été modifié){NBSP}:"
        )
        lines += _per_file(report.unsafe_paths, quoted)
    comments = report.comments
    lines.append(
        f"Commentaires{NBSP}: {plural(comments.get('imported', 0), 'rattaché')}, "
        f"{plural(comments.get('unchanged', 0), 'inchangé')}, "
        f"{comments.get('pending', 0)} en attente (modération), "
        f"{plural(comments.get('skipped', 0), 'ignoré')} (rétrolien, indésirable, supprimé), "
        f"{plural(len(report.comment_orphans), 'orphelin')}"
        + (
            f", {plural(len(report.comment_conflicts), 'conflit')}"
            if report.comment_conflicts
            else ""
        )
    )
    if report.comment_orphans:
        lines.append(f"  Orphelins (gardés dans content/comments/_orphelins.json){NBSP}:")
        lines += _listed(f"{i} → {thread}" for i, thread in report.comment_orphans)
    if report.comment_conflicts:
        # The comment importer's own paragraphs: one per kind of conflict, and what to do.
        merged = comment_merge.Result("wordpress", conflicts=list(report.comment_conflicts))
        lines += comment_report.conflict_lines(merged, Path(report.comments_folder))
    redirects = report.redirects
    added = plural(redirects.get("added", 0), "redirection ajoutée", "redirections ajoutées")
    lines.append(
        f"Anciennes adresses{NBSP}: {added}, "
        f"{plural(redirects.get('same', 0), 'déjà là', 'déjà là')}, "
        f"{plural(redirects.get('conflict', 0), 'laissée', 'laissées')} à votre version"
    )
    if report.redirect_conflicts:
        lines.append(
            f"  Anciennes adresses non redirigées (déjà une page du site, ou une autre cible "
            f"dans votre table){NBSP}:"
        )
        lines += _listed(f"{old} → {new}" for old, new in report.redirect_conflicts)
    if report.redirects_to_listings:
        lines.append(
            f"  Étiquettes et auteurs sans article publié ici (pas de page à eux), "
            f"envoyés vers la liste{NBSP}:"
        )
        lines += _listed(f"{old} → {new}" for old, new in report.redirects_to_listings)
    if report.conflicts:
        lines.append(f"Conflits (vos fichiers ne sont jamais écrasés){NBSP}:")
        lines += _listed(f"{display(p)}{NBSP}: {why}" for p, why in report.conflicts)
    if report.known_mistakes:
        noted = plural(report.known_mistakes, "faute ancienne notée", "fautes anciennes notées")
        lines.append(
            f"Relecture{NBSP}: {noted} dans content/fautes-connues.json (elles n’empêchent pas "
            f"de publier{NBSP}; corrigez-les peu à peu, invoke proofread les montre à part)"
        )
    if report.seconds:
        total = sum(report.seconds.values())
        proofreading = report.seconds.get("relecture", 0)
        lines.append(
            f"Durée{NBSP}: {_seconds(total)}"
            + (f" (dont {_seconds(proofreading)} de relecture)" if proofreading >= 1 else "")
            + "."
        )
    if report.dry_run:
        lines.append(f"Essai (--dry-run){NBSP}: rien n’a été écrit.")
    elif report.written:
        lines.append(f"{plural(len(report.written), 'fichier écrit', 'fichiers écrits')}.")
    else:
        lines.append("Aucun fichier modifié.")
    return "\n".join(lines)


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + f"{NBSP}s"


def display(path: str) -> str:
    return f"content/{path}"


def _outcomes(counts: dict[str, int]) -> str:
    parts = [plural(counts[key], one, many) for key, one, many in OUTCOMES if counts.get(key)]
    return ", ".join(parts) if parts else "aucun"


def _per_file(items: dict, show=str) -> list[str]:
    """``_listed`` lines of a ``{source path: [items]}`` mapping, one source a line."""
    return _listed(
        f"{display(path)}{NBSP}: {', '.join(show(item) for item in shown)}"
        for path, shown in sorted(items.items())
    )


def _listed(lines) -> list[str]:
    lines = list(lines)
    shown = [f"  {line}" for line in lines[:SHOWN]]
    if len(lines) > SHOWN:
        shown.append(f"  … et {len(lines) - SHOWN} autres (--format json pour tout voir)")
    return shown
