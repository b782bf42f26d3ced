"""Shared fixtures: build real sites with the repo's settings, theme and plugins."""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

from quality.serve import chromium
from quality.serve import start_server as serve_folder  # (base URL, server)

ROOT = Path(__file__).resolve().parents[1]
SHARED_FIXTURES = ROOT.parent / "shared" / "fixtures"


@dataclass
class Site:
    """A site built into a temporary folder, with ways to read what a reader gets."""

    output: Path
    settings: dict = field(repr=False)

    def path(self, url: str) -> Path:
        """The file served for a site URL such as ``/conseils/`` or ``/feeds/all.atom.xml``."""
        target = self.output / url.lstrip("/")
        return target / "index.html" if url.endswith("/") or target.is_dir() else target

    def html(self, url: str) -> BeautifulSoup:
        """The parsed page served at ``url``."""
        return BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "html.parser")

    def text(self, url: str) -> str:
        return self.path(url).read_text(encoding="utf-8")


def build_site(
    tmp_path: Path, content: Path | None = None, settings_file: str = "pelicanconf.py", **overrides
) -> Site:
    """Build the site from ``content`` (default: the repo's own) into ``tmp_path/output``."""
    settings = read_settings(
        str(ROOT / settings_file),
        override={
            "PATH": str(content or ROOT / "content"),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache"),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            # Tests read the search index right after the build: never in the background.
            "SEARCH_INDEX": True,
            **overrides,
        },
    )
    Pelican(settings).run()
    return Site(tmp_path / "output", settings)


def plain(text: str) -> str:
    """Text as a reader sees it: no-break spaces shown as plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def warnings_said(caplog) -> list[str]:
    """Every warning or error logged during a build, as plain text."""
    return [plain(r.getMessage()) for r in caplog.records if r.levelno >= logging.WARNING]


def assert_told_once_each(warnings: list[str], expected: list[str], content: Path) -> None:
    """Each expected line was said exactly once, naming a file of ``content``; nothing else."""
    for line in expected:
        matching = [w for w in warnings if w.endswith(line)]
        assert len(matching) == 1, (line, warnings)
        assert matching[0].startswith(str(content))
    assert len(warnings) == len(expected), warnings


def run_task(
    settings_file: str, content, output, cache=None, **overrides
) -> subprocess.CompletedProcess:
    """The build as ``make build``/``publish`` runs it, on other content and output."""
    cache = cache or output.parent / f"{output.name}-cache"
    extra = "".join(f", {name}={value!r}" for name, value in overrides.items())
    code = (
        "import sys; from sitebuild import ROOT, run_pelican; "
        f"sys.exit(run_pelican(ROOT / {settings_file!r}, "
        f"PATH={str(content)!r}, OUTPUT_PATH={str(output)!r}, CACHE_PATH={str(cache)!r}{extra}))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, encoding="utf-8", timeout=120
    )


def free_port() -> int:
    """A TCP port free on the loopback interface, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_content(tmp_path: Path) -> Path:
    """A private copy of the repo's content, for tests that add or break files."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Site:
    """The repo's own sample content, built once for the whole session."""
    return build_site(tmp_path_factory.mktemp("sample"))


# --- Real browser ---------------------------------------------------------------------------
# Debian's chromium, driven by Playwright through executable_path: nothing downloads a browser.


@pytest.fixture(scope="session")
def browser():
    """A headless Debian chromium for the whole session."""
    try:
        with chromium() as instance:
            yield instance
    except FileNotFoundError as missing:
        pytest.fail(str(missing))


@pytest.fixture
def page(browser):
    """A fresh browser tab (own storage); console errors are collected in ``page.errors``."""
    context = browser.new_context(locale="fr-FR")
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda msg: tab.errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    yield tab
    context.close()


@pytest.fixture(scope="session")
def sample_url(sample_site):
    """Base URL of the sample site served on 127.0.0.1."""
    url, server = serve_folder(sample_site.output)
    yield url
    server.shutdown()
