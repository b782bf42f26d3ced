"""Proofreading beside the build: another process checks the sources while Pelican works.

Pelican runs on one core. The proofreader starts as soon as the list of sources is known
(when the articles generator is created) and checks them on the other cores, in a process
of its own: the build does not wait for it until it needs the findings, and its
dictionaries never enter Pelican's memory.

The child is ``python -m proofread.background REQUEST RESULT``: it reads the options,
paths and known mistakes file from the JSON file REQUEST and writes the findings (known
ones marked, see :mod:`.baseline`), and what it logged, to RESULT. Files, not pipes: a
large result can never block the child on a full pipe.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .finding import Finding, from_record, to_record
from .options import Options

logger = logging.getLogger(__name__)

PLUGINS_DIR = str(Path(__file__).resolve().parents[1])


def _work_dir(options: Options) -> str | None:
    """Where a run's request and result files go: inside the project's cache (the site
    writes nothing outside the project); beside it when the cache folder is unusable (the
    child process then says why); the system's only when the cache is turned off."""
    if not options.cache_dir:
        return None
    try:
        os.makedirs(options.cache_dir, exist_ok=True)
        return options.cache_dir
    except OSError:
        parent = os.path.dirname(os.path.abspath(options.cache_dir))
        os.makedirs(parent, exist_ok=True)
        return parent


class Background:
    """One proofreading run in a child process; :meth:`result` waits for its findings."""

    def __init__(
        self, options: Options, paths: list[str], baseline: str | None = None, content: str = ""
    ):
        # ``baseline``: the known mistakes file, if any; its sources are named relative to
        # the ``content`` folder.
        self.paths = list(paths)
        self.failure = ""
        self._folder = tempfile.TemporaryDirectory(prefix="relecture-", dir=_work_dir(options))
        folder = Path(self._folder.name)
        self._request = folder / "request.json"
        self._result = folder / "result.json"
        known = {"file": baseline, "content": content} if baseline else None
        request = {"options": dataclasses.asdict(options), "paths": self.paths, "baseline": known}
        self._request.write_text(json.dumps(request), encoding="utf-8")
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            p for p in (PLUGINS_DIR, environment.get("PYTHONPATH")) if p
        )
        with open(folder / "stderr.txt", "w", encoding="utf-8") as errors:
            self._process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "proofread.background",
                    str(self._request),
                    str(self._result),
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                env=environment,
            )

    def result(self) -> dict[str, list[Finding]] | None:
        """The findings by path (waits for the child), or None when it failed (said here)."""
        try:
            code = self._process.wait()
            folder = Path(self._folder.name)
            if code != 0 or not self._result.exists():
                error = (folder / "stderr.txt").read_text(encoding="utf-8", errors="replace")
                last = error.strip().splitlines()[-1:] or [f"code de sortie {code}"]
                self.failure = last[0]
                return None
            data = json.loads(self._result.read_text(encoding="utf-8"))
        finally:
            self.cancel()
        for level, message in data["said"]:
            logger.log(level, "%s", message)
        return {
            path: [from_record(item) for item in findings]
            for path, findings in data["results"].items()
        }

    def cancel(self) -> None:
        """Stop the child if it still runs and forget its files."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._folder.cleanup()


class _Said(logging.Handler):
    """Keeps what the proofreader logs, for the parent to log it in its own voice."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


def main(request: str, result: str) -> None:
    with contextlib.suppress(OSError):
        os.nice(10)  # beside the build: the build's own processes come first
    said = _Said()
    root = logging.getLogger()
    root.addHandler(said)
    root.setLevel(logging.INFO)
    data = json.loads(Path(request).read_text(encoding="utf-8"))
    options = data["options"]
    options["fields"] = tuple(options["fields"])
    # In the child only: dictionaries, grammar, cache.
    from cmcore.files import write_atomically

    from .baseline import Baseline, BaselineError
    from .checker import Proofreader

    proofreader = Proofreader(Options(**options))
    try:
        results = proofreader.check_files(data["paths"])
    finally:
        proofreader.close()
    known = data.get("baseline")
    if known:
        try:
            results, _stale = Baseline.load(known["file"]).cover(results, known["content"])
        except BaselineError as error:  # every finding counts: a strict build refuses
            logger.error("%s", error)
    answer = {
        "results": {path: [to_record(f) for f in findings] for path, findings in results.items()},
        "said": said.records,
    }
    write_atomically(Path(result), json.dumps(answer, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
