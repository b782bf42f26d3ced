"""The sample site built with a table of redirections: every file written, every problem told."""

from __future__ import annotations

import json
import logging
import shutil

import pytest

from cmcore.problems import ContentError
from quality.links import check_links
from tests.conftest import ROOT, build_site, copy_content, plain, run_task, warnings_said

DATA = ROOT / "tests" / "data" / "redirects"
VEILLE = "/organiser-sa-veille-sans-y-passer-ses-journees/"
VEILLE_TITLE = "Organiser sa veille sans y passer ses journées"
TROLLS = "/repondre-a-un-troll-sans-perdre-son-calme/"
# Builds here need neither the search index nor the proofreader.
QUIET = {"SEARCH_INDEX": False, "PROOFREAD_ENABLED": False}
ORIGIN = "https://carnet-cm.example.org"


def with_table(tmp_path, table: str):
    content = copy_content(tmp_path)
    shutil.copy(DATA / table, content / "redirections.csv")
    return content


def refresh_target(site, url: str) -> str | None:
    meta = site.html(url).find("meta", attrs={"http-equiv": "refresh"})
    return meta["content"].removeprefix("0; url=") if meta else None


def redirect_warnings(caplog) -> list[str]:
    return [line for line in warnings_said(caplog) if "redirections.csv" in line]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("redirects")
    content = with_table(tmp, "redirections.csv")
    handler = _Collect()
    logging.getLogger().addHandler(handler)
    try:
        site = build_site(tmp, content=content, **QUIET)
    finally:
        logging.getLogger().removeHandler(handler)
    return site, handler.lines


