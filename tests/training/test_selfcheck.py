"""The self-check syntax: questions, answers and explanations written in the Markdown."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from training.model import CHOICE, TRUE_FALSE
from training.selfcheck import parse, strip_blocks

NBSP = "\u00a0"
PATH = "content/formations/cours/01-lecon.md"

GOOD = """Title: Une leçon

Du texte avant.

```autoevaluation
? Quelle est la première mission ?
- [ ] Publier
- [x] Rassembler
- [ ] Vendre
Explication : une communauté naît
d’intérêts partagés.

? Le métier s’arrête à l’écran.
Réponse : faux
Explication : il y a aussi des rencontres.
```

Du texte après.
"""


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


def test_reads_multiple_choice_and_true_false_questions_with_their_lines():
    questions, problems = parse(GOOD, PATH)
    assert problems == []
    first, second = questions
    assert first.kind == CHOICE and first.line == 6
    assert first.text == "Quelle est la première mission ?"
    assert [c.text for c in first.choices] == ["Publier", "Rassembler", "Vendre"]
    assert first.answer == 1 and first.answer_text == "Rassembler"
    assert first.explanation == "une communauté naît d’intérêts partagés."
    assert second.kind == TRUE_FALSE and second.line == 13
    assert [c.text for c in second.choices] == ["Vrai", "Faux"]
    assert second.answer_text == "Faux"


def test_no_break_spaces_and_tildes_are_accepted():
    text = f"~~~autoevaluation\n? Vrai{NBSP}?\nRéponse{NBSP}: Vrai\nExplication{NBSP}: oui.\n~~~\n"
    (question,), problems = parse(text, PATH)
    assert problems == []
    assert question.answer_text == "Vrai" and question.explanation == "oui."


def block(*lines: str) -> str:
    return "Title: T\n\n```autoevaluation\n" + "\n".join(lines) + "\n```\n"


def messages(text: str) -> list[str]:
    return [f"{p.line} : {plain(p.message)}" for p in parse(text, PATH)[1]]


def test_question_without_right_answer_is_left_out_and_named_by_its_line():
    text = block(
        "? Bonne question ?",
        "- [x] Oui",
        "- [ ] Non",
        "Explication : voilà.",
        "",
        "? Sans bonne réponse ?",
        "- [ ] A",
        "- [ ] B",
        "Explication : aucune.",
    )
    questions, problems = parse(text, PATH)
    assert [q.text for q in questions] == ["Bonne question ?"]
    assert [(p.path, p.line) for p in problems] == [(PATH, 9)]
    assert plain(problems[0].message) == "question sans bonne réponse ; cochez-en une avec [x]"


def test_each_mistake_gets_its_own_french_message():
    assert messages(block("? Q ?", "- [x] A", "- [x] B", "Explication : e.")) == [
        "4 : plusieurs bonnes réponses ; n’en cochez qu’une avec [x]"
    ]
    assert messages(block("? Q ?", "- [x] A", "Explication : e.")) == [
        "4 : une seule proposition ; ajoutez-en au moins une autre"
    ]
    assert messages(block("? Q ?", "Réponse : peut-être", "Explication : e.")) == [
        "5 : réponse « peut-être » inconnue ; écrivez « Réponse : vrai » ou « Réponse : faux »"
    ]
    assert messages(block("? Q ?", "Réponse : vrai")) == [
        "4 : question sans explication ; ajoutez une ligne « Explication : … » qui dit pourquoi"
    ]
    assert messages(block("? Q ?", "Explication : e.")) == [
        "4 : question sans bonne réponse ; ajoutez des propositions dont une cochée avec [x], "
        "ou une ligne « Réponse : vrai » ou « Réponse : faux »"
    ]
    (stray,) = messages(block("Bonjour", "? Q ?", "Réponse : vrai", "Explication : e."))
    assert stray.startswith("4 : ligne « Bonjour » incomprise dans l’autoévaluation ;")


def test_unclosed_block_is_reported_at_its_opening_line():
    text = "Title: T\n\n```autoevaluation\n? Q ?\nRéponse : vrai\nExplication : e.\n"
    questions, problems = parse(text, PATH)
    assert len(questions) == 1
    assert [(p.line, plain(p.message)) for p in problems] == [
        (3, "bloc d’autoévaluation jamais fermé ; terminez-le par une ligne « ``` »")
    ]


def test_other_code_blocks_are_left_alone():
    text = "```python\n? not a question\n```\n"
    assert parse(text, PATH) == ([], [])


def test_rendered_blocks_are_removed_from_the_html_and_nothing_else():
    html = (
        "<p>Avant</p>\n"
        '<pre><code class="language-autoevaluation">? Q ?\n- [x] A\n</code></pre>\n'
        '<pre><code class="language-python">x = 1\n</code></pre>\n<p>Après</p>'
    )
    assert strip_blocks(html) == (
        '<p>Avant</p>\n<pre><code class="language-python">x = 1\n</code></pre>\n<p>Après</p>'
    )


# Question and answer texts as an author may write them: any printable text on one line.
line_text = (
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="`~"),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


@given(
    question=line_text,
    choices=st.lists(line_text, min_size=2, max_size=5),
    right=st.integers(min_value=0, max_value=4),
    explanation=line_text,
)
def test_any_well_formed_question_round_trips(question, choices, right, explanation):
    right %= len(choices)
    lines = [f"? {question}"]
    lines += [f"- [{'x' if i == right else ' '}] {text}" for i, text in enumerate(choices)]
    lines.append(f"Explication : {explanation}")
    (parsed,), problems = parse(block(*lines), PATH)
    assert problems == []
    assert parsed.text == question
    assert [c.text for c in parsed.choices] == choices
    assert parsed.answer == right
    assert parsed.explanation == explanation


@given(st.text(max_size=300))
def test_any_text_gives_questions_or_problems_never_an_exception(text):
    questions, problems = parse(text, PATH)
    for question in questions:
        assert question.line >= 1 and sum(c.correct for c in question.choices) == 1
    for problem in problems:
        assert problem.path == PATH and problem.line >= 1
