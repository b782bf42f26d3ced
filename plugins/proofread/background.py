"""Proofreading beside the build: another process checks the sources while Pelican works.

Pelican runs on one core. The proofreader starts as soon as the list of sources is known
(when the articles generator is created) and checks them on the other cores, in a process
of its own: the build does not wait for it until it needs the findings, and its
dictionaries never enter Pelican's memory.

The child is ``python -m proofread.background REQUEST FOLDER``: it reads the options,
paths and known mistakes file from the JSON file REQUEST and writes its answers to
FOLDER; files, not pipes, so that a large answer never blocks it on a full pipe. Its
standard output only says, one line each, that an answer is ready:

- ``1``: every check but Grammalecte's on paragraphs it has never seen (those get our own
  grammar rules only, and are "pending");
- ``2``, when there were pending paragraphs: the same with Grammalecte's findings too.

Pending paragraphs, an edit's one or a cold build's thousands, wait for the build to be
done with the processor and the memory: the child starts Grammalecte when the build says
``GO`` or closes the pipe, which it does once it has taken the first answer, at its very
end (Pelican's ``finalized``), not beside Pelican. The build is faster for it, and the
machine's peak of memory is the larger of the two, not their sum: Grammalecte's engine
(some 85 MB) alone is more than bare Pelican's whole build of 1,000 articles. An edited
paragraph still gets every other check at once, our own grammar and homophone rules
included; Grammalecte's findings on it come with the next build, which the dev server
runs as soon as the pass has ended (its preview then shows them). Meanwhile the child
holds nothing: it has become a new, small program (:func:`_hold`) that reads what the
pass needs from a file. A child whose work is done (its last answer given) ends at once,
its memory with it; the build that takes the answer marks the files it shows as told
(``untold``).

What a build waits for (:meth:`Background.result`): a strict build (``make publish``)
waits for the whole answer. Any other takes the second answer if it is ready, else the
first, and leaves the child finishing Grammalecte's pass after the build has ended: it
writes to the cache, batch by batch, and the next build finds it there. A cold grammar
pass over a whole imported blog (a few minutes) never holds the site back.

What an answer holds is what the build shows, not every finding of the site:

- ``results``: the findings of the files checked by this run (new or changed since the
  last one), or of every file when the build asks for ``details: "all"``;
- ``summaries``: for the other files that have findings, counts and the per-file cache
  key under which the findings are read when needed (the dev server's preview), so that
  an edit in a site of 1,000 files with findings in every one reads one file's.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from cmcore.waiting import GO, after_build, hold

from .finding import Finding, from_record, to_record
from .options import Options

logger = logging.getLogger(__name__)

# The child imports the plugins and the core (lib/) as the build does.
IMPORT_ROOTS = [str(Path(__file__).resolve().parents[2] / name) for name in ("plugins", "lib")]
# In the proofreading cache: the process finishing a Grammalecte pass after its build,
# which the next run stops (it has written what it did; the next run does the rest).
PID_FILE = "grammaire-en-cours.pid"
# In the answer folder: what a held pass needs (the deferred paragraphs, file keys).
HELD_FILE = "held.json"
# Beside the answer folder (same name, this ending): what a held pass reads when it starts.
HELD_SUFFIX = "-attente"


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


@dataclasses.dataclass(frozen=True)
class Summary:
    """A file's findings as counts, for a file the run did not check again."""

    key: str  # the per-file cache key its findings are kept under
    blocking: dict[str, int]  # by category
    autofix: int = 0
    known: int = 0

    @property
    def total(self) -> int:
        return sum(self.blocking.values())


