"""The sample course, built for real: pages, order, counters, links, skills map, form."""

from __future__ import annotations

import json
import logging
import re
import shutil

import pytest

from tests.conftest import ROOT, build_site

NBSP = "\u00a0"
COURSE = "/formations/devenir-community-manager/"
LESSONS = [
    "le-metier",
    "rassembler",
    "ecouter-et-veiller",
    "rediger",
    "animer",
    "moderer",
    "rencontres",
    "rendre-compte",
]


def norm(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    # Only the portal's sources: the test does not depend on the blog's content.
    tmp = tmp_path_factory.mktemp("training")
    shutil.copytree(ROOT / "content" / "formations", tmp / "content" / "formations")
    return build_site(tmp, content=tmp / "content")


def test_portal_lists_the_course_with_level_duration_and_number_of_lessons(site):
    page = site.html("/formations/")
    (card,) = page.select(".course-card")
    assert card.select_one("h2 a")["href"] == COURSE
    assert card.select_one("h2").text.strip() == "Devenir Community Manager"
    assert card.select_one(".course-level").text == "Débutant"
    assert card.select_one(".course-lessons").text == str(len(LESSONS))
    assert norm(card.select_one(".course-duration").text) == "3 h 35"
    assert page.select_one("link[rel=canonical]")["href"].endswith("/formations/")


def test_header_navigation_links_to_the_portal(site):
    links = [a["href"] for a in site.html("/formations/").select(".site-nav a")]
    assert "/formations/" in links


def test_course_page_has_the_syllabus_in_order(site):
    page = site.html(COURSE)
    items = page.select("ol.syllabus > li")
    assert [li["data-training-lesson"] for li in items] == LESSONS
    assert [li.a["href"] for li in items] == [f"{COURSE}{slug}/" for slug in LESSONS]
    assert page.select_one("h1").text == "Devenir Community Manager"
    assert [li.text for li in page.select(".prerequisites li")] == [
        "Utiliser au moins un réseau social au quotidien",
        "Écrire un texte court sans faute",
        "Aucune formation en marketing n’est nécessaire",
    ]
    # Progress is JavaScript's job: hidden until the script shows it.
    assert page.select_one("[data-training-progress]").has_attr("hidden")
    assert page.select_one("[data-training-reset]").name == "button"


def test_skills_map_says_which_lesson_trains_which_skill(site):
    page = site.html(COURSE)
    rows = {
        row["data-skill"]: (row.select("td")[0].text, [a.text for a in row.select("td a")])
        for row in page.select("table.skills-map tbody tr")
    }
    assert list(rows) == [
        "rédaction",
        "veille",
        "analyse",
        "écoute",
        "diplomatie",
        "curiosité",
        "créativité",
    ]
    kind, lessons = rows["diplomatie"]
    assert kind == "savoir-être"
    assert lessons == [
        "6. Modérer avec diplomatie",
        "7. Organiser des rencontres hors ligne",
    ]
    assert rows["veille"] == ("savoir-faire", ["3. Écouter sa communauté et faire de la veille"])
    # Every skill of the course is trained by at least one lesson.
    assert all(lessons for _, lessons in rows.values())


def test_each_lesson_says_where_it_is_and_links_its_neighbours(site):
    for number, slug in enumerate(LESSONS, start=1):
        page = site.html(f"{COURSE}{slug}/")
        assert page.select_one(".lesson-count").text == f"Leçon {number} sur {len(LESSONS)}"
        prev = page.select_one("a[rel=prev]")
        nxt = page.select_one("a[rel=next]")
        if number == 1:
            assert prev is None and page.select_one("link[rel=prev]") is None
        else:
            assert prev["href"] == f"{COURSE}{LESSONS[number - 2]}/"
            assert page.select_one("link[rel=prev]")["href"] == prev["href"]
        if number == len(LESSONS):
            assert nxt is None
        else:
            assert nxt["href"] == f"{COURSE}{LESSONS[number]}/"
        current = page.select(".course-outline a[aria-current=page]")
        assert [a["href"] for a in current] == [f"{COURSE}{slug}/"]
        crumbs = [norm(li.text) for li in page.select(".breadcrumb li")]
        assert crumbs[:3] == ["Accueil", "Formations", "Devenir Community Manager"]
        assert page.select_one(".breadcrumb [aria-current=page]").text == page.h1.text


def test_lesson_self_check_is_a_form_with_answers_in_details(site):
    page = site.html(f"{COURSE}moderer/")
    form = page.select_one("form.self-check-form")
    fieldsets = form.select("fieldset.question")
    assert len(fieldsets) == 3
    for fieldset in fieldsets:
        assert fieldset.legend.text.strip()
        radios = fieldset.select("input[type=radio]")
        assert len(radios) >= 2
        assert len({radio["name"] for radio in radios}) == 1
        for radio in radios:
            assert fieldset.select_one(f"label[for='{radio['id']}']") is not None
        details = fieldset.select_one("details")
        assert details.summary is not None
        answer = radios[int(fieldset["data-answer"])]
        right = fieldset.select_one(f"label[for='{answer['id']}']").text
        assert norm(details.text).count(f"Bonne réponse : {right}") == 1
        assert "Explication :" in norm(details.text)
    # True/false questions offer Vrai and Faux.
    labels = [label.text for label in fieldsets[1].select("label")]
    assert labels == ["Vrai", "Faux"]
    # The quiz source is not shown as a code block.
    assert "language-autoevaluation" not in site.text(f"{COURSE}moderer/")
    assert page.select_one(".post-body pre") is None
    assert page.select_one("[role=status][data-training-result]") is not None


def test_every_lesson_has_objectives_time_skills_and_a_self_check(site):
    for slug in LESSONS:
        page = site.html(f"{COURSE}{slug}/")
        assert len(page.select(".objectives li")) >= 2
        assert re.fullmatch(r"\d+ min", norm(page.select_one(".lesson-time").text))
        assert page.select_one(".lesson-skills").text
        assert 2 <= len(page.select("fieldset.question")) <= 4


def test_lesson_ends_with_the_feedback_question_and_loads_the_local_script(site):
    page = site.html(f"{COURSE}rediger/")
    feedback = page.select_one(".lesson-feedback h2")
    assert feedback.text == f"Cette leçon vous a-t-elle aidé{NBSP}?"
    scripts = page.select("script")
    assert [s.get("src") for s in scripts if s.get("src", "").endswith("training.js")] == [
        "/theme/js/training.js"
    ]
    # No inline script anywhere on the portal.
    for url in ("/formations/", COURSE, f"{COURSE}rediger/"):
        assert all(s.get("src") for s in site.html(url).select("script"))
    assert (site.output / "theme" / "js" / "training.js").exists()
    assert site.html("/formations/").select_one("script[src$='training.js']") is None


def test_lesson_feedback_is_followed_by_the_comment_block_of_the_lesson(site):
    page = site.html(f"{COURSE}moderer/")
    feedback = page.select_one(".lesson-feedback")
    comments = page.select_one("section.comments")
    assert comments is not None, "the comments plugin should render the lesson's thread"
    assert feedback.find_next("section", class_="comments") is comments


def test_a_lesson_shows_the_comments_filed_under_its_slug(tmp_path, caplog):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "formations", content / "formations")
    slug = "devenir-community-manager-moderer"
    comment = {
        "author": "Awa Traoré",
        "author_url": "",
        "date": "2026-11-02T10:00:00Z",
        "html": "<p>La gradation des sanctions m’a beaucoup aidée.</p>",
        "id": "exemple:lecon-1",
        "imported": "",
        "kind": "comment",
        "parent": None,
        "reason": "",
        "reviewed": True,
        "status": "approved",
        "thread": slug,
    }
    (content / "comments").mkdir()
    (content / "comments" / f"{slug}.json").write_text(
        json.dumps({"article": slug, "comments": [comment], "format": 1}), encoding="utf-8"
    )
    with caplog.at_level(logging.WARNING):
        built = build_site(tmp_path, content=content)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    thread = built.html(f"{COURSE}moderer/").select_one("section.comments")
    assert "La gradation des sanctions" in thread.text
    assert built.html(f"{COURSE}rediger/").select_one("section.comments li") is None


def test_portal_pages_are_in_the_sitemap(site):
    sitemap = site.text("/sitemap.xml")
    assert f"{COURSE}rendre-compte/" in sitemap
