"""Lesson order, durations and the skills map, without Pelican."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from training.course import (
    assemble,
    format_duration,
    known_skills,
    neighbours,
    order_and_name,
    parse_duration,
)
from training.model import Course, Lesson, TrainingError

NBSP = "\u00a0"
COURSE = Course(
    path="content/formations/cm/index.md",
    slug="cm",
    title="Devenir CM",
    summary="",
    level="Débutant",
    minutes=None,
    prerequisites=(),
    know_how=("rédaction", "analyse"),
    soft_skills=("écoute",),
)


def lesson(name: str, order: int, skills=(), minutes=None) -> Lesson:
    return Lesson(
        path=f"content/formations/cm/{name}.md",
        course="cm",
        name=name,
        order=order,
        order_line=1,
        title=name.capitalize(),
        content="",
        skills=tuple(skills),
        minutes=minutes,
    )


def test_order_comes_from_the_file_name_prefix_or_lesson_order():
    assert order_and_name("x/03-moderer.md", None, 1) == (3, "moderer")
    assert order_and_name("x/moderer.md", "7", 4) == (7, "moderer")
    assert order_and_name("x/01-moderer.md", "2", 4) == (2, "moderer")


def test_a_lesson_without_order_raises_a_french_problem():
    with pytest.raises(TrainingError) as missing:
        order_and_name("x/moderer.md", None, 1)
    assert missing.value.problem.line == 1
    assert "ordre de la leçon manquant" in str(missing.value)
    with pytest.raises(TrainingError) as unreadable:
        order_and_name("x/moderer.md", "trois", 5)
    assert unreadable.value.problem.line == 5
    assert (
        str(unreadable.value)
        .replace(NBSP, " ")
        .endswith(
            "x/moderer.md:5 : ordre « trois » illisible ; écrivez un nombre entier, "
            "par exemple Lesson-Order: 3"
        )
    )


def test_assemble_orders_numbers_and_links_lessons_and_drops_a_reused_order():
    course, problems = assemble(
        COURSE,
        [lesson("c", 30), lesson("a", 10), lesson("b", 20), lesson("b2", 20)],
        "formations/",
    )
    assert [(x.name, x.number) for x in course.lessons] == [("a", 1), ("b", 2), ("c", 3)]
    assert course.url == "formations/cm/"
    assert course.lessons[1].url == "formations/cm/b/"
    assert course.lessons[1].save_as == "formations/cm/b/index.html"
    (problem,) = problems
    assert problem.path.endswith("b2.md") and problem.line == 1
    assert problem.message.replace(NBSP, " ").startswith("ordre 20 déjà pris par b.md ;")
    first, middle, last = course.lessons
    assert neighbours(course, first) == (None, middle)
    assert neighbours(course, middle) == (first, last)
    assert neighbours(course, last) == (middle, None)


def test_skills_map_lists_every_course_skill_with_the_lessons_that_train_it():
    course, _ = assemble(
        COURSE,
        [lesson("a", 1, ["écoute", "rédaction"]), lesson("b", 2, ["écoute"])],
        "formations/",
    )
    assert [(use.name, use.kind, [x.name for x in use.lessons]) for use in course.skills_map] == [
        ("rédaction", "savoir-faire", ["a"]),
        ("analyse", "savoir-faire", []),
        ("écoute", "savoir-être", ["a", "b"]),
    ]


def test_unknown_skills_are_reported_and_dropped():
    kept, problems = known_skills(("Écoute", "danse"), COURSE, "x.md", 6)
    assert kept == ("écoute",)
    assert [(p.line, p.message.replace(NBSP, " ")) for p in problems] == [
        (
            6,
            "compétence « danse » absente du cours ; ajoutez-la à Savoir-Faire ou "
            "Savoir-Etre dans index.md, ou corrigez son nom",
        )
    ]


def test_course_duration_is_declared_or_the_sum_of_its_lessons():
    course, _ = assemble(COURSE, [lesson("a", 1, minutes=20), lesson("b", 2)], "f/")
    assert course.total_minutes == 20
    assert assemble(replace(COURSE, minutes=90), [], "f/")[0].total_minutes == 90


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("45 min", 45),
        ("45", 45),
        ("1 h 30", 90),
        ("1h30", 90),
        ("2 h", 120),
        (f"3{NBSP}heures", 180),
        ("20 minutes", 20),
        ("une heure", None),
        ("", None),
    ],
)
def test_parse_duration(text, minutes):
    assert parse_duration(text) == minutes


def test_format_duration_in_french():
    assert format_duration(45) == f"45{NBSP}min"
    assert format_duration(60) == f"1{NBSP}h"
    assert format_duration(95) == f"1{NBSP}h{NBSP}35"
    assert format_duration(None) == ""


@given(st.integers(min_value=0, max_value=10_000))
def test_formatted_durations_read_back(minutes):
    assert parse_duration(format_duration(minutes)) == minutes