@dataclasses.dataclass
class Outcome:
    """What a build takes from the proofreader."""

    findings: dict[str, list[Finding]]  # by path: the files checked by this run
    summaries: dict[str, Summary]  # by path: the others that have findings
    pending: int = 0  # paragraphs whose Grammalecte findings come later
    cache_dir: str | None = None
    baseline: dict | None = None  # {"file": ..., "content": ...} when known mistakes apply
    # Of the summaries: files whose findings a Grammalecte pass found after the build that
    # started it had ended, told by no build before this one.
    told_now: tuple[str, ...] = ()

    def load(self, path: str) -> list[Finding]:
        """A file's findings, from this outcome or from the cache (known ones marked)."""
        if path in self.findings:
            return self.findings[path]
        summary = self.summaries.get(path)
        if summary is None or not self.cache_dir:
            return []
        from .cache import Cache

        cache = Cache(self.cache_dir)
        try:
            raw = cache.get(summary.key)
        finally:
            cache.close()
        findings = [from_record(item) for item in raw or ()]
        return _covered({path: findings}, self.baseline)[path]


class Background:
    """One proofreading run in a child process; :meth:`result` takes its findings."""

    def __init__(
        self,
        options: Options,
        paths: list[str],
        baseline: str | None = None,
        content: str = "",
        *,
        details: str = "changed",
        defer_grammar: bool = True,
        jobs_later: int = 0,
    ):
        # ``baseline``: the known mistakes file, if any; its sources are named relative to
        # the ``content`` folder. ``details``: "changed" or "all" (see the module's text).
        # ``jobs_later``: the workers of a Grammalecte pass held for the build's end (0:
        # every core).
        self.paths = list(paths)
        self.failure = ""
        self.options = options
        self.baseline = {"file": baseline, "content": content} if baseline else None
        self._folder = tempfile.TemporaryDirectory(prefix="relecture-", dir=_work_dir(options))
        folder = Path(self._folder.name)
        self._request = folder / "request.json"
        request = {
            "options": dataclasses.asdict(options),
            "paths": self.paths,
            "baseline": self.baseline,
            "details": details,
            "defer_grammar": defer_grammar,
            "jobs_later": jobs_later,
        }
        self._request.write_text(json.dumps(request), encoding="utf-8")
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            p for p in (*IMPORT_ROOTS, environment.get("PYTHONPATH")) if p
        )
        self._detached = False
        with open(folder / "stderr.txt", "w", encoding="utf-8") as errors:
            self._process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "proofread.background",
                    str(self._request),
                    str(folder.resolve()),
                ],
                stdin=subprocess.PIPE,  # the build says GO, or lets it close (see _hold)
                stdout=subprocess.PIPE,
                # Unbuffered: a buffered reader takes both of the child's lines at once,
                # and ``select`` on the pipe then waits for a line already read.
                bufsize=0,
                stderr=errors,
                env=environment,
            )

    @property
    def process(self) -> subprocess.Popen:
        return self._process

    def _ready(self, timeout: float | None) -> str:
        """The next line the child says ("1", "2"), "" when it ended, None on timeout."""
        if timeout is not None:
            readable, _, _ = select.select([self._process.stdout], [], [], timeout)
            if not readable:
                return None
        return self._process.stdout.readline().decode().strip()

    def result(self, wait_for_grammar: bool = True) -> Outcome | None:
        """The findings (see the module's text), or None when the run failed (said here).

        ``wait_for_grammar=False``: when Grammalecte's pass on new paragraphs is not done,
        the answer without it; the child goes on alone and fills the cache.
        """
        folder = Path(self._folder.name)
        answer = None
        try:
            said = self._ready(None)
            if said == "1":
                answer = folder / "result-1.json"
                data = json.loads(answer.read_text(encoding="utf-8"))
                if data["pending"] and not wait_for_grammar:
                    # Grammalecte's pass, which the child starts when this build has
                    # ended (cancel, below).
                    self._detached = True
                elif data["pending"]:
                    self._say(GO)  # the held pass starts now: this build waits for it
                    if self._ready(None) == "2":
                        answer = folder / "result-2.json"
            if answer is None:
                code = self._process.wait()
                error = (folder / "stderr.txt").read_text(encoding="utf-8", errors="replace")
                last = error.strip().splitlines()[-1:] or [f"code de sortie {code}"]
                self.failure = last[0]
                return None
            data = json.loads(answer.read_text(encoding="utf-8"))
        finally:
            self.cancel()
        if data.get("untold"):  # this build shows them: the next one need not
            _mark_told(self.options.cache_dir, data["untold"])
        for level, message in data["said"]:
            logger.log(level, "%s", message)
        return Outcome(
            findings={
                path: [from_record(item) for item in findings]
                for path, findings in data["results"].items()
            },
            summaries={path: Summary(**item) for path, item in data["summaries"].items()},
            pending=data["pending"] if answer.name == "result-1.json" else 0,
            told_now=tuple(data["told_now"]),
            cache_dir=self.options.cache_dir,
            baseline=self.baseline,
        )

    @property
    def detached(self) -> bool:
        """Whether the child goes on after :meth:`result` (Grammalecte's pass)."""
        return self._detached

    def _say(self, line: str) -> None:
        with contextlib.suppress(OSError):
            self._process.stdin.write(f"{line}\n".encode())
            self._process.stdin.flush()

    def cancel(self) -> None:
        """Stop the child unless it goes on alone, and forget its files."""
        if self._detached:
            # A pass held back for the build's end starts when this process has ended
            # (or says so: the dev server, ``cmcore.waiting``); a pass already under way
            # reads nothing from the pipe.
            hold(self._process)
        else:
            with contextlib.suppress(OSError):
                # An answer not taken: the files it completes stay "untold".
                self._process.stdin.close()
        if not self._detached and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        with contextlib.suppress(OSError):
            self._process.stdout.close()
        self._folder.cleanup()
        if not self._detached:  # a held pass that will not run: what it would have read
            shutil.rmtree(self._folder.name + HELD_SUFFIX, ignore_errors=True)


