"""Which of the site's categories and authors a WordPress post goes to.

Without a map file: a WordPress category whose name or slug contains « interview » goes
to interviews, « guide » or « tuto » to guides, any other to the site's default category
(conseils). A map file (TOML, ``--map``) says it explicitly::

    [categories]            # WordPress category (name or slug) = category of the site
    "Tutoriels & guides" = "guides"
    portraits = "interviews"

    [auteurs]               # WordPress author (login or displayed name) = author of the site
    koffi = "Koffi Mensah"

Every decision is kept (:attr:`Mapping.decisions`) for the import report, so the author
can correct the map and import again.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cmcore.french import NBSP, quoted

from .export import Author, ExportError, Term

# WordPress's own name for "no category", in the languages our author's blogs use.
UNCATEGORIZED = {"uncategorized", "non-classe", "non classe", "sans-categorie"}
RULES = (("interview", "interviews"), ("guide", "guides"), ("tuto", "guides"))


def fold(text: str) -> str:
    """Lower case, no accents: « Tutoriels » and « tutoriels » are one name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


@dataclass(frozen=True)
class Decision:
    """Where one WordPress category (or author) goes, and why, for the report."""

    source: str
    target: str
    why: str  # « carte », « règle : contient « guide » », « par défaut »


@dataclass
class Mapping:
    """The map file's choices, the site's categories, and the decisions taken."""

    categories: dict[str, str]  # folded WordPress name or slug -> site category
    authors: dict[str, str]
    site_categories: tuple[str, ...]
    default: str
    decisions: dict[str, Decision] = field(default_factory=dict)
    author_decisions: dict[str, Decision] = field(default_factory=dict)

    def category(self, terms: Iterable[Term]) -> tuple[str, list[str]]:
        """The site category of a post with these WordPress ``terms`` (its categories), and
        the names of its other categories, which become tags."""
        chosen, others = None, []
        for term in terms:
            if fold(term.slug) in UNCATEGORIZED or fold(term.name) in UNCATEGORIZED:
                continue
            decision = self._decide(term)
            if chosen is None and decision.why != "par défaut":
                chosen = decision.target
            elif decision.why == "par défaut" or decision.target != chosen:
                others.append(term.name or term.slug)
        return chosen or self.default, others

    def _decide(self, term: Term) -> Decision:
        key = term.name or term.slug
        if key in self.decisions:
            return self.decisions[key]
        target = self.categories.get(fold(term.slug)) or self.categories.get(fold(term.name))
        if target:
            decision = Decision(key, target, "carte")
        else:
            decision = Decision(key, self.default, "par défaut")
            for word, rule_target in RULES:
                if rule_target in self.site_categories and (
                    word in fold(term.name) or word in fold(term.slug)
                ):
                    decision = Decision(key, rule_target, f"règle{NBSP}: contient {quoted(word)}")
                    break
        self.decisions[key] = decision
        return decision

    def author(self, login: str, known: dict[str, Author]) -> str:
        """The site author of a WordPress ``login`` (its displayed name unless mapped);
        "" for a post that names none: it gets the site's AUTHOR, as any article."""
        if not login.strip():
            self.author_decisions.setdefault(
                "", Decision("sans auteur", "l’auteur du site (AUTHOR)", "aucun dans l’export")
            )
            return ""
        # dc:creator and wp:author_login do not always agree on case ("bob", "Bob").
        author = known.get(login) or next(
            (a for name, a in known.items() if name.casefold() == login.casefold()), None
        )
        display = author.display_name if author else login
        target = self.authors.get(fold(login)) or self.authors.get(fold(display))
        name = target or display or login
        self.author_decisions.setdefault(
            fold(login), Decision(display or login, name, "carte" if target else "nom affiché")
        )
        return name


def load(path: Path | None, site_categories: Iterable[str], default: str) -> Mapping:
    """The mapping from the TOML file at ``path`` (``None``: the default rules only)."""
    site_categories = tuple(site_categories)
    categories: dict[str, str] = {}
    authors: dict[str, str] = {}
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as error:
            raise ExportError(
                str(path),
                f"fichier illisible ({error.strerror or error}){NBSP}: vérifiez le chemin",
            ) from None
        except tomllib.TOMLDecodeError as error:
            raise ExportError(
                str(path),
                f"fichier de correspondances mal formé ({error}){NBSP}; "
                'chaque ligne s\'écrit "Nom WordPress" = "categorie"',
            ) from None
        unknown = set(data) - {"categories", "auteurs"}
        if unknown:
            raise ExportError(
                str(path),
                f"section [{sorted(unknown)[0]}] inconnue{NBSP}: seules [categories] et "
                "[auteurs] sont lues",
            )
        for name, target in data.get("categories", {}).items():
            if target not in site_categories:
                raise ExportError(
                    str(path),
                    f"catégorie {quoted(target)} inconnue pour {quoted(name)}"
                    f"{NBSP}: choisissez parmi {', '.join(site_categories)}",
                )
            categories[fold(name)] = target
        authors = {fold(name): str(target) for name, target in data.get("auteurs", {}).items()}
    return Mapping(categories, authors, site_categories, default)
