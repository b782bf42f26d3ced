"""The PROOFREAD_* settings and their defaults, declared once (documented in README.md)."""

from __future__ import annotations

import os
import sys

from .options import CHECKED_FIELDS, Options

DEFAULTS = {
    # Check sources during the build and log one line per file with findings.
    "PROOFREAD_ENABLED": True,
    # Grammar with Grammalecte; None: on when Grammalecte is installed.
    "PROOFREAD_GRAMMAR": None,
    # The site dictionary, relative to PATH (the content folder).
    "PROOFREAD_DICTIONARY": "dictionnaire.txt",
    # Cache folder; relative paths are relative to CACHE_PATH's parent (the site root).
    "PROOFREAD_CACHE_PATH": "cache/proofread",
    # Where the expanded Hunspell dictionary is kept (built once, about 15 s); None: in the
    # project's virtual environment (.venv/share/carnet-cm/lexique), else in CACHE_PATH.
    "PROOFREAD_LEXICON_PATH": None,
    # Worker processes for cold runs; 0: every core.
    "PROOFREAD_JOBS": 0,
    # Metadata fields whose values are checked (keys never are).
    "PROOFREAD_FIELDS": CHECKED_FIELDS,
    # French typography (spaces, apostrophes, quotes, ellipsis) in the rendered HTML.
    "PROOFREAD_TYPOGRAPHY": True,
    # Whether a build (not strict) waits for Grammalecte on paragraphs it has never
    # checked: False lets the build end with the other checks and our own grammar rules,
    # Grammalecte's findings coming at the next build; strict builds always wait.
    "PROOFREAD_WAIT_FOR_GRAMMAR": False,
    # Known mistakes (old posts), relative to PATH: reported apart, never blocking;
    # None or "": none.
    "PROOFREAD_BASELINE": "fautes-connues.json",
}


def get(settings: dict, name: str):
    """A PROOFREAD_* setting, or its default."""
    return settings.get(name, DEFAULTS[name])


def options_from(settings: dict, root: str | None = None) -> Options:
    """Resolve the settings of a Pelican build (or of ``pelicanconf.py``) into Options."""
    root = root or os.getcwd()
    content = content_dir(settings, root)
    dictionary = get(settings, "PROOFREAD_DICTIONARY")
    if dictionary and not os.path.isabs(dictionary):
        dictionary = os.path.join(content, dictionary)
    cache = get(settings, "PROOFREAD_CACHE_PATH")
    if cache and not os.path.isabs(cache):
        base = settings.get("CACHE_PATH")
        if base and os.path.isabs(base):
            cache = os.path.join(os.path.dirname(base.rstrip(os.sep)), cache)
        else:
            cache = os.path.join(root, cache)
    lexicon = get(settings, "PROOFREAD_LEXICON_PATH") or default_lexicon_dir(
        settings.get("CACHE_PATH") or os.path.join(root, "cache")
    )
    use_grammar = get(settings, "PROOFREAD_GRAMMAR")
    return Options(
        grammar=True if use_grammar is None else bool(use_grammar),
        dictionary=dictionary,
        cache_dir=cache or None,
        lexicon_dir=lexicon,
        jobs=int(get(settings, "PROOFREAD_JOBS")),
        fields=tuple(f.lower() for f in get(settings, "PROOFREAD_FIELDS")),
        content=content,
    )


def content_dir(settings: dict, root: str | None = None) -> str:
    """The content folder (PATH), absolute."""
    content = settings.get("PATH", "content")
    return content if os.path.isabs(content) else os.path.join(root or os.getcwd(), content)


def baseline_file(settings: dict, root: str | None = None) -> str | None:
    """The known mistakes file (PROOFREAD_BASELINE, relative to PATH), or None if unset."""
    name = get(settings, "PROOFREAD_BASELINE")
    return os.path.join(content_dir(settings, root), name) if name else None


def default_lexicon_dir(cache: str = "cache") -> str:
    """Where the expanded dictionary is kept: in the project's virtual environment (it is
    made from what is installed there, and survives ``invoke clean``), else in ``cache``.

    Never in the user's home: the site writes only inside the project and its output.
    """
    if sys.prefix != sys.base_prefix:
        return os.path.join(sys.prefix, "share", "carnet-cm", "lexique")
    return os.path.join(cache, "lexique")
