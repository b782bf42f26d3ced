"""Findings for the author: compiler-like text, JSON for tools, a standalone HTML report.

Known mistakes (``baseline.py``) are never mixed with new findings: each report lists
them apart, after the new ones.
"""

from __future__ import annotations

import html
import json
from collections import Counter

from cmcore.french import NBSP, NNBSP

from .finding import CATEGORY_LABELS, Finding, french_spaces, occurrence_note, to_record


def _plural(count: int, words: str) -> str:
    """``2 fautes connues``: every word of ``words`` agrees with ``count``.

    Not ``cmcore.french.plural``: the count is written as :func:`number` writes it.
    """
    return f"{number(count)} {' '.join(w + 's' for w in words.split()) if count > 1 else words}"


def number(count: int) -> str:
    """A count as French writes it: « 22 510 » (narrow no-break space from five digits)."""
    return f"{count:,}".replace(",", NNBSP) if count >= 10_000 else str(count)


def text_line(finding: Finding, span: str = "") -> str:
    """``content/x.md:12:5: orthographe : « publiccation » → publication``."""
    where = f"{finding.file}:{finding.line}:{finding.column}:"
    if not span:
        return f"{where} {message(finding)}"
    body = f"{CATEGORY_LABELS[finding.category]} : « {span} »"
    if finding.suggestions:
        body += f" → {finding.suggestions[0].strip() or repr(finding.suggestions[0])}"
    if finding.category != "spelling" or not finding.suggestions:
        body += f" ({finding.message})"
    elif finding.occurrences:  # how often the file writes it, else told by the message
        lines = [finding.line, *(place[0] for place in finding.occurrences)]
        body += f" ({occurrence_note(lines)})"
    return f"{where} {french_spaces(body)}"


def message(finding: Finding) -> str:
    """``orthographe : mot inconnu``: what a finding says, without where it is."""
    return french_spaces(f"{CATEGORY_LABELS[finding.category]} : {finding.message}")


def span_of(finding: Finding, line_text: str) -> str:
    """The offending text on its line (what the column range spans)."""
    return line_text[finding.column - 1 : finding.end_column - 1]


def render_text(
    results: dict[str, list[Finding]],
    lines: dict[str, list[str]],
    baseline: str = "",
    stale: int = 0,
) -> str:
    """Every blocking finding, one line per file for typography fixed at render time, the
    summary, then how many known mistakes each file has (``baseline``: the file's name)."""
    out = []
    for path, findings in results.items():
        source_lines = lines.get(path, [])
        autofix = [f for f in findings if f.autofix]
        for finding in findings:
            if not finding.blocking:
                continue
            line_text = source_lines[finding.line - 1] if finding.line <= len(source_lines) else ""
            out.append(text_line(finding, span_of(finding, line_text).strip()))
        if autofix:
            name = findings[0].file
            out.append(
                french_spaces(
                    f"{name} : {_plural(len(autofix), 'détail')} de typographie corrigé"
                    f"{'s' if len(autofix) > 1 else ''} automatiquement à la publication "
                    f"(invoke proofread --fix-typography {name} pour corriger la source)"
                )
            )
    out.append(summary(results))
    known = _known_by_file(results)
    if known:
        out.append(french_spaces(f"Fautes connues ({baseline}), à corriger peu à peu :"))
        out.extend(french_spaces(f"  {name} : {count}") for name, count in known.items())
    if stale:
        out.append(stale_line(baseline, stale))
    return "\n".join(out)


def _known_by_file(results: dict[str, list[Finding]]) -> dict[str, int]:
    """How many known mistakes each file has (files without any left out)."""
    known = {}
    for findings in results.values():
        count = sum(1 for f in findings if f.baseline)
        if count:
            known[findings[0].file] = count
    return known


def stale_line(baseline: str, stale: int) -> str:
    """Entries of the known mistakes that no finding answers any more."""
    return french_spaces(
        f"{_plural(stale, 'entrée périmée')} dans {baseline} (fautes corrigées ou "
        f"sources disparues) : « invoke proofread --baseline » {'les' if stale > 1 else 'la'} "
        "retire."
    )


def unchanged_summary(summaries) -> str:
    """The build's one line for the files with findings it did not check again."""
    counts, files = _counts(summaries)
    return french_spaces(
        f"{counts} dans {_plural(files, 'autre fichier')}, inchangé{'s' if files > 1 else ''} "
        "depuis la construction qui les a signalées ; détail : invoke proofread"
    )


def later_summary(summaries) -> str:
    """The build's one line for the findings a Grammalecte pass found after an earlier
    build had ended (after a cold build: the whole site's), told now, counted."""
    counts, files = _counts(summaries)
    return french_spaces(
        f"Relecture grammaticale en arrière-plan terminée : {counts} dans "
        f"{_plural(files, 'fichier')} ; détail : invoke proofread, ou dans chaque page "
        "avec make serve"
    )


def _counts(summaries) -> tuple[str, int]:
    """« 12 remarques de relecture (8 en grammaire, 4 en orthographe) », and the files."""
    blocking = Counter()
    for summary in summaries:
        blocking.update(summary.blocking)
    parts = ", ".join(f"{number(n)} en {CATEGORY_LABELS[c]}" for c, n in blocking.most_common())
    return f"{_plural(sum(blocking.values()), 'remarque')} de relecture ({parts})", len(summaries)


