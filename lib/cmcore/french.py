"""The small pieces of French every message and page shares: spaces, guillemets, plurals."""

from __future__ import annotations

NBSP = "\u00a0"  # no-break space: before « : », inside guillemets, between a number and its unit
NNBSP = "\u202f"  # narrow no-break space: between groups of digits, as in « 22 510 »


def quoted(text: str) -> str:
    """« text », with the no-break spaces French requires inside guillemets."""
    return f"«{NBSP}{text}{NBSP}»"


def plural(count: int, word: str, words: str | None = None, *, space: str = " ") -> str:
    """« 0 page », « 1 page », « 3 pages » (French: 0 and 1 take the singular).

    ``words`` is the plural when it is not ``word`` + « s » (« mis à jour »); ``space``
    goes between the number and the word (:data:`NBSP` where the line may wrap).
    """
    return f"{count}{space}{word if count < 2 else (words or word + 's')}"
