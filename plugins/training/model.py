"""The records of the training portal: a course, its lessons, their self-check questions."""

from __future__ import annotations

from dataclasses import dataclass

from cmcore.content import lesson_slug
from cmcore.problems import ContentError, Problem

CHOICE = "choice"  # multiple choice, exactly one right answer
TRUE_FALSE = "true-false"


class TrainingError(ContentError):
    """A lesson or course source that cannot be published; carries the French problem line."""

    def __init__(self, problem: Problem):
        super().__init__(problem)
        self.problem = problem


@dataclass(frozen=True)
class Choice:
    """One proposed answer of a question."""

    text: str
    correct: bool


@dataclass(frozen=True)
class Question:
    """A self-check question, as written in the lesson's Markdown, at ``line``."""

    kind: str
    text: str
    choices: tuple[Choice, ...]
    explanation: str
    line: int

    @property
    def answer(self) -> int:
        """Index of the right choice."""
        return next(i for i, choice in enumerate(self.choices) if choice.correct)

    @property
    def answer_text(self) -> str:
        """The right answer, as the reader sees it."""
        return self.choices[self.answer].text


@dataclass(frozen=True)
class Lesson:
    """One lesson of a course; ``number`` is its position (1-based) once ordered."""

    path: str
    course: str  # slug of the course
    name: str  # URL segment, from the file name: ``03-moderer.md`` gives ``moderer``
    order: int
    order_line: int  # where the order was given (1 when it comes from the file name)
    title: str
    content: str  # rendered HTML, self-check blocks removed
    summary: str = ""
    objectives: tuple[str, ...] = ()
    minutes: int | None = None
    skills: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()
    number: int = 0
    url: str = ""

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def slug(self) -> str:
        """Unique across the site (two courses may both have an ``introduction``).

        The comments plugin files a lesson's comments under this slug.
        """
        return lesson_slug(self.course, self.name)


@dataclass(frozen=True)
class SkillUse:
    """A skill of the course and the lessons that train it (the skills map)."""

    name: str
    kind: str  # "savoir-faire" or "savoir-être"
    lessons: tuple[Lesson, ...]


@dataclass(frozen=True)
class Course:
    """A course: ``content/formations/<slug>/index.md`` and its ordered lessons."""

    path: str
    slug: str
    title: str
    summary: str
    level: str
    minutes: int | None
    prerequisites: tuple[str, ...]
    know_how: tuple[str, ...]  # savoir-faire
    soft_skills: tuple[str, ...]  # savoir-être
    content: str = ""
    lessons: tuple[Lesson, ...] = ()
    skills_map: tuple[SkillUse, ...] = ()
    url: str = ""

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def total_minutes(self) -> int | None:
        """The duration declared in the course, else the sum of its lessons' times."""
        if self.minutes is not None:
            return self.minutes
        known = [lesson.minutes for lesson in self.lessons if lesson.minutes is not None]
        return sum(known) if known else None
