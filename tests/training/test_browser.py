"""A learner in Debian's chromium: quiz, score, progress kept, reset, keyboard only, axe."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site, serve_folder

pytestmark = pytest.mark.browser

NBSP = "\u00a0"
COURSE = "/formations/devenir-community-manager/"
STORAGE_KEY = "formation:devenir-community-manager"


def norm(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("training-browser")
    shutil.copytree(ROOT / "content" / "formations", tmp / "content" / "formations")
    site = build_site(tmp, content=tmp / "content")
    url, server = serve_folder(site.output)
    yield url
    server.shutdown()


def choose(page, question: int, choice: int) -> None:
    page.locator(f"label[for='q{question}-{choice}']").click()


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page, one line each (empty when there is none)."""
    # axe-core as bundled by axe-playwright-python; read here as UTF-8 because the
    # package reads it with the locale's encoding at import, which fails under LANG=C.
    package = importlib.util.find_spec("axe_playwright_python")
    page.evaluate((Path(package.origin).parent / "axe.min.js").read_text(encoding="utf-8"))
    violations = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
    )
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}" for v in violations]


def test_quiz_gives_a_score_keeps_progress_across_reloads_and_resets(page, base_url):
    page.goto(f"{base_url}{COURSE}moderer/")
    choose(page, 1, 1)  # right
    choose(page, 2, 1)  # wrong: the charter applies to everyone
    choose(page, 3, 0)  # right
    page.get_by_role("button", name="Vérifier mes réponses").click()
    result = page.locator("[data-training-result]")
    assert norm(result.inner_text()) == "Votre score : 2 sur 3."
    assert page.evaluate("document.activeElement.hasAttribute('data-training-result')")
    feedback = [norm(t) for t in page.locator("[data-feedback]").all_inner_texts()]
    assert feedback[0] == "Bonne réponse."
    assert feedback[1] == "Ce n’est pas la bonne réponse. La bonne réponse : « Vrai »."
    assert (
        page.locator("fieldset.question").nth(1).evaluate("f => f.classList.contains('is-wrong')")
    )
    assert page.locator("details.answer[open]").count() == 3

    # A better second attempt raises the best score.
    choose(page, 2, 0)
    page.get_by_role("button", name="Vérifier mes réponses").click()
    assert norm(result.inner_text()) == "Votre score : 3 sur 3."

    page.reload()
    done = page.locator("[data-training-done]")
    assert norm(done.inner_text()) == "Leçon terminée ; meilleur score : 3 sur 3."

    # A worse attempt keeps the best score.
    choose(page, 1, 0)
    page.get_by_role("button", name="Vérifier mes réponses").click()
    assert norm(result.inner_text()) == (
        "Votre score : 0 sur 3. Votre meilleur score reste 3 sur 3."
    )

    page.goto(f"{base_url}{COURSE}rediger/")
    choose(page, 1, 1)
    page.get_by_role("button", name="Vérifier mes réponses").click()

    page.goto(f"{base_url}{COURSE}")
    count = page.locator("[data-training-count]")
    assert page.locator("[data-training-progress]").is_visible()
    assert norm(count.inner_text()) == "2 leçons terminées sur 8."
    status = page.locator("li[data-training-lesson='moderer'] [data-training-status]")
    assert norm(status.inner_text()) == "Terminée, meilleur score : 3 sur 3"
    page.reload()
    assert norm(count.inner_text()) == "2 leçons terminées sur 8."
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{STORAGE_KEY}'))")
    assert stored == {
        "version": 1,
        "lessons": {
            "moderer": {"done": True, "best": 3, "total": 3},
            "rediger": {"done": True, "best": 1, "total": 2},
        },
    }

    page.get_by_role("button", name="Effacer ma progression").click()
    assert norm(count.inner_text()) == ("0 leçon terminée sur 8. Votre progression a été effacée.")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    page.reload()
    assert norm(count.inner_text()) == "0 leçon terminée sur 8."
    assert norm(status.inner_text()) == ""
    assert page.errors == []


def tab_to(page, script: str, limit: int = 80) -> None:
    """Press Tab until ``script`` (about ``document.activeElement``) is true."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {script})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached: {script}")


def focus_is_visible(page) -> bool:
    return page.evaluate(
        "(el => { const s = getComputedStyle(el);"
        " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; })"
        "(document.activeElement)"
    )


def test_a_lesson_can_be_completed_with_the_keyboard_alone(page, base_url):
    page.goto(f"{base_url}{COURSE}rediger/")
    tab_to(page, "el.name === 'q1'")
    assert focus_is_visible(page)
    page.keyboard.press("ArrowDown")  # second proposal, the right one
    tab_to(page, "el.tagName === 'SUMMARY'")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")  # open the explanation of question 1
    assert page.locator("fieldset.question").first.locator("details").get_attribute("open") == ""
    tab_to(page, "el.name === 'q2'")
    page.keyboard.press("Space")  # « Vrai », the right answer
    tab_to(page, "el.type === 'submit'")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    assert norm(page.locator("[data-training-result]").inner_text()) == ("Votre score : 2 sur 2.")
    tab_to(page, "el.rel === 'next'")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}{COURSE}animer/")
    assert norm(page.locator(".lesson-count").inner_text()) == "Leçon 5 sur 8"
    assert page.errors == []


def test_without_javascript_answers_stay_reachable_and_nothing_pretends(browser, base_url):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(f"{base_url}{COURSE}moderer/")
        assert not page.locator("[data-training-actions]").is_visible()
        summary = page.locator("details.answer summary").first
        summary.click()
        assert "Bonne réponse" in page.locator("details.answer").first.inner_text()
        page.goto(f"{base_url}{COURSE}")
        assert not page.locator("[data-training-progress]").is_visible()
    finally:
        context.close()


def test_axe_finds_no_violation_on_portal_course_and_lesson_pages(page, base_url):
    page.goto(f"{base_url}/formations/")
    assert axe_violations(page) == []
    page.goto(f"{base_url}{COURSE}")
    assert page.locator("[data-training-progress]").is_visible()
    assert axe_violations(page) == []
    page.goto(f"{base_url}{COURSE}moderer/")
    assert axe_violations(page) == []
    # After an attempt: feedback, open explanations, score.
    choose(page, 1, 0)
    page.get_by_role("button", name="Vérifier mes réponses").click()
    assert axe_violations(page) == []
    assert page.errors == []
