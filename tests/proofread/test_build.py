"""Real Pelican builds: French typography in the HTML, and a strict build refusing a typo."""

from __future__ import annotations

import pytest

from cmcore.problems import ContentError
from tests.conftest import build_site, copy_content

ARTICLE = """Title: L'atelier du mois : modérer sans s'épuiser
Date: 2026-11-02 09:00
Author: Koffi Mensah
Summary: Pourquoi modérer ? Parce qu'une communauté "saine" se protège...

Bonjour ! Il faut répondre vite ; c'est essentiel: la confiance en dépend.

Elle a dit « merci » puis "bravo".

La commande `git log --format='%h: %s'; echo ok!` reste telle quelle.

```
print("l'heure : 10 ! ok ?")
```
"""


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory):
    # Paragraph findings do not depend on the file's path: builds of copies share them.
    return str(tmp_path_factory.mktemp("proofread-cache"))


def _site(tmp_path, cache, text, **overrides):
    content = copy_content(tmp_path)
    (content / "conseils" / "atelier.md").write_text(text, encoding="utf-8")
    # Grammar is covered by the corpus tests; here the build glue and the HTML matter.
    return build_site(
        tmp_path, content, PROOFREAD_CACHE_PATH=cache, PROOFREAD_GRAMMAR=False, **overrides
    )


def test_html_has_french_typography(tmp_path, shared_cache):
    site = _site(tmp_path, shared_cache, ARTICLE)
    page = site.text("/latelier-du-mois-moderer-sans-sepuiser/")
    assert "Bonjour\u202f!" in page
    assert "vite\u202f;" in page
    assert "essentiel\u00a0:" in page
    assert "«\u00a0merci\u00a0»" in page and "«\u00a0bravo\u00a0»" in page
    assert "c’est" in page and "L’atelier du mois\u00a0: modérer" in page
    assert "git log --format='%h: %s'; echo ok!" in page.replace("&#39;", "'")
    assert (
        "print(&quot;l'heure : 10 ! ok ?&quot;)" in page or 'print("l\'heure : 10 ! ok ?")' in page
    )
    assert "c'est" not in page.split("<code>")[0].split("<body")[1]


def test_strict_build_refuses_a_typo(tmp_path, shared_cache):
    with pytest.raises(ContentError) as error:
        _site(tmp_path, shared_cache, ARTICLE + "\nUne publiccation bâclée.\n", CONTENT_STRICT=True)
    assert "publiccation" in str(error.value)
    assert "atelier.md" in str(error.value)


def test_strict_build_accepts_autofix_typography(tmp_path, shared_cache):
    site = _site(tmp_path, shared_cache, ARTICLE, CONTENT_STRICT=True)
    assert site.path("/latelier-du-mois-moderer-sans-sepuiser/").exists()


def test_strict_build_refuses_when_proofreading_cannot_run(tmp_path):
    # A cache folder that is a file: the proofreading process fails at once.
    blocked = tmp_path / "pas-un-dossier"
    blocked.write_text("", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        _site(tmp_path, str(blocked), ARTICLE, CONTENT_STRICT=True)
    assert "relecture impossible" in str(error.value)


def test_development_build_says_when_proofreading_cannot_run(tmp_path, caplog):
    blocked = tmp_path / "pas-un-dossier"
    blocked.write_text("", encoding="utf-8")
    _site(tmp_path, str(blocked), ARTICLE)
    assert any("relecture impossible" in record.getMessage() for record in caplog.records)
