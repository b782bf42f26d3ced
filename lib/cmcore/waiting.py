"""Programs that start once the build's process has ended, its memory given back first.

Work that follows a build (the search index, a long grammar pass) runs in a process of
its own, started with the build but waiting: a shell reads one line from its standard
input, a pipe whose other end only the build holds (:func:`hold` keeps it open). The
build says :data:`GO` to have it start at once (a process that lives on, the dev server,
calls :func:`start_all` after each build; a strict build waits for its grammar pass), or
lets the pipe close by ending. A pipe closes while the interpreter winds down, its memory
still held (ten thousand articles' objects); so on the pipe's end the shell also waits, a
second at most, for the build's process to be gone before it starts the work: the
machine's peak of memory is then the larger of the two, not their sum.
"""

from __future__ import annotations

import contextlib

# What the build writes for the work to start at once.
GO = "allez"
# The shell's own number is $$; /proc/$$/stat gives its parent's (4th field, the name
# "(sh)" has no space): the build's until the build is gone. 100 times 10 ms at most.
_SCRIPT = (
    "IFS= read -r said; "
    f'[ "$said" = {GO} ] || {{ n=0; while [ $n -lt 100 ] && read -r _ _ _ parent _ '
    '</proc/$$/stat && [ "$parent" = "$PPID" ]; do sleep 0.01; n=$((n+1)); done; }; '
    'exec "$0" "$@"'
)


def after_build(command: list[str]) -> list[str]:
    """``command`` run by a shell that waits for the build's GO or end (see above); give
    the process a pipe as standard input and keep its other end."""
    return ["sh", "-c", _SCRIPT, *command]


# The processes waiting for this one's end, their pipes kept open (a closed pipe, or a
# process object collected, would start them).
_HELD: list = []


def hold(process) -> None:
    """Keep ``process`` (started with :func:`after_build`, its stdin a pipe) waiting until
    this process ends or calls :func:`start_all`."""
    _HELD.append(process)


def start_all() -> None:
    """Let every work held for this process start now: it lives on (the dev server)."""
    while _HELD:
        process = _HELD.pop()
        with contextlib.suppress(OSError, ValueError):
            process.stdin.write(f"{GO}\n".encode())
            process.stdin.flush()
        with contextlib.suppress(OSError, ValueError):
            process.stdin.close()
