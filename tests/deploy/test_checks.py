"""The gates look at the published site as served from a loopback port."""

from __future__ import annotations

from deploy.checks import local_view


def test_the_gates_view_links_to_the_site_itself_and_leaves_the_rest(tmp_path):
    output = tmp_path / "output"
    (output / "a").mkdir(parents=True)
    page = '<a href="https://carnet.example.org/a/">A</a> <a href="https://ailleurs.example/">B</a>'
    (output / "index.html").write_text(page, encoding="utf-8")
    (output / "index.html.gz").write_bytes(b"old")
    (output / "a" / "index.html").write_text("<p>A</p>", encoding="utf-8")
    (output / "style.css").write_text("/* https://carnet.example.org */", encoding="utf-8")
    view = local_view(output, "https://carnet.example.org/", tmp_path / "vue")
    assert (view / "index.html").read_text(encoding="utf-8") == (
        '<a href="/a/">A</a> <a href="https://ailleurs.example/">B</a>'
    )
    assert not (view / "index.html.gz").exists()
    assert (view / "style.css").samefile(output / "style.css")  # a hard link, not a copy
    assert (output / "index.html").read_text(encoding="utf-8") == page  # the build untouched
