"""The ``invoke proofread`` command: check files, print findings (known mistakes apart), fix
typography, record the known mistakes, list the site's unknown words or add words to the
site dictionary on demand."""

from __future__ import annotations

import dataclasses
import difflib
import shlex
import shutil
import sys
from pathlib import Path

from cmcore.files import write_atomically
from cmcore.problems import display_path

from . import report, settings, vocabulary
from .baseline import (
    Baseline,
    BaselineError,
    check_inside,
    required_file,
    store,
)
from .checker import Proofreader, apply_edits
from .finding import french_spaces
from .source import MARKDOWN_SUFFIXES

FORMATS = ("text", "json", "html")


class UsageError(Exception):
    """A bad command line; ``str()`` is the French message."""


def collect(paths: list[str]) -> list[str]:
    """The Markdown files named by ``paths`` (folders are walked, sorted)."""
    files: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(str(p) for p in sorted(path.rglob("*")) if p.suffix in MARKDOWN_SUFFIXES)
        elif path.is_file():
            files.append(str(path))
        else:
            raise UsageError(f"{name} : fichier ou dossier introuvable")
    return files


def load_settings(root: Path, content: str | None = None) -> dict:
    """The site's settings (pelicanconf.py), for the PROOFREAD_* values; ``content``
    replaces its content folder (PATH)."""
    from pelican.settings import read_settings

    override = {"PATH": str(Path(content).resolve())} if content else None
    return read_settings(str(root / "pelicanconf.py"), override=override)


def run(
    paths: list[str],
    root: Path,
    fmt: str = "text",
    strict: bool = False,
    fix_typography: bool = False,
    out=None,
    html_path: str | None = None,
    baseline: bool = False,
    list_words: bool = False,
    add: list[str] | None = None,
    content_folder: str | None = None,
    stdin=None,
) -> int:
    """Proofread ``paths`` (default: the content folder); the exit code of the command.

    ``baseline``: record the current findings of ``paths`` as the known mistakes instead
    of reporting them, and drop the stale entries. ``list_words``: list the unknown words
    of ``paths`` instead. ``add``: add these words to the site dictionary (``-`` reads
    more from ``stdin``). ``content_folder``: the content folder, instead of pelicanconf.py's.
    """
    out = out or sys.stdout
    _check_usage(fmt, list_words, bool(add), baseline, fix_typography)
    config = load_settings(root, content_folder)
    if add:
        if paths:
            raise UsageError(
                french_spaces(
                    f"--ajouter : les mots vont au dictionnaire du site, pas dans "
                    f"{', '.join(paths)}"
                )
            )
        return _add(add, config, root, out, stdin or sys.stdin)
    content = settings.content_dir(config, str(root))
    known_file = settings.baseline_file(config, str(root))
    scope = paths or [content]
    files = collect(scope)
    if baseline:
        try:
            known_file = required_file(config, str(root))
            check_inside(files, content)
        except BaselineError as error:
            raise UsageError(str(error)) from None
    options = settings.options_from(config, str(root))
    if list_words:
        # Spelling is all it needs: grammar, nine tenths of a cold run, stays off.
        options = dataclasses.replace(options, grammar=False)
    proofreader = Proofreader(options)
    try:
        results = proofreader.check_files(files)
    finally:
        proofreader.close()
    if list_words:
        _print_vocabulary(results, fmt, options.dictionary, len(files), content_folder, out)
        return 0
    if fix_typography:
        for path, findings in results.items():
            _fix(path, findings, out)
        return 0
    if baseline:
        _record_baseline(known_file, content, results, scope, out)
        return 0
    results, stale = _cover_known(results, known_file, content, whole_site=not paths)
    name = display_path(known_file) if known_file else ""
    _print_report(
        results, fmt, name, stale, Path(html_path or root / "cache" / "relecture.html"), out
    )
    blocking = any(f.blocking for findings in results.values() for f in findings)
    return 1 if strict and blocking else 0


def _check_usage(fmt: str, list_words: bool, add: bool, baseline: bool, fix: bool) -> None:
    """Refuse an unknown format, two modes at once, or HTML for the vocabulary."""
    if fmt not in FORMATS:
        raise UsageError(f"format « {fmt} » inconnu : choisissez parmi {', '.join(FORMATS)}")
    modes = [
        flag
        for flag, chosen in (
            ("--vocabulaire", list_words),
            ("--ajouter", add),
            ("--baseline", baseline),
            ("--fix-typography", fix),
        )
        if chosen
    ]
    if len(modes) > 1:
        raise UsageError(french_spaces(f"{modes[0]} et {modes[1]} : l’un ou l’autre"))
    if list_words and fmt == "html":
        raise UsageError(french_spaces("--vocabulaire : format text ou json"))