def pending_line(paragraphs: int) -> str:
    """Grammalecte's pass goes on after the build (see background.py)."""
    return french_spaces(
        f"Relecture grammaticale de {number(paragraphs)} "
        f"{'nouveaux paragraphes' if paragraphs > 1 else 'nouveau paragraphe'} en "
        "arrière-plan : ses remarques paraîtront à la prochaine construction "
        "(ou tout de suite : invoke proofread)."
    )


def known_summary(baseline: str, known: dict[str, int]) -> str:
    """The build's one line about known mistakes (``known``: how many, by file)."""
    total = sum(known.values())
    return french_spaces(
        f"{_plural(total, 'faute connue')} dans {_plural(len(known), 'fichier')} ({baseline}), "
        "à corriger peu à peu ; détail : invoke proofread"
    )


def baseline_update(baseline: str, recorded: int, added: int, dropped: int, written: bool) -> str:
    """What ``invoke proofread --baseline`` did to the known mistakes."""
    text = f"Fautes connues : {recorded} enregistrée{'s' if recorded > 1 else ''} dans {baseline}"
    if added:
        text += f", dont {added} nouvelle{'s' if added > 1 else ''}"
    text += f" ; {_plural(dropped, 'entrée périmée')} retirée{'s' if dropped > 1 else ''}"
    if not written:
        text += " (fichier inchangé)"
    return french_spaces(text + ".")


def summary(results: dict[str, list[Finding]]) -> str:
    """One closing line: how many findings, of which kinds."""
    blocking = Counter(f.category for fs in results.values() for f in fs if f.blocking)
    autofix = sum(1 for fs in results.values() for f in fs if f.autofix)
    known = sum(1 for fs in results.values() for f in fs if f.baseline)
    files = len(results)
    if not blocking:
        new = "nouvelle " if known else ""
        text = f"Relecture : aucune {new}faute dans {_plural(files, 'fichier')}"
    else:
        parts = ", ".join(
            f"{count} en {CATEGORY_LABELS[category]}" for category, count in blocking.most_common()
        )
        text = f"Relecture : {_plural(sum(blocking.values()), 'remarque')} ({parts})"
    if known:
        text += f" ; {_plural(known, 'faute connue')}, à part"
    if autofix:
        text += f" ; {autofix} en typographie, corrigée{'s' if autofix > 1 else ''} au rendu"
    return french_spaces(text + ".")


def render_json(results: dict[str, list[Finding]]) -> str:
    """A JSON array, one object per finding, in file order."""
    return json.dumps(
        [to_record(f) for findings in results.values() for f in findings],
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
.finding.known{border-color:#d68910;background:#fdf6ec}
.where{font-family:monospace;color:#555}.context{font-family:monospace;white-space:pre-wrap}
mark{background:#f9d56e}.cat{font-weight:bold}details{margin-top:1rem}
"""


def render_html(
    results: dict[str, list[Finding]],
    lines: dict[str, list[str]],
    baseline: str = "",
    stale: int = 0,
) -> str:
    """A standalone HTML report, never part of the published site; known mistakes last,
    in a section of their own."""
    parts = [
        "<!doctype html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        "<title>Rapport de relecture</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Rapport de relecture</h1>",
        f"<p>{html.escape(summary(results))}</p>",
    ]
    for path, findings in results.items():
        blocking = [f for f in findings if f.blocking]
        autofix = [f for f in findings if f.autofix]
        if not blocking and not autofix:
            continue
        source_lines = lines.get(path, [])
        parts.append(f"<h2>{html.escape(findings[0].file)}</h2>")
        parts.extend(_html_finding(f, source_lines) for f in blocking)
        if autofix:
            parts.append(
                f"<details><summary>{len(autofix)} détail(s) de typographie corrigé(s) "
                "automatiquement au rendu</summary>"
            )
            parts.extend(_html_finding(f, source_lines) for f in autofix)
            parts.append("</details>")
    if any(f.baseline for findings in results.values() for f in findings):
        title = french_spaces(f"Fautes connues ({baseline}), à corriger peu à peu")
        parts.append(f'<section class="known"><h2>{html.escape(title)}</h2>')
        for path, findings in results.items():
            known = [f for f in findings if f.baseline]
            if known:
                parts.append(f"<h3>{html.escape(findings[0].file)}</h3>")
                parts.extend(_html_finding(f, lines.get(path, [])) for f in known)
        parts.append("</section>")
    if stale:
        parts.append(f"<p>{html.escape(stale_line(baseline, stale))}</p>")
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
        f'<div class="finding{" autofix" if finding.autofix else ""}'
        f'{" known" if finding.baseline else ""}">'
        f'<div class="where">{html.escape(finding.file)}:{finding.line}:{finding.column}</div>'
        f'<div><span class="cat">{label}</span>{NBSP}: {html.escape(finding.message)}'
        + (f" → {suggestions}" if suggestions else "")
        + "</div>"
        f'<div class="context">{html.escape(before)}<mark>{html.escape(span)}</mark>'
        f"{html.escape(after)}</div></div>"
    )
