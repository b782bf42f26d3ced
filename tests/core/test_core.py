"""The shared core (lib/cmcore) is Pelican-free, and the order of PLUGINS that matters is
checked when a build starts."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from cmcore.plugins import ConfigurationError, order_problems
from tests.conftest import ROOT, build_site, copy_content, plain

# Every module of the core, imported in a process where importing Pelican fails.
PELICAN_ABSENT = """
import importlib, pkgutil, sys
sys.modules["pelican"] = None  # "import pelican" now raises ImportError
import cmcore
names = [m.name for m in pkgutil.iter_modules(cmcore.__path__)]
for name in names:
    importlib.import_module(f"cmcore.{name}")
assert "pelican" not in {m.split(".")[0] for m in sys.modules if sys.modules[m] is not None}
print(len(names))
"""


def test_the_core_imports_without_pelican():
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PELICAN_ABSENT)],
        capture_output=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 10  # every module was imported, not an empty package


def test_the_site_settings_keep_the_order_that_matters():
    from pelican.settings import read_settings

    for name in ("pelicanconf.py", "publishconf.py"):
        settings = read_settings(str(ROOT / name))
        assert order_problems(settings["PLUGINS"]) == [], name


@pytest.mark.parametrize(
    ("plugins", "expected"),
    [
        (["incremental", "blog"], "« blog » doit être la première de PLUGINS"),
        (["blog", "redirects", "events"], "« redirects » doit venir après « events »"),
        (["blog", "deploy", "redirects"], "« deploy » doit être la dernière de PLUGINS"),
    ],
)
def test_a_wrong_order_is_told(plugins, expected):
    found = [plain(line) for line in order_problems(plugins)]
    assert len(found) == 1 and found[0].startswith(expected), found


def test_a_build_with_a_wrong_order_stops_with_a_french_line(tmp_path):
    from pelican.settings import read_settings

    plugins = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    moved = [p for p in plugins if p != "redirects"]
    moved.insert(moved.index("events"), "redirects")
    with pytest.raises(ConfigurationError) as error:
        build_site(tmp_path, copy_content(tmp_path), PLUGINS=moved)
    assert plain(str(error.value)).startswith(
        "Ordre des extensions incorrect (pelicanconf.py) : « redirects » doit venir après "
        "« events »"
    )
    assert not (tmp_path / "output" / "index.html").exists()


def test_a_build_runs_only_the_plugins_it_lists(tmp_path):
    """Pelican's signals outlive a build: a plugin registered by an earlier build in the
    same process (the dev server, the report) must not act on a build that leaves it out."""
    full = build_site(tmp_path / "full", copy_content(tmp_path / "full"))
    assert (full.output / "evenements" / "index.html").exists()
    assert (full.output / "formations" / "index.html").exists()
    assert (full.output / "_headers").exists()

    few = build_site(tmp_path / "few", copy_content(tmp_path / "few"), PLUGINS=["blog", "security"])
    assert (few.output / "index.html").exists()
    assert (few.output / "_headers").exists()
    for left_out in ("evenements", "formations", "pagefind", "redirections.txt"):
        assert not (few.output / left_out).exists(), left_out
