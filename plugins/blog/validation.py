"""Checks of an article's metadata header, each failure a French problem line."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Mapping
from urllib.parse import unquote

from cmcore.french import NBSP, quoted
from cmcore.headers import Header
from cmcore.problems import Problem

from .images import ImageField, shown_by_browsers


def check_header(
    path: str,
    header: Header,
    *,
    is_article: bool,
    folder: str,
    categories: Mapping[str, str],
    parse_date: Callable[[str], object],
) -> list[Problem]:
    """Every problem of the header of the source at ``path`` (empty when it is fine)."""
    problems: list[Problem] = []
    if header.broken_line:
        problems.append(
            Problem(
                path,
                header.broken_line,
                f"en-tête cassé{NBSP}: la ligne {quoted(header.broken_text.strip())} n'est pas "
                f"de la forme {quoted('Clé: valeur')}{NBSP}; ajoutez les deux-points, "
                "ou une ligne vide avant le texte",
            )
        )
        # What follows the break is unknown: other reports would only be echoes of it.
        return problems
    title = header.get("title")
    if title is None or not title.value:
        problems.append(
            Problem(
                path,
                title.line if title else 1,
                f"titre manquant{NBSP}: ajoutez en tête du fichier une ligne "
                f"{quoted('Title: Le titre de l’article')}",
            )
        )
    date = header.get("date")
    if date is not None:
        try:
            parse_date(date.value)
        except (ValueError, OverflowError):
            problems.append(
                Problem(
                    path,
                    date.line,
                    f"date {quoted(date.value)} illisible, écrivez AAAA-MM-JJ HH:MM",
                )
            )
    elif is_article:
        problems.append(
            Problem(
                path,
                1,
                f"date manquante{NBSP}: ajoutez une ligne {quoted('Date: AAAA-MM-JJ HH:MM')}",
            )
        )
    if is_article:
        category = header.get("category")
        wanted = category.value if category else folder
        if category_slug(wanted, categories) is None:
            choices = ", ".join(categories)
            problems.append(
                Problem(
                    path,
                    category.line if category else 1,
                    f"catégorie {quoted(wanted)} inconnue{NBSP}: choisissez parmi {choices}, "
                    "ou ajoutez-la à BLOG_CATEGORIES dans pelicanconf.py",
                )
            )
    return problems


# Pelican's internal links in Markdown: [texte]({filename}/conseils/veille.md), {static}, {attach}.
_INTERNAL_LINK = re.compile(r"\{(filename|static|attach)\}([^)\s\"'>]+)")


def check_internal_links(
    path: str, text: str, content_root: str, skip: Collection[int] = ()
) -> list[Problem]:
    """Links to other sources (``{filename}``, ``{static}``, ``{attach}``) whose file is absent.

    ``skip`` holds the numbers of lines checked elsewhere (the ``Image:`` field).
    """
    problems = []
    folder = os.path.dirname(path)
    for number, line in enumerate(text.splitlines(), start=1):
        if number in skip:
            continue
        for match in _INTERNAL_LINK.finditer(line):
            target = unquote(match.group(2).split("#", 1)[0].split("?", 1)[0])
            if not target:
                continue
            base = content_root if target.startswith("/") else folder
            if not os.path.isfile(os.path.join(base, target.lstrip("/"))):
                problems.append(
                    Problem(
                        path,
                        number,
                        f"lien interne vers {quoted(target)} introuvable{NBSP}: vérifiez le "
                        f"chemin, relatif au dossier content/ s’il commence par /",
                    )
                )
    return problems


def check_image(path: str, image: ImageField, content_root: str) -> list[Problem]:
    """Problems of an article's featured image: no such file under content/, or a file
    browsers do not show. The article is published without its image."""
    if image.path is None or not os.path.isfile(os.path.join(content_root, image.path)):
        return [
            Problem(
                path,
                image.line,
                f"image introuvable {quoted(image.written)}{NBSP}: ajoutez le fichier dans "
                "content/images/ ou corrigez le chemin",
            )
        ]
    if not shown_by_browsers(image.path):
        return [
            Problem(
                path,
                image.line,
                f"image {quoted(image.written)} dans un format que les navigateurs "
                f"n’affichent pas{NBSP}: enregistrez-la en JPEG, PNG, WebP, AVIF, GIF ou SVG",
            )
        ]
    return []


def check_image_alt(path: str, image: ImageField) -> list[Problem]:
    """Advice, never a refusal: a featured image without an ``Image-Alt`` line.

    An empty ``Image-Alt:`` is a choice (a decorative image); no line at all is an
    oversight, and readers who do not see the image would not know what it shows.
    """
    if image.alt is not None:
        return []
    return [
        Problem(
            path,
            image.line,
            f"image {quoted(image.written)} sans texte alternatif{NBSP}: décrivez-la sur une "
            f"ligne {quoted('Image-Alt: ce que montre l’image')}, ou laissez "
            f"{quoted('Image-Alt:')} vide si elle est purement décorative",
        )
    ]


def category_slug(name: str, categories: Mapping[str, str]) -> str | None:
    """The slug of a category given by its slug or its label, any case; None if unknown."""
    wanted = name.strip().casefold()
    for slug, label in categories.items():
        if wanted in (slug.casefold(), label.casefold()):
            return slug
    return None