# -- the child ------------------------------------------------------------------------------


class _Said(logging.Handler):
    """Keeps what the proofreader logs, for the parent to log it in its own voice."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


def _covered(results: dict[str, list[Finding]], baseline: dict | None) -> dict[str, list[Finding]]:
    """``results`` with the known mistakes marked (an unreadable file is logged)."""
    if not baseline:
        return results
    from .baseline import Baseline, BaselineError

    try:
        return Baseline.load(baseline["file"]).cover(results, baseline["content"])[0]
    except BaselineError as error:  # every finding counts: a strict build refuses
        logger.error("%s", error)
        return results


def _baseline_stamp(baseline: dict | None) -> str:
    if not baseline:
        return "-"
    try:
        return hashlib.sha1(Path(baseline["file"]).read_bytes()).hexdigest()
    except OSError:
        return "?"


def _summary_of(key: str, findings: list[Finding]) -> Summary:
    return Summary(
        key=key,
        blocking=dict(Counter(f.category for f in findings if f.blocking)),
        autofix=sum(1 for f in findings if f.autofix),
        known=sum(1 for f in findings if f.baseline),
    )


def _summaries(proofreader, paths: list[str], baseline: dict | None) -> dict[str, Summary]:
    """Counts of the files not checked again, each through the cache (one read a file)."""
    from .checker import _hash

    stamp = _baseline_stamp(baseline)
    keys = {path: proofreader.file_keys[path] for path in paths}
    summary_keys = {path: _hash(key, "summary", stamp) for path, key in keys.items()}
    known = proofreader.cache.get_many(list(summary_keys.values()))
    # The files without a summary yet, covered by the known mistakes all at once: the
    # known mistakes file is read once, not once a file.
    missing = {
        path: proofreader.cached_findings(keys[path]) or []
        for path in paths
        if known.get(summary_keys[path]) is None
    }
    covered = _covered(missing, baseline) if missing else {}
    out = {}
    for path in paths:
        raw = known.get(summary_keys[path])
        if raw is None:
            summary = _summary_of(keys[path], covered[path])
            proofreader.cache.put(summary_keys[path], dataclasses.asdict(summary))
        else:
            summary = Summary(**raw)
        if summary.blocking or summary.autofix or summary.known:
            out[path] = summary
    proofreader.cache.flush()
    return out


def _answer(
    folder: Path,
    name: str,
    results,
    summaries,
    pending: int,
    said: _Said,
    told_now: list[str],
    untold: list[str] = (),
) -> None:
    from cmcore.files import write_atomically

    answer = {
        "results": {
            path: [to_record(f, full=True) for f in findings] for path, findings in results.items()
        },
        "summaries": {path: dataclasses.asdict(s) for path, s in summaries.items()},
        "pending": pending,
        "said": said.records,
        "told_now": told_now,
        "untold": list(untold),  # per-file keys the build that takes this answer tells
    }
    write_atomically(folder / name, json.dumps(answer, ensure_ascii=False))


def _tell(line: str) -> None:
    """Tell the build an answer is ready; a build that has ended does not listen."""
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def _stop_previous(cache_dir: str | None) -> None:
    """Stop the Grammalecte pass an earlier build left running (it saved its work)."""
    if not cache_dir:
        return
    with contextlib.suppress(OSError, ValueError):
        # The file names the process and its run's folder, relative to this cache: a
        # process that only got the same number since (the pass ended or was killed), or
        # the pass of the project this one was copied from, has another folder.
        pid, folder = (Path(cache_dir) / PID_FILE).read_text().split("\n", 1)
        command = Path(f"/proc/{int(pid)}/cmdline").read_bytes().split(b"\0")
        ours = os.path.realpath(os.path.join(cache_dir, folder.strip()))
        # python -m proofread.background REQUEST FOLDER [--held]
        theirs = os.path.realpath(os.fsdecode(command[4])) if len(command) > 4 else ""
        if int(pid) != os.getpid() and theirs == ours:
            os.kill(int(pid), signal.SIGTERM)


def _load_request(request: str) -> dict:
    data = json.loads(Path(request).read_text(encoding="utf-8"))
    data["options"]["fields"] = tuple(data["options"]["fields"])
    return data


def main(request: str, folder: str) -> None:
    with contextlib.suppress(OSError):
        os.nice(10)  # beside the build: the build's own processes come first
    said = _Said()
    root = logging.getLogger()
    root.addHandler(said)
    root.setLevel(logging.INFO)
    out = Path(folder)
    data = _load_request(request)
    options = data["options"]
    baseline = data.get("baseline")
    _stop_previous(options.get("cache_dir"))
    # In the child only: dictionaries, grammar, cache.
    from .checker import Proofreader

    proofreader = Proofreader(Options(**options))
    proofreader.defer_grammar = bool(data.get("defer_grammar"))
    try:
        found = proofreader.check_files(data["paths"], load_cached=data.get("details") == "all")
        checked = {path: f for path, f in found.items() if f is not None}
        unchanged = [path for path, f in found.items() if f is None]
        summaries = _summaries(proofreader, unchanged, baseline)
        told_now = [path for path in proofreader.told_now if path in summaries]
        pending = len(proofreader.deferred)
        _answer(
            out, "result-1.json", _covered(checked, baseline), summaries, pending, said, told_now
        )
        if pending:
            # Grammalecte's pass waits for the build to let go (GO or its end); what it
            # needs, for the program that does it.
            keys = {p: proofreader.file_keys[p] for p in checked if p in proofreader.file_keys}
            state = {"deferred": proofreader.deferred, "file_keys": keys}
            proofreader.close()
            _hold(request, folder, state)  # does not return: the new program tells "1"
        _tell("1")
    finally:
        proofreader.close()


def _hold(request: str, folder: str, state: dict) -> None:
    """Wait for the build to let go in a program of next to no memory, then run the pass.

    This process holds the dictionaries and every checked file's findings; until the
    build ends, the machine's memory is the build's. What the pass needs is put in a
    folder of its own beside the answer folder (which the build removes once it has taken
    the first answer); the build is told the answer is ready; then the same process (its
    number and its pipes are the build's link to it) becomes a shell that reads one line,
    the build's GO or the pipe's end, waits in the latter case for the build's process to
    be gone (``cmcore.waiting``), and only then starts Python again for the pass
    (:func:`resume_held`).
    """
    from cmcore.files import write_atomically

    held = Path(folder + HELD_SUFFIX)
    held.mkdir(exist_ok=True)
    write_atomically(held / HELD_FILE, json.dumps(state, ensure_ascii=False))
    for name, source in (
        ("request.json", Path(request)),
        ("result-1.json", Path(folder) / "result-1.json"),
    ):
        try:
            os.link(source, held / name)
        except OSError:
            shutil.copyfile(source, held / name)
    _tell("1")
    sys.stderr.flush()
    # python -m proofread.background REQUEST FOLDER --held: the command line the bench and
    # the next build know.
    command = after_build(
        [sys.executable, "-m", "proofread.background", str(held / "request.json"), folder, "--held"]
    )
    os.execv("/bin/sh", command)


def resume_held(request: str, folder: str) -> None:
    """The held pass (see :func:`_hold`), once the build said GO or has ended."""
    out = Path(folder)
    held = Path(request).parent
    try:
        data = _load_request(request)
        state = json.loads((held / HELD_FILE).read_text(encoding="utf-8"))
        first = json.loads((held / "result-1.json").read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(held, ignore_errors=True)
    said = _Said()
    said.records = [tuple(record) for record in first["said"]]
    root = logging.getLogger()
    root.addHandler(said)
    root.setLevel(logging.INFO)
    from .checker import Proofreader

    proofreader = Proofreader(Options(**data["options"]))
    proofreader.deferred = state["deferred"]
    proofreader.file_keys = state["file_keys"]
    summaries = {path: Summary(**item) for path, item in first["summaries"].items()}
    try:
        _grammar_pass(
            proofreader,
            data,
            out,
            list(first["results"]),
            summaries,
            first["told_now"],
            said,
        )
    finally:
        proofreader.close()


def _grammar_pass(proofreader, data, out, checked, summaries, told_now, said) -> None:
    """Grammalecte's pass on the new paragraphs, the build perhaps ended: saved batch by
    batch, stopped between two batches by the next run (SIGTERM); then the second answer."""
    options = data["options"]
    baseline = data.get("baseline")
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    pid_file = Path(options["cache_dir"]) / PID_FILE if options.get("cache_dir") else None
    if pid_file:
        with contextlib.suppress(OSError):
            relative = os.path.relpath(os.path.realpath(out), os.path.realpath(pid_file.parent))
            pid_file.write_text(f"{os.getpid()}\n{relative}")
    try:
        # The pass, held for the build's end, has the cores the build no longer uses,
        # unless the site says how many (PROOFREAD_JOBS).
        jobs = data.get("jobs_later") or os.cpu_count() or 1
        if proofreader.run_deferred(stop=lambda: bool(stopping), jobs=jobs):
            return
        # A file's entry in the cache means a build told its findings. The files this pass
        # completes are marked "untold" before they are stored; the build that takes the
        # answer marks them "told" (untold, in the answer); otherwise the next build shows
        # them in full.
        keys = [proofreader.file_keys[p] for p in checked if p in proofreader.file_keys]
        new = set(keys) - proofreader.cache.known(keys)
        proofreader.mark(new, told=False)
        again = proofreader.check_files(checked)
        complete = {path: f or [] for path, f in again.items()}
        with contextlib.suppress(OSError):  # the build may have removed the folder
            _answer(
                out,
                "result-2.json",
                _covered(complete, baseline),
                summaries,
                0,
                said,
                told_now,
                untold=sorted(new),
            )
        # Said, the work done: this process ends at once, its memory with it, whether the
        # build takes the answer or has gone.
        _tell("2")
    finally:
        with contextlib.suppress(OSError, ValueError):
            if pid_file and int(pid_file.read_text().split()[0]) == os.getpid():
                pid_file.unlink()


def _mark_told(cache_dir: str | None, keys: list[str]) -> None:
    """Mark per-file cache keys as shown by a build (see Proofreader.mark)."""
    if not cache_dir:
        return
    from .cache import Cache, untold_key

    cache = Cache(cache_dir)
    try:
        for key in keys:
            cache.put(untold_key(key), False)
    finally:
        cache.close()


if __name__ == "__main__":
    if sys.argv[3:] == ["--held"]:  # the same command line: the bench and ps know it
        resume_held(sys.argv[1], sys.argv[2])
    else:
        main(sys.argv[1], sys.argv[2])
