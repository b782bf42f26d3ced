"""The self-check syntax of a lesson: questions written in the Markdown itself.

A self-check is a fenced block whose info string is ``autoevaluation``; in plain
Markdown it reads as a short code block, so the source stays readable anywhere::

    ```autoevaluation
    ? Quelle est la première mission d’un community manager ?
    - [ ] Publier le plus souvent possible
    - [x] Rassembler des personnes autour d’intérêts communs
    Explication : une communauté naît d’intérêts partagés.

    ? Un community manager travaille uniquement en ligne.
    Réponse : faux
    Explication : les rencontres hors ligne font partie du métier.
    ```

``parse`` reads those blocks from the raw source, with line numbers;
``strip_blocks`` removes them from the HTML that Markdown rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cmcore.french import NBSP, quoted
from cmcore.problems import Problem

from .model import CHOICE, TRUE_FALSE, Choice, Question

FENCE_NAME = "autoevaluation"
TRUE, FALSE = "Vrai", "Faux"

_OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*\{?\.?" + FENCE_NAME + r"\}?[ \t]*$")
_QUESTION = re.compile(r"^\?\s*(?P<text>.*)$")
_CHOICE = re.compile(r"^[-*+]\s+\[(?P<mark>[ xX])\]\s*(?P<text>.*)$")
_ANSWER = re.compile(r"^R[ée]ponse\s*:\s*(?P<value>.*)$", re.I)
_EXPLANATION = re.compile(r"^Explication\s*:\s*(?P<text>.*)$", re.I)
_RENDERED = re.compile(r'<pre><code class="language-' + FENCE_NAME + r'">.*?</code></pre>\s*', re.S)


@dataclass
class _Draft:
    """A question being read: what was seen so far, and where."""

    line: int
    text: str
    choices: list[tuple[str, bool]] = field(default_factory=list)
    answer: str | None = None
    answer_line: int = 0
    explanation: list[str] = field(default_factory=list)


def parse(text: str, path: str) -> tuple[list[Question], list[Problem]]:
    """The questions of every self-check block in ``text``, and the problems found.

    A question with a problem is left out; the others are kept.
    """
    questions: list[Question] = []
    problems: list[Problem] = []
    lines = text.splitlines()
    number = 0
    while number < len(lines):
        opened = _OPEN.match(lines[number].strip())
        number += 1
        if not opened:
            continue
        fence, start = opened["fence"], number
        body: list[tuple[int, str]] = []
        while number < len(lines) and not _closes(lines[number], fence):
            body.append((number + 1, lines[number]))
            number += 1
        if number >= len(lines):
            problems.append(
                Problem(
                    path,
                    start,
                    f"bloc d’autoévaluation jamais fermé{NBSP}; terminez-le par une ligne "
                    f"{quoted(fence)}",
                )
            )
        number += 1
        found, wrong = _parse_block(body, path)
        questions.extend(found)
        problems.extend(wrong)
    return questions, problems


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0])


def _parse_block(body: list[tuple[int, str]], path: str) -> tuple[list[Question], list[Problem]]:
    questions: list[Question] = []
    problems: list[Problem] = []
    draft: _Draft | None = None
    # What a line without a marker continues: the question or its explanation.
    continues: str | None = None

    def finish() -> None:
        if draft is None:
            return
        question, problem = _build(draft, path)
        if question:
            questions.append(question)
        if problem:
            problems.append(problem)

    for line_no, raw in body:
        line = raw.strip()
        if not line:
            continues = None
            continue
        if match := _QUESTION.match(line):
            finish()
            draft, continues = _Draft(line_no, match["text"].strip()), "question"
        elif draft is None:
            problems.append(_not_understood(path, line_no, line))
        elif match := _CHOICE.match(line):
            draft.choices.append((match["text"].strip(), match["mark"] != " "))
            continues = None
        elif match := _ANSWER.match(line):
            draft.answer, draft.answer_line = match["value"].strip(), line_no
            continues = None
        elif match := _EXPLANATION.match(line):
            draft.explanation.append(match["text"].strip())
            continues = "explanation"
        elif continues == "question":
            draft.text = f"{draft.text} {line}"
        elif continues == "explanation":
            draft.explanation.append(line)
        else:
            problems.append(_not_understood(path, line_no, line))
    finish()
    return questions, problems


def _not_understood(path: str, line_no: int, line: str) -> Problem:
    return Problem(
        path,
        line_no,
        f"ligne {quoted(line)} incomprise dans l’autoévaluation{NBSP}; commencez-la par "
        f"{quoted('?')} (question), {quoted('- [ ]')} ou {quoted('- [x]')} (proposition), "
        f"{quoted('Réponse :')} ou {quoted('Explication :')}",
    )


def _build(draft: _Draft, path: str) -> tuple[Question | None, Problem | None]:
    """The finished question, or the problem that keeps it out."""

    def refuse(message: str, line: int = 0) -> tuple[None, Problem]:
        return None, Problem(path, line or draft.line, message)

    if not draft.text:
        return refuse(f"question vide{NBSP}; écrivez-la après le {quoted('?')}")
    if draft.choices and draft.answer is not None:
        return refuse(
            f"question à la fois à choix multiple et vrai ou faux{NBSP}; gardez soit les "
            f"propositions, soit la ligne {quoted('Réponse :')}",
            draft.answer_line,
        )
    if draft.answer is not None:
        value = draft.answer.casefold().rstrip(".")
        if value not in ("vrai", "faux"):
            return refuse(
                f"réponse {quoted(draft.answer)} inconnue{NBSP}; écrivez "
                f"{quoted('Réponse : vrai')} ou {quoted('Réponse : faux')}",
                draft.answer_line,
            )
        kind = TRUE_FALSE
        choices = (Choice(TRUE, value == "vrai"), Choice(FALSE, value == "faux"))
    elif draft.choices:
        kind = CHOICE
        choices = tuple(Choice(text, correct) for text, correct in draft.choices)
        right = sum(choice.correct for choice in choices)
        if len(choices) < 2:
            return refuse(f"une seule proposition{NBSP}; ajoutez-en au moins une autre")
        if right == 0:
            return refuse(f"question sans bonne réponse{NBSP}; cochez-en une avec [x]")
        if right > 1:
            return refuse(f"plusieurs bonnes réponses{NBSP}; n’en cochez qu’une avec [x]")
        if any(not choice.text for choice in choices):
            return refuse(f"proposition vide{NBSP}; écrivez-la après [ ] ou [x]")
    else:
        return refuse(
            f"question sans bonne réponse{NBSP}; ajoutez des propositions dont une cochée "
            f"avec [x], ou une ligne {quoted('Réponse : vrai')} ou {quoted('Réponse : faux')}"
        )
    explanation = " ".join(part for part in draft.explanation if part)
    if not explanation:
        return refuse(
            f"question sans explication{NBSP}; ajoutez une ligne "
            f"{quoted('Explication : …')} qui dit pourquoi"
        )
    return Question(kind, draft.text, choices, explanation, draft.line), None


def strip_blocks(content_html: str) -> str:
    """The lesson's HTML without the self-check blocks (the template renders them as a form)."""
    return _RENDERED.sub("", content_html)
