"""The French text a deploy shows: dry-run list, summary, commit message."""

from __future__ import annotations

from cmcore.french import NBSP, plural

from .changes import Changes, pages, without_siblings

FIRST_PATHS = 10  # paths shown per list in a dry run


def _past(count: int, verb: str, feminine: bool) -> str:
    ending = ("e" if feminine else "") + ("s" if count > 1 else "")
    return verb + ending


def counts(changes: Changes, kind: str = "page") -> str:
    """« 2 pages ajoutées, 1 modifiée, 0 retirée » (pages) or the same for files."""
    feminine = kind == "page"
    chosen = (
        (pages(changes.added), pages(changes.changed), pages(changes.removed))
        if kind == "page"
        else (changes.added, changes.changed, changes.removed)
    )
    added, changed, removed = (len(paths) for paths in chosen)
    return (
        f"{plural(added, kind, space=NBSP)} {_past(added, 'ajouté', feminine)}, "
        f"{changed} {_past(changed, 'modifié', feminine)}, "
        f"{removed} {_past(removed, 'retiré', feminine)}"
    )


def size(count: int) -> str:
    """Bytes in French: « 812 octets », « 12,4 Ko », « 3,1 Mo »."""
    if count < 1024:
        return plural(count, "octet", space=NBSP)
    for unit, scale in (("Ko", 1024), ("Mo", 1024**2), ("Go", 1024**3)):
        if count < scale * 1024 or unit == "Go":
            return f"{count / scale:.1f} {unit}".replace(".", ",")
    raise AssertionError("unreachable")


def seconds(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")


def dry_run(changes: Changes, target: str) -> str:
    """What a deploy would do on ``target``, touching nothing."""
    if changes.empty:
        return f"Simulation ({target}) : rien à envoyer, la cible est à jour."
    lines = [
        f"Simulation ({target}) : rien n’a été envoyé.",
        f"  pages : {counts(changes)}",
        f"  fichiers (copies .gz et .br comprises) : {counts(changes, 'fichier')}",
    ]
    for title, paths in (
        ("à ajouter", changes.added),
        ("à modifier", changes.changed),
        ("à retirer", changes.removed),
    ):
        shown = without_siblings(paths)
        if not shown:
            continue
        more = len(shown) - FIRST_PATHS
        lines.append(f"  {title} :")
        lines += [f"    {path}" for path in shown[:FIRST_PATHS]]
        if more > 0:
            lines.append(f"    … et {plural(more, 'autre', space=NBSP)}")
    return "\n".join(lines)


def summary(changes: Changes, target: str, elapsed: float, url: str) -> str:
    """The closing lines of a deploy."""
    if changes.empty:
        head = f"Déploiement vers {target} : rien à envoyer, le site en ligne est à jour"
    else:
        head = (
            f"Déploiement vers {target} terminé : {counts(changes)} ({counts(changes, 'fichier')})"
        )
    return (
        f"{head}.\n"
        f"  envoyé : {size(changes.bytes_sent)} en {seconds(elapsed)}\n"
        f"  en ligne : {url or '(SITEURL vide)'}"
    )


def commit_message(changes: Changes, when: str) -> str:
    """One commit per publication: a title with the counts, then the pages by kind."""
    lines = [f"Publication du {when} : {counts(changes)}", ""]
    for title, paths in (
        ("Ajoutées", changes.added),
        ("Modifiées", changes.changed),
        ("Retirées", changes.removed),
    ):
        listed = pages(paths)
        if listed:
            lines.append(f"{title} :")
            lines += [f"- {path}" for path in listed[:50]]
            if len(listed) > 50:
                lines.append(f"- … et {len(listed) - 50} autres")
    others = changes.files() - sum(
        len(pages(p)) for p in (changes.added, changes.changed, changes.removed)
    )
    if others:
        lines.append(f"Autres fichiers (styles, flux, copies compressées…) : {others}")
    return "\n".join(lines).rstrip() + "\n"
