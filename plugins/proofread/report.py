"""Findings for the author: compiler-like text, JSON for tools, a standalone HTML report."""

from __future__ import annotations

import html
import json
from collections import Counter

from .finding import CATEGORY_LABELS, Finding, french_spaces


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


def text_line(finding: Finding, span: str = "") -> str:
    """``content/x.md:12:5: orthographe : « publiccation » → publication``."""
    label = CATEGORY_LABELS[finding.category]
    where = f"{finding.file}:{finding.line}:{finding.column}:"
    if span:
        body = f"{label} : « {span} »"
        if finding.suggestions:
            body += f" → {finding.suggestions[0].strip() or repr(finding.suggestions[0])}"
        if finding.category != "spelling" or not finding.suggestions:
            body += f" ({finding.message})"
    else:
        body = f"{label} : {finding.message}"
    return f"{where} {french_spaces(body)}"


def span_of(finding: Finding, line_text: str) -> str:
    """The offending text on its line (what the column range spans)."""
    return line_text[finding.column - 1 : finding.end_column - 1]


def render_text(results: dict[str, list[Finding]], lines: dict[str, list[str]]) -> str:
    """Every blocking finding, then one line per file for typography fixed at render time."""
    out = []
    total = Counter()
    for path, findings in results.items():
        source_lines = lines.get(path, [])
        autofix = [f for f in findings if f.autofix]
        for finding in findings:
            if finding.autofix:
                continue
            line_text = source_lines[finding.line - 1] if finding.line <= len(source_lines) else ""
            out.append(text_line(finding, span_of(finding, line_text).strip()))
            total[finding.category] += 1
        if autofix:
            name = findings[0].file
            out.append(
                french_spaces(
                    f"{name} : {_plural(len(autofix), 'détail')} de typographie corrigé"
                    f"{'s' if len(autofix) > 1 else ''} automatiquement à la publication "
                    f"(invoke proofread --fix-typography {name} pour corriger la source)"
                )
            )
            total["autofix"] += len(autofix)
    out.append(summary(results))
    return "\n".join(out)


def summary(results: dict[str, list[Finding]]) -> str:
    """One closing line: how many findings, of which kinds."""
    blocking = Counter(f.category for fs in results.values() for f in fs if f.blocking)
    autofix = sum(1 for fs in results.values() for f in fs if f.autofix)
    files = len(results)
    if not blocking:
        text = f"Relecture : aucune faute dans {_plural(files, 'fichier')}"
    else:
        parts = ", ".join(
            f"{count} en {CATEGORY_LABELS[category]}" for category, count in blocking.most_common()
        )
        text = f"Relecture : {_plural(sum(blocking.values()), 'remarque')} ({parts})"
    if autofix:
        text += f" ; {autofix} en typographie, corrigée{'s' if autofix > 1 else ''} au rendu"
    return french_spaces(text + ".")


def render_json(results: dict[str, list[Finding]]) -> str:
    """A JSON array, one object per finding, in file order."""
    return json.dumps(
        [f.to_dict() for findings in results.values() for f in findings],
        ensure_ascii=False,
        indent=2,
    )


def file_summary(path: str, findings: list[Finding]) -> str:
    """The build's one line for a file: how many findings, of which kinds."""
    blocking = Counter(f.category for f in findings if f.blocking)
    autofix = sum(1 for f in findings if f.autofix)
    parts = [f"{count} en {CATEGORY_LABELS[c]}" for c, count in blocking.most_common()]
    if autofix:
        parts.append(f"{autofix} en typographie corrigée{'s' if autofix > 1 else ''} au rendu")
    count = sum(blocking.values())
    return french_spaces(
        f"{path} : {_plural(count, 'remarque')} de relecture ({', '.join(parts)}) ; "
        f"détail : invoke proofread {path}"
    )


_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
.finding{margin:.8rem 0;padding:.5rem .8rem;border-left:4px solid #c0392b;background:#fdf3f2}
.finding.autofix{border-color:#999;background:#f4f4f4}
.where{font-family:monospace;color:#555}.context{font-family:monospace;white-space:pre-wrap}
mark{background:#f9d56e}.cat{font-weight:bold}details{margin-top:1rem}
"""


def render_html(results: dict[str, list[Finding]], lines: dict[str, list[str]]) -> str:
    """A standalone HTML report, never part of the published site."""
    parts = [
        "<!doctype html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        "<title>Rapport de relecture</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Rapport de relecture</h1>",
        f"<p>{html.escape(summary(results))}</p>",
    ]
    for path, findings in results.items():
        if not findings:
            continue
        source_lines = lines.get(path, [])
        parts.append(f"<h2>{html.escape(findings[0].file)}</h2>")
        blocking = [f for f in findings if f.blocking]
        autofix = [f for f in findings if f.autofix]
        parts.extend(_html_finding(f, source_lines) for f in blocking)
        if autofix:
            parts.append(
                f"<details><summary>{len(autofix)} détail(s) de typographie corrigé(s) "
                "automatiquement au rendu</summary>"
            )
            parts.extend(_html_finding(f, source_lines) for f in autofix)
            parts.append("</details>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _html_finding(finding: Finding, source_lines: list[str]) -> str:
    line = source_lines[finding.line - 1] if finding.line <= len(source_lines) else ""
    before = line[: finding.column - 1]
    span = line[finding.column - 1 : finding.end_column - 1]
    after = line[finding.end_column - 1 :]
    suggestions = ", ".join(html.escape(s) for s in finding.suggestions if s.strip())
    label = CATEGORY_LABELS[finding.category]
    return (
        f'<div class="finding{" autofix" if finding.autofix else ""}">'
        f'<div class="where">{html.escape(finding.file)}:{finding.line}:{finding.column}</div>'
        f'<div><span class="cat">{label}</span>\u00a0: {html.escape(finding.message)}'
        + (f" → {suggestions}" if suggestions else "")
        + "</div>"
        f'<div class="context">{html.escape(before)}<mark>{html.escape(span)}</mark>'
        f"{html.escape(after)}</div></div>"
    )
