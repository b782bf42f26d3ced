"""The site learns its words: its unknown words by frequency, and additions to its dictionary.

``invoke proofread --vocabulaire`` groups the « unknown word » spelling findings of the
site by word; ``invoke proofread --ajouter`` writes words into the site dictionary, in a
section of its own at the end of the file (layout in README.md, « Le vocabulaire du
site »), so that the author's own lines and comments above it are never touched.
"""

from __future__ import annotations

import datetime
import json
import re
import shlex
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from cmcore.files import write_atomically

from .finding import Finding, french_spaces
from .report import _plural
from .spelling import _distance, _strip_accents, dictionary_entries

# The spelling findings that are words the dictionaries lack (not cut or glued words).
UNKNOWN_RULE = "orthographe"
# Files named on a line of the text listing; the others are counted.
SHOWN_FILES = 3
# Where the section written by ``--ajouter`` starts; everything above it is the author's.
SECTION_MARKER = (
    "# Mots ajoutés par invoke proofread --ajouter, triés (ne pas modifier cette ligne)"
)
_DATED = "# ajouté{s} le {date} : {count} mot{s}"
# A word of an entry: letters and digits, with hyphens or apostrophes inside, one letter at
# least (« covid-19 », « aujourd’hui »); an entry is such words separated by spaces.
_WORD = re.compile(r"[^\W_](?:(?:[^\W_]|[’'-])*[^\W_])?")
_SPACES = re.compile(r"\s+")


class VocabularyError(Exception):
    """Words that cannot go into the dictionary, or a dictionary that cannot be written;
    ``str()`` is the French message."""


@dataclass(frozen=True)
class UnknownWord:
    """A word of the site that no dictionary knows, with every place where it is written."""

    word: str  # as written, in its most frequent case
    findings: tuple[Finding, ...]  # in file order
    suggestion: str = ""  # the spelling check's best suggestion, if any
    likely_typo: bool = False  # one letter (accents and case aside) from that suggestion
    variants: tuple[str, ...] = ()  # other cases of the word, counted with it

    @property
    def count(self) -> int:
        """How many times the site writes the word."""
        return len(self.findings)


@dataclass(frozen=True)
class Addition:
    """What ``add_words`` did: the words written, the words the dictionary already had."""

    added: tuple[str, ...]
    present: tuple[str, ...]


def sort_key(word: str) -> tuple[str, str, str]:
    """French dictionary order without ICU: letters first, then accents, then lower case
    before upper case (« elagu », « Elagu », « élagu », « elbor »)."""
    lower = word.casefold()
    return _strip_accents(lower), lower, word.swapcase()


def likely_typo(word: str, suggestion: str) -> bool:
    """Whether ``word`` is probably a misspelt ``suggestion``: at most one letter apart,
    accents and case aside (the test the spelling check makes of capitalised words)."""
    if not suggestion:
        return False
    return _distance(_strip_accents(word.lower()), _strip_accents(suggestion.lower())) <= 1


def unknown_words(results: dict[str, list[Finding]]) -> list[UnknownWord]:
    """The unknown words of ``results`` (findings by file), most frequent first, then in
    dictionary order; the cases of one word are counted together, under the most frequent."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for findings in results.values():
        for finding in findings:
            if finding.category == "spelling" and finding.rule == UNKNOWN_RULE and finding.text:
                # A word reported once for its file stands for each of its occurrences.
                key = finding.text.casefold().replace("'", "’")
                groups[key].append(finding)
                groups[key].extend(
                    replace(
                        finding,
                        line=line,
                        column=column,
                        text=text,
                        suggestions=tuple(_case_of(text, s) for s in finding.suggestions),
                        occurrences=(),
                    )
                    for line, column, text in finding.occurrences
                )
    words = []
    for findings in groups.values():
        cases = Counter(f.text for f in findings)
        word = min(cases, key=lambda w: (-cases[w], sort_key(w)))
        first = next(f for f in findings if f.text == word)
        suggestion = first.suggestions[0].strip() if first.suggestions else ""
        words.append(
            UnknownWord(
                word=word,
                findings=tuple(findings),
                suggestion=suggestion,
                likely_typo=likely_typo(word, suggestion),
                variants=tuple(sorted((w for w in cases if w != word), key=sort_key)),
            )
        )
    words.sort(key=lambda w: (-w.count, sort_key(w.word)))
    return words


def _case_of(word: str, suggestion: str) -> str:
    """``suggestion`` with the case of ``word``'s first letter (« Publication » for the
    lower-case « publiccation » of a word first met at a sentence's start)."""
    if word[:1].islower():
        return suggestion[:1].lower() + suggestion[1:]
    return suggestion[:1].upper() + suggestion[1:]


