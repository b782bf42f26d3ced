"""Writing a file so that a reader, or a crash, never sees half of it."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def write_atomically(
    path: Path | str, data: bytes | str, *, times_ns: tuple[int, int] | None = None
) -> None:
    """Write ``data`` (text as UTF-8, newlines as given) to ``path`` through a temporary
    file of the same folder, renamed over it: a reader (the build, the dev server, a web
    server) sees the old file or the new one, never a mix. An existing file keeps its
    permissions; a new one gets the umask's. ``times_ns``: its access and modification
    times, as ``os.utime`` takes them. Safe to call from several threads at once."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = None
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # Created as open() creates a file (0o666 less the umask), without reading the umask:
    # setting it to read it would be seen by threads writing beside this one.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        if mode is not None:
            os.chmod(temporary, mode)
        if times_ns:
            os.utime(temporary, ns=times_ns)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def same_as_last_build(writer: object, path: str, inputs: object) -> bool:
    """Whether the incremental build's ``writer`` says the last build wrote ``path`` (relative
    to the output) from the same ``inputs``: the file is then left as it is, and the build
    records it as its own. False with Pelican's own writer, which keeps no such memory."""
    check = getattr(writer, "same_as_last_build", None)
    return bool(check and check(path, inputs))
