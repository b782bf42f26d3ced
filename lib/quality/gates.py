"""Run every gate over a built site."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from . import browser as in_browser
from . import performance
from .links import check_links
from .pages import representatives
from .report import Failure, GateResult, gate_error
from .serve import chromium, serve_folder
from .validity import check_html


def article_without_images(output: Path, pages: dict[str, str]) -> str | None:
    """An article page whose body has no image, for the weight budget."""
    from bs4 import BeautifulSoup

    from .pages import ARTICLE_MARK, html_pages, site_url

    for file in html_pages(output):
        text = file.read_text(encoding="utf-8")
        if ARTICLE_MARK in text and not BeautifulSoup(text, "html.parser").select(".post-body img"):
            return site_url(output, file)
    return pages.get("article")


def run_gates(output: Path, required: list[str] | None = None, browser=None) -> list[GateResult]:
    """Every gate; ``required`` page types missing from the site are failures too.

    Pass a Playwright ``browser`` to reuse it; otherwise Debian's chromium is started. A
    gate that raises (a page that cannot load, a checker that cannot start) is a failed
    gate whose line names it and says why; the other gates still run.
    """
    pages = representatives(output)
    found = GateResult("types de page", len(pages), "trouvés")
    for kind in required or []:
        if kind not in pages:
            found.failures.append(Failure("site", f"aucune page de type « {kind} » dans le site"))
    results = [found]
    results += _guarded("liens", lambda: check_links(output)[0])
    results += _guarded("validité HTML", check_html, output)
    with serve_folder(output) as base, _browser(browser) as browser:
        results += _guarded(
            "accessibilité (axe)", in_browser.check_accessibility, browser, base, pages
        )
        results += _guarded(
            "requêtes externes et console",
            in_browser.check_requests_and_console,
            browser,
            base,
            pages,
        )
        article = article_without_images(output, pages)
        if article:
            results += _guarded(
                "poids d’un article", in_browser.check_article_budget, browser, base, article
            )
        results += _guarded("mobile 375 px", in_browser.check_mobile, browser, base, pages)
        results += _guarded(
            "sans JavaScript", in_browser.check_without_javascript, browser, base, pages
        )
        results.extend(performance_gates(output, pages, browser))
    return results


def performance_gates(output: Path, pages: dict[str, str], browser) -> list[GateResult]:
    """The first image's weight at 375 px, then LCP and CLS on a slow 3G phone.

    Served compressed, as in production (lib/quality/performance.py).
    """
    results = []
    with performance.serve_compressed(output) as base:
        illustrated = performance.article_with_images(output)
        if illustrated:
            results += _guarded(
                "première image à 375 px", performance.check_first_image, browser, base, illustrated
            )
        results += _guarded(
            "LCP et CLS en 3G lente",
            performance.check_paint,
            browser,
            base,
            performance.paint_pages(output, pages),
        )
    return results


def _guarded(name: str, gate: Callable, *args) -> list[GateResult]:
    """What ``gate(*args)`` found, as a list; if it raised, one failed gate named ``name``."""
    try:
        found = gate(*args)
    except Exception as error:  # Playwright, the HTML checker, the network: one line, no trace
        return [gate_error(name, error)]
    return found if isinstance(found, list) else [found]


@contextlib.contextmanager
def _browser(given):
    if given is not None:
        yield given
    else:
        with chromium() as started:
            yield started