def _places(word: UnknownWord) -> str:
    """``content/a.md:3, content/b.md:7, content/c.md:1 et 2 autres``: the first line of
    the word in each of its first files."""
    first_lines: dict[str, int] = {}
    for finding in word.findings:
        first_lines.setdefault(finding.file, finding.line)
    shown = [f"{file}:{line}" for file, line in list(first_lines.items())[:SHOWN_FILES]]
    text = ", ".join(shown)
    others = len(first_lines) - len(shown)
    if others:
        text += f" et {others} autre{'s' if others > 1 else ''}"
    return text


def render_text(
    words: list[UnknownWord],
    files: int,
    dictionary: str,
    command: str = "invoke proofread --ajouter",
) -> str:
    """The unknown words as a table for the author, then the ``command`` that adds those
    that are not likely typos to ``dictionary`` (``files``: how many files were read)."""
    if not words:
        return french_spaces(f"Aucun mot inconnu du dictionnaire dans {_plural(files, 'fichier')}.")
    occurrences = sum(w.count for w in words)
    where = len({f.file for w in words for f in w.findings})
    typos = [w for w in words if w.likely_typo]
    out = [
        french_spaces(
            f"Mots inconnus du dictionnaire : {_plural(len(words), 'mot')}, "
            f"{_plural(occurrences, 'occurrence')} dans {_plural(where, 'fichier')} "
            f"(sur {files} relu{'s' if files > 1 else ''}), du plus fréquent au plus rare."
        )
    ]
    if typos:
        out.append(
            french_spaces(
                "« faute probable ? » : le mot est à une lettre de sa suggestion ; "
                "corrigez le texte plutôt que d’ajouter le mot au dictionnaire."
            )
        )
    marker = french_spaces("faute probable ?")
    count_width = max(len("nb"), len(str(words[0].count)))
    word_width = min(30, max(len("mot"), *(len(w.word) for w in words)))
    hint_width = min(30, max(len("suggestion"), *(len(w.suggestion) for w in words)))
    mark_width = len(marker) if typos else 0
    rows = [("nb", "mot", "suggestion", "remarque" if typos else "", "fichiers")]
    rows += [
        (str(w.count), w.word, w.suggestion, marker if w.likely_typo else "", _places(w))
        for w in words
    ]
    out.append("")
    for count, word, hint, mark, places in rows:
        cells = [count.rjust(count_width), word.ljust(word_width), hint.ljust(hint_width)]
        if mark_width:
            cells.append(mark.ljust(mark_width))
        out.append("  ".join([*cells, places]).rstrip())
    learnt = [w.word for w in words if not w.likely_typo]
    if learnt:
        out.append("")
        out.append(
            french_spaces(
                f"Pour ajouter à {dictionary} les mots qui ne sont pas des fautes probables "
                "(relisez la liste d’abord) :"
            )
        )
        out.append(f"  {command} " + " ".join(shlex.quote(w) for w in learnt))
    return "\n".join(out)


def render_json(words: list[UnknownWord]) -> str:
    """A JSON array, one object per word, in the order of the text listing."""
    return json.dumps(
        [
            {
                "word": w.word,
                "count": w.count,
                "suggestion": w.suggestion or None,
                "likely_typo": w.likely_typo,
                "variants": list(w.variants),
                "places": [
                    {"file": f.file, "line": f.line, "column": f.column} for f in w.findings
                ],
            }
            for w in words
        ],
        ensure_ascii=False,
        indent=2,
    )


