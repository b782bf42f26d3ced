"""Known mistakes (« fautes connues »): findings accepted for now, kept in one JSON file.

Old posts brought in by an importer come with old mistakes. Recorded here, they are
reported apart and never block ``make publish``; any other finding still does. The file
(``PROOFREAD_BASELINE``, by default ``content/fautes-connues.json``) maps each source,
relative to PATH, to one entry per known finding::

    {
      "conseils/veille.md": [
        {
          "category": "spelling",
          "context": "5d0c8f2e41a7b9c3",
          "rule": "orthographe",
          "text": "publiccation"
        }
      ]
    }

An entry holds no line number: a finding is recognised by its category, rule, offending
text and a fingerprint of the words around it in its sentence (:func:`context_of`).
Editing another sentence or paragraph keeps it known; the same mistake written in new
text, or text rewritten around it, makes a new finding. Identical findings of one file
need as many entries. An entry that no finding answers any more (the mistake was fixed)
is stale, and ``invoke proofread --baseline`` drops it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePath

from cmcore.files import write_atomically
from cmcore.problems import display_path

from .finding import Finding, french_spaces
from .settings import baseline_file, content_dir, options_from

# Words of its sentence taken on each side of a finding for its fingerprint: enough to
# tell one place from another, few enough that an edit further away keeps it known.
CONTEXT_WORDS = 4
# Characters looked at on each side: more than CONTEXT_WORDS words, and the fingerprint
# depends on nothing further away.
_REACH = 300
_SENTENCE_END = re.compile(r"[.!?…](?=\s)")
_WORD = re.compile(r"\w+")


def context_of(text: str, start: int, end: int) -> str:
    """A fingerprint of the words around ``text[start:end]`` in its sentence.

    Words only: spacing, punctuation, markup and code around them do not count, so that
    the render-time typography fixes or a rewrapped paragraph keep a mistake known.
    """
    before = text[max(0, start - _REACH) : start]
    sentence_start = 0
    for match in _SENTENCE_END.finditer(before):
        sentence_start = match.end()
    before = before[sentence_start:]
    after = text[end : end + _REACH]
    found = _SENTENCE_END.search(after)
    if found:
        after = after[: found.start()]
    words = [*_WORD.findall(before)[-CONTEXT_WORDS:], "|", *_WORD.findall(after)[:CONTEXT_WORDS]]
    return hashlib.sha1(" ".join(words).encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, order=True)
class Entry:
    """One known finding of a source: what recognises it, never where it is."""

    category: str
    rule: str
    text: str
    context: str


def entry_of(finding: Finding) -> Entry:
    """The entry that covers ``finding``."""
    return Entry(finding.category, finding.rule, finding.text, finding.context)


@dataclass(frozen=True)
class Update:
    """What rewriting the entries of some sources did."""

    recorded: int  # entries now kept for those sources
    added: int  # of which not known before
    dropped: int  # stale entries removed
    written: bool = False  # the file changed


class BaselineError(Exception):
    """An unusable known mistakes file or source; ``str()`` is the French message."""

    def __init__(self, message: str):
        super().__init__(french_spaces(message))


class Baseline:
    """The known mistakes of a site, by source path relative to the content folder."""

    def __init__(self, entries: dict[str, Counter[Entry]] | None = None, text: str | None = None):
        self.entries = entries if entries is not None else {}
        self.loaded_text = text  # the file as read (None: there was no file)

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        """The known mistakes kept in ``path``; none when the file does not exist."""
        name = display_path(str(path))
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls()
        except UnicodeDecodeError:
            raise BaselineError(f"{name} : fichier des fautes connues pas en UTF-8") from None
        except OSError:
            raise BaselineError(f"{name} : fichier des fautes connues illisible") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise BaselineError(
                f"{name}:{error.lineno}:{error.colno} : JSON illisible dans le fichier des "
                "fautes connues ; corrigez-le, ou supprimez-le et relancez "
                "« invoke proofread --baseline »"
            ) from None
        fields = ("category", "rule", "text", "context")
        expected = (
            f"{name} : contenu inattendu ; le fichier des fautes connues associe à chaque "
            f"source une liste d’objets {{{', '.join(fields)}}}"
        )
        if not isinstance(data, dict):
            raise BaselineError(expected)
        entries: dict[str, Counter[Entry]] = {}
        for source, items in data.items():
            if not isinstance(items, list) or not all(
                isinstance(item, dict) and all(isinstance(item.get(f), str) for f in fields)
                for item in items
            ):
                raise BaselineError(f"{expected} (voir « {source} »)")
            entries[source] = Counter(Entry(*(item[f] for f in fields)) for item in items)
        return cls(entries, text)

    def text(self) -> str:
        """The file's text: sorted, indented, one entry per known finding."""
        data = {
            source: [vars(entry) for entry in sorted(known.elements())]
            for source, known in self.entries.items()
            if known
        }
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def count(self) -> int:
        """How many known findings."""
        return sum(sum(known.values()) for known in self.entries.values())

    def cover(
        self, results: dict[str, list[Finding]], content: str
    ) -> tuple[dict[str, list[Finding]], int]:
        """``results`` with their known findings marked, and their sources' stale entries.

        Findings are matched in file order: when a file has one entry and two identical
        findings, the first is known and the second is new.
        """
        marked: dict[str, list[Finding]] = {}
        stale = 0
        for path, findings in results.items():
            key = source_key(path, content)
            known = self.entries.get(key) if key else None
            if not known:
                marked[path] = findings
                continue
            left = Counter(known)
            out = []
            for finding in findings:
                if finding.blocking:
                    entry = entry_of(finding)
                    if left[entry] > 0:
                        left[entry] -= 1
                        finding = replace(finding, baseline=True)
                out.append(finding)
            marked[path] = out
            stale += sum(left.values())
        return marked, stale

    def missing(self, content: str) -> int:
        """Entries of sources that no longer exist (stale too)."""
        return sum(
            sum(known.values())
            for source, known in self.entries.items()
            if not os.path.exists(os.path.join(content, source))
        )

    def update(
        self, results: dict[str, list[Finding]], content: str, scope: Iterable[str] = ()
    ) -> Update:
        """Keep every real finding of ``results`` as known, replacing their sources' entries.

        Entries of the other sources inside the folders of ``scope`` are dropped: those
        sources are gone, or have no Markdown suffix any more.
        """
        recorded = added = dropped = 0
        checked = set()
        for path, findings in results.items():
            key = source_key(path, content)
            if key is None:
                raise BaselineError(_outside(path, content))
            new = Counter(entry_of(f) for f in findings if not f.autofix)
            old = self.entries.pop(key, Counter())
            recorded += sum(new.values())
            added += sum((new - old).values())
            dropped += sum((old - new).values())
            if new:
                self.entries[key] = new
            checked.add(key)
        folders = [key for key in (source_key(p, content) for p in scope) if key is not None]
        for key in list(self.entries):
            if key not in checked and any(_inside(key, folder) for folder in folders):
                dropped += sum(self.entries.pop(key).values())
        return Update(recorded, added, dropped)

    def save(self, path: str | Path) -> bool:
        """Write the file if its text changed (never an empty new file); whether it did."""
        text = self.text()
        if text == self.loaded_text or (self.loaded_text is None and not self.entries):
            return False
        write_atomically(Path(path), text)
        self.loaded_text = text
        return True


