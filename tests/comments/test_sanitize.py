"""The sanitiser: allow-list examples and properties over any input."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from comments.sanitize import TAGS, author_name, clean_html, safe_url

FRAGMENTS = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href='javascript:x'>",
        "<svg onload=alert(1)>",
        "<iframe src=//e>",
        "<style>*{}</style>",
        "<p>",
        "</p>",
        "<a href=",
        '"',
        "'",
        ">",
        "<",
        "&#106;avascript:",
        "&lt;",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "\n\n",
        "<b onclick=x>",
        "<form>",
        "<math>",
        "<object data=x>",
        "javascript:",
        "JaVaScRiPt:",
        "<a href='https://ok.example/'>",
        "</a>",
        "data:text/html,",
        "<br/>",
        "`",
        "=",
        " ",
    ]
)
HOSTILE_TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=25).map("".join)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


def assert_safe(markup: str) -> None:
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name in TAGS, markup
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), markup
            assert name in {"href", "title", "rel"}, markup
            if name == "href":
                assert re.match(r"(?i)(https?:|mailto:|[^:]*$)", value), markup
        if tag.name == "a":
            assert tag["rel"] == ["nofollow", "ugc", "noopener"]


@settings(max_examples=150, deadline=None)
@given(HOSTILE_TEXT)
def test_output_keeps_to_the_allow_list(text):
    assert_safe(clean_html(text))


@settings(max_examples=100, deadline=None)
@given(HOSTILE_TEXT)
def test_cleaning_twice_changes_nothing(text):
    once = clean_html(text)
    assert clean_html(once) == once


@settings(max_examples=150, deadline=None)
@given(st.one_of(HOSTILE_TEXT, st.from_regex(r"\A[a-zA-Z]{0,10}:[^\n]{0,30}\Z")))
def test_safe_url_is_http_or_nothing(value):
    url = safe_url(value)
    assert url == "" or re.match(r"(?i)https?://[^\s<>\"'`]+$", url)


@given(HOSTILE_TEXT)
def test_author_name_is_plain_text(value):
    name = author_name(value)
    assert name and len(name) <= 100 and not re.search(r"[\x00-\x1f\x7f]", name)


def test_examples():
    assert clean_html("Bonjour\n\nÀ bientôt") == "<p>Bonjour</p><p>À bientôt</p>"
    assert clean_html('<a href="https://x.example/" onclick="x()">lien</a>') == (
        '<p><a href="https://x.example/" rel="nofollow ugc noopener">lien</a></p>'
    )
    assert clean_html("<p>ok<script>alert(1)</script></p>") == "<p>ok</p>"
    assert clean_html('<a href="&#x6A;avascript&#0000058;alert(1)">x</a>') == (
        '<p><a rel="nofollow ugc noopener">x</a></p>'
    )
    assert clean_html('<img src="https://pixel.example/t.gif">') == ""
    assert "<img" in clean_html('<img src="https://e.example/i.png">', allow_images=True)
    assert author_name("<b>Bob</b>") == "<b>Bob</b>"  # text: the template escapes it
    assert author_name("Zoé &amp; Cie") == "Zoé & Cie"
    assert safe_url(" https://ok.example/ ") == "https://ok.example/"
    for bad in (
        "javascript:alert(1)",
        "JAVASCRIPT:x",
        "data:text/html,x",
        "//evil.example",
        "http://",
    ):
        assert safe_url(bad) == ""
