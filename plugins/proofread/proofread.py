"""Pelican glue of the proofread plugin: signal handlers only, the work is in the modules.

The sources are proofread in another process (see :mod:`.background`), started when the
articles generator is created. A strict build (``make publish``) takes the findings
before anything is written, so that it can refuse; any other build takes them at its
end, having used the wait to render the site.
"""

from __future__ import annotations

import atexit
import dataclasses
import functools
import logging
import os

from pelican import signals

from cmcore import problems
from cmcore.french import NBSP
from cmcore.plugins import connect

from . import preview, report, settings
from .background import Background
from .options import MARKDOWN_SUFFIXES
from .typography import fix_html

logger = logging.getLogger(__name__)

_running: list[Background] = []


def start(generator) -> None:
    """Start proofreading every Markdown article and page of the build."""
    cancel()
    config = generator.settings
    if not settings.get(config, "PROOFREAD_ENABLED"):
        return
    found = generator.get_files(config["ARTICLE_PATHS"], exclude=config["ARTICLE_EXCLUDES"])
    found |= generator.get_files(config["PAGE_PATHS"], exclude=config["PAGE_EXCLUDES"])
    paths = sorted(
        os.path.abspath(os.path.join(generator.path, p))
        for p in found
        if p.endswith(MARKDOWN_SUFFIXES)
    )
    if not paths:
        return
    options = settings.options_from(config)
    jobs_later = options.jobs  # the site's PROOFREAD_JOBS, if any, for the held pass too
    known = settings.baseline_file(config)
    if known and not os.path.isfile(known):
        known = None  # the common case: no known mistakes, nothing to load
    strict = bool(config.get("CONTENT_STRICT"))
    defer = not strict and not settings.get(config, "PROOFREAD_WAIT_FOR_GRAMMAR")
    if not options.jobs and (defer or not options.grammar):
        # Beside the build, which holds one core, spelling, typography and our own grammar
        # rules on one core finish before Pelican has rendered (a cold build of 1,000
        # articles waits 2 ms for them). More workers would finish no sooner than the
        # build, and each takes its own memory. Grammalecte's long pass waits for the
        # build's end, and then has every core (background.py).
        options = dataclasses.replace(options, jobs=max(1, (os.cpu_count() or 1) - 1))
    _running.append(
        Background(
            options,
            paths,
            known,
            settings.content_dir(config),
            details="all" if strict else "changed",
            defer_grammar=defer,
            jobs_later=jobs_later,
        )
    )


def cancel(*_) -> None:
    """Stop a proofreading run left by a build that did not finish."""
    while _running:
        _running.pop().cancel()


# The child of the last build still running Grammalecte's pass, if any (the dev server
# waits for it, then builds again: see tasks.dev_server).
_continuing: list = []


def grammar_in_progress():
    """The process finishing the last build's Grammalecte pass (Popen), or None."""
    return _continuing[-1] if _continuing and _continuing[-1].poll() is None else None


def collect(config: dict) -> None:
    """Take the findings; report each file's in a line, or as problems when strict.

    Files the build checked again (new or changed) get a line each; the others with
    findings, unchanged since an earlier build told them, one line together.
    """
    if not _running:
        return
    running = _running.pop()
    strict = config.get("CONTENT_STRICT")
    outcome = running.result(
        wait_for_grammar=bool(strict or settings.get(config, "PROOFREAD_WAIT_FOR_GRAMMAR"))
    )
    _continuing[:] = [running.process] if running.detached else []
    preview.keep(outcome)  # for the dev server's in-page preview (preview.py)
    if outcome is None:
        message = (
            f"relecture impossible pendant la construction ({running.failure}) ; "
            "lancez « invoke proofread » pour le détail"
        )
        if strict:  # nothing is published unproofread
            problems.report(config, problems.Problem(config["PATH"], 0, message))
        else:
            logger.error("%s", message)
        return
    results = outcome.findings
    known: dict[str, int] = {p: s.known for p, s in outcome.summaries.items() if s.known}
    for path, findings in results.items():
        known_here = sum(1 for f in findings if f.baseline)
        if known_here:
            known[path] = known_here
        blocking = [f for f in findings if f.blocking]  # known mistakes never are
        if not blocking:
            continue
        if strict:
            for finding in blocking:
                problem = FindingProblem(
                    path, finding.line, report.message(finding), finding.column
                )
                problems.report(config, problem)
        else:
            logger.warning("%s", report.file_summary(findings[0].file, findings))
    told_now = set(outcome.told_now)
    later = [s for p, s in outcome.summaries.items() if s.total and p in told_now]
    if later:
        logger.warning("%s", report.later_summary(later))
    unchanged = [s for p, s in outcome.summaries.items() if s.total and p not in told_now]
    if unchanged:
        logger.warning("%s", report.unchanged_summary(unchanged))
    if known:
        name = problems.display_path(settings.baseline_file(config))
        logger.warning("%s", report.known_summary(name, known))
    if outcome.pending:
        print(report.pending_line(outcome.pending), flush=True)


@dataclasses.dataclass(frozen=True)
class FindingProblem(problems.Problem):
    """A finding as a content problem, named by its column too (``x.md:12:5 : ...``)."""

    column: int = 0

    def __str__(self) -> str:
        where = f"{problems.display_path(self.path)}:{self.line}:{self.column}"
        return f"{where}{NBSP}: {self.message}"


def collect_if_strict(generator) -> None:
    # Before the blog plugin's check at all_generators_finalized, which refuses the build.
    if generator.settings.get("CONTENT_STRICT"):
        collect(generator.settings)


def collect_at_end(pelican) -> None:
    collect(pelican.settings)


def typography_in_readers(generator) -> None:
    """French typography of bodies and summaries, applied as they are read.

    Pelican caches what a reader returns: a source read once is never typeset again.
    Each generator has its readers, made just before this signal, whatever plugin
    chose their classes: each becomes an instance of its class made to typeset.
    """
    readers = getattr(generator, "readers", None)
    if readers is None or not settings.get(generator.settings, "PROOFREAD_TYPOGRAPHY"):
        return
    for extension, reader in readers.readers.items():
        if not getattr(reader, "french_typography", False):
            readers.readers[extension] = _typeset(type(reader))(readers.settings)


@functools.cache
def _typeset(reader_class: type) -> type:
    """A subclass of ``reader_class`` whose ``read`` typesets the body and the summary."""

    class Typeset(reader_class):
        french_typography = True

        def read(self, source_path):
            content, metadata = super().read(source_path)
            if content:
                content = fix_html(content)
            if isinstance(metadata.get("summary"), str):
                metadata["summary"] = fix_html(metadata["summary"])
            return content, metadata

    # Pelican names the content's "reader" metadata after the class (markdown, rst...).
    Typeset.__name__ = reader_class.__name__
    Typeset.__qualname__ = reader_class.__qualname__
    Typeset.__module__ = reader_class.__module__
    return Typeset


def french_title(content) -> None:
    # After the slug is made from the title as written, as before this plugin.
    if settings.get(content.settings, "PROOFREAD_TYPOGRAPHY") and getattr(content, "title", None):
        content.title = fix_html(content.title)


def register() -> None:
    connect(
        "proofread",
        (signals.generator_init, typography_in_readers),
        (signals.content_object_init, french_title),
        (signals.article_generator_init, start),
        (signals.page_generator_finalized, collect_if_strict),
        (signals.finalized, collect_at_end),
        (signals.all_generators_finalized, preview.remember_pages),
    )
    atexit.register(cancel)
