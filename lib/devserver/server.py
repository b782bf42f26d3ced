"""Serve the built site on loopback, rebuild it when a source changes, reload the browser.

- Changes are seen through the kernel's file notifications (watchfiles, which Pelican
  itself uses), not by polling: a save starts the build within a few milliseconds.
- The build runs in this process, so that modules, templates and caches stay loaded
  from one build to the next; builds never overlap, and a burst of saves makes one build.
- Pages are served from the output folder as they are on disk, with no caching, and
  each HTML page gets one script that listens to ``/__rechargement`` (server-sent
  events) and reloads the page when a build has finished.
- Each HTML page also gets the proofreading preview: ``/__relecture.js`` asks
  ``/__relecture.json?page=/slug/`` for the page's findings (kept by the build, which runs
  in this process: ``proofread/preview.py``) and marks them in the page. Both are served
  from this folder and from memory: nothing of it is ever in the output folder.
- A failed build is said in French and the server keeps serving the last good site.
- ``kill`` (SIGTERM, what service managers and test harnesses send) stops it as Ctrl+C
  does: the proofreading process of a build is stopped and its files removed.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import watchfiles
from watchfiles import Change

from proofread import preview

logger = logging.getLogger(__name__)

EVENTS_PATH = "/__rechargement"
SCRIPT_PATH = "/__rechargement.js"
SCRIPT = (
    "// Serveur de développement : recharge la page après chaque construction.\n"
    f'new EventSource("{EVENTS_PATH}").addEventListener("construit", () => location.reload());\n'
).encode()
SCRIPT_TAG = f'<script src="{SCRIPT_PATH}" defer></script>'.encode()
# The proofreading preview: its files live beside this module, its data in the build's memory.
PREVIEW_DATA_PATH = "/__relecture.json"
PREVIEW_FILES = {
    "/__relecture.js": ("relecture.js", "text/javascript; charset=utf-8"),
    "/__relecture.css": ("relecture.css", "text/css; charset=utf-8"),
}
PREVIEW_TAG = b'<script src="/__relecture.js" defer></script>'
HERE = Path(__file__).resolve().parent
KEEPALIVE_SECONDS = 15


def interrupt_on_terminate() -> None:
    """Make SIGTERM stop this process as Ctrl+C does, cleanly (call from the main thread).

    Python's default for SIGTERM ends the process at once: no ``finally``, no exit
    handlers, so the running build's proofreader and its temporary files would stay.
    """

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


class Builds:
    """The number of finished builds, which event streams wait on."""

    def __init__(self):
        self.count = 0
        self.closed = False
        self._changed = threading.Condition()

    def finished(self) -> None:
        with self._changed:
            self.count += 1
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def wait_after(self, count: int, timeout: float) -> int:
        """Wait until a build after ``count`` has finished (or ``timeout``); the new count."""
        with self._changed:
            self._changed.wait_for(lambda: self.count != count or self.closed, timeout)
            return self.count


class Handler(SimpleHTTPRequestHandler):
    """Static files of the output folder, plus the reload script and its event stream, and
    the proofreading preview's script, style and data."""

    builds: Builds

    def log_message(self, format, *args):
        pass  # one line per request would drown the build's own lines

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == EVENTS_PATH:
            return self._events()
        if path == SCRIPT_PATH:
            return self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", SCRIPT)
        if path == PREVIEW_DATA_PATH:
            return self._preview_data()
        if path in PREVIEW_FILES:
            name, kind = PREVIEW_FILES[path]
            return self._send(HTTPStatus.OK, kind, (HERE / name).read_bytes())
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            if not path.endswith("/"):
                return super().do_GET()  # the standard redirect to the folder's URL
            local = local / "index.html"
        if local.suffix == ".html" and local.is_file():
            return self._send(HTTPStatus.OK, "text/html; charset=utf-8", _with_script(local))
        if not local.exists():
            missing = Path(self.directory) / "404.html"
            if missing.is_file():
                return self._send(
                    HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", _with_script(missing)
                )
        return super().do_GET()

    def _send(self, status: HTTPStatus, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _preview_data(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        data = preview.page_findings(query.get("page", ["/"])[0])
        body = json.dumps(data, ensure_ascii=False).encode()
        self._send(HTTPStatus.OK, "application/json; charset=utf-8", body)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        builds = self.builds
        seen = builds.count
        try:
            while not builds.closed:
                now = builds.wait_after(seen, KEEPALIVE_SECONDS)
                if now != seen:
                    seen = now
                    self.wfile.write(b"event: construit\ndata: " + str(now).encode() + b"\n\n")
                else:
                    self.wfile.write(b": en attente\n\n")
                self.wfile.flush()
        except OSError:
            pass  # the page was closed or reloaded


def _with_script(path: Path) -> bytes:
    page = path.read_bytes()
    scripts = PREVIEW_TAG + SCRIPT_TAG
    end = page.rfind(b"</body>")
    if end < 0:
        return page + scripts
    return page[:end] + scripts + page[end:]


class _QuietServer(ThreadingHTTPServer):
    """A reader who closes a tab mid-answer is no error of the site: no traceback for it."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class DevServer:
    """Serves ``output`` on ``host:port``; ``build()`` runs again when ``watched`` change."""

    def __init__(
        self,
        build: Callable[[], object],
        output: str | os.PathLike,
        watched: Iterable[str | os.PathLike],
        host: str = "127.0.0.1",
        port: int = 8000,
        ignored: Iterable[str | os.PathLike] = (),
        follow_up: Callable[[], object] | None = None,
        quick: Callable[[list[str]], list] | None = None,
    ):
        # ``follow_up``: after a build, the process (Popen) still finishing work that build
        # left (the proofreader's grammar pass), or None; when it ends, one build more shows
        # its results. ``quick``: given the changed files, writes at once the pages the
        # author is most likely looking at (incremental/quick.py) and returns them; the
        # browser reloads, and the whole build follows.
        self.build = build
        self.follow_up = follow_up
        self.quick = quick
        self._building = threading.Lock()
        self.output = Path(output)
        self.watched = [Path(p) for p in watched if Path(p).exists()]
        self.ignored = [Path(p).resolve() for p in (output, *ignored)]
        self.builds = Builds()
        self._stop = threading.Event()
        self._serving = False
        self._built = False
        handler = type("BoundHandler", (Handler,), {"builds": self.builds})
        self.output.mkdir(parents=True, exist_ok=True)
        self.http = _QuietServer((host, port), partial(handler, directory=str(self.output)))
        self.http.daemon_threads = True

    def _relevant(self, change: watchfiles.Change, path: str) -> bool:
        if not watchfiles.DefaultFilter()(change, path):
            return False
        resolved = Path(path).resolve()
        return not any(resolved.is_relative_to(folder) for folder in self.ignored)

    def rebuild(self, *, following: bool = False, changed: Iterable[str] = ()) -> None:
        """One build; a failure is told, never raised (the last good site stays served).

        ``changed``: the files whose change started it, for the quick pages."""
        with self._building:
            if self.quick and changed and self._built and self.quick(sorted(changed)):
                self.builds.finished()  # the browser shows the quick page meanwhile
            self._rebuild()
            count = self.builds.count
        process = self.follow_up() if self.follow_up and not following else None
        if process is not None:
            threading.Thread(
                target=self._after, args=(process, count), name="suite", daemon=True
            ).start()

    def _after(self, process, count: int) -> None:
        """Build once more when ``process`` has ended, unless another build came first."""
        process.wait()
        if process.returncode == 0 and not self._stop.is_set() and self.builds.count == count:
            self.rebuild(following=True)

    def _rebuild(self) -> None:
        try:
            self.build()
            self._built = True
        except Exception as error:  # a template or plugin error while editing
            if self._built:
                then = "le site servi est celui de la construction précédente"
            else:  # the first build: there may be nothing to serve yet
                then = "le site sera construit dès que vous enregistrerez la correction"
            logger.error(
                "La construction a échoué (%s : %s) ; %s. Corrigez puis enregistrez.",
                type(error).__name__,
                error,
                then,
            )
        self.builds.finished()

    def _watch(self) -> None:
        for changes in watchfiles.watch(
            *self.watched,
            watch_filter=self._relevant,
            debounce=50,
            step=10,
            stop_event=self._stop,
            raise_interrupt=False,
        ):
            self.rebuild(changed={path for change, path in changes if change != Change.deleted})

    def serve_forever(self) -> None:
        """Watch and serve until interrupted (Ctrl+C) or :meth:`stop`."""
        watcher = threading.Thread(target=self._watch, name="surveillance", daemon=True)
        watcher.start()
        self._serving = True
        try:
            self.http.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop watching and serving (from any thread); open event streams end."""
        self._stop.set()
        self.builds.close()
        if self._serving:
            self._serving = False
            self.http.shutdown()  # returns at once when serve_forever has already ended
        self.http.server_close()
