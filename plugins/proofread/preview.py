"""The last build's findings, by source and by page, for the dev server's in-page preview.

``make serve`` builds in its own process: at the end of each build the plugin keeps here
what the proofreader answered (:func:`keep`, from the collect step: the findings of the
sources it checked again, and where the others' are in its cache) and the page each
source became (:func:`remember_pages`, when the generators are done). The dev server then
asks for one page's findings (:func:`page_findings`), read from the cache for a source
the build did not check again, and hands them to the page's script. Nothing here is
written to disk, and a build outside the dev server keeps it only until its process ends.

A build replaces what it keeps whole, never in place: a page served while a build runs
gets the findings of one build, never half of two.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from urllib.parse import unquote, urlsplit

from .background import Outcome
from .finding import CATEGORY_LABELS, Finding, to_record
from .report import span_of

# Context sent around the offending text: enough words for the page's script to tell
# two occurrences of the same word apart, not the whole line.
CONTEXT_CHARS = 80

# The generators' lists of what becomes a page of its own (Pelican 4.12 names).
_CONTENT_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "pages",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
)


@dataclass(frozen=True)
class _Findings:
    """What one build's proofreading left: findings and source lines by source path (the
    sources it checked), and the answer that finds the others' findings."""

    by_source: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    lines: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    proofread: bool = False
    outcome: Outcome | None = None


# Each replaced whole by a build, at its end (findings) or once its pages are made.
_findings = _Findings()
_pages: MappingProxyType = MappingProxyType({})  # URL path -> its sources


def remember_pages(generators) -> None:
    """Keep the page URL (``/slug/``) of every article, page and draft of the build."""
    global _pages
    by_page: dict[str, list[str]] = {}
    for generator in generators:
        for name in _CONTENT_LISTS:
            for content in getattr(generator, name, None) or ():
                source, url = getattr(content, "source_path", None), getattr(content, "url", None)
                if source and url is not None:
                    by_page.setdefault(page_key(url), []).append(os.path.abspath(source))
    _pages = MappingProxyType({url: tuple(sources) for url, sources in by_page.items()})


def keep(outcome: Outcome | dict[str, list[Finding]] | None) -> None:
    """Keep a finished build's proofreading answer (None: proofreading failed); a plain
    dict of findings by source path stands for an answer that checked every source."""
    global _findings
    if isinstance(outcome, dict):
        outcome = Outcome(findings=outcome, summaries={})
    results = outcome.findings if outcome else {}
    by_source = {os.path.abspath(path): tuple(found) for path, found in results.items()}
    lines = {path: _lines(path) for path, found in by_source.items() if found}
    if outcome is not None:  # the summaries' paths absolute too, for page_findings
        summaries = {os.path.abspath(path): s for path, s in outcome.summaries.items()}
        outcome = replace(outcome, findings={}, summaries=summaries)
    _findings = _Findings(
        MappingProxyType(by_source),
        MappingProxyType(lines),
        proofread=outcome is not None,
        outcome=outcome,
    )


def _lines(path: str) -> list[str]:
    """The source's lines as the build read them (the author may save again meanwhile)."""
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def findings_by_source() -> dict[str, list[Finding]]:
    """The last build's findings, by absolute source path (empty before any build)."""
    return {path: list(found) for path, found in _findings.by_source.items()}


def sources_by_page() -> dict[str, tuple[str, ...]]:
    """The sources of each page of the last build, by URL path (``/slug/``)."""
    return dict(_pages)


def built() -> bool:
    """Whether a build of this process made its pages (none was skipped as up to date)."""
    return bool(_pages)


def page_key(url: str) -> str:
    """A page's URL as the dev server sees it: ``/slug/``, without ``index.html``."""
    path = unquote(urlsplit(url).path)
    if path.endswith("/index.html") or path == "index.html":
        path = path[: -len("index.html")]
    return "/" + path.lstrip("/")


def page_findings(url: str) -> dict:
    """The findings shown in the page at ``url``, as the JSON the page's script reads.

    ``proofread`` is false when no build of this process proofread the sources (the site
    was up to date, proofreading is off or failed): the page then shows nothing.
    """
    kept = _findings
    shown = []
    for source in _pages.get(page_key(url), ()):
        if source in kept.by_source:
            lines, findings = kept.lines.get(source, []), kept.by_source[source]
        elif kept.outcome is not None and source in kept.outcome.summaries:
            # Unchanged since the build: its findings from the cache, its lines from disk.
            lines, findings = _lines(source), kept.outcome.load(source)
        else:
            continue
        for finding in _every_place(findings):
            line = lines[finding.line - 1] if 0 < finding.line <= len(lines) else ""
            shown.append(preview_record(finding, line))
    return {"proofread": kept.proofread, "findings": shown}


def _every_place(findings: list[Finding]):
    """Each finding, and each other place of a word reported once for its whole file:
    the report names them in one line, the page marks every one where it is read."""
    for finding in findings:
        yield finding
        for line, column, text in finding.occurrences:
            yield replace(
                finding,
                line=line,
                column=column,
                end_column=column + len(text),
                text=text,
                edit=None,
                occurrences=(),
            )


def preview_record(finding: Finding, line: str) -> dict:
    """A finding as the page's script reads it: the CLI's JSON object, plus where it is
    (``content/x.md:12:5``), its category in French, and the offending text with the
    words around it on its line, by which the script finds it in the rendered page."""
    data = to_record(finding)
    start, end = finding.column - 1, finding.end_column - 1
    data.update(
        where=f"{finding.file}:{finding.line}:{finding.column}",
        label=CATEGORY_LABELS[finding.category],
        # The text as checked has no Markdown markup; autofix findings have none kept.
        span=finding.text or span_of(finding, line),
        before=line[max(0, start - CONTEXT_CHARS) : start],
        after=line[end : end + CONTEXT_CHARS],
    )
    return data
