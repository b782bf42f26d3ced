"""Pelican glue of the training portal: read the course folders, write the pages.

The work is in ``selfcheck`` (question syntax) and ``course`` (order, skills map);
this module only walks ``content/<TRAINING_PATH>/``, reads each file with Pelican's
readers (so the site's Markdown settings and header checks apply) and renders the
``courses``, ``course`` and ``lesson`` templates.
"""

from __future__ import annotations

import logging
import os

from pelican import signals
from pelican.contents import Page
from pelican.generators import Generator
from pelican.utils import pelican_open, posixize_path

from cmcore import problems
from cmcore.content import TRAINING_DEFAULTS
from cmcore.french import NBSP, quoted
from cmcore.headers import Header, parse_header
from cmcore.plugins import connect
from cmcore.problems import Problem
from cmcore.settings import getter

from . import course as courses
from . import selfcheck
from .model import Course, Lesson, TrainingError

logger = logging.getLogger(__name__)

INDEX = "index"
UNPUBLISHED = {"draft", "hidden", "skip"}
# Every setting of the plugin, with its default; documented in README.md. Declared in
# cmcore.content (the source folder inside PATH, where the portal is published): other
# plugins find lessons with them.
DEFAULTS = dict(TRAINING_DEFAULTS)


setting = getter(DEFAULTS)  # setting(settings, "TRAINING_URL"): the value, or its default


