"""Quality gates: the sample site passes them all, and each gate catches what it is for."""

from __future__ import annotations

import pytest

from quality import browser as in_browser
from quality.gates import run_gates
from quality.links import check_links
from quality.pages import ALL_TYPES, representatives
from quality.serve import serve_folder
from quality.validity import check_html

pytestmark = pytest.mark.browser


def test_sample_site_passes_every_gate_on_every_page_type(sample_site, browser):
    results = run_gates(sample_site.output, required=ALL_TYPES, browser=browser)
    report = "\n".join(line for r in results for line in r.lines())
    assert all(r.ok for r in results), report
    assert set(representatives(sample_site.output)) == set(ALL_TYPES)


GOOD = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Bien</title></head>
<body><nav class="site-nav"><a href="/">Accueil</a></nav>
<main><h1>Une page correcte</h1>
<p id="ici" style="font-size:18px">Un texte lisible et assez long.</p>
<a href="#ici">Lien interne</a></main></body></html>"""

BAD = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Mal</title>
<script src="https://cdn.example.com/tracker.js"></script></head>
<body><nav class="site-nav"><a href="/">Accueil</a></nav>
<main><h1>Une page fautive</h1><p style="font-size:12px">Petit texte.</p>
<img src="/photo.png"><div style="width:900px">Trop large</div>
<a href="/absent/">Lien cassé</a><a href="#nulle-part">Ancre absente</a>
<p><div>Un bloc dans un paragraphe</div></p>
<script>throw new Error("boum")</script></main></body></html>"""


@pytest.fixture(scope="module")
def faulty_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("faulty")
    (output / "index.html").write_text(GOOD, encoding="utf-8")
    (output / "mal").mkdir()
    (output / "mal" / "index.html").write_text(BAD, encoding="utf-8")
    (output / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return output


def details(result):
    return [f"{f.page} {f.detail}" for f in result.failures]


def test_links_gate_catches_broken_links_and_anchors(faulty_site):
    result, external = check_links(faulty_site)
    assert details(result) == [
        "/mal/ lien cassé vers /absent/",
        "/mal/ ancre absente : #nulle-part",
    ]
    assert external == ["https://cdn.example.com/tracker.js"]


def test_validity_gate_catches_invalid_html(faulty_site):
    result = check_html(faulty_site)
    assert result.failures and all(f.page.startswith("/mal/") for f in result.failures)


def test_browser_gates_catch_each_fault(faulty_site, browser):
    pages = {"accueil": "/", "article": "/mal/"}
    with serve_folder(faulty_site) as base:
        axe = in_browser.check_accessibility(browser, base, pages)
        hosts, console = in_browser.check_requests_and_console(browser, base, pages)
        mobile = in_browser.check_mobile(browser, base, pages)
    assert any("image-alt" in d for d in details(axe)) and all("/mal/" in d for d in details(axe))
    assert details(hosts) == ["/mal/ (article) requête vers https://cdn.example.com/tracker.js"]
    assert any("boum" in d for d in details(console))
    assert any("défilement horizontal" in d for d in details(mobile))
    assert any("texte de 12 px" in d for d in details(mobile))
    assert all("/mal/" in d for d in details(mobile))


def test_budget_gate_weighs_what_the_page_loads(faulty_site, browser):
    heavy = faulty_site / "lourd"
    heavy.mkdir()
    noise = "".join(f"<p>{i * 7919 % 104729:x}{i * 31337:x}</p>" for i in range(20000))
    (heavy / "index.html").write_text(GOOD.replace("</main>", noise + "</main>"), encoding="utf-8")
    with serve_folder(faulty_site) as base:
        light = in_browser.check_article_budget(browser, base, "/")
        too_heavy = in_browser.check_article_budget(browser, base, "/lourd/")
    assert light.ok
    assert not too_heavy.ok and "au-delà de 30 Ko" in too_heavy.failures[0].detail
