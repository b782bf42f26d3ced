"""What runs before anything leaves the machine: the publish build, then the quality gates."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .targets import DeployError

GATES = ("tous", "liens", "aucun")

# The build runs in a process of its own, as `make publish` does: the deploy keeps
# neither Pelican's signals nor the build's memory.
_BUILD = (
    "import json, sys; from pathlib import Path; from sitebuild import run_pelican; "
    "sys.exit(run_pelican(Path(sys.argv[1]), **json.loads(sys.argv[2])))"
)


def build(settings_file: Path, force: bool) -> int:
    """The publish build (strict unless ``force``); its exit code."""
    overrides = {}
    if force:
        overrides["CONTENT_STRICT"] = False  # bad files are skipped and told, not fatal
    command = [sys.executable, "-c", _BUILD, str(settings_file), json.dumps(overrides)]
    return subprocess.run(command, check=False).returncode


def local_view(output: Path, siteurl: str, folder: Path) -> Path:
    """A copy of ``output`` whose pages link to ``/…`` instead of ``SITEURL/…``.

    The gates serve the site from a loopback port; links to the public address would be
    neither followed by the link gate nor loaded by the browser. Only the HTML is
    rewritten, the other files are hard links to the built ones (copies across devices).
    """
    shutil.rmtree(folder, ignore_errors=True)
    prefix = siteurl.rstrip("/")

    def place(source: str, destination: str) -> None:
        if prefix and source.endswith(".html"):
            text = Path(source).read_text(encoding="utf-8")
            Path(destination).write_text(text.replace(prefix, ""), encoding="utf-8")
            return
        try:
            os.link(source, destination)
        except OSError:
            shutil.copy2(source, destination)

    # The pages' .gz/.br would still say SITEURL: left out, as a server would compress.
    ignored = shutil.ignore_patterns("*.html.gz", "*.html.br")
    shutil.copytree(output, folder, copy_function=place, ignore=ignored)
    return folder


def run_gates(output: Path, siteurl: str, cache: Path, level: str) -> tuple[list[str], bool]:
    """The gates of ``invoke check`` at ``level`` (``tous``, ``liens``): (report lines, ok)."""
    from quality.gates import run_gates as all_gates
    from quality.links import check_links
    from quality.pages import ALL_TYPES

    view = local_view(output, siteurl, cache / "deploy" / "controle")
    try:
        quick = level == "liens"
        results = [check_links(view)[0]] if quick else all_gates(view, required=ALL_TYPES)
    except Exception as error:  # a gate that cannot run must stop the deploy, in French
        raise DeployError(
            f"les contrôles qualité n’ont pas pu s’exécuter ({type(error).__name__} : "
            f"{error}). Lancez « invoke check » pour le détail."
        ) from error
    finally:
        shutil.rmtree(view, ignore_errors=True)
    lines = [line for result in results for line in result.lines()]
    return lines, all(result.ok for result in results)
