"""Performance budgets on a phone: the first image's weight, and paint timings measured
offline in Chromium on a slow network (a Lighthouse-style check, without Lighthouse).

- first image: on an article with images, at 375 px wide, the file the browser chose
  (``currentSrc``: the copy its ``srcset`` offers for that width) weighs at most 100 KB;
- largest contentful paint at most 2.5 s and cumulative layout shift at most 0.1 on the
  home, an article with images and a lesson, on a throttled profile: 400 kbit/s down and
  up, 400 ms round trip (a slow 3G), CPU slowed down four times, 375 × 740 px.

The site is served compressed (gzip), as a production server does (README, Deploying):
the throttled network weighs what a reader's phone would receive.
"""

from __future__ import annotations

import contextlib
import gzip
import io
from collections.abc import Mapping
from pathlib import Path

from .pages import ARTICLE_MARK, html_pages, site_url
from .report import Failure, GateResult
from .serve import QuietHandler, serve_folder

PHONE = {"width": 375, "height": 740}
FIRST_IMAGE_BUDGET_BYTES = 100 * 1024
LCP_BUDGET_MS = 2500
CLS_BUDGET = 0.1
# Chrome DevTools' « Slow 3G » is 400 kbit/s and 400 ms; bytes per second here.
SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400 * 1000 / 8,
    "uploadThroughput": 400 * 1000 / 8,
}
CPU_SLOWDOWN = 4
_COMPRESSED = (".html", ".css", ".js", ".svg", ".json", ".xml", ".txt")

# Observers registered before the page's first byte; ``buffered`` gives them what came
# before too. CLS: the sum of every shift not caused by the reader (an upper bound of
# Lighthouse's largest session window).
OBSERVE = """
window.__paint = {lcp: 0, lcpElement: '', cls: 0};
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    window.__paint.lcp = entry.startTime;
    const el = entry.element;
    window.__paint.lcpElement = el ? el.tagName.toLowerCase() +
      (el.className ? '.' + String(el.className).split(' ')[0] : '') : '';
  }
}).observe({type: 'largest-contentful-paint', buffered: true});
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__paint.cls += entry.value;
  }
}).observe({type: 'layout-shift', buffered: true});
"""


class _CompressingHandler(QuietHandler):
    """Serves text files gzip-compressed when the browser asks for it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in _COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve_compressed(folder: Path):
    """Serve ``folder`` on loopback, text compressed, for a ``with`` block: the base URL."""
    return serve_folder(folder, _CompressingHandler)


def article_with_images(output: Path) -> str | None:
    """An article page whose first image is a raster one with smaller copies (``srcset``),
    else one with any image; None when no article shows an image."""
    from bs4 import BeautifulSoup

    fallback = None
    for file in html_pages(output):
        text = file.read_text(encoding="utf-8")
        if ARTICLE_MARK not in text or "<img" not in text:
            continue
        first = BeautifulSoup(text, "html.parser").select_one(".post-image img, .post-body img")
        if first is None:
            continue
        if first.get("srcset"):
            return site_url(output, file)
        fallback = fallback or site_url(output, file)
    return fallback


def check_first_image(browser, base: str, article_url: str) -> GateResult:
    """The first image of an article, as a 375 px phone loads it: at most 100 KB."""
    result = GateResult("première image à 375 px", 1, "article")
    context = browser.new_context(locale="fr-FR", viewport=PHONE, device_scale_factor=1)
    try:
        page = context.new_page()
        page.goto(base + article_url, wait_until="load")
        chosen = page.evaluate(
            """() => {
                const img = document.querySelector('.post-image img, .post-body img');
                return img ? (img.currentSrc || img.src) : null;
            }"""
        )
        if chosen is None:
            result.note = "aucune image"
            return result
        size = len(context.request.get(chosen).body())
    finally:
        context.close()
    name = chosen.rsplit("/", 1)[-1]
    result.note = f"{name}, {_kb(size)}"
    if size > FIRST_IMAGE_BUDGET_BYTES:
        result.failures.append(
            Failure(
                article_url,
                f"la première image pèse {_kb(size)} à 375 px, au-delà de 100 Ko\u00a0: "
                "réduisez-la ou vérifiez ses copies réduites (srcset)",
            )
        )
    return result


def measure_paint(browser, url: str) -> dict:
    """LCP (ms), its element, and CLS of ``url`` on the throttled phone profile."""
    context = browser.new_context(locale="fr-FR", viewport=PHONE, device_scale_factor=1)
    try:
        context.add_init_script(OBSERVE)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(url, wait_until="load", timeout=120_000)
        # Late images and fonts may still paint or shift: wait for the network to rest.
        with contextlib.suppress(Exception):
            page.wait_for_load_state("networkidle", timeout=30_000)
        page.wait_for_timeout(500)
        return page.evaluate("() => window.__paint")
    finally:
        context.close()


def check_paint(browser, base: str, pages: Mapping[str, str]) -> GateResult:
    """LCP ≤ 2.5 s and CLS ≤ 0.1 on each of ``pages`` (kind → URL), slow 3G, CPU ÷ 4."""
    result = GateResult("LCP et CLS en 3G lente", len(pages), "pages")
    figures = []
    for kind, url in pages.items():
        found = measure_paint(browser, base + url)
        lcp, cls = found["lcp"], found["cls"]
        element = found["lcpElement"] or "?"
        figures.append(f"{kind} {_seconds(lcp)} ({element}), CLS {_decimal(cls, 3)}")
        where = f"{url} ({kind})"
        if not lcp:
            result.failures.append(Failure(where, "aucun affichage mesuré (LCP absent)"))
        elif lcp > LCP_BUDGET_MS:
            result.failures.append(
                Failure(
                    where,
                    f"plus grand affichage (LCP) à {_seconds(lcp)}, au-delà de 2,5 s "
                    f"(élément\u00a0: {found['lcpElement'] or 'inconnu'})",
                )
            )
        if cls > CLS_BUDGET:
            result.failures.append(
                Failure(
                    where,
                    f"décalage de mise en page (CLS) de {_decimal(cls, 3)}, au-delà de 0,1\u00a0: "
                    "donnez une largeur et une hauteur aux images",
                )
            )
    result.note = "\u00a0; ".join(figures)
    return result


def paint_pages(output: Path, pages: Mapping[str, str]) -> dict[str, str]:
    """The pages the paint budget measures: the home, an article with images, a lesson."""
    chosen = {"accueil": pages.get("accueil", "/")}
    article = article_with_images(output) or pages.get("article")
    if article:
        chosen["article illustré"] = article
    if "leçon" in pages:
        chosen["leçon"] = pages["leçon"]
    return chosen


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} Ko".replace(".", ",")


def _seconds(ms: float) -> str:
    return f"{ms / 1000:.2f} s".replace(".", ",")


def _decimal(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".replace(".", ",")
