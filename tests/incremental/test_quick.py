"""The dev server's quick pages: the saved article's page first, the whole build after."""

from __future__ import annotations

from bs4 import BeautifulSoup

from incremental import quick
from tests.conftest import build_site, copy_content
from tests.incremental.test_identity import FAST, assert_same_as_clean, tree

ARTICLE = "conseils/trolls.md"
PAGE = "repondre-a-un-troll-sans-perdre-son-calme/index.html"
QUICK = {**FAST, "INCREMENTAL_QUICK_PAGES": True}


def _save(content, text: str, before: str = "") -> str:
    source = content / ARTICLE
    old = source.read_text(encoding="utf-8")
    new = old.replace(before, text, 1) if before else old.rstrip("\n") + f"\n\n{text}\n"
    source.write_text(new, encoding="utf-8")
    return str(source)


def test_the_saved_article_page_is_written_alone_then_the_build_makes_it_whole(tmp_path):
    content = copy_content(tmp_path)
    output = tmp_path / "output"
    build_site(tmp_path, content, **QUICK)
    before = tree(output)

    path = _save(content, "Une phrase ajoutée pendant la relecture.")
    written = quick.render([path, str(content / "pages" / "absent.md")])

    assert written == [str(output / PAGE)]
    after = tree(output)
    # That page alone, with the new text, in the site's own template.
    assert [name for name in after if after[name] != before[name]] == [PAGE]
    html = BeautifulSoup(after[PAGE], "html.parser")
    assert "Une phrase ajoutée pendant la relecture." in html.get_text()
    assert html.find("nav") is not None and html.find("footer") is not None

    # The whole build then leaves the output a clean build's, byte for byte.
    build_site(tmp_path, content, **QUICK)
    assert_same_as_clean(tmp_path, content, output, "rapide")


def test_what_may_touch_other_pages_waits_for_the_build(tmp_path):
    content = copy_content(tmp_path)
    output = tmp_path / "output"
    build_site(tmp_path, content, **QUICK)
    before = tree(output)

    # A new URL (another slug): the old page would stay behind, the new one be alone.
    moved = _save(content, "Slug: un-autre-titre\nTitle:", before="Title:")
    assert quick.render([moved]) == []
    # A new article: not in the last build.
    added = content / "conseils" / "nouveau.md"
    added.write_text("Title: Nouveau\nDate: 2026-11-30 10:00\n\nUn texte.\n", encoding="utf-8")
    assert quick.render([str(added)]) == []
    assert tree(output) == before


def test_a_build_from_the_command_line_keeps_nothing(tmp_path):
    content = copy_content(tmp_path)
    build_site(tmp_path, content, **FAST)
    path = _save(content, "Une phrase ajoutée.")
    assert quick.render([path]) == []
