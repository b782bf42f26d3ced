"""The table of redirections: old addresses of the site, and where each one now leads.

The table is one plain UTF-8 CSV file, ``content/redirections.csv``, that the author edits
by hand and the WordPress importer appends to::

    # Anciennes adresses du blog WordPress
    ancienne,nouvelle
    /2019/06/mon-article/,{filename}/conseils/mon-article.md
    /?p=123,{filename}/conseils/mon-article.md
    /category/conseils/,/categorie/conseils/
    /feed/,/feeds/all.atom.xml
    /partenaire/,https://example.org/

Lines starting with ``#`` are comments and blank lines are ignored; the header line
``ancienne,nouvelle`` is the first other line. A header written ``ancienne;nouvelle`` (a
spreadsheet saved in French) makes ``;`` the separator of the whole file.

``ancienne`` is an old site-relative address: a path (``/2019/06/mon-article/``,
``/mon-article.html``) or a query address (``/?p=123``). It is normalised: a leading
slash is added, percent-encoding is kept (hex digits in capitals; spaces and other
characters are encoded), the trailing slash is kept as given, ``http://old-host/path?q``
is kept as ``/path?q`` and a ``#fragment`` is dropped. ``.`` and ``..`` segments are refused.

``nouvelle`` is one of: ``{filename}/conseils/mon-article.md`` (a content source relative to
the content folder, so the redirect follows a later change of the slug), a site path
starting with ``/`` (``/categorie/conseils/``), or an absolute ``http(s)://`` URL.

API for importers (this module imports nothing from Pelican)::

    from redirects import table

    redirections = table.load(Path("content/redirections.csv"))  # empty if the file is missing
    outcome = redirections.add("/2019/06/mon-article/", "{filename}/conseils/mon-article.md")
    # outcome: "added", "same" (already there with that target) or "conflict" (the old
    # address is there with another target: the author's line wins, nothing changes)
    redirections.save()  # True when it wrote the file

- ``load(path: Path) -> Table``: raises :class:`RedirectsError` listing every broken line
  as ``file:line : what is wrong ; what to do``, in French.
- ``Table.add(old: str, new: str) -> str``: raises :class:`RedirectsError` (without a line)
  when ``old`` or ``new`` cannot be read.
- ``Table.save() -> bool``: writes only when the text changed, atomically (a temporary file
  in the same folder, then ``os.replace``); the author's lines, comments and order are
  kept byte for byte and new lines go at the end. A file that changed on disk since
  ``load`` is not overwritten: :class:`RedirectsError`, load again and add again.
- ``Table.redirects``: the redirects, in file order (:class:`Redirect` records);
  ``Table.get(old)`` finds one by its old address, in any spelling ``add`` accepts.
"""

from __future__ import annotations

import codecs
import csv
import io
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import SplitResult, quote, urlsplit

from cmcore.files import write_atomically
from cmcore.french import NBSP, quoted
from cmcore.problems import ContentError, Problem

HEADER = ("ancienne", "nouvelle")
FILENAME = "{filename}"
ADDED, SAME, CONFLICT = "added", "same", "conflict"
# Written at the top of a table that the importer creates.
PREAMBLE = (
    "# Redirections des anciennes adresses du site (voir plugins/redirects/README.md).\n"
    "# ancienne\u00a0: chemin ou adresse à paramètres de l’ancien site"
    " (/2019/06/article/, /?p=123)\n"
    "# nouvelle\u00a0: {filename}/dossier/article.md, chemin du site (/categorie/conseils/)"
    " ou adresse http(s)://\n"
    "ancienne,nouvelle\n"
)

# Characters kept as they are in a path or query (RFC 3986), "%" for existing encodings.
_SAFE = "/?:@!$&'()*+,;=~-._%"
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_ENCODED = re.compile(r"%[0-9A-Fa-f]{2}")
_OLD_EXAMPLE = f"écrivez un chemin comme {quoted('/2019/06/mon-article/')} ou {quoted('/?p=123')}"
_NEW_EXAMPLE = (
    f"écrivez {quoted('{filename}/conseils/mon-article.md')}, un chemin du site commençant "
    f"par / ou une adresse http(s)://"
)


class RedirectsError(ContentError):
    """The table cannot be read (or an address given to ``add``); ``str()`` is for the author."""


