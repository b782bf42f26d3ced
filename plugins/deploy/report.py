"""The French text a deploy shows: dry-run list, summary, commit message."""

from __future__ import annotations

from cmcore.french import NBSP, plural

from .changes import Changes, pages, without_siblings

FIRST_PATHS = 10  # paths shown per list in a dry run

# Shown before anything is done, on the error output, when a deploy may send a site that
# was not fully checked; said again in its closing lines (:func:`warnings`).
FORCE_WARNING = (
    "ATTENTION : --force. Les problèmes de contenu et les contrôles en échec "
    "n’arrêteront PAS le déploiement : le site mis en ligne peut être cassé, incomplet "
    "ou illisible. À n’utiliser qu’en connaissance de cause."
)
GATES_WARNINGS = {
    "aucun": (
        "ATTENTION : --gates aucun. AUCUN contrôle qualité ne sera lancé (liens, "
        "accessibilité, validité HTML, poids, vitesse, mobile) : le site mis en ligne "
        "n’aura pas été vérifié."
    ),
    "liens": (
        "ATTENTION : --gates liens. Seuls les liens seront contrôlés : accessibilité, "
        "validité HTML, poids, vitesse et affichage mobile ne seront PAS vérifiés."
    ),
}


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


def warnings(force: bool, gates: str, overridden: list[str]) -> list[str]:
    """What the closing lines must repeat: a forced deploy (and what it went past), gates
    that did not all run. ``overridden``: the failures ``--force`` went past, in French."""
    said = []
    if force:
        past = f" malgré {' et '.join(overridden)}" if overridden else ""
        said.append(f"ATTENTION : déploiement FORCÉ (--force){past}.")
    if gates == "aucun":
        said.append(
            "ATTENTION : AUCUN contrôle qualité lancé (--gates aucun) : "
            "le site construit n’a pas été vérifié."
        )
    elif gates == "liens":
        said.append(
            "ATTENTION : seuls les liens ont été contrôlés (--gates liens) : "
            "accessibilité, validité HTML, poids, vitesse et affichage mobile non vérifiés."
        )
    return said


def summary(changes: Changes, target: str, elapsed: float, url: str) -> str:
    """The closing lines of a deploy (then its total time and :func:`warnings`)."""
    if changes.empty:
        head = f"Déploiement vers {target} : rien à envoyer, le site en ligne est à jour"
    else:
        head = (
            f"Déploiement vers {target} terminé : {counts(changes)} ({counts(changes, 'fichier')})"
        )
    lines = [
        f"{head}.",
        f"  envoyé : {size(changes.bytes_sent)} en {seconds(elapsed)}",
        f"  en ligne : {url or '(SITEURL vide)'}",
    ]
    return "\n".join(lines)


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
