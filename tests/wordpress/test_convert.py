"""The WordPress post converter: one body (classic or Gutenberg, untrusted) to Markdown.

Every example is rendered back with the site's python-markdown extensions and compared,
element by element, with the sanitised HTML it came from; hypothesis does the same on
generated posts, and checks that nothing hostile survives.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, SHARED_FIXTURES
from wordpress.autop import autop, shortcode_unautop
from wordpress.convert import POST_ATTRIBUTES, POST_TAGS, Converted, clean_html, to_markdown
from wordpress.shortcodes import parse_atts

DATA = ROOT / "tests" / "data" / "wordpress" / "convert"
EXAMPLES = sorted(DATA.glob("*.html"))
NBSP, NNBSP = "\u00a0", "\u202f"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def post(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def rendered(text: str) -> str:
    """The HTML Pelican makes of an article body (header first, as the importer writes it)."""
    reader = markdown.Markdown(extensions=["extra", "meta", "toc", "sane_lists"])
    return reader.convert("Title: Essai\nDate: 2024-01-01 10:00\n\n" + text)


def soup(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


KEPT_ATTRIBUTES = {
    "a": ("href", "title"),
    "img": ("src", "alt"),
    "code": ("class",),
    "abbr": ("title",),
    "audio": ("src",),
    "video": ("src",),
    "source": ("src",),
}


def shape(markup: str) -> list[tuple]:
    """Each element in order, with the attributes a reader meets and its text.

    What Markdown cannot tell apart is made equal: thead/tbody, and a list item's
    paragraph (a loose list) with the bare item (a tight one). Runs of ASCII whitespace
    count as one space; no-break spaces count as themselves. URLs are compared decoded:
    the converter writes "é" in a URL as "%C3%A9", which means the same.
    """
    tree = soup(markup)
    for group in tree.find_all(["thead", "tbody", "tfoot"]):
        group.unwrap()
    for item in tree.find_all("li"):
        for paragraph in item.find_all("p", recursive=False):
            paragraph.unwrap()
    elements = []
    for element in tree.find_all(True):
        attributes = tuple(
            (name, unquote(value) if name in {"href", "src"} else value)
            for name in KEPT_ATTRIBUTES.get(element.name, ())
            if element.has_attr(name)
            for value in [element.get(name) if name != "class" else " ".join(element[name])]
        )
        if element.name in {"pre", "code"}:
            text = element.get_text().rstrip("\n")
        else:
            text = re.sub(r"[ \t\n\r\f]+", " ", element.get_text(" ")).strip(" ")
        elements.append((element.name, attributes, text))
    return elements


def assert_round_trip(body: str, **kwargs) -> Converted:
    converted = to_markdown(body, **kwargs)
    assert shape(rendered(converted.markdown)) == shape(clean_html(body, **kwargs)), (
        converted.markdown
    )
    return converted


def text_of(markup: str) -> str:
    return re.sub(r"[ \t\n]+", " ", soup(markup).get_text(" ")).strip()


# Classic posts: WordPress's paragraphs


def test_classic_post_gets_wordpress_paragraphs_and_line_breaks():
    converted = assert_round_trip(post("classique-paragraphes.html"))
    html = soup(rendered(converted.markdown))
    paragraphs = [p.get_text() for p in html.find_all("p")]
    assert paragraphs[0].startswith("Bonjour à toutes")
    assert paragraphs[1].count("\n") == 2 and len(html.find_all("p")[1].find_all("br")) == 2
    assert "Trois conseils :" in paragraphs
    assert [li.get_text() for li in html.find_all("li")] == [
        "choisir ses sources ;",
        "trier chaque matin ;",
        "partager le meilleur.",
    ]
    assert "demande du temps\u00a0: « être partout »  \nUne ligne" not in converted.markdown
    assert "n'est pas une stratégie.  \nUne ligne juste après.  \nEt une autre" in (
        converted.markdown
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A <pre> keeps its newlines, blank lines included.
        ("Avant\n<pre>ligne 1\n\nligne 3</pre>\nAprès", "<p>Avant</p>\n<pre>ligne 1\n\nligne 3</pre>\n<p>Après</p>\n"),  # noqa: E501
        # Block elements are never wrapped in <p>, text between them is.
        ("<div>un</div>\ntexte\n<h2>Titre</h2>\nsuite", "<div>un</div>\n<p>texte</p>\n<h2>Titre</h2>\n<p>suite</p>\n"),  # noqa: E501
        # A tag written over two lines is one tag, not a line break.
        ('<a\nhref="x">lien</a> texte\nligne', '<p><a\nhref="x">lien</a> texte<br />\nligne</p>\n'),
        ("a<hr>b", "<p>a</p>\n<hr>\n<p>b</p>\n"),
        ("a<br><br>b", "<p>a</p>\n<p>b</p>\n"),
        ("<script>var a;\nvar b;</script>", "<p><script>var a;\nvar b;</script></p>\n"),
        # A no-break space is text: "\s" in PHP does not match it, nor here.
        ("texte\u00a0\nsuite", "<p>texte\u00a0<br />\nsuite</p>\n"),
    ],
)  # fmt: skip
def test_autop_is_wordpress_wpautop(text, expected):
    assert autop(text) == expected


def test_a_shortcode_alone_on_its_line_is_not_wrapped_in_a_paragraph():
    text = autop('Texte\n\n[gallery ids="1,2"]\n\n[contact-form-7 id="4"]')
    assert shortcode_unautop(text, ["gallery"]) == (
        '<p>Texte</p>\n[gallery ids="1,2"]\n<p>[contact-form-7 id="4"]</p>\n'
    )


def test_shortcode_attributes_follow_wordpress():
    assert parse_atts(' id="42" Title=\'Bonjour\' columns=3 "libre" seul a\\tb') == {
        "id": "42",
        "title": "Bonjour",
        "columns": "3",
        0: "libre",
        1: "seul",
        2: "a\tb",
    }
    assert parse_atts(' caption="<b>gras</b>" alt="<img src=x"') == {
        "caption": "<b>gras</b>",
        "alt": "",
    }


# Gutenberg posts


def test_gutenberg_blocks_leave_their_html_and_no_comment():
    body = post("gutenberg-paragraphes.html")
    converted = assert_round_trip(body)
    assert "wp:" not in converted.markdown and "<!--" not in converted.markdown
    assert "## Pourquoi animer\u00a0?" in converted.markdown
    html = soup(rendered(converted.markdown))
    assert html.find("ul").find("ol").get_text(" ", strip=True) == "vite\u00a0; bien."
    assert html.find("blockquote").find("cite").get_text() == "Un proverbe de CM"
    assert html.find("hr") is not None
    # No wpautop on block posts: the newline inside a paragraph is only a space.
    assert "retour à la ligne même" in " ".join(converted.markdown.split())
    assert not html.find_all("p")[-1].find("br")


def test_custom_html_block_keeps_its_html_once_sanitised():
    converted = assert_round_trip(post("gutenberg-code.html"))
    html = soup(rendered(converted.markdown))
    assert [th.get_text() for th in html.find_all("th")] == ["Clé", "Valeur"]
    assert "HTML personnalisé." in html.get_text()
    assert "tracker" not in converted.markdown and "onclick" not in converted.markdown
    assert "widget" not in converted.markdown


def test_gutenberg_columns_and_shortcode_blocks():
    converted = assert_round_trip(post("gutenberg-colonnes.html"))
    html = soup(rendered(converted.markdown))
    assert [h.get_text() for h in html.find_all("h3")] == ["Avant", "Après"]
    assert html.find("figcaption").get_text() == "Le calendrier éditorial"
    assert converted.shortcodes == ("contact-form-7",)
    assert html.find("a", string="Me contacter")["href"] == "https://blog.example.fr/contact/"


# Captions, galleries, embeds, media


def test_captions_become_figures_with_or_without_a_link():
    converted = assert_round_trip(post("classique-caption.html"))
    figures = soup(rendered(converted.markdown)).find_all("figure")
    assert [f.figcaption.get_text() for f in figures] == [
        "L’équipe au complet, « à l'afterwork » de juin.",
        "La salle\u00a0: 40 places.",
        "Ancienne syntaxe & légende",
    ]
    assert figures[0].img["alt"] == "L'équipe au complet" and not figures[0].find("a")
    link = figures[1].find("a")
    assert link["href"].endswith("/salle.jpg") and link.img["src"].endswith("salle-300x200.jpg")
    # Raw HTML blocks stand alone between blank lines, so python-markdown passes them.
    for line in converted.markdown.strip().split("\n\n"):
        if "<figure" in line:
            assert line.startswith("<figure>") and line.endswith("</figure>")
    assert "srcset" not in converted.markdown and "sizes" not in converted.markdown
    assert "class" not in converted.markdown and "[caption" not in converted.markdown


def test_gallery_lists_the_images_the_importer_knows():
    asked = []

    def gallery(ids):
        asked.append(ids)
        return [
            (f"https://blog.example.fr/wp-content/uploads/{i}.jpg", f"Photo n°{i}") for i in ids
        ]

    converted = to_markdown(post("classique-galerie.html"), gallery=gallery)
    assert asked == [["21", "22", "23"], []]
    assert_round_trip(post("classique-galerie.html"), gallery=gallery)
    figures = soup(rendered(converted.markdown)).find_all("figure")
    assert [f.img["src"].rsplit("/", 1)[1] for f in figures] == ["21.jpg", "22.jpg", "23.jpg"]
    assert [f.figcaption.get_text() for f in figures] == ["Photo n°21", "Photo n°22", "Photo n°23"]
    # A gallery without ids: the importer has nothing to show, the shortcode stays visible.
    assert converted.shortcodes == ("gallery",)
    assert "[gallery]" in soup(rendered(converted.markdown)).get_text()


def test_block_galleries_keep_every_image_and_caption():
    converted = assert_round_trip(post("gutenberg-galerie.html"))
    html = soup(rendered(converted.markdown))
    assert [img["src"].rsplit("/", 1)[1] for img in html.find_all("img")] == [
        "stand-1.jpg",
        "stand-2.jpg",
        "a.jpg",
        "b.jpg",
    ]
    assert "Salon du CM 2022" in html.get_text() and "<ul" not in converted.markdown


@pytest.mark.parametrize(
    ("name", "links"),
    [
        (
            "classique-embeds.html",
            [
                ("Vidéo YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
                ("La conférence « Communauté » 2019", "https://vimeo.com/76979871"),
                ("Publication sur X", "https://twitter.com/wordpress/status/1234567890123456789"),
            ],
        ),
        (
            "gutenberg-embed.html",
            [
                ("Vidéo YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
                ("Publication sur X", "https://twitter.com/wordpress/status/1234567890123456789"),
                ("Écouter sur Spotify", "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk"),
                ("Publication Instagram", "https://www.instagram.com/p/CabcdEFgh12/"),
            ],
        ),
    ],
)
def test_embeds_become_links_with_their_title_never_iframes(name, links):
    titles = {"https://vimeo.com/76979871": "La conférence « Communauté » 2019"}
    converted = assert_round_trip(post(name), embed_titles=titles)
    html = soup(rendered(converted.markdown))
    found = [(a.get_text(), a["href"]) for a in html.find_all("a")]
    assert found == links
    for a in html.find_all("a"):  # each one alone on its line, as its URL was
        before, after = a.find_previous_sibling(), a.find_next_sibling()
        assert a.parent.name == "p" and (before is None or before.name == "br") and after is None
        assert a.previous_sibling in (None, before, "\n") and a.next_sibling is None
    assert "iframe" not in converted.markdown and "[embed]" not in converted.markdown
    if name == "gutenberg-embed.html":  # the block's caption is kept
        assert "Notre conférence à Lyon" in html.get_text()
    else:  # a URL inside a sentence is not an embed
        assert "https://www.youtube.com/watch?v=abc reste du texte" in html.get_text()


def test_an_iframe_becomes_a_plain_link_to_its_source():
    converted = to_markdown(
        '<p>Avant</p><iframe src="//player.vimeo.com/video/1" width="640"></iframe>'
        '<iframe src="https://www.google.com/maps/embed?pb=1"></iframe>'
    )
    html = soup(rendered(converted.markdown))
    assert [(a.get_text(), a["href"]) for a in html.find_all("a")] == [
        ("Vidéo Vimeo", "https://player.vimeo.com/video/1"),
        ("Contenu intégré (www.google.com)", "https://www.google.com/maps/embed?pb=1"),
    ]


def test_audio_and_video_become_players_with_a_download_link():
    kinds = []

    def resolve(url, kind):
        kinds.append((url.rsplit("/", 1)[1], kind))
        return "{static}/media/" + url.rsplit("/", 1)[1]

    converted = assert_round_trip(post("classique-medias.html"), resolve=resolve)
    html = soup(rendered(converted.markdown))
    players = html.find_all(["audio", "video"])
    assert [(p.name, p["src"]) for p in players] == [
        ("audio", "{static}/media/episode-12.mp3"),
        ("video", "{static}/media/meetup.mp4"),
        ("audio", "{static}/media/episode-1.ogg"),
    ]
    assert all(p.has_attr("controls") for p in players)
    assert [p.a.get_text() for p in players] == [
        "Télécharger le fichier audio",
        "Télécharger la vidéo",
        "Télécharger le fichier audio",
    ]
    assert players[0].a["href"] == "{static}/media/episode-12.mp3"
    assert ("episode-12.mp3", "media") in kinds and ("episode-12.mp3", "link") in kinds
    assert "poster" not in converted.markdown and "affiche" not in converted.markdown


def test_block_players_get_a_download_link_too():
    converted = assert_round_trip(post("gutenberg-medias.html"))
    html = soup(rendered(converted.markdown))
    assert html.find("audio").a["href"].endswith("podcast.mp3")
    assert html.find("figcaption").get_text() == "Épisode 3\u00a0: la modération"
    assert [a.get_text() for a in html.find_all("a")][-1] == "Guide du CM (PDF)"
    assert "Télécharger</a>" not in converted.markdown  # the file block's second button


# Shortcodes kept as text


def test_unknown_shortcodes_stay_visible_and_are_listed():
    converted = assert_round_trip(post("classique-shortcodes-inconnus.html"))
    assert converted.shortcodes == ("contact-form-7", "column")
    text = soup(rendered(converted.markdown)).get_text()
    assert '[contact-form-7 id="42" title="Formulaire de contact"]' in text
    assert '[column size="one_half"]Première colonne, avec un mot important.[/column]' in text
    assert "tapez [gallery] dans" in text  # [[gallery]] is WordPress's way to write it
    assert "la communauté […] décide" in text
    assert soup(rendered(converted.markdown)).find("strong").get_text() == "mot important"
    assert "\\[contact-form-7" in converted.markdown  # never a link nor a reference


def test_editorial_brackets_are_not_shortcodes():
    converted = to_markdown("Elle a souri [rires] puis [sic] et [1].")
    assert converted.shortcodes == ()
    assert converted.markdown == "Elle a souri [rires] puis [sic] et [1].\n"


def test_shortcodes_inside_code_are_left_alone():
    called = []
    converted = assert_round_trip(
        post("classique-code.html"), gallery=lambda ids: called.append(ids) or []
    )
    assert called == [] and converted.shortcodes == ()
    assert 'echo "[gallery ids=\\"1,2\\"]";' in converted.markdown
    assert '`[contact-form-7 id="1"]`' in converted.markdown
    gutenberg = to_markdown(post("gutenberg-code.html"))
    assert 'console.log("[embed]x[/embed]");' in gutenberg.markdown


# Untrusted input


HOSTILE = post("hostile.html")


@pytest.mark.parametrize(
    "trace",
    ["<script", "alert", "onerror", "onclick", "onload", "onmouseover", "javascript", "JaVaScRiPt",
     "<iframe", "srcdoc", "<style", "style=", "display: none", "<svg", "circle", "data:", "base64",
     "<form", "<input", "Envoyer", "evil.example", "class=", "rouge", "<math", "xlink", "<object"],
)  # fmt: skip
def test_hostile_input_leaves_no_trace(trace):
    converted = to_markdown(HOSTILE)
    assert trace not in converted.markdown
    assert trace not in rendered(converted.markdown)


def test_hostile_input_keeps_its_text_and_safe_links():
    converted = assert_round_trip(HOSTILE)
    html = soup(rendered(converted.markdown))
    text = html.get_text()
    for kept in ("Texte normal.", "cliquez ici", "et là", "Paragraphe stylé.", "Fin du texte."):
        assert kept in text
    assert [a["href"] for a in html.find_all("a")] == [
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/v/dQw4w9WgXcQ",
    ]
    assert html.find("a").get_text() == "Ma vidéo"


def assert_safe(markup: str) -> None:
    for element in soup(markup).find_all(True):
        assert element.name in POST_TAGS, markup
        for name, value in element.attrs.items():
            allowed = POST_ATTRIBUTES.get(element.name, set()) | {"id"}  # toc's heading ids
            assert name in allowed, markup
            if name == "class":
                assert element.name == "code" and re.fullmatch(r"language-[\w+#.-]+", value[0])
            if name in {"href", "src"}:
                assert re.match(r"(?i)(https?:|mailto:|tel:|[^:]*$)", value), markup


HOSTILE_PARTS = st.sampled_from(
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href='javascript:x'>",
        "<a href='&#106;avascript:x'>", "<svg onload=alert(1)>", "<iframe src='javascript:x'>",
        "<iframe src=//e.example/v>", "<style>*{}</style>", "<p style='x' class='y'>", "</p>",
        "<object data='javascript:x'>", "<embed src='data:text/html,x'>", "<form action=x>",
        "<img src='data:image/png;base64,AA'>", "<math><mi xlink:href='javascript:x'>",
        "<a href='data:text/html,x'>", "<base href=x>", "<meta http-equiv=refresh>", "<!--",
        "-->", "<![CDATA[", "]]>", "[caption]", "[/caption]", "[gallery ids='1']", "[embed]",
        "[/embed]", "[audio src='javascript:x']", "[video mp4='data:x']", "<pre>", "</pre>",
        "<code>", "</code>", "\n\n", "\n", "<!-- wp:html -->", "https://youtu.be/x", "'", '"',
        "<", ">", "&", "&lt;script&gt;", "*", "_", "[", "]", "`", " ",
    ]
)  # fmt: skip
HOSTILE_POSTS = st.lists(st.one_of(HOSTILE_PARTS, st.text(max_size=6)), max_size=30).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_POSTS)
def test_whatever_the_input_the_output_keeps_to_the_allow_list(body):
    gallery = lambda ids: [("javascript:alert(1)", "<script>x</script>")]  # noqa: E731
    converted = to_markdown(body, gallery=gallery)
    html = rendered(converted.markdown)
    assert_safe(html)  # (text may still say "javascript:": a post can talk about it)
    assert converted.markdown.endswith("\n") and not converted.markdown.endswith("\n\n")


# French text, code, URLs, tables, lists


def test_french_text_is_kept_exactly():
    converted = assert_round_trip(post("classique-paragraphes.html"))
    md = converted.markdown
    assert f"tous{NBSP}! Aujourd'hui" in md  # &nbsp; is a real U+00A0
    assert f"temps{NBSP}: « être partout » n'est pas" in md  # &#160;
    assert f"fine{NNBSP}; voilà" in md  # &#8239;
    assert "d’*organisation*…" in md and "l’apostrophe courbe & une esperluette" in md
    assert f"merci{NBSP}!" in md
    assert "\\'" not in md and "&nbsp;" not in md and "&#" not in md
    text = soup(rendered(md)).get_text()
    assert (
        f"Bonjour à toutes et à tous{NBSP}! Aujourd'hui, on parle de veille et d’organisation…"
        in text
    )


def test_markdown_syntax_in_text_stays_text_without_needless_escapes():
    converted = assert_round_trip(post("classique-ponctuation.html"))
    md = converted.markdown
    assert "5 * 3 = 15, mots_composés_avec_soulignés, #hashtag" in md  # no \* nor \_
    assert "\\# pas un titre" in md and "\\`accents graves\\`" in md
    html = soup(rendered(md))
    assert not html.find(["h1", "ol", "blockquote", "code", "em"])
    assert "[ici] et `accents graves`." in html.get_text()
    assert "C:\\Users\\cm" in html.get_text()


def test_text_that_looks_like_html_stays_text():
    converted = to_markdown(
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; et &amp;nbsp; et &lt;b&gt;gras&lt;/b&gt;</p>"
    )
    html = rendered(converted.markdown)
    assert "<script" not in html and "<b>" not in html
    assert soup(html).get_text() == "<script>alert(1)</script> et &nbsp; et <b>gras</b>"


def test_code_blocks_are_verbatim_with_their_language():
    converted = assert_round_trip(post("classique-code.html"))
    md = converted.markdown
    assert '```php\n<?php\nif ( $a < $b && $c ) {\n\n    echo "[gallery' in md
    assert (
        "```python\ndef moyenne(valeurs):\n    return sum(valeurs) / len(valeurs)  # 1 < 2 & 3 > 2\n```"  # noqa: E501
        in md
    )
    blocks = soup(rendered(md)).find_all("pre")
    assert blocks[0].code["class"] == ["language-php"]
    assert (
        blocks[0]
        .get_text()
        .startswith('<?php\nif ( $a < $b && $c ) {\n\n    echo "[gallery ids=\\"1,2\\"]";')
    )
    assert blocks[1].code["class"] == ["language-python"]
    assert "`a < b & c`" in md


def test_resolve_is_asked_about_every_url_with_its_kind_and_its_answer_is_used():
    asked = []
    answers = {
        "https://blog.example.fr/wp-content/uploads/2021/09/atelier-1024x576.jpg": "{static}/images/2021/09/atelier.jpg",  # noqa: E501
        "https://blog.example.fr/wp-content/uploads/2021/09/atelier.jpg": "{static}/images/2021/09/atelier.jpg",  # noqa: E501
        "https://blog.example.fr/2021/08/mon-article/": "{filename}/conseils/mon-article.md",
    }  # fmt: skip

    def resolve(url, kind):
        asked.append((url, kind))
        return answers.get(url)

    body = (
        post("gutenberg-image.html")
        + '<p><a href="https://blog.example.fr/2021/08/mon-article/">encore</a></p>'
    )
    converted = to_markdown(body, resolve=resolve)
    assert asked == [
        ("https://blog.example.fr/wp-content/uploads/2021/09/atelier.jpg", "link"),
        ("https://blog.example.fr/wp-content/uploads/2021/09/atelier-1024x576.jpg", "image"),
        ("https://blog.example.fr/wp-content/uploads/2021/09/tableau-blanc.png", "image"),
        ("https://blog.example.fr/2021/08/mon-article/", "link"),
    ]  # each URL once, in order
    assert converted.urls == tuple(url for url, _ in asked)
    html = soup(rendered(converted.markdown))
    assert html.find("figure").a["href"] == "{static}/images/2021/09/atelier.jpg"
    assert html.find("figure").img["src"] == "{static}/images/2021/09/atelier.jpg"
    assert html.find_all("img")[1]["src"].endswith("/tableau-blanc.png")  # None: kept
    assert "[mon article précédent]({filename}/conseils/mon-article.md)" in converted.markdown
    assert [a["href"] for a in html.find_all("a")][-1] == "{filename}/conseils/mon-article.md"


def test_lazy_and_srcset_images_keep_their_own_source():
    converted = to_markdown(
        '<p><img src="data:image/gif;base64,R0lGOD" data-lazy-src="/a.jpg" alt="A">'
        '<img srcset="/b-300.jpg 300w, /b-1024.jpg 1024w" alt="B"></p>'
    )
    assert converted.markdown == "![A](/a.jpg)![B](/b-1024.jpg)\n"
    assert converted.urls == ("/a.jpg", "/b-1024.jpg")


def test_tables_with_a_header_become_markdown_tables_the_others_stay_html():
    converted = assert_round_trip(post("classique-tableau.html"))
    md = converted.markdown
    assert "| Réseau    | Public         | Fréquence        |" in md
    assert "| Instagram | 18–34 ans      | *tous les jours* |" in md
    assert "<table>" in md and "<td>Budget</td>" in md and f"1{NBSP}200{NBSP}€" in md
    tables = soup(rendered(md)).find_all("table")
    assert [th.get_text() for th in tables[0].find_all("th")] == ["Réseau", "Public", "Fréquence"]
    assert not tables[1].find("th")
    block = assert_round_trip(post("gutenberg-tableau.html"))
    assert "| Taux d’engagement | 4,2\u00a0%   | **5,1\u00a0%** |" in block.markdown
    assert "Statistiques du premier trimestre" in block.markdown


def test_nested_lists_are_indented_for_python_markdown():
    converted = assert_round_trip(post("classique-liste-imbriquee.html"))
    assert "1. Lundi : un article de fond\n    - sur le blog ;\n    - relayé sur LinkedIn.\n" in (
        converted.markdown
    )
    html = soup(rendered(converted.markdown))
    outer = html.find("ol")
    assert [li.find(["ul", "ol"]).name if li.find(["ul", "ol"]) else None
            for li in outer.find_all("li", recursive=False)] == ["ul", "ol", None]  # fmt: skip


def test_code_in_a_list_item_is_indented_since_python_markdown_has_no_fences_there():
    converted = assert_round_trip(
        "<ul><li>Exemple :<pre><code class='language-css'>a { color: red; }\n\nb {}</code></pre></li></ul>"  # noqa: E501
    )
    assert "```" not in converted.markdown
    assert (
        soup(rendered(converted.markdown)).find("li").pre.get_text()
        == "a { color: red; }\n\nb {}\n"
    )


def test_markdown_ends_with_one_newline():
    assert to_markdown("").markdown == "\n"
    assert to_markdown("Un mot.\n\n\n").markdown == "Un mot.\n"


# Round trips


def shared_examples() -> list[str]:
    export = SHARED_FIXTURES / "wordpress" / "pelican-wordpressexport.xml"
    if not export.exists():
        return []
    return [item.findtext(CONTENT) or "" for item in ET.parse(export).iter("item")]


@pytest.mark.parametrize("body", [post(p.name) for p in EXAMPLES] + shared_examples())
def test_every_example_gives_back_its_sanitised_html(body):
    titles = {"https://vimeo.com/76979871": "Conférence"}
    gallery = lambda ids: [(f"/wp-content/uploads/{i}.jpg", f"n°{i}") for i in ids]  # noqa: E731
    assert_round_trip(body, embed_titles=titles, gallery=gallery)


WORDS = st.sampled_from(
    ["communauté", "veille", "L’équipe", "aujourd'hui", "«", "»", "…", "—", "Été", "ça", "1986.",
     "5", "12h30", "*", "**", "_", "__", "mots_composés", "[", "]", "(", ")", "<", ">", "&", "&amp;",  # noqa: E501
     "&nbsp;", "#", "##", "+", "-", "---", "1.", "=", "===", ":", "|", "\\", "`", "{", "}", "{x}",
     "!", "~~~", "[TOC]", "[x](y)", "<b>", "https://exemple.fr/a_b", "@cm", '"', "'", "\u00a0",
     "\u202f", "\u2009", "[rires]", "*[CM]:", "[^1]", "\\*", "&lt;i&gt;"]
)  # fmt: skip
SPACES = st.sampled_from([" ", " ", " ", "", "\u00a0", "\n"])
TEXT = st.lists(st.tuples(WORDS, SPACES), min_size=1, max_size=8).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)
URLS = st.sampled_from(
    ["https://exemple.fr/page/", "https://exemple.fr/a_b?x=1&y=2", "/wp-content/uploads/a.jpg",
     "mailto:cm@exemple.fr", "https://exemple.fr/(parenthèse)", "#ancre"]
)  # fmt: skip


def escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _whole_or_none(markup: str, name: str) -> bool:
    opening = f"<{name}>"
    return opening not in markup or (
        markup.startswith(opening) and markup.endswith(f"</{name}>") and markup.count(opening) == 1
    )


def inline() -> st.SearchStrategy[str]:
    leaf = st.one_of(
        TEXT.map(escaped),
        # Known limit: python-markdown takes a line "*[link](u) `[x]:`" for the definition
        # of an abbreviation, and nothing can be escaped inside code.
        TEXT.filter(lambda t: not re.search(r"\] ?:", t)).map(
            lambda t: f"<code>{escaped(t)}</code>"
        ),
        st.just("<br>"),
        st.tuples(URLS, TEXT).map(lambda p: f'<img src="{p[0]}" alt="{escaped(p[1])}">'),
    )
    return st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.lists(inner, min_size=1, max_size=4).map("".join),
            # Known limit: python-markdown misreads "***a** b**c***"; emphasis holds the
            # other emphasis whole, or not at all.
            inner.filter(lambda t: _whole_or_none(t, "strong")).map(lambda t: f"<em>{t}</em>"),
            inner.filter(lambda t: _whole_or_none(t, "em")).map(lambda t: f"<strong>{t}</strong>"),
            # Known limit: the converter escapes brackets inside code inside a link's text.
            st.tuples(URLS, inner)
            .filter(lambda p: not re.search(r"<code>[^<]*[\[\]]", p[1]))
            .map(lambda p: f'<a href="{p[0]}">{p[1]}</a>'),
            TEXT.map(lambda t: f"<sup>{escaped(t)}</sup>"),
            TEXT.map(lambda t: f"<del>{escaped(t)}</del>"),
        ),
        max_leaves=6,
    )


INLINE = inline()


def items(depth: int) -> st.SearchStrategy[str]:
    item = (
        INLINE
        if depth == 0
        else st.one_of(INLINE, st.tuples(INLINE, lists(depth - 1)).map("".join))
    )
    return st.lists(item.map(lambda t: f"<li>{t}</li>"), min_size=1, max_size=3).map("".join)


def lists(depth: int) -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from(["ul", "ol"]), items(depth)).map(
        lambda p: f"<{p[0]}>{p[1]}</{p[0]}>"
    )


CODE = st.text(st.sampled_from("ab <>&\"'*_[]\n\t\u00a0é{}`#"), min_size=1, max_size=30)
BLOCK = st.one_of(
    INLINE.map(lambda t: f"<p>{t}</p>"),
    st.tuples(st.sampled_from(["h2", "h3"]), INLINE).map(lambda p: f"<{p[0]}>{p[1]}</{p[0]}>"),
    lists(2),
    st.lists(INLINE, min_size=1, max_size=2).map(
        lambda ps: "<blockquote>" + "".join(f"<p>{p}</p>" for p in ps) + "</blockquote>"
    ),
    st.tuples(st.sampled_from(["", "php", "python"]), CODE).map(
        lambda p: f'<pre><code class="language-{p[0]}">{escaped(p[1])}</code></pre>'
    ),
    st.tuples(TEXT, TEXT, INLINE, INLINE).map(
        lambda c: (
            f"<table><tr><th>{escaped(c[0])}</th><th>{escaped(c[1])}</th></tr>"
            f"<tr><td>{c[2]}</td><td>{c[3]}</td></tr></table>"
        )
    ),
    st.tuples(URLS, TEXT).map(
        lambda p: (
            f'<figure><img src="{p[0]}" alt=""><figcaption>{escaped(p[1])}</figcaption></figure>'
        )
    ),
    st.just("<hr>"),
)
POSTS = st.lists(BLOCK, min_size=1, max_size=5).map("".join)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the same posts at every run: CI is never decided by chance
)
@given(POSTS, st.booleans())
def test_generated_posts_give_back_their_sanitised_html(body, gutenberg):
    if gutenberg:  # block posts skip wpautop
        body = f"<!-- wp:html -->\n{body}\n<!-- /wp:html -->"
    assert_round_trip(body)
