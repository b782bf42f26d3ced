"""A real Isso server on a free loopback port, and the HTTP calls a reader and the author make.

The server is the venv's own ``isso`` entry point, configured by
``comments.isso_server`` exactly as ``invoke comments-server`` does, with a
temporary database and the test's guard limits.
"""

from __future__ import annotations

import contextlib
import http.client
import http.cookiejar
import json
import re
import sqlite3
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from comments import isso_server
from tests.conftest import free_port

PASSWORD = "mot-de-passe-de-test"
STARTUP_SECONDS = 30


@dataclass
class Isso:
    """A running Isso: its base URL, database, admin password and log."""

    url: str
    db: Path
    log: Path
    process: subprocess.Popen
    password: str = PASSWORD

    @property
    def port(self) -> int:
        return int(urllib.parse.urlsplit(self.url).port)

    def post(
        self,
        uri: str,
        text: str,
        author: str = "Lectrice",
        parent: int | None = None,
        reader: str | None = None,
    ):
        """Post a comment as the widget does; returns (HTTP status, JSON answer).

        ``reader`` is the reader's address as a reverse proxy on 127.0.0.1 passes it.
        """
        body = {"text": text, "author": author, "parent": parent, "title": "Test"}
        headers = {"X-Forwarded-For": reader} if reader else {}
        return request(self.port, "POST", f"/new?uri={urllib.parse.quote(uri)}", body, headers)

    def modes(self) -> dict[int, int]:
        """``{comment id: mode}`` straight from the database (read-only)."""
        with contextlib.closing(sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)) as db:
            return dict(db.execute("SELECT id, mode FROM comments").fetchall())

    def moderate(self, comment_id: int, action: str) -> None:
        """``activate`` or ``delete`` a comment with the key the admin interface gives."""
        status, _ = request(self.port, "POST", f"/id/{comment_id}/{action}/{self.key(comment_id)}")
        assert status == 200, (action, comment_id, status)

    def key(self, comment_id: int) -> str:
        """The moderation key of a comment, read from Isso's admin page (logged in)."""
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        data = urllib.parse.urlencode({"password": self.password}).encode()
        opener.open(f"{self.url}/login/", data=data, timeout=10).read()
        for mode in (2, 1):
            page = opener.open(f"{self.url}/admin/?mode={mode}", timeout=10).read().decode()
            found = re.search(rf"validate_com\({comment_id}, '([^']+)'", page) or re.search(
                rf"delete_com\({comment_id}, '([^']+)'", page
            )
            if found:
                return found.group(1)
        raise AssertionError(f"comment {comment_id} not in Isso's admin page")


def request(
    port: int,
    method: str,
    path: str,
    body: dict | None = None,
    extra_headers: dict | None = None,
    timeout: float = 30,
):
    """One HTTP request to 127.0.0.1:``port``; (status, decoded JSON or text)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        headers.update(extra_headers or {})
        connection.request(method, path, json.dumps(body) if body else None, headers)
        response = connection.getresponse()
        raw = response.read().decode("utf-8")
    finally:
        connection.close()
    try:
        return response.status, json.loads(raw)
    except ValueError:
        return response.status, raw


@contextlib.contextmanager
def running_isso(folder: Path, origin: str, **guard) -> Iterator[Isso]:
    """Isso on a free loopback port with moderation on, until the ``with`` block ends."""
    folder.mkdir(parents=True, exist_ok=True)
    config = isso_server.ServerConfig(
        origins=(origin,),
        dbpath=folder / "comments.db",
        port=free_port(),
        password=PASSWORD,
        salt="sel-de-test",
        **guard,
    )
    command = isso_server.command(isso_server.write_config(folder, config))
    log = folder / "isso.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    server = Isso(f"http://127.0.0.1:{config.port}", config.dbpath, log, process)
    try:
        _wait_until_up(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def _wait_until_up(server: Isso) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError("Isso stopped:\n" + server.log.read_text(errors="replace"))
        try:
            status, _ = request(server.port, "GET", "/config", timeout=2)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError("Isso did not answer:\n" + server.log.read_text(errors="replace"))