class _Collect(logging.Handler):
    """Warnings of a module-scoped build (caplog is per test)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(plain(record.getMessage()))


@pytest.fixture(scope="module")
def site(built):
    return built[0]


def test_a_good_table_builds_without_a_word(built):
    _, warnings = built
    assert [line for line in warnings if "redirect" in line.lower()] == []


@pytest.mark.parametrize(
    ("old", "new", "label"),
    [
        ("/2019/06/organiser-sa-veille/", VEILLE, VEILLE_TITLE),
        ("/troll.html", TROLLS, "Répondre à un troll sans perdre son calme"),
        ("/category/conseils/", "/categorie/conseils/", "/categorie/conseils/"),
        ("/feed/", "/feeds/all.atom.xml", "/feeds/all.atom.xml"),
        ("/ancien-partenaire/", "https://example.org/partenaire/", None),
        ("/vieille-veille/", VEILLE, VEILLE_TITLE),  # a chain: one hop for the reader
    ],
)
def test_each_old_path_gets_a_redirect_page(site, old, new, label):
    assert refresh_target(site, old) == new
    page = site.html(old)
    assert page.html["lang"] == "fr"
    assert page.find("link", rel="canonical")["href"] == new
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    sentence = page.main.p
    assert plain(sentence.text) == f"Cette page a déménagé : {label or new}."
    assert sentence.a["href"] == new
    assert not page.find_all(["script", "style"])


def test_only_folders_and_html_files_get_a_page(site):
    assert site.path("/troll.html").is_file()
    assert not (site.output / "wp-content").exists()
    assert not (site.output / "index.php").exists()


def test_an_old_address_that_is_the_articles_own_page_leaves_the_article(site):
    article = site.html(VEILLE)
    assert refresh_target(site, VEILLE) is None
    assert article.h1.text.strip() == VEILLE_TITLE


def test_redirect_pages_link_to_pages_that_exist(site):
    result, _external = check_links(site.output)
    assert result.failures == []


def test_netlify_and_cloudflare_rules(site):
    rules = [line for line in site.text("/_redirects").splitlines() if not line.startswith("#")]
    assert rules == [
        f"/2019/06/organiser-sa-veille/ {VEILLE} 301",
        f"/ p=123 {VEILLE} 301!",
        "/ page_id=7 /a-propos/ 301!",
        "/category/conseils/ /categorie/conseils/ 301",
        "/feed/ /feeds/all.atom.xml 301",
        f"/troll.html {TROLLS} 301",
        "/ancien-partenaire/ https://example.org/partenaire/ 301",
        "/index.php p=9 /archives/ 301!",
        f"/vieille-veille/ {VEILLE} 301",
        "/wp-content/uploads/charte.svg /images/charte.svg 301",
    ]


def test_apache_rules(site):
    text = site.text("/.htaccess")
    assert text.startswith("# Redirections des anciennes adresses")
    assert "content/redirections.csv" in text
    assert "RewriteEngine On\n" in text
    assert f'RewriteRule "^/?2019/06/organiser\\-sa\\-veille/?$" "{VEILLE}" [R=301,L,NE]\n' in text
    assert (
        'RewriteCond %{QUERY_STRING} "^page_id=7(&|$)"\n'
        'RewriteRule "^/?$" "/a-propos/" [R=301,L,NE,QSD]\n'
    ) in text
    assert text.count("RewriteRule ") == 10


def test_nginx_map(site):
    text = site.text("/_redirections.nginx.conf")
    assert "map $request_uri $carnet_redirect {" in text
    assert "#     if ($carnet_redirect) { return 301 $carnet_redirect; }" in text
    assert f'    "~^/\\?p=123(&.*)?$" "{VEILLE}";\n' in text
    assert text.count('"~^') == 10


def test_query_addresses_of_the_home_page_go_to_the_script(site):
    assert json.loads(site.text("/redirections.json")) == {
        "?p=123": VEILLE,
        "?page_id=7": "/a-propos/",
    }
    script = site.html("/").find("script", src="/theme/js/redirections.js")
    assert script is not None and script.has_attr("defer")
    assert script["data-redirections"] == "/redirections.json"
    assert site.path("/theme/js/redirections.js").is_file()
    # Other pages do not load it.
    assert site.html(VEILLE).find("script", src="/theme/js/redirections.js") is None


def test_no_absolute_path_of_the_build_machine_is_written(site):
    for name in ("_redirects", ".htaccess", "_redirections.nginx.conf", "redirections.json"):
        text = (site.output / name).read_text(encoding="utf-8")
        assert str(site.output.parent) not in text, name


def test_without_query_addresses_the_home_page_has_no_script(sample_site):
    assert sample_site.html("/").find("script", src="/theme/js/redirections.js") is None
    assert not (sample_site.output / "redirections.json").exists()
    assert not (sample_site.output / "_redirects").exists()


def test_with_siteurl_every_new_address_is_absolute(tmp_path):
    content = with_table(tmp_path, "redirections.csv")
    site = build_site(tmp_path, content=content, SITEURL=ORIGIN, **QUIET)
    assert refresh_target(site, "/2019/06/organiser-sa-veille/") == ORIGIN + VEILLE
    assert f"/feed/ {ORIGIN}/feeds/all.atom.xml 301" in site.text("/_redirects")
    assert json.loads(site.text("/redirections.json"))["?p=123"] == ORIGIN + VEILLE
    script = site.html("/").find("script", src=f"{ORIGIN}/theme/js/redirections.js")
    assert script["data-redirections"] == f"{ORIGIN}/redirections.json"


# --- Problems ---------------------------------------------------------------------------------

PROBLEMS = [
    "redirections.csv:3 : nouvelle adresse « {filename}/conseils/disparu.md » introuvable : "
    "aucun article, page ni brouillon n’a la source « conseils/disparu.md » ; corrigez le chemin "
    "(relatif au dossier du contenu) ou écrivez un chemin du site commençant par /",
    "redirections.csv:4 : ancienne adresse « /a-propos/ » déjà prise : c’est une page du site "
    "(a-propos/index.html), elle ne sera pas remplacée par une redirection ; retirez cette ligne "
    "ou corrigez l’ancienne adresse",
    "redirections.csv:5 : boucle de redirections : « /a/ » → « /b/ » → « /a/ » ; changez la "
    "nouvelle adresse d’une de ces lignes",
    "redirections.csv:6 : boucle de redirections : « /b/ » → « /a/ » → « /b/ » ; changez la "
    "nouvelle adresse d’une de ces lignes",
    "redirections.csv:8 : ligne illisible : il faut deux colonnes, « ancienne,nouvelle » ; "
    "entourez de guillemets droits une adresse qui contient une virgule",
    # Known only once the index's second page is written: told after the others.
    "redirections.csv:7 : ancienne adresse « /page/2/ » déjà prise : c’est une page du site "
    "(page/2/index.html), elle ne sera pas remplacée par une redirection ; retirez cette ligne "
    "ou corrigez l’ancienne adresse",
]


def test_each_problem_is_one_french_line_and_pages_are_never_overwritten(tmp_path, caplog):
    content = with_table(tmp_path, "problemes.csv")
    with caplog.at_level(logging.WARNING):
        site = build_site(tmp_path, content=content, **QUIET)
    warnings = redirect_warnings(caplog)
    assert [w.removeprefix(f"{content}/") for w in warnings] == PROBLEMS
    # The pages of the site stay what they are.
    assert refresh_target(site, "/a-propos/") is None
    assert site.html("/a-propos/").h1.text.strip() == "À propos"
    assert refresh_target(site, "/page/2/") is None
    assert site.html("/page/2/").find(class_="card-title") is not None
    assert "/a-propos/" not in site.text("/_redirects")
    assert "/page/2/" not in site.text("/_redirects")
    # The good line is published all the same.
    assert refresh_target(site, "/2019/06/organiser-sa-veille/") == VEILLE


def test_a_strict_build_refuses_an_unresolved_target_before_writing(tmp_path):
    content = copy_content(tmp_path)
    (content / "redirections.csv").write_text(
        "ancienne,nouvelle\n/2019/06/veille/,{filename}/conseils/disparu.md\n", encoding="utf-8"
    )
    with pytest.raises(ContentError) as refused:
        build_site(tmp_path, content=content, CONTENT_STRICT=True, **QUIET)
    assert [plain(str(p)) for p in refused.value.problems] == [
        f"{content}/redirections.csv:2 : nouvelle adresse « {{filename}}/conseils/disparu.md » "
        "introuvable : aucun article, page ni brouillon n’a la source « conseils/disparu.md » ; "
        "corrigez le chemin (relatif au dossier du contenu) ou écrivez un chemin du site "
        "commençant par /"
    ]
    assert not (tmp_path / "output" / VEILLE.strip("/")).exists()
    assert not (tmp_path / "output" / "2019").exists()


def test_publish_stops_with_the_french_line_and_no_traceback(tmp_path):
    content = copy_content(tmp_path)
    (content / "redirections.csv").write_text(
        "ancienne,nouvelle\n/2019/06/veille/,{filename}/conseils/disparu.md\n", encoding="utf-8"
    )
    result = run_task("publishconf.py", content, tmp_path / "out")
    assert result.returncode == 1, result.stderr
    err = plain(result.stderr)
    assert "Traceback" not in err
    assert (
        "redirections.csv:2 : nouvelle adresse « {filename}/conseils/disparu.md » introuvable"
        in err
    )
    assert "Publication refusée" in err


# --- Renamed articles, incremental builds ------------------------------------------------------

RENAMED = (
    "ancienne,nouvelle\n"
    f"{VEILLE},{{filename}}/conseils/veille.md\n"
    "/2019/06/organiser-sa-veille/,{filename}/conseils/veille.md\n"
)


def rename_veille(content) -> None:
    source = content / "conseils" / "veille.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\n", "\nSlug: ma-veille\n", 1), encoding="utf-8")


def test_a_filename_target_follows_a_renamed_slug_in_an_incremental_build(tmp_path, caplog):
    content = copy_content(tmp_path)
    (content / "redirections.csv").write_text(RENAMED, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        first = build_site(tmp_path, content=content, **QUIET)
    assert refresh_target(first, "/2019/06/organiser-sa-veille/") == VEILLE
    assert refresh_target(first, VEILLE) is None  # still the article: nothing to redirect
    rename_veille(content)
    second = build_site(tmp_path, content=content, **QUIET)
    assert redirect_warnings(caplog) == []
    assert second.html("/ma-veille/").h1.text.strip() == VEILLE_TITLE
    # The article's old page is now its redirect, kept by the incremental build.
    assert refresh_target(second, VEILLE) == "/ma-veille/"
    assert refresh_target(second, "/2019/06/organiser-sa-veille/") == "/ma-veille/"
    assert f"{VEILLE} /ma-veille/ 301" in second.text("/_redirects")
    # Byte for byte what a clean build writes.
    clean = build_site(tmp_path / "clean", content=content, INCREMENTAL=False, **QUIET)
    for url in (VEILLE, "/2019/06/organiser-sa-veille/", "/_redirects", "/.htaccess"):
        assert second.path(url).read_bytes() == clean.path(url).read_bytes(), url


def test_a_line_removed_from_the_table_removes_its_files(tmp_path):
    content = copy_content(tmp_path)
    (content / "redirections.csv").write_text(RENAMED, encoding="utf-8")
    rename_veille(content)
    first = build_site(tmp_path, content=content, **QUIET)
    assert refresh_target(first, VEILLE) == "/ma-veille/"
    (content / "redirections.csv").write_text("ancienne,nouvelle\n", encoding="utf-8")
    second = build_site(tmp_path, content=content, **QUIET)
    assert not second.path(VEILLE).exists()
    assert not second.path("/2019/06/organiser-sa-veille/").exists()
    assert not (second.output / "_redirects").exists()
