"""Every internal link and image of the built site resolves, anchors included."""

from __future__ import annotations

from pathlib import Path

from quality.links import check_links
from tests.conftest import ROOT, build_site


def broken_links(output: Path) -> list[str]:
    """``page : what is wrong`` for each internal href/src that points at nothing."""
    result, _external = check_links(output)
    return [f"{failure.page} : {failure.detail}" for failure in result.failures]


def test_sample_site_has_no_broken_internal_link(sample_site):
    assert broken_links(sample_site.output) == []


def test_test_site_has_no_broken_internal_link(tmp_path):
    site = build_site(tmp_path, content=ROOT / "tests" / "data" / "blog" / "site")
    assert broken_links(site.output) == []


def test_the_checker_sees_a_broken_link_and_a_missing_anchor(tmp_path):
    (tmp_path / "index.html").write_text(
        '<a href="/absent/">x</a><a href="#nulle-part">y</a><p id="ici"></p><a href="#ici">z</a>'
    )
    assert broken_links(tmp_path) == [
        "/ : lien cassé vers /absent/",
        "/ : ancre absente : #nulle-part",
    ]
