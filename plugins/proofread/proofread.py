"""Pelican glue of the proofread plugin: signal handlers only, the work is in the modules."""

from __future__ import annotations

import logging

from pelican import signals

from cmcore import problems

from . import report, settings
from .checker import Proofreader
from .typography import fix_html

logger = logging.getLogger(__name__)


def _proofread(generator, contents) -> None:
    config = generator.settings
    if not settings.get(config, "PROOFREAD_ENABLED"):
        return
    paths = sorted({c.source_path for c in contents if getattr(c, "source_path", None)})
    paths = [p for p in paths if p.endswith((".md", ".markdown", ".mdown", ".mkd"))]
    if not paths:
        return
    proofreader = Proofreader(settings.options_from(config))
    try:
        results = proofreader.check_files(paths)
    finally:
        proofreader.close()
    strict = config.get("CONTENT_STRICT")
    for path, findings in results.items():
        blocking = [f for f in findings if f.blocking]
        if not blocking:
            continue
        if strict:
            for finding in blocking:
                message = report.text_line(finding).split(": ", 1)[1]
                problems.report(config, problems.Problem(path, finding.line, message))
        else:
            logger.warning("%s", report.file_summary(findings[0].file, findings))


def proofread_articles(generator) -> None:
    _proofread(
        generator,
        [*generator.articles, *generator.translations, *generator.drafts],
    )


def proofread_pages(generator) -> None:
    _proofread(
        generator,
        [
            *generator.pages,
            *generator.hidden_pages,
            *generator.draft_pages,
            *generator.translations,
        ],
    )


def french_typography(content) -> None:
    if not settings.get(content.settings, "PROOFREAD_TYPOGRAPHY"):
        return
    if getattr(content, "_content", None):
        content._content = fix_html(content._content)
    if "summary" in content.metadata:
        content.metadata["summary"] = fix_html(content.metadata["summary"])
        if hasattr(content, "_summary"):
            content._summary = content.metadata["summary"]
    if getattr(content, "title", None):
        content.title = fix_html(content.title)


def register() -> None:
    signals.content_object_init.connect(french_typography)
    signals.article_generator_finalized.connect(proofread_articles)
    signals.page_generator_finalized.connect(proofread_pages)
