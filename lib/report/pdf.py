"""The PDF of the report, printed from its HTML by Debian's chromium through Playwright."""

from __future__ import annotations

import concurrent.futures
from pathlib import Path

FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#555;'
    'font-family:DejaVu Sans,sans-serif">'
    'Page <span class="pageNumber"></span> sur <span class="totalPages"></span></div>'
)


def print_pdf(html_file: Path, pdf_file: Path) -> None:
    """Print ``html_file`` to ``pdf_file``: A4, page numbers in the footer."""
    # In a thread of its own: Playwright's sync API refuses a thread that already runs an
    # event loop (a caller using Playwright itself, as the tests do).
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="pdf") as printer:
        printer.submit(_print, html_file, pdf_file).result()


def _print(html_file: Path, pdf_file: Path) -> None:
    from quality.serve import chromium

    with chromium() as browser:
        page = browser.new_page()
        page.goto(Path(html_file).resolve().as_uri())
        page.emulate_media(media="print")
        page.pdf(
            path=str(pdf_file),
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<div></div>",
            footer_template=FOOTER,
            margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
        )