def _print_vocabulary(
    results: dict, fmt: str, dictionary: str | None, checked: int, content_folder, out
) -> None:
    """``--vocabulaire``: the unknown words of ``results``."""
    words = vocabulary.unknown_words({display_path(p): f for p, f in results.items()})
    if fmt == "json":
        print(vocabulary.render_json(words), file=out)
        return
    name = display_path(dictionary) if dictionary else ""
    command = "invoke proofread"
    if content_folder:
        command += f" --content {shlex.quote(content_folder)}"
    command += " --ajouter"
    print(vocabulary.render_text(words, checked, name, command), file=out)


def _record_baseline(known_file: str, content: str, results: dict, scope: list[str], out) -> None:
    """``--baseline``: the findings of ``results`` become the known mistakes."""
    try:
        update = store(known_file, content, results, [p for p in scope if Path(p).is_dir()])
    except BaselineError as error:
        raise UsageError(str(error)) from None
    name = display_path(known_file)
    print(
        report.baseline_update(name, update.recorded, update.added, update.dropped, update.written),
        file=out,
    )


def _cover_known(
    results: dict, known_file: str | None, content: str, whole_site: bool
) -> tuple[dict, int]:
    """``results`` with the known mistakes marked, and how many entries are stale (those
    of vanished sources too when the whole site was checked)."""
    if not known_file or not Path(known_file).is_file():
        return results, 0
    try:
        known = Baseline.load(known_file)
    except BaselineError as error:
        raise UsageError(str(error)) from None
    results, stale = known.cover(results, content)
    if whole_site:
        stale += known.missing(content)
    return results, stale


def _print_report(results: dict, fmt: str, baseline: str, stale: int, html_file: Path, out) -> None:
    """The findings in the chosen format (HTML: written to ``html_file``, summed up here)."""
    shown = {display_path(p): findings for p, findings in results.items()}
    lines = {display_path(p): Path(p).read_text(encoding="utf-8").split("\n") for p in results}
    if fmt == "json":
        print(report.render_json(shown), file=out)
    elif fmt == "html":
        html_file.parent.mkdir(parents=True, exist_ok=True)
        html_file.write_text(report.render_html(shown, lines, baseline, stale), encoding="utf-8")
        print(report.summary(shown), file=out)
        print(f"Rapport écrit dans {display_path(str(html_file))}", file=out)
    else:
        print(report.render_text(shown, lines, baseline, stale), file=out)


def _add(values: list[str], config: dict, root: Path, out, stdin) -> int:
    """``--ajouter``: the words of ``values`` into the site dictionary; say what was done."""
    dictionary = settings.options_from(config, str(root)).dictionary
    if not dictionary:
        raise UsageError(
            french_spaces("--ajouter : pas de dictionnaire du site (PROOFREAD_DICTIONARY)")
        )
    entries = vocabulary.parse_words(values, stdin)
    if not entries:
        raise UsageError(french_spaces("--ajouter : aucun mot à ajouter"))
    path = Path(dictionary)
    if not path.parent.is_dir():
        raise UsageError(french_spaces(f"{display_path(str(path.parent))} : dossier introuvable"))
    try:
        addition = vocabulary.add_words(path, entries)
    except vocabulary.VocabularyError as error:
        raise UsageError(str(error)) from None
    print(vocabulary.addition_text(addition, display_path(dictionary)), file=out)
    return 0


def _fix(path: str, findings, out) -> None:
    """Rewrite the typography of one file, after a backup; print the diff."""
    source = Path(path).read_text(encoding="utf-8")
    fixed = apply_edits(source, findings)
    if fixed == source:
        return
    backup = path + ".bak"
    shutil.copy2(path, backup)
    write_atomically(Path(path), fixed)
    name = display_path(path)
    diff = difflib.unified_diff(
        source.splitlines(keepends=True),
        fixed.splitlines(keepends=True),
        f"{name} (avant)",
        f"{name} (après)",
    )
    out.write("".join(diff))
    print(f"{name} : typographie corrigée, copie de l’original dans {name}.bak", file=out)