def parse_words(values: list[str], stdin=None) -> list[str]:
    """The entries named on the command line: each value may hold several, separated by
    commas; ``-`` reads more from ``stdin``, one a line or separated by commas (lines
    starting with ``#`` left out). Spaces inside an entry are kept (an expression)."""
    pieces = []
    for value in values:
        if value.strip() == "-":
            if stdin is None:
                continue
            lines = stdin.read().splitlines()
            pieces += [
                p for line in lines if not line.lstrip().startswith("#") for p in line.split(",")
            ]
        else:
            pieces += value.split(",")
    entries = [_SPACES.sub(" ", piece).strip() for piece in pieces]
    return list(dict.fromkeys(e for e in entries if e))


def refused(entry: str) -> bool:
    """Whether ``entry`` cannot be a dictionary entry: each of its words needs a letter and
    only letters, digits, inner hyphens and apostrophes (« 2024 », « !!! », « a_b », « #tag »)."""
    return not all(
        _WORD.fullmatch(word) and any(c.isalpha() for c in word) for word in entry.split(" ")
    )


def add_words(path: Path, entries: list[str], today: datetime.date | None = None) -> Addition:
    """Add ``entries`` to the dictionary at ``path``; what was added and what was there.

    The lines above the section of added words are kept as they are; the section gets one
    dated comment line per addition and keeps its entries sorted (``sort_key``) and without
    duplicates. Nothing is written when every entry is already present or one is refused.
    """
    bad = [entry for entry in entries if refused(entry)]
    if bad:
        names = ", ".join(f"« {entry} »" for entry in bad)
        verb = "ne sont pas des mots" if len(bad) > 1 else "n’est pas un mot"
        raise VocabularyError(
            french_spaces(
                f"{names} {verb} : une entrée du dictionnaire s’écrit en lettres "
                "(chiffres, traits d’union et apostrophes permis à l’intérieur, espaces "
                "entre les mots d’une expression) ; rien n’a été ajouté"
            )
        )
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        raise VocabularyError(french_spaces(f"{path} : illisible ({error})")) from None
    known = {_SPACES.sub(" ", entry) for entry in dictionary_entries(text)}
    added = tuple(sorted((e for e in entries if e not in known), key=sort_key))
    present = tuple(sorted((e for e in entries if e in known), key=sort_key))
    if not added:
        return Addition(added, present)
    lines = text.splitlines(keepends=True)
    start = next(
        (i for i, line in enumerate(lines) if _plain(line) == _plain(SECTION_MARKER)), len(lines)
    )
    author = "".join(lines[:start])
    if author and not author.endswith("\n"):
        author += "\n"
    section = [line.rstrip("\r\n") for line in lines[start + 1 :]]
    comments = [line for line in section if line.lstrip().startswith("#")]
    words = [line.strip() for line in section if line.strip() and not line.lstrip().startswith("#")]
    day = (today or datetime.date.today()).isoformat()
    plural = "s" if len(added) > 1 else ""
    comments.append(french_spaces(_DATED.format(s=plural, date=day, count=len(added))))
    words = sorted(dict.fromkeys([*words, *added]), key=_line_key)
    # A new section is set apart from the author's lines by one blank line.
    new = start == len(lines)
    separator = "\n" if new and author.strip() and not author.endswith("\n\n") else ""
    body = "\n".join([SECTION_MARKER, *comments, *words]) + "\n"
    try:
        write_atomically(path, author + separator + body)
    except OSError as error:
        raise VocabularyError(french_spaces(f"{path} : écriture impossible ({error})")) from None
    return Addition(added, present)


def _line_key(line: str) -> tuple[str, str, str]:
    """Where a line of the section goes: by its entry (a comment after it aside)."""
    return sort_key(next(iter(dictionary_entries(line)), line))


def _plain(line: str) -> str:
    """A line with its spacing normalised (no-break spaces too: an editor may change them)."""
    return _SPACES.sub(" ", line).strip()


def addition_text(addition: Addition, dictionary: str) -> str:
    """What ``--ajouter`` tells the author: the words added to ``dictionary``, those it had."""
    out = []
    if addition.added:
        count = len(addition.added)
        out.append(
            f"{_plural(count, 'mot')} ajouté{'s' if count > 1 else ''} à {dictionary} : "
            + ", ".join(addition.added)
            + "."
        )
    else:
        out.append(f"Aucun mot ajouté à {dictionary}.")
    if addition.present:
        plural = "s" if len(addition.present) > 1 else ""
        out.append(f"Déjà présent{plural} : " + ", ".join(addition.present) + ".")
    return french_spaces("\n".join(out))