class TrainingGenerator(Generator):
    """Reads ``content/formations/<course>/*.md`` and writes the portal's pages."""

    def __init__(self, *args, **kwargs):
        # Pelican's reader cache, as for articles: an unchanged source is not converted again.
        super().__init__(*args, readers_cache_name=f"{type(self).__name__}-Readers", **kwargs)

    def generate_context(self) -> None:
        self.courses: list[Course] = []
        self.lessons: list[Lesson] = []
        root = setting(self.settings, "TRAINING_PATH")
        by_folder: dict[str, list[str]] = {}
        for relpath in sorted(self.get_files(root)):
            by_folder.setdefault(os.path.dirname(relpath), []).append(relpath)
            # Claimed, as Pelican's generators claim theirs: a source of the portal is
            # never taken for a misplaced file (blog plugin). Lessons have URLs of their own,
            # so they are not offered to {filename} links.
            self.context["generated_content"].setdefault(posixize_path(relpath), None)
        for folder, files in sorted(by_folder.items()):
            found = self._read_course(folder, files, is_root=folder == root.rstrip("/"))
            if found:
                self.courses.append(found)
        self.courses.sort(key=lambda found: found.title.casefold())
        # Read by other plugins (comments checks that every thread has a page).
        self.lessons = [lesson for found in self.courses for lesson in found.lessons]
        self.context["training_courses"] = self.courses
        self.readers.save_cache()

    def _read_course(self, folder: str, files: list[str], is_root: bool) -> Course | None:
        index = next((f for f in files if os.path.splitext(os.path.basename(f))[0] == INDEX), None)
        lessons = [f for f in files if f != index]
        if index is None or is_root:
            for relpath in files:
                self._report(self._no_course(relpath, folder, is_root))
            return None
        read = self._read(index)
        if read is None:
            return None  # the reader already said what is wrong with index.md
        page, header, _ = read
        found = self._course(page, header, os.path.basename(folder))
        drafts = []
        for relpath in lessons:
            lesson = self._lesson(relpath, found)
            if lesson:
                drafts.append(lesson)
        finished, found_problems = courses.assemble(
            found, drafts, setting(self.settings, "TRAINING_URL")
        )
        for problem in found_problems:
            self._report(problem)
        return finished

    def _read(self, relpath: str) -> tuple[Page, Header, str] | None:
        """The page as Pelican reads it, its header with line numbers, and its raw text."""
        page = self.readers.read_file(
            base_path=self.path, path=relpath, content_class=Page, context=self.context
        )
        if page.status in UNPUBLISHED:
            return None
        with pelican_open(page.source_path) as text:
            return page, parse_header(text), text

    def _course(self, page: Page, header: Header, slug: str) -> Course:
        meta = page.metadata
        path = page.source_path
        minutes = self._minutes(path, header)
        for key in ("summary", "level"):
            if not meta.get(key):
                self._report(
                    Problem(
                        path,
                        1,
                        f"champ {key.capitalize()} manquant{NBSP}; ajoutez une ligne "
                        f"{quoted(key.capitalize() + ': …')} à l’en-tête",
                    )
                )
        return Course(
            path=path,
            slug=slug,
            title=page.title,
            summary=meta.get("summary", ""),
            level=meta.get("level", ""),
            minutes=minutes,
            prerequisites=courses.split_list(meta.get("prerequisites", ""), ";"),
            know_how=courses.split_list(meta.get("savoir-faire", "")),
            soft_skills=courses.split_list(meta.get("savoir-etre", "")),
            content=page.content,
        )

    def _lesson(self, relpath: str, course: Course) -> Lesson | None:
        read = self._read(relpath)
        if read is None:
            return None
        page, header, text = read
        path = page.source_path
        order_field = header.get("lesson-order")
        try:
            order, name = courses.order_and_name(
                path,
                order_field.value if order_field else None,
                order_field.line if order_field else 1,
            )
        except TrainingError as error:
            self._report(error.problem)
            return None
        skills_field = header.get("skills")
        skills, wrong = courses.known_skills(
            courses.split_list(skills_field.value) if skills_field else (),
            course,
            path,
            skills_field.line if skills_field else 1,
        )
        questions, bad_questions = selfcheck.parse(text, path)
        for problem in wrong + bad_questions:
            self._report(problem)
        return Lesson(
            path=path,
            course=course.slug,
            name=page.metadata.get("slug") or name,
            order=order,
            order_line=order_field.line if order_field else 1,
            title=page.title,
            content=selfcheck.strip_blocks(page.content),
            summary=page.metadata.get("summary", ""),
            objectives=courses.split_list(page.metadata.get("objectives", ""), ";"),
            minutes=self._minutes(path, header),
            skills=skills,
            questions=tuple(questions),
        )

    def _minutes(self, path: str, header: Header) -> int | None:
        field = header.get("duration")
        if field is None:
            return None
        minutes = courses.parse_duration(field.value)
        if minutes is None:
            self._report(
                Problem(
                    path,
                    field.line,
                    f"durée {quoted(field.value)} illisible{NBSP}; écrivez par "
                    f"exemple {quoted('45 min')} ou {quoted('1 h 30')}",
                )
            )
        return minutes

    def _no_course(self, relpath: str, folder: str, is_root: bool) -> Problem:
        path = os.path.join(self.path, relpath)
        where = os.path.join(folder, "<cours>") if is_root else folder
        return Problem(
            path,
            1,
            f"leçon sans cours{NBSP}: {os.path.join(where, 'index.md')} n’existe pas{NBSP}; "
            "créez-le (Title, Summary, Level…) ou rangez la leçon dans le dossier de son cours",
        )

    def _report(self, problem: Problem) -> None:
        problems.report(self.settings, problem)

    def generate_output(self, writer) -> None:
        relative = self.settings["RELATIVE_URLS"]
        base = setting(self.settings, "TRAINING_URL")
        writer.write_file(
            f"{base}index.html",
            self.get_template("courses"),
            self.context,
            relative_urls=relative,
            url=base,
            courses=self.courses,
        )
        for found in self.courses:
            writer.write_file(
                found.save_as,
                self.get_template("course"),
                self.context,
                relative_urls=relative,
                url=found.url,
                course=found,
            )
            for lesson in found.lessons:
                previous, following = courses.neighbours(found, lesson)
                writer.write_file(
                    lesson.save_as,
                    self.get_template("lesson"),
                    self.context,
                    relative_urls=relative,
                    url=lesson.url,
                    course=found,
                    lesson=lesson,
                    previous=previous,
                    next=following,
                )


def add_filters(generator) -> None:
    generator.env.filters.setdefault("duration_fr", courses.format_duration)
    generator.env.globals.setdefault("TRAINING_URL", setting(generator.settings, "TRAINING_URL"))


def get_generators(pelican):
    return TrainingGenerator


def register() -> None:
    connect(
        "training",
        (signals.get_generators, get_generators),
        (signals.generator_init, add_filters),
    )