@dataclass(frozen=True)
class Redirect:
    """One line of the table: a normalised old address, its target, its line in the file."""

    old: str
    new: str
    line: int

    @property
    def path(self) -> str:
        """The old address without its query: ``/2019/06/mon-article/``, ``/``."""
        return self.old.partition("?")[0]

    @property
    def query(self) -> str:
        """The old address's query without ``?`` (``p=123``), or ``""`` for a path."""
        return self.old.partition("?")[2]

    @property
    def source(self) -> str | None:
        """For a ``{filename}`` target, the source path relative to the content folder."""
        return self.new[len(FILENAME) + 1 :] if self.new.startswith(FILENAME) else None


def _encode(text: str) -> str:
    """Percent-encode what a URL cannot hold, keep existing encodings (hex in capitals)."""
    text = _LONE_PERCENT.sub("%25", text)
    text = quote(text, safe=_SAFE)
    return _ENCODED.sub(lambda match: match.group().upper(), text)


def _split(address: str, problem: str) -> SplitResult:
    try:
        return urlsplit(address)
    except ValueError:  # "http://[x/": Python's message would be in English
        raise ValueError(problem) from None


def _encode_with_fragment(text: str) -> str:
    address, hash_, fragment = text.partition("#")
    return _encode(address) + (f"#{_encode(fragment)}" if hash_ else "")


def normalise_old(text: str) -> str:
    """The old address as the table keeps it (``/path`` or ``/path?query``); ValueError
    with a French message when it cannot be one."""
    address = text.strip()
    if address.lower().startswith(("http://", "https://", "//")):
        parts = _split(
            address, f"ancienne adresse {quoted(address)} illisible{NBSP}; {_OLD_EXAMPLE}"
        )
        # One leading slash: a path "//x" read again would be taken for a host.
        path = "/" + parts.path.lstrip("/")
        address = path + (f"?{parts.query}" if parts.query else "")
    address = address.partition("#")[0]
    if not address.strip():
        raise ValueError(f"ancienne adresse vide{NBSP}; {_OLD_EXAMPLE}")
    if not address.startswith("/"):
        address = "/" + address
    path, _, query = address.partition("?")
    if any(segment in (".", "..") for segment in path.split("/")):
        raise ValueError(
            f"ancienne adresse {quoted(text.strip())} avec un segment «{NBSP}.{NBSP}» ou "
            f"«{NBSP}..{NBSP}»{NBSP}; {_OLD_EXAMPLE}"
        )
    return _encode(path) + (f"?{_encode(query)}" if query else "")


def normalise_new(text: str) -> str:
    """The target as the table keeps it; ValueError with a French message when unreadable."""
    target = text.strip()
    if target.startswith(FILENAME):
        source = target[len(FILENAME) :].strip().replace("\\", "/")
        parts = [part for part in source.split("/") if part not in ("", ".")]
        if not parts or ".." in parts:
            raise ValueError(
                f"nouvelle adresse {quoted(target)} sans source lisible{NBSP}; {_NEW_EXAMPLE}"
            )
        return f"{FILENAME}/{posixpath.join(*parts)}"
    if target.startswith("/") and not target.startswith("//"):
        return _encode_with_fragment(target)
    parts = _split(target, f"nouvelle adresse {quoted(target)} illisible{NBSP}; {_NEW_EXAMPLE}")
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        rest = target[len(f"{parts.scheme}://{parts.netloc}") :]
        return f"{parts.scheme.lower()}://{parts.netloc}{_encode_with_fragment(rest)}"
    raise ValueError(f"nouvelle adresse {quoted(target)} illisible{NBSP}; {_NEW_EXAMPLE}")


