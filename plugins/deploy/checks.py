"""What runs before anything leaves the machine: the publish build, then the quality gates."""

from __future__ import annotations

import json
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


def run_gates(output: Path, siteurl: str, cache: Path, level: str) -> tuple[list[str], bool]:
    """The gates of ``invoke check`` at ``level`` (``tous``, ``liens``): (report lines, ok)."""
    from quality.gates import run_gates as all_gates
    from quality.links import check_links
    from quality.pages import ALL_TYPES
    from quality.published import checkable
    from quality.report import first_line

    # A publish build links to SITEURL/…: the gates look at a view that says /… instead.
    try:
        with checkable(output, siteurl, cache / "deploy" / "controle") as view:
            quick = level == "liens"
            results = [check_links(view)[0]] if quick else all_gates(view, required=ALL_TYPES)
    except Exception as error:  # a gate that cannot run must stop the deploy, in French
        raise DeployError(
            f"les contrôles qualité n’ont pas pu s’exécuter ({first_line(error)}). "
            "Lancez « invoke check » pour le détail."
        ) from error
    lines = [line for result in results for line in result.lines()]
    return lines, all(result.ok for result in results)
