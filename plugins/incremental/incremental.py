"""Pelican glue: one build state, the writer, the content cache, stale files."""

from __future__ import annotations

import fnmatch
import logging
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import signals

from cmcore import problems
from cmcore.plugins import connect

from . import fingerprint, objects, quick, seam, urls
from .inputs import base_key, inputs_key
from .manifest import Manifest, listing
from .members import use_members
from .writer import IncrementalWriter

logger = logging.getLogger(__name__)

MANIFEST = "incremental.json"
TEMPLATE_READS = "incremental-templates.json"
SLUGS = "incremental-slugs.json"
# Pagefind rewrites its own folders (pagefind/, pagefind-1/...) on every indexing; they
# are not ours to prune.
_UNMANAGED = re.compile(r"pagefind(?:-\d+)?")


@dataclass
class BuildState:
    """What this build knows of the previous one, and what it did."""

    enabled: bool
    base: str | None
    previous: Manifest
    started_ns: int
    inputs: str | None = None
    pages: dict[str, str] = field(default_factory=dict)
    pictures: dict = field(default_factory=dict)
    rendered: int = 0
    skipped: int = 0


def _manifest_path(settings) -> Path:
    return Path(settings["CACHE_PATH"]) / MANIFEST


def start(pelican) -> None:
    settings = pelican.settings
    # Outside the tested Pelican versions, INCREMENTAL is turned off here, for every plugin.
    enabled = seam.guard(settings)
    # Installed for incremental builds only: any other build runs stock Pelican.
    seam.patch(enabled)
    # Templates may have changed since the last build in this process (dev server).
    fingerprint.reset()
    base = base_key(settings) if enabled else None
    previous = (
        Manifest.load(_manifest_path(settings), settings["OUTPUT_PATH"]) if enabled else Manifest()
    )
    if enabled and previous.base != base:
        # Settings, theme, plugins or data changed: every page is rendered again, and what
        # Pelican cached from the readers may be stale. The files the previous build
        # produced are still known, so those that no longer belong are removed.
        _clear_content_cache(Path(settings["CACHE_PATH"]))
        previous = Manifest(files=previous.files)
    inputs = inputs_key(settings, base) if enabled else None
    if enabled:
        fingerprint.load_reads(Path(settings["CACHE_PATH"]) / TEMPLATE_READS)
        urls.load_slugs(Path(settings["CACHE_PATH"]) / SLUGS)
    IncrementalWriter.state = BuildState(enabled, base, previous, _start_mark(settings), inputs)


def _start_mark(settings) -> int:
    """The file system's own time at the start of the build.

    Files written later have a later change time (st_ctime) by the same coarse clock;
    comparing with ``time.time_ns()`` instead would misjudge files written just before.
    """
    mark = Path(settings["CACHE_PATH"]) / "build-start"
    mark.parent.mkdir(parents=True, exist_ok=True)
    mark.write_text(str(time.time_ns()), encoding="utf-8")
    return mark.stat().st_ctime_ns


def _clear_content_cache(cache: Path) -> None:
    """Remove the content caches (Pelican's ``ArticlesGenerator-Readers``..., the kept
    articles), nothing else."""
    if not cache.is_dir():
        return
    for entry in cache.iterdir():
        if entry.is_file() and (
            seam.is_content_cache(entry.name) or entry.name in (objects.FILE_NAME, objects.REFUSED)
        ):
            entry.unlink()


def use_writer(pelican):
    """``get_writer``: the incremental writer for incremental builds, Pelican's otherwise."""
    return IncrementalWriter if pelican.settings.get("INCREMENTAL") else None


def finish(pelican) -> None:
    state = IncrementalWriter.state
    if state is None or not state.enabled:
        return
    output = Path(pelican.output_path)
    removed = _remove_stale(output, state, pelican.settings.get("OUTPUT_RETENTION", []))
    # Only what this build produced is recorded: a file the author put in the output
    # folder by hand is never ours to remove.
    produced = {
        path: [stat.st_size, stat.st_mtime_ns]
        for path, stat in listing(output, skip=_UNMANAGED.fullmatch).items()
        if path in state.pages or stat.st_ctime_ns > state.started_ns
    }
    clean = not problems.recorded(pelican.settings)
    manifest = Manifest(state.base or "", state.pages, produced, state.inputs if clean else "")
    manifest.save(_manifest_path(pelican.settings), output)
    fingerprint.save_reads(Path(pelican.settings["CACHE_PATH"]) / TEMPLATE_READS)
    urls.save_slugs(Path(pelican.settings["CACHE_PATH"]) / SLUGS)
    logger.info(
        "Construction incrémentale : %d pages rendues, %d inchangées, %d fichiers retirés",
        state.rendered,
        state.skipped,
        removed,
    )
    IncrementalWriter.state = None
    fingerprint.reset()


def _remove_stale(output: Path, state: BuildState, retention) -> int:
    """Delete files the previous build produced, left as it left them, that this build
    neither wrote nor kept."""
    removed = 0
    for path in state.previous.files:
        if path in state.pages or any(
            fnmatch.fnmatch(os.path.basename(path), r) for r in retention
        ):
            continue
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            continue
        if stat.st_ctime_ns > state.started_ns:
            continue  # written again by this build (a feed, a static file, a calendar)
        if [stat.st_size, stat.st_mtime_ns] != state.previous.files[path]:
            continue  # changed since that build, by someone else: not ours to remove
        os.unlink(path)
        removed += 1
        folder = os.path.dirname(path)
        while folder != str(output) and not os.listdir(folder):
            os.rmdir(folder)
            folder = os.path.dirname(folder)
    return removed


def up_to_date(settings: dict) -> bool:
    """Nothing was touched since the last build, which ended well: there is nothing to do.

    Inputs are every file of the content, the theme and the plugins, the settings and
    the day; the output must still hold every file that build produced, unchanged.
    """
    if not settings.get("INCREMENTAL") or not settings.get("LOAD_CONTENT_CACHE"):
        return False
    if not seam.pelican_tested():
        return False  # the build tells why it is not incremental
    previous = Manifest.load(_manifest_path(settings), settings["OUTPUT_PATH"])
    if not previous.inputs or previous.inputs != inputs_key(settings):
        return False
    return all(previous.intact(path) for path in previous.files)


def compiled_templates(generator) -> None:
    """Keep compiled templates on disk: each generator of each build makes its own Jinja
    environment and would compile every template again. Keyed by the template's source."""
    env = getattr(generator, "env", None)
    if env is None or not generator.settings.get("INCREMENTAL"):
        return
    folder = Path(generator.settings["CACHE_PATH"]) / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def register() -> None:
    connect(
        "incremental",
        (signals.initialized, start),
        (signals.initialized, quick.forget),
        (signals.generator_init, compiled_templates),
        (signals.article_generator_init, objects.keep_articles),
        (signals.all_generators_finalized, use_members),
        (signals.all_generators_finalized, quick.keep),
        (signals.get_writer, use_writer),
        (signals.finalized, finish),
    )
