"""What a proofreading run checks and with what: small enough for the build to import.

The build only starts the proofreader in another process and reads its findings; the
checker itself (dictionaries, grammar, cache) is imported there, never in Pelican's process.
"""

from __future__ import annotations

from dataclasses import dataclass

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
# Metadata fields whose text is proofread, besides the body.
CHECKED_FIELDS = ("title", "summary")
# Debian's hunspell-fr dictionary (without its .aff/.dic suffix).
HUNSPELL_DIC = "/usr/share/hunspell/fr_FR"


@dataclass(frozen=True)
class Options:
    """What to check and with what (the PROOFREAD_* settings, resolved)."""

    grammar: bool = True
    dictionary: str | None = None
    cache_dir: str | None = None
    lexicon_dir: str | None = None  # the expanded dictionary, shared by every site
    jobs: int = 0  # 0: every core
    fields: tuple[str, ...] = CHECKED_FIELDS
    hunspell: str = HUNSPELL_DIC
    content: str | None = None  # the content folder: its code spans name the site's software