class Table:
    """The redirections of one file: the author's text as read, plus the lines added since."""

    def __init__(
        self,
        path: Path,
        text: str = "",
        redirects: list[Redirect] | None = None,
        delimiter: str = ",",
    ):
        self.path = Path(path)
        self._text = text  # as read; "" for a missing file
        self._delimiter = delimiter
        self._redirects = list(redirects or [])
        self._by_old = {redirect.old: redirect for redirect in self._redirects}
        self._added: list[Redirect] = []
        self._newline = "\r\n" if "\r\n" in text.partition("\n")[0] + "\n" else "\n"

    @property
    def redirects(self) -> list[Redirect]:
        """Every redirect, in file order (the added ones last)."""
        return [*self._redirects, *self._added]

    def __len__(self) -> int:
        return len(self._redirects) + len(self._added)

    def __iter__(self):
        return iter(self.redirects)

    def get(self, old: str) -> Redirect | None:
        """The redirect of the old address ``old`` (any spelling ``add`` accepts), or None."""
        try:
            return self._by_old.get(normalise_old(old))
        except ValueError:
            return None

    def add(self, old: str, new: str) -> str:
        """Add ``old → new``: "added", "same" (already there with that target) or "conflict"
        (``old`` is there with another target, which wins; nothing changes)."""
        try:
            old, new = normalise_old(old), normalise_new(new)
        except ValueError as error:
            raise RedirectsError(Problem(str(self.path), 0, str(error))) from None
        existing = self._by_old.get(old)
        if existing is not None:
            return SAME if existing.new == new else CONFLICT
        line = self._next_line()
        redirect = Redirect(old, new, line)
        self._added.append(redirect)
        self._by_old[old] = redirect
        return ADDED

    def _next_line(self) -> int:
        if self._added:
            return self._added[-1].line + 1
        before = self._text if self._text else PREAMBLE
        return before.count("\n") + (0 if before.endswith("\n") else 1) + 1

    def text(self) -> str:
        """The file's text as :meth:`save` would write it."""
        if not self._added:
            return self._text
        text = self._text or PREAMBLE.replace("\n", self._newline)
        if not text.endswith("\n"):
            text += self._newline
        lines = io.StringIO()
        writer = csv.writer(lines, delimiter=self._delimiter, lineterminator=self._newline)
        for redirect in self._added:
            writer.writerow([redirect.old, redirect.new])
        return text + lines.getvalue()

    def save(self) -> bool:
        """Write the file if its text changed (atomically); return whether it wrote."""
        text = self.text()
        if text == self._text:
            return False
        if _read_text(self.path) != self._text:
            raise RedirectsError(
                Problem(
                    str(self.path),
                    0,
                    f"le fichier a changé depuis sa lecture{NBSP}; rien n’a été écrit, "
                    f"relancez l’opération",
                )
            )
        write_atomically(self.path, text)
        self._text = text
        self._redirects.extend(self._added)
        self._added.clear()
        return True


def _read_text(path: Path) -> str:
    """The file's text ("" when missing), a UTF-8 byte order mark kept as U+FEFF."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise RedirectsError(
            Problem(
                str(path),
                line,
                f"texte illisible en UTF-8{NBSP}; enregistrez le fichier en UTF-8",
            )
        ) from None


def load(path: Path) -> Table:
    """The table in ``path`` (empty when the file is missing); :class:`RedirectsError` lists
    every broken line."""
    table, problems = read(path)
    if problems:
        raise RedirectsError(problems)
    return table


def read(path: Path) -> tuple[Table, list[Problem]]:
    """The table in ``path`` with its good lines, and one :class:`Problem` per broken line.

    For the build, which reports the broken lines and publishes the others.
    """
    path = Path(path)
    try:
        text = _read_text(path)
    except RedirectsError as error:
        return Table(path), error.problems
    redirects: list[Redirect] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    delimiter, first = ",", True
    body = text[1:] if text.startswith(codecs.BOM_UTF8.decode("utf-8")) else text
    for number, line in enumerate(body.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if first:
            first = False
            names = tuple(n.strip().strip('"').lower() for n in re.split("[,;]", stripped))
            if names == HEADER:
                delimiter = ";" if ";" in stripped else ","
                continue
        try:
            redirect = _redirect(_fields(line, delimiter), number)
        except ValueError as error:
            problems.append(Problem(str(path), number, str(error)))
            continue
        if redirect.old in seen:
            problems.append(
                Problem(
                    str(path),
                    number,
                    f"ancienne adresse {quoted(redirect.old)} déjà redirigée ligne "
                    f"{seen[redirect.old]}{NBSP}; gardez une seule de ces deux lignes",
                )
            )
            continue
        seen[redirect.old] = number
        redirects.append(redirect)
    return Table(path, text, redirects, delimiter), problems


def _fields(line: str, delimiter: str) -> list[str] | None:
    try:
        rows = list(csv.reader([line], delimiter=delimiter, strict=True))
    except csv.Error:
        return None
    if not rows:
        return None
    fields = rows[0]
    # Spreadsheets add empty columns at the end of every line.
    while len(fields) > 2 and not fields[-1].strip():
        fields.pop()
    return fields


def _redirect(fields: list[str] | None, number: int) -> Redirect:
    if fields is None or len(fields) != 2:
        raise ValueError(
            f"ligne illisible{NBSP}: il faut deux colonnes, "
            f"{quoted('ancienne,nouvelle')}{NBSP}; entourez de guillemets droits une adresse "
            f"qui contient une virgule"
        )
    return Redirect(normalise_old(fields[0]), normalise_new(fields[1]), number)
