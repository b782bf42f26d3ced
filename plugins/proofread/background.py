"""Proofreading beside the build: another process checks the sources while Pelican works.

Pelican runs on one core. The proofreader starts as soon as the list of sources is known
(when the articles generator is created) and checks them on the other cores, in a process
of its own: the build does not wait for it until it needs the findings, and its
dictionaries never enter Pelican's memory.

The child is ``python -m proofread.background REQUEST RESULT``: it reads the options and
paths from the JSON file REQUEST and writes the findings, and what it logged, to RESULT.
Files, not pipes: a large result can never block the child on a full pipe.
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


class Background:
    """One proofreading run in a child process; :meth:`result` waits for its findings."""

    def __init__(self, options: Options, paths: list[str]):
        self.paths = list(paths)
        self.failure = ""
        # Inside the project's cache: the site writes nothing outside the project.
        if options.cache_dir:
            os.makedirs(options.cache_dir, exist_ok=True)
        self._folder = tempfile.TemporaryDirectory(prefix="relecture-", dir=options.cache_dir)
        folder = Path(self._folder.name)
        self._request = folder / "request.json"
        self._result = folder / "result.json"
        self._request.write_text(
            json.dumps({"options": dataclasses.asdict(options), "paths": self.paths}),
            encoding="utf-8",
        )
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
    from .checker import Proofreader  # in the child only: dictionaries, grammar, cache

    proofreader = Proofreader(Options(**options))
    try:
        results = proofreader.check_files(data["paths"])
    finally:
        proofreader.close()
    answer = {
        "results": {path: [to_record(f) for f in findings] for path, findings in results.items()},
        "said": said.records,
    }
    temporary = Path(result).with_suffix(".tmp")
    temporary.write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, result)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
