"""Incremental builds: after any edit, the output is byte for byte that of a clean build."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import build_site, copy_content

FAST = {"SEARCH_INDEX": False, "PROOFREAD_GRAMMAR": False, "EVENTS_TODAY": "2026-11-24"}


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def assert_same_as_clean(tmp_path: Path, content: Path, incremental: Path, step: str) -> None:
    clean = tmp_path / f"clean-{step}"
    build_site(clean, content=content, INCREMENTAL=False, LOAD_CONTENT_CACHE=False, **FAST)
    expected, found = tree(clean / "output"), tree(incremental)
    assert sorted(found) == sorted(expected), (step, set(found) ^ set(expected))
    different = [name for name in expected if expected[name] != found[name]]
    assert different == [], (step, different)


def incremental_build(tmp_path: Path, content: Path, **overrides):
    return build_site(tmp_path / "inc", content=content, **{**FAST, **overrides})


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    # Make sure the change is seen even on a coarse file-system clock.
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path)


def test_a_second_build_renders_nothing_and_matches_a_clean_build(tmp_path, content, caplog):
    first = incremental_build(tmp_path, content)
    state_file = Path(first.settings["CACHE_PATH"]) / "incremental.json"
    assert state_file.is_file()
    # Pages, and the calendars and the feed the events plugin writes itself.
    written = ("*.html", "*.ics", "evenements.atom.xml")
    before = {p: p.stat().st_mtime_ns for kind in written for p in first.output.rglob(kind)}
    assert any(p.suffix == ".ics" for p in before)
    assert any(p.name == "evenements.atom.xml" for p in before)
    with caplog.at_level("INFO", logger="incremental.incremental"):
        incremental_build(tmp_path, content)
    assert "0 pages rendues" in caplog.text
    after = {p: p.stat().st_mtime_ns for kind in written for p in first.output.rglob(kind)}
    assert after == before  # not one file written again
    assert_same_as_clean(tmp_path, content, first.output, "rien")


def test_edits_additions_deletions_and_renames_match_clean_builds(tmp_path, content, caplog):
    site = incremental_build(tmp_path, content)
    veille = content / "conseils" / "veille.md"
    steps = [
        ("corps", lambda: edit(veille, "La veille est", "La veille reste")),
        (
            "titre",
            lambda: edit(veille, "Title: Organiser sa veille", "Title: Organiser enfin sa veille"),
        ),
        ("étiquette", lambda: edit(veille, "Tags: ", "Tags: nouveauté, ")),
        # Three articles link to this guide with {filename}: its new address is theirs.
        (
            "adresse d’un article lié",
            lambda: edit(
                content / "guides" / "rapport-mensuel.md",
                "Title: Construire un rapport mensuel utile",
                "Title: Construire un rapport mensuel vraiment utile",
            ),
        ),
        (
            "ajout",
            lambda: (content / "guides" / "nouveau.md").write_text(
                "Title: Un nouveau guide\nDate: 2026-11-01 10:00\nTags: veille\n"
                "Author: Koffi Mensah\nSummary: Un guide tout neuf.\n\nUn texte court et juste.\n",
                encoding="utf-8",
            ),
        ),
        (
            "renommage",
            lambda: (content / "guides" / "nouveau.md").rename(content / "guides" / "neuf.md"),
        ),
        ("suppression", lambda: (content / "guides" / "neuf.md").unlink()),
        ("article supprimé", lambda: veille.unlink()),
        (
            "leçon",
            lambda: edit(
                next((content / "formations").rglob("01-*.md")),
                "On confond souvent",
                "On confond encore souvent",
            ),
        ),
        # Data files (events, comments) change every page's inputs at once; what goes
        # away in the same build must still go away.
        (
            "données et suppression",
            lambda: (
                edit(next((content / "evenements").glob("*.md")), "Title: ", "Title: Nouveau : "),
                next((content / "interviews").glob("*.md")).unlink(),
            ),
        ),
    ]
    for step, change in steps:
        change()
        caplog.clear()
        with caplog.at_level("INFO", logger="incremental.incremental"):
            incremental_build(tmp_path, content)
        assert_same_as_clean(tmp_path, content, site.output, step)


def test_a_file_damaged_by_hand_in_the_output_is_rendered_again(tmp_path, content):
    site = incremental_build(tmp_path, content)
    home = site.output / "index.html"
    home.write_text("abîmé", encoding="utf-8")
    incremental_build(tmp_path, content)
    assert "<!DOCTYPE html>" in home.read_text(encoding="utf-8")


def test_a_calendar_damaged_by_hand_is_written_again(tmp_path, content):
    site = incremental_build(tmp_path, content)
    calendar = next((site.output / "evenements").rglob("*.ics"))
    calendar.write_text("abîmé", encoding="utf-8")
    incremental_build(tmp_path, content)
    assert calendar.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_a_damaged_table_of_template_variables_changes_nothing(tmp_path, content):
    site = incremental_build(tmp_path, content)
    table = Path(site.settings["CACHE_PATH"]) / "incremental-templates.json"
    assert table.is_file()  # kept between builds: templates are not parsed at every build
    table.write_text('{"abîmé": [[1], 2]', encoding="utf-8")
    edit(content / "conseils" / "veille.md", "La veille est", "La veille reste")
    incremental_build(tmp_path, content)
    assert_same_as_clean(tmp_path, content, site.output, "table abîmée")


def test_files_the_author_put_in_the_output_are_never_removed(tmp_path, content):
    site = incremental_build(tmp_path, content)
    mine = site.output / "CNAME"
    mine.write_text("carnet.example.org\n", encoding="utf-8")
    incremental_build(tmp_path, content)
    incremental_build(tmp_path, content)
    assert mine.read_text(encoding="utf-8") == "carnet.example.org\n"
    shutil.rmtree(tmp_path / "inc")


def test_an_added_article_renders_the_pages_it_appears_on_not_the_others(tmp_path, content):
    """A new article changes its listings, its neighbours and the articles that now list
    it as related; not the pages of another category, nor an article whose links point
    elsewhere, nor the listing pages whose articles only gained a related post."""
    site = incremental_build(tmp_path, content)
    untouched = [
        site.output / "categorie" / "interviews" / "index.html",  # another category
        site.output / "rediger-une-charte-de-moderation" / "index.html",  # links elsewhere
    ]
    assert all(page.is_file() for page in untouched)
    before = {page: page.stat().st_mtime_ns for page in untouched}
    (content / "guides" / "nouveau.md").write_text(
        "Title: Un nouveau guide\nDate: 2027-01-01 10:00\nTags: nouveauté\n"
        "Author: Koffi Mensah\nSummary: Un guide tout neuf.\n\nUn texte court et juste.\n",
        encoding="utf-8",
    )
    incremental_build(tmp_path, content)
    assert {page: page.stat().st_mtime_ns for page in untouched} == before
    assert (site.output / "un-nouveau-guide" / "index.html").is_file()
    assert_same_as_clean(tmp_path, content, site.output, "ajout")
