"""A static host for the published site that sends the headers its ``_headers`` file asks for,
as Netlify and Cloudflare Pages do: every matching rule applies, in the file's order."""

from __future__ import annotations

import contextlib
import functools
import http.client
import http.server
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from tests.conftest import copy_content, run_task

# An old address of the published site's table, and where it leads.
OLD = "/2019/06/ancien-billet/"
MOVED_TO = "/categorie/conseils/"


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Iterator[Path]:
    """A publish build (.br/.gz siblings, .htaccess) with one redirect, for the web servers'
    tests, in a folder that Apache's www-data user may read (pytest's are root's only)."""
    content = copy_content(tmp_path_factory.mktemp("publication"))
    with open(content / "redirections.csv", "a", encoding="utf-8") as table:
        table.write(f"{OLD},{MOVED_TO}\n")
    root = Path(tempfile.mkdtemp(prefix="carnet-publication-"))
    root.chmod(0o755)
    try:
        done = run_task(
            "publishconf.py",
            content,
            root / "www",
            root / "cache",
            SEARCH_INDEX=False,
            PROOFREAD_ENABLED=False,
        )
        assert done.returncode == 0, done.stderr
        yield root / "www"
    finally:
        shutil.rmtree(root, ignore_errors=True)


@contextlib.contextmanager
def web_server(check: list[str], run: list[str], port: int, log: Path) -> Iterator[int]:
    """A web server of its own (a child process, no system service): its configuration
    checked by ``check``, started by ``run``; yields ``port`` once it answers there."""
    checked = subprocess.run(check, capture_output=True, encoding="utf-8", errors="replace")
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(run)
    try:
        for _ in range(100):
            try:
                fetch(port, "/")
                break
            except ConnectionError:
                time.sleep(0.05)
        else:
            pytest.fail(log.read_text(encoding="utf-8"))
        yield port
    finally:
        process.terminate()
        process.wait(10)


def fetch(port: int, path: str, encoding: str = "") -> tuple[int, dict[str, str], bytes]:
    """One request to a server on loopback, as a browser sends it: (status, headers in
    lower case, body as sent, never decompressed); redirects are not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
        answer = connection.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
    finally:
        connection.close()


def read_rules(text: str) -> list[tuple[re.Pattern[str], list[tuple[str, str]]]]:
    """The rules of a ``_headers`` file: (path pattern, headers), in order.

    Written here from the hosts' documentation, not with the plugin's code, so that the
    test reads the file as a host would. ``*`` matches anything, ``:name`` one segment.
    """
    rules: list[tuple[re.Pattern[str], list[tuple[str, str]]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            assert line.startswith("/"), f"_headers:{number}: chemin attendu, lu {line!r}"
            pattern = "".join(
                ".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
                for part in re.split(r"(\*|:[A-Za-z]+)", line.strip())
            )
            rules.append((re.compile(pattern + "$"), []))
            continue
        name, colon, value = line.strip().partition(":")
        assert colon and rules, f"_headers:{number}: en-tête attendu, lu {line!r}"
        rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(rules, path: str) -> dict[str, str]:
    """What a host sends for ``path``: the headers of every matching rule, joined by commas
    when two rules set the same one (Cloudflare Pages)."""
    found: dict[str, str] = {}
    for pattern, headers in rules:
        if pattern.match(path):
            for name, value in headers:
                found[name] = f"{found[name]}, {value}" if name in found else value
    return found


class _HostHandler(http.server.SimpleHTTPRequestHandler):
    rules: ClassVar[list] = []

    def log_message(self, *args):
        pass

    def end_headers(self):
        for name, value in headers_for(self.rules, self.path.split("?")[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.exists():
            # As the hosts do: the site's own 404 page, with its status.
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()


@contextlib.contextmanager
def static_host(folder: Path, port: int) -> Iterator[str]:
    """Serve ``folder`` on ``127.0.0.1:port`` with its ``_headers``; yields the base URL."""
    rules = read_rules((folder / "_headers").read_text(encoding="utf-8"))
    handler = type("Handler", (_HostHandler,), {"rules": rules})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()