def source_key(path: str, content: str) -> str | None:
    """A source's name in the file: its path relative to the content folder (None: outside)."""
    relative = os.path.relpath(os.path.abspath(path), content)
    if relative == ".." or relative.startswith(".." + os.sep) or os.path.isabs(relative):
        return None
    return PurePath(relative).as_posix()


def _outside(path: str, content: str) -> str:
    return (
        f"{display_path(path)} : hors du dossier du contenu ({display_path(content)}), "
        "ses fautes ne peuvent pas être enregistrées comme connues"
    )


def check_inside(paths: Iterable[str], content: str) -> None:
    """Refuse (:class:`BaselineError`) a source outside the content folder."""
    for path in paths:
        if source_key(path, content) is None:
            raise BaselineError(_outside(path, content))


def required_file(settings: dict, root: str | None = None) -> str:
    """The known mistakes file to record into (:class:`BaselineError` when none is set)."""
    file = baseline_file(settings, root)
    if not file:
        raise BaselineError("PROOFREAD_BASELINE est vide : pas de fichier des fautes connues")
    return file


def _inside(key: str, folder: str) -> bool:
    return folder == "." or key == folder or key.startswith(folder + "/")


def store(
    file: str, content: str, results: dict[str, list[Finding]], scope: Iterable[str] = ()
) -> Update:
    """Keep every real finding of ``results`` as known in ``file`` (see :meth:`Baseline.update`)."""
    baseline = Baseline.load(file)
    update = baseline.update(results, content, scope)
    return replace(update, written=baseline.save(file))


def record(settings: dict, sources: Iterable[Path]) -> int:
    """Record every blocking finding of ``sources`` as a known mistake; how many.

    For importers of old posts: the sources are proofread as the build proofreads them
    (same options, same dictionaries, same cache) and their current findings replace
    their previous entries in the known mistakes file (``PROOFREAD_BASELINE``, relative
    to ``PATH``). The file is written only when its text changes, atomically. A second
    call on unchanged sources writes nothing.

    ``settings`` are the Pelican settings (``pelican.settings.read_settings``); sources
    must be inside ``PATH``, else :class:`BaselineError` says so in French.
    """
    from .checker import Proofreader  # the dictionaries: only when recording

    file = required_file(settings)
    content = content_dir(settings)
    paths = [os.path.abspath(source) for source in sources]
    check_inside(paths, content)
    proofreader = Proofreader(options_from(settings))
    try:
        results = proofreader.check_files(paths)
    finally:
        proofreader.close()
    return store(file, content, results).recorded
