"""Where each old address leads: targets resolved, chains followed, loops and collisions found.

Pure: the build hands over the published contents by source path and the files the site
renders; what comes back is the redirects to write and one :class:`Problem` per line that
cannot be one. A line is left out, with a problem, when

- its ``{filename}`` target names no published content;
- its old path is a page of the site (the redirect would hide it);
- its target is the old address itself;
- following the table from its target comes back to it (a loop).

A line whose old path is its own target's page (a slug renamed back) redirects nothing
and is left out silently. A target that is itself an old address of the table is
followed, so that a reader gets one redirection, not a chain.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from urllib.parse import unquote

from cmcore.french import NBSP, quoted
from cmcore.problems import Problem

from .table import Redirect

# Old paths with these endings get a static page; others (.php, .jpg...) would be served
# with their own type, so only the server rules redirect them.
_PAGE_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class Destination:
    """A published content, as a ``{filename}`` target reaches it."""

    path: str  # site path: "/organiser-sa-veille/"
    title: str  # plain text


@dataclass(frozen=True)
class Resolved:
    """A redirect to write: the table's line, the URL it leads to, the link's text."""

    redirect: Redirect
    url: str  # SITEURL + site path, or the site path, or an external URL
    label: str

    @property
    def old(self) -> str:
        return self.redirect.old

    @property
    def path(self) -> str:
        return self.redirect.path

    @property
    def query(self) -> str:
        return self.redirect.query

    @property
    def line(self) -> int:
        return self.redirect.line


def served_file(path: str) -> str:
    """The file a static server answers for the site path ``path``, relative to the output
    folder: ``/2019/06/x/`` and ``/2019/06/x`` → ``2019/06/x/index.html``; ``/x.html``
    → ``x.html``."""
    relative = unquote(path).lstrip("/")
    name = relative.rpartition("/")[2]
    if not relative or relative.endswith("/"):
        return relative + "index.html"
    return relative if "." in name else f"{relative}/index.html"


def has_page(path: str) -> bool:
    """Whether the old path gets a static redirect page (a folder or an HTML file)."""
    name = path.rstrip("/").rpartition("/")[2]
    return path.endswith("/") or "." not in name or name.lower().endswith(_PAGE_SUFFIXES)


def resolve(
    redirects: list[Redirect],
    table: str,
    contents: Mapping[str, Destination | None],
    site_files: Collection[str],
    siteurl: str = "",
) -> tuple[list[Resolved], list[Problem]]:
    """The redirects to write, in table order, and the problems of the others.

    ``table`` is the table's path for the problems; ``contents`` maps the source paths of
    the contents (relative to the content folder, ``/`` separated) to their destination,
    or to None for a source that was not published; ``site_files`` holds the files the
    site renders (relative to the output folder); ``siteurl`` prefixes site paths.
    """
    problems: list[Problem] = []
    direct: dict[str, tuple[Redirect, str, str | None]] = {}  # old → (redirect, target, title)
    for redirect in redirects:
        found = _target(redirect, contents)
        if isinstance(found, str):
            problems.append(Problem(table, redirect.line, found))
            continue
        target, title = found
        if _own_page(redirect, target, site_files):
            continue  # a slug renamed back, say: the old address is the target's page again
        problem = _collision(redirect, target, site_files)
        if problem:
            problems.append(Problem(table, redirect.line, problem))
            continue
        direct[redirect.old] = (redirect, target, title)
    resolved = []
    for old, (redirect, target, title) in direct.items():
        chain = [old]
        while target.startswith("/") and _address(target) in direct:
            chain.append(_address(target))
            if chain[-1] in chain[:-1]:
                break
            _, target, title = direct[chain[-1]]
        if chain[-1] in chain[:-1]:
            steps = f"{NBSP}→ ".join(quoted(step) for step in chain)
            problems.append(
                Problem(
                    table,
                    redirect.line,
                    f"boucle de redirections{NBSP}: {steps}{NBSP}; changez la nouvelle adresse "
                    f"d’une de ces lignes",
                )
            )
            continue
        url = f"{siteurl.rstrip('/')}{target}" if target.startswith("/") else target
        resolved.append(Resolved(redirect, url, title or url))
    problems.sort(key=lambda problem: problem.line)
    return resolved, problems


def _address(target: str) -> str:
    """A site-path target as an old address of the table would be written: no fragment."""
    return target.partition("#")[0]


def _target(redirect: Redirect, contents: Mapping) -> tuple[str, str | None] | str:
    """(site path or URL, title or None), or the problem in French."""
    source = redirect.source
    if source is None:
        return redirect.new, None
    if source not in contents:
        return (
            f"nouvelle adresse {quoted(redirect.new)} introuvable{NBSP}: aucun article, page "
            f"ni brouillon n’a la source {quoted(source)}{NBSP}; corrigez le chemin (relatif "
            f"au dossier du contenu) ou écrivez un chemin du site commençant par /"
        )
    destination = contents[source]
    if destination is None:
        return (
            f"nouvelle adresse {quoted(redirect.new)} sans page{NBSP}: cette source n’a pas "
            f"été publiée (voir les problèmes signalés plus haut){NBSP}; corrigez-la ou "
            f"changez la nouvelle adresse"
        )
    return destination.path, destination.title


def _same_page(redirect: Redirect, target: str) -> bool:
    """Whether a site-path target is served by the old path's own file."""
    address = _address(target)
    if not target.startswith("/") or redirect.query or "?" in address:
        return False
    return served_file(address) == served_file(redirect.path)


def _own_page(redirect: Redirect, target: str, site_files: Collection[str]) -> bool:
    return _same_page(redirect, target) and served_file(redirect.path) in site_files


def _collision(redirect: Redirect, target: str, site_files: Collection[str]) -> str | None:
    """The problem of an old address that is a page of the site or its own target."""
    if _same_page(redirect, target) or _address(target) == redirect.old:
        return _self(redirect)
    if not redirect.query and served_file(redirect.path) in site_files:
        return taken(redirect)
    return None


def taken(redirect: Redirect) -> str:
    """The problem of an old path that is a page of the site."""
    return (
        f"ancienne adresse {quoted(redirect.old)} déjà prise{NBSP}: c’est une page du site "
        f"({served_file(redirect.path)}), elle ne sera pas remplacée par une redirection"
        f"{NBSP}; retirez cette ligne ou corrigez l’ancienne adresse"
    )


def _self(redirect: Redirect) -> str:
    return (
        f"redirection de {quoted(redirect.old)} vers elle-même{NBSP}; corrigez la nouvelle "
        f"adresse ou retirez cette ligne"
    )
