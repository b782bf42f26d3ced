"""A course from its parts: lesson order, durations, skills and the skills map.

Plain functions over the records of ``model``; no Pelican here.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

from cmcore.content import lesson_order_and_name, lesson_url
from cmcore.french import NBSP, quoted
from cmcore.problems import Problem

from .model import Course, Lesson, SkillUse, TrainingError

KNOW_HOW = "savoir-faire"
SOFT_SKILL = "savoir-être"

_DURATION = re.compile(
    r"^(?:(?P<hours>\d+)\s*(?:h|heures?)\s*(?P<rest>\d+)?\s*(?:min(?:utes?)?)?"
    r"|(?P<minutes>\d+)\s*(?:min(?:utes?)?)?)$",
    re.I,
)


def split_list(value: str, separator: str = ",") -> tuple[str, ...]:
    """The non-empty items of a metadata list (``écoute, veille``)."""
    return tuple(item.strip() for item in value.split(separator) if item.strip())


def parse_duration(text: str) -> int | None:
    """Minutes in ``45 min``, ``1 h 30``, ``2 h``, ``1h30`` or ``90``; None if unreadable."""
    match = _DURATION.match(text.strip().replace(NBSP, " "))
    if not match:
        return None
    if match["minutes"] is not None:
        return int(match["minutes"])
    return int(match["hours"]) * 60 + int(match["rest"] or 0)


def format_duration(minutes: int | None) -> str:
    """« 45 min », « 1 h », « 1 h 30 » with no-break spaces; empty when unknown."""
    if minutes is None:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest}{NBSP}min"
    return f"{hours}{NBSP}h{NBSP}{rest:02d}" if rest else f"{hours}{NBSP}h"


def order_and_name(path: str, order_value: str | None, line: int) -> tuple[int, str]:
    """Order and URL name of the lesson at ``path``; ``TrainingError`` when it has no order.

    ``Lesson-Order`` (given at ``line``) wins over a numeric prefix of the file name
    (``03-moderer.md``); the name is the file name without prefix and extension.
    """
    order, name = lesson_order_and_name(path, order_value)
    if order is not None:
        return order, name
    if order_value is not None:
        raise TrainingError(
            Problem(
                path,
                line,
                f"ordre {quoted(order_value)} illisible{NBSP}; écrivez un nombre entier, "
                "par exemple Lesson-Order: 3",
            )
        )
    stem = os.path.splitext(os.path.basename(path))[0]
    raise TrainingError(
        Problem(
            path,
            1,
            f"ordre de la leçon manquant{NBSP}; préfixez le nom du fichier par un numéro "
            f"({quoted('03-' + stem + '.md')}) ou ajoutez une ligne "
            f"{quoted('Lesson-Order: 3')}",
        )
    )


def order_lessons(lessons: list[Lesson]) -> tuple[list[Lesson], list[Problem]]:
    """Lessons sorted by order and numbered 1..n; a lesson reusing an order is left out."""
    kept: dict[int, Lesson] = {}
    problems: list[Problem] = []
    for lesson in sorted(lessons, key=lambda lesson: (lesson.order, lesson.path)):
        first = kept.get(lesson.order)
        if first is None:
            kept[lesson.order] = lesson
            continue
        problems.append(
            Problem(
                lesson.path,
                lesson.order_line,
                f"ordre {lesson.order} déjà pris par {os.path.basename(first.path)}{NBSP}; "
                "donnez à chaque leçon un numéro différent (préfixe du nom de fichier "
                "ou Lesson-Order)",
            )
        )
    ordered = [
        replace(lesson, number=number) for number, lesson in enumerate(kept.values(), start=1)
    ]
    return ordered, problems


def known_skills(
    lesson_skills: tuple[str, ...], course: Course, path: str, line: int
) -> tuple[tuple[str, ...], list[Problem]]:
    """The lesson's skills that the course declares; one problem per unknown skill."""
    declared = {skill.casefold(): skill for skill in course.know_how + course.soft_skills}
    kept: list[str] = []
    problems: list[Problem] = []
    for skill in lesson_skills:
        if skill.casefold() in declared:
            kept.append(declared[skill.casefold()])
        else:
            problems.append(
                Problem(
                    path,
                    line,
                    f"compétence {quoted(skill)} absente du cours{NBSP}; ajoutez-la à "
                    "Savoir-Faire ou Savoir-Etre dans index.md, ou corrigez son nom",
                )
            )
    return tuple(kept), problems


def skills_map(course: Course, lessons: list[Lesson]) -> tuple[SkillUse, ...]:
    """Every skill of the course, savoir-faire first, with the lessons that train it."""
    return tuple(
        SkillUse(skill, kind, tuple(lesson for lesson in lessons if skill in lesson.skills))
        for kind, skills in ((KNOW_HOW, course.know_how), (SOFT_SKILL, course.soft_skills))
        for skill in skills
    )


def assemble(course: Course, lessons: list[Lesson], base_url: str) -> tuple[Course, list[Problem]]:
    """The course with its lessons ordered, numbered, given URLs, and its skills map."""
    ordered, problems = order_lessons(lessons)
    course_url = f"{base_url}{course.slug}/"
    ordered = [
        replace(lesson, url=lesson_url(base_url, course.slug, lesson.name)) for lesson in ordered
    ]
    finished = replace(
        course,
        url=course_url,
        lessons=tuple(ordered),
        skills_map=skills_map(course, ordered),
    )
    return finished, problems


def neighbours(course: Course, lesson: Lesson) -> tuple[Lesson | None, Lesson | None]:
    """The lessons before and after ``lesson`` in its course."""
    index = lesson.number - 1
    previous = course.lessons[index - 1] if index > 0 else None
    following = course.lessons[index + 1] if index + 1 < len(course.lessons) else None
    return previous, following
