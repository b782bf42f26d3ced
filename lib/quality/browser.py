"""Gates that need a real browser: accessibility, requests, console, budgets, mobile, no JS.

The browser is Debian's chromium, driven by Playwright through ``executable_path``.
"""

from __future__ import annotations

import gzip
import importlib.util
from collections.abc import Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from .report import Failure, GateResult

MOBILE = {"width": 375, "height": 740}
MIN_BODY_PX = 16
ARTICLE_BUDGET_BYTES = 30 * 1024
# What a page must show with JavaScript off, by page type (CSS selectors).
WITHOUT_JS = {
    "article": ["main h1", ".post-body", ".site-nav a"],
    "événements": ["main h1", "main a[href*='/evenements/']"],
    "événement": ["main h1"],
    "formation": ["main h1", "main a[href*='/formations/']"],
    "leçon": ["main h1", "main details"],
}


@contextmanager
def _visit(browser, url: str, **context_options):
    """``url`` open in a fresh context, closed on leaving (even when loading failed):
    yields (context, page, requests, errors)."""
    context = browser.new_context(locale="fr-FR", **context_options)
    try:
        page = context.new_page()
        requests: list[tuple[str, str]] = []
        errors: list[str] = []
        origin = urlsplit(url).netloc

        def route(request_route):
            request = request_route.request
            requests.append((request.url, request.resource_type))
            if urlsplit(request.url).netloc not in (origin, ""):
                request_route.abort()  # never reach a third party, even by accident
            else:
                request_route.continue_()

        context.route("**/*", route)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url, wait_until="networkidle")
        yield context, page, requests, errors
    finally:
        context.close()


@cache
def axe_script() -> str:
    """axe-core as bundled by axe-playwright-python (read as UTF-8 whatever the locale)."""
    package = importlib.util.find_spec("axe_playwright_python")
    return (Path(package.origin).parent / "axe.min.js").read_text(encoding="utf-8")


def check_accessibility(browser, base: str, pages: Mapping[str, str]) -> GateResult:
    """axe-core on every page type: no violation of any impact."""
    result = GateResult("accessibilité (axe)", len(pages), "types de page")
    for kind, url in pages.items():
        with _visit(browser, base + url) as (_, page, _, _):
            page.evaluate(axe_script())
            found = page.evaluate(
                "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
            )
        for violation in found:
            targets = ", ".join(
                " ".join(node.get("target", [])) for node in violation.get("nodes", [])[:3]
            )
            result.failures.append(
                Failure(f"{url} ({kind})", f"{violation['id']} : {violation['help']} [{targets}]")
            )
    return result


def check_requests_and_console(browser, base: str, pages: Mapping[str, str]) -> list[GateResult]:
    """Not one request to another host, and no console error, on every page type."""
    hosts = GateResult("requêtes externes", len(pages), "types de page")
    console = GateResult("console", len(pages), "types de page")
    origin = urlsplit(base).netloc
    for kind, url in pages.items():
        with _visit(browser, base + url) as (_, _, requests, errors):
            pass
        for requested, _ in requests:
            if urlsplit(requested).netloc not in (origin, ""):
                hosts.failures.append(Failure(f"{url} ({kind})", f"requête vers {requested}"))
        for error in errors:
            console.failures.append(Failure(f"{url} ({kind})", error))
    return [hosts, console]


def check_article_budget(browser, base: str, article_url: str) -> GateResult:
    """An article without images: HTML + CSS + JS at most 30 KB once compressed."""
    result = GateResult("poids d’un article", 1, "page")
    with _visit(browser, base + article_url) as (context, _, requests, _):
        total = 0
        for requested, kind in requests:
            if kind not in ("document", "stylesheet", "script"):
                continue
            body = context.request.get(requested).body()
            total += len(gzip.compress(body, compresslevel=9))
    result.note = f"{total / 1024:.1f} Ko compressés".replace(".", ",")
    if total > ARTICLE_BUDGET_BYTES:
        result.failures.append(Failure(article_url, f"{result.note}, au-delà de 30 Ko"))
    return result


def check_mobile(browser, base: str, pages: Mapping[str, str]) -> GateResult:
    """At 375 px: no horizontal scroll, body text at least 16 px."""
    result = GateResult("mobile 375 px", len(pages), "types de page")
    for kind, url in pages.items():
        with _visit(browser, base + url, viewport=MOBILE) as (_, page, _, _):
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            smallest = page.evaluate(
                """() => Math.min(
                    ...[document.body, ...document.querySelectorAll('main p, main li')]
                        .map(el => parseFloat(getComputedStyle(el).fontSize)))"""
            )
        if overflow > 0:
            result.failures.append(
                Failure(f"{url} ({kind})", f"défilement horizontal de {overflow} px")
            )
        if smallest < MIN_BODY_PX:
            result.failures.append(
                Failure(
                    f"{url} ({kind})",
                    f"texte de {smallest:g} px, moins de {MIN_BODY_PX} px".replace(".", ","),
                )
            )
    return result


def check_without_javascript(browser, base: str, pages: Mapping[str, str]) -> GateResult:
    """With JavaScript off, text, navigation, comments, events and lessons stay readable."""
    result = GateResult("sans JavaScript", len(pages), "types de page")
    for kind, url in pages.items():
        with _visit(browser, base + url, java_script_enabled=False) as (_, page, _, _):
            if len(page.locator("main").inner_text().strip()) < 20:
                result.failures.append(Failure(f"{url} ({kind})", "le contenu principal est vide"))
            if not page.locator(".site-nav a").first.is_visible():
                result.failures.append(Failure(f"{url} ({kind})", "la navigation est invisible"))
            for selector in WITHOUT_JS.get(kind, []):
                if not page.locator(selector).first.is_visible():
                    result.failures.append(Failure(f"{url} ({kind})", f"« {selector} » invisible"))
    return result
