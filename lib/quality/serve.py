"""A built site served on loopback, and Debian's chromium to look at it."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Headless, and silent on the network: chromium's own background calls would be refused here.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Python's static file handler, without a log line per request."""

    def log_message(self, *args):  # one line per request would drown the report
        pass


def start_server(
    folder: Path, handler_class: type = QuietHandler
) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve ``folder`` over HTTP on a free loopback port, in a thread: (base URL, server)."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


@contextlib.contextmanager
def serve_folder(folder: Path, handler_class: type = QuietHandler) -> Iterator[str]:
    """Serve ``folder`` on loopback for the duration of a ``with`` block; yields the base URL."""
    url, server = start_server(folder, handler_class)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium():
    """Debian's chromium through Playwright; nothing downloads a browser."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(
            "chromium est absent : installez-le avec « make test » "
            "(ou apt-get install chromium chromium-driver)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
