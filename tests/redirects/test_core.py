"""The pure core after the table: targets, chains, loops, collisions, pages and server rules."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from quality.validity import check_html
from redirects import page, rules
from redirects.table import Redirect
from redirects.targets import Destination, has_page, resolve, served_file
from tests.conftest import plain

TABLE = "content/redirections.csv"
VEILLE = Destination("/organiser-sa-veille/", "Organiser sa veille\u00a0!")
CONTENTS = {"conseils/veille.md": VEILLE, "conseils/casse.md": None}
SITE_FILES = {"organiser-sa-veille/index.html", "categorie/conseils/index.html", "index.html"}


def redirects(*pairs: tuple[str, str]) -> list[Redirect]:
    return [Redirect(old, new, line) for line, (old, new) in enumerate(pairs, start=2)]


def problems_of(found) -> list[str]:
    return [plain(str(problem)) for problem in found]


@pytest.mark.parametrize(
    ("path", "served", "page_too"),
    [
        ("/2019/06/x/", "2019/06/x/index.html", True),
        ("/2019/06/x", "2019/06/x/index.html", True),
        ("/x.html", "x.html", True),
        ("/", "index.html", True),
        ("/caf%C3%A9/", "café/index.html", True),
        ("/index.php", "index.php", False),
        ("/wp-content/uploads/photo.jpg", "wp-content/uploads/photo.jpg", False),
    ],
)
def test_the_file_served_for_an_old_path(path, served, page_too):
    assert served_file(path) == served
    assert has_page(path) is page_too


def test_targets_are_resolved_through_sources_paths_and_urls():
    resolved, found = resolve(
        redirects(
            ("/2019/06/veille/", "{filename}/conseils/veille.md"),
            ("/category/conseils/", "/categorie/conseils/"),
            ("/partenaire/", "https://example.org/"),
            ("/?p=123", "{filename}/conseils/veille.md"),
        ),
        TABLE,
        CONTENTS,
        SITE_FILES,
        siteurl="https://carnet.example",
    )
    assert found == []
    assert [(r.old, r.url, r.label) for r in resolved] == [
        ("/2019/06/veille/", "https://carnet.example/organiser-sa-veille/", VEILLE.title),
        (
            "/category/conseils/",
            "https://carnet.example/categorie/conseils/",
            "https://carnet.example/categorie/conseils/",
        ),
        ("/partenaire/", "https://example.org/", "https://example.org/"),
        ("/?p=123", "https://carnet.example/organiser-sa-veille/", VEILLE.title),
    ]


def test_unresolved_collisions_and_loops_are_one_line_each():
    resolved, found = resolve(
        redirects(
            ("/disparu/", "{filename}/conseils/disparu.md"),
            ("/casse/", "{filename}/conseils/casse.md"),
            ("/categorie/conseils/", "/archives/"),
            ("/a/", "/b/"),
            ("/b/", "/a/"),
            ("/moi/", "/moi/"),
            ("/bon/", "/archives/"),
        ),
        TABLE,
        CONTENTS,
        SITE_FILES,
    )
    assert [r.old for r in resolved] == ["/bon/"]
    assert problems_of(found) == [
        f"{TABLE}:2 : nouvelle adresse « {{filename}}/conseils/disparu.md » introuvable : aucun "
        "article, page ni brouillon n’a la source « conseils/disparu.md » ; corrigez le chemin "
        "(relatif au dossier du contenu) ou écrivez un chemin du site commençant par /",
        f"{TABLE}:3 : nouvelle adresse « {{filename}}/conseils/casse.md » sans page : cette source "
        "n’a pas été publiée (voir les problèmes signalés plus haut) ; corrigez-la ou changez la "
        "nouvelle adresse",
        f"{TABLE}:4 : ancienne adresse « /categorie/conseils/ » déjà prise : c’est une page du "
        "site (categorie/conseils/index.html), elle ne sera pas remplacée par une redirection ; "
        "retirez cette ligne ou corrigez l’ancienne adresse",
        f"{TABLE}:5 : boucle de redirections : « /a/ » → « /b/ » → « /a/ » ; changez la nouvelle "
        "adresse d’une de ces lignes",
        f"{TABLE}:6 : boucle de redirections : « /b/ » → « /a/ » → « /b/ » ; changez la nouvelle "
        "adresse d’une de ces lignes",
        f"{TABLE}:7 : redirection de « /moi/ » vers elle-même ; corrigez la nouvelle adresse ou "
        "retirez cette ligne",
    ]


def test_a_query_address_sent_to_itself_is_told():
    resolved, found = resolve(redirects(("/?p=1", "/?p=1#haut")), TABLE, CONTENTS, SITE_FILES)
    assert resolved == []
    assert problems_of(found) == [
        f"{TABLE}:2 : redirection de « /?p=1 » vers elle-même ; corrigez la nouvelle adresse ou "
        "retirez cette ligne"
    ]


def test_a_chain_is_followed_to_its_end():
    resolved, found = resolve(
        redirects(
            ("/tres-vieux/", "/vieux/#suite"),
            ("/vieux/", "/2019/06/veille/"),
            ("/2019/06/veille/", "{filename}/conseils/veille.md"),
        ),
        TABLE,
        CONTENTS,
        SITE_FILES,
    )
    assert found == []
    assert {r.old: r.url for r in resolved} == dict.fromkeys(
        ["/tres-vieux/", "/vieux/", "/2019/06/veille/"], "/organiser-sa-veille/"
    )


def test_an_old_address_that_is_its_targets_own_page_redirects_nothing_silently():
    resolved, found = resolve(
        redirects(
            ("/organiser-sa-veille/", "{filename}/conseils/veille.md"),
            ("/organiser-sa-veille", "{filename}/conseils/veille.md"),
        ),
        TABLE,
        CONTENTS,
        SITE_FILES,
    )
    assert (resolved, found) == ([], [])


def test_the_redirect_page_is_minimal_french_and_without_script_or_style():
    html = page.render('/mon-article/?a=1&b="2"', "Mon article <enfin>", "Le carnet")
    soup = BeautifulSoup(html, "html.parser")
    assert html.startswith("<!DOCTYPE html>\n")
    assert soup.html["lang"] == "fr"
    url = '/mon-article/?a=1&b="2"'
    assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={url}"
    assert soup.find("link", rel="canonical")["href"] == url
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.main.p.text == "Cette page a déménagé\u00a0: Mon article <enfin>."
    assert soup.main.p.a["href"] == url
    assert not soup.find_all(["script", "style"]) and not soup.find_all(style=True)


def test_the_redirect_page_is_valid_html(tmp_path):
    html = page.render("https://carnet.example/mon-article/?a=1&b=2", "Mon article", "Le carnet")
    (tmp_path / "index.html").write_text(html, encoding="utf-8")
    result = check_html(tmp_path)
    assert result.checked == 1
    assert result.failures == []


@pytest.fixture
def resolved():
    found, problems = resolve(
        redirects(
            ("/2019/06/veille/", "{filename}/conseils/veille.md"),
            ("/?p=123", "{filename}/conseils/veille.md"),
            ("/caf%C3%A9/", "/100%25-utile/"),
            ("/vieux.html", "https://example.org/$prix"),
            ("/index.php?p=9&lang=fr", "/archives/"),
        ),
        TABLE,
        CONTENTS,
        SITE_FILES,
    )
    assert problems == []
    return found


def test_netlify_rules(resolved):
    lines = [line for line in rules.netlify(resolved, TABLE).splitlines() if line[0] != "#"]
    assert lines == [
        "/2019/06/veille/ /organiser-sa-veille/ 301",
        "/ p=123 /organiser-sa-veille/ 301!",
        "/caf%C3%A9/ /100%25-utile/ 301",
        "/vieux.html https://example.org/$prix 301",
        "/index.php p=9 lang=fr /archives/ 301!",
    ]
    forced = rules.netlify(resolved, TABLE, force=True)
    assert "/2019/06/veille/ /organiser-sa-veille/ 301!\n" in forced


def test_apache_rules(resolved):
    text = rules.apache(resolved, TABLE)
    lines = [line for line in text.splitlines() if line[0] != "#"]
    assert lines == [
        "<IfModule mod_rewrite.c>",
        "RewriteEngine On",
        'RewriteRule "^/?2019/06/veille/?$" "/organiser-sa-veille/" [R=301,L,NE]',
        'RewriteCond %{QUERY_STRING} "^p=123(&|$)"',
        'RewriteRule "^/?$" "/organiser-sa-veille/" [R=301,L,NE,QSD]',
        # Apache matches the decoded path; "%" and "$" are back-references in a target.
        'RewriteRule "^/?café/?$" "/100\\%25-utile/" [R=301,L,NE]',
        'RewriteRule "^/?vieux\\.html$" "https://example.org/\\$prix" [R=301,L,NE]',
        'RewriteCond %{QUERY_STRING} "^p=9\\&lang=fr(&|$)"',
        'RewriteRule "^/?index\\.php$" "/archives/" [R=301,L,NE,QSD]',
        "</IfModule>",
    ]
    assert f"depuis {TABLE}" in text


def test_nginx_map_matches_the_request_uri(resolved):
    text = rules.nginx(resolved, TABLE, include="_redirections.nginx.conf")
    assert "#     include /chemin/du/site/_redirections.nginx.conf;\n" in text
    assert "#     if ($carnet_redirect) { return 301 $carnet_redirect; }\n" in text
    entries = re.findall(r'^    "~(.*)" "(.*)";$', text, flags=re.M)
    assert text.index("map $request_uri $carnet_redirect {\n") < text.index('default "";')
    assert len(entries) == len(resolved)
    assert ("https://example.org/%24prix") in dict(entries).values()  # "$x" is a variable
    table = [(re.compile(pattern), value) for pattern, value in entries]

    def lookup(request_uri: str) -> str | None:
        return next((value for regex, value in table if regex.search(request_uri)), None)

    assert lookup("/2019/06/veille/") == "/organiser-sa-veille/"
    assert lookup("/2019/06/veille") == "/organiser-sa-veille/"
    assert lookup("/2019/06/veille/?utm_source=x") == "/organiser-sa-veille/"
    assert lookup("/2019/06/veille/plus/") is None
    assert lookup("/?p=123") == "/organiser-sa-veille/"
    assert lookup("/?p=123&utm_source=x") == "/organiser-sa-veille/"
    assert lookup("/?p=1234") is None
    assert lookup("/") is None
    assert lookup("/caf%C3%A9/") == "/100%25-utile/"
    assert lookup("/index.php?p=9&lang=fr") == "/archives/"


def test_the_scripts_map_holds_the_home_pages_query_addresses_only(resolved):
    assert json.loads(rules.query_json(resolved)) == {"?p=123": "/organiser-sa-veille/"}
