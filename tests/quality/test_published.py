"""`invoke check` on a publish build: the gates look at the local files, never the network,
and a gate that cannot run is one French line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from quality.gates import run_gates
from quality.published import local_view, published_address
from tests.conftest import ROOT, plain, run_task

SITEURL = "https://carnet-cm.example.org"


@pytest.fixture(scope="module")
def publish_build(tmp_path_factory):
    """``make publish`` on the sample content, into a temporary folder."""
    folder = tmp_path_factory.mktemp("publication")
    built = run_task("publishconf.py", ROOT / "content", folder / "output", folder / "cache")
    assert built.returncode == 0, built.stderr
    return folder / "output"


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


def test_a_publish_build_is_told_from_a_development_one(publish_build, sample_site):
    assert published_address(publish_build) == SITEURL
    assert published_address(sample_site.output) == ""


@pytest.mark.browser
def test_invoke_check_on_a_publish_build_checks_the_local_files(publish_build):
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--output", str(publish_build)],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=600,
    )
    said = plain(done.stdout + done.stderr)
    assert "Traceback" not in said
    assert f"Version de production (liens vers {SITEURL}) : contrôlée sur ses fichiers." in said
    assert done.returncode == 0, said
    assert "Contrôle réussi" in said and "✓ poids d’un article" in said
    assert not any(p.name.endswith("-controle") for p in publish_build.parent.iterdir())


ARTICLE = f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title>
<meta property="og:type" content="article">
<link rel="stylesheet" href="{SITEURL}/theme/css/site.css"></head>
<body><main><h1>Un article</h1><div class="post-body"><p>Du texte.</p></div></main>
</body></html>"""


@pytest.mark.browser
def test_a_gate_that_cannot_run_is_one_french_line_naming_it(tmp_path, browser):
    # A page whose stylesheet lives at an address this machine cannot reach: the weight
    # gate cannot fetch it. The gate fails with its name and why; the others still run.
    (tmp_path / "article").mkdir()
    (tmp_path / "article" / "index.html").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "index.html").write_text(ARTICLE, encoding="utf-8")
    results = run_gates(tmp_path, browser=browser)
    weight = next(r for r in results if r.name == "poids d’un article")
    assert not weight.ok
    [line] = weight.lines()
    assert plain(line).startswith("✗ poids d’un article : le contrôle n’a pas pu s’exécuter (")
    assert "carnet-cm.example.org" in line and "\n" not in line
    assert any(r.name == "mobile 375 px" for r in results)
