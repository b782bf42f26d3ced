"""The policy and the header files, from the settings (pure functions)."""

from __future__ import annotations

import re

import pytest

from security import policy
from security.fingerprint import Assets, hashed_name


def directives(csp: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (d.split() for d in csp.split(";"))}


def test_the_policy_allows_the_site_only():
    csp = directives(policy.content_security_policy())
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert not any("unsafe-inline" in s or s == "*" for v in csp.values() for s in v)


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        (None, None),
        ("", None),
        ("/isso", None),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("https://commentaires.example.org/isso", "https://commentaires.example.org"),
    ],
)
def test_isso_origin(url, origin):
    assert policy.isso_origin(url) == origin


@pytest.mark.parametrize("url", ["commentaires.example.org", "//cdn.example.org", "ftp://x"])
def test_isso_url_that_no_widget_loads_from_is_a_french_message(url):
    with pytest.raises(policy.PolicyError) as error:
        policy.isso_origin(url)
    assert str(error.value) == (
        f"COMMENTS_ISSO_URL «\u00a0{url}\u00a0» n’est ni une adresse http(s) ni un chemin du "
        "site\u00a0; écrivez par exemple https://commentaires.example.org ou /isso"
    )


def test_extra_sources_are_added_and_replace_none():
    csp = directives(
        policy.content_security_policy(
            "https://isso.example.org",
            {"img-src": ["https://images.example.org"], "frame-src": ["https://video.example"]},
        )
    )
    assert csp["img-src"] == ["'self'", "https://images.example.org"]
    assert csp["frame-src"] == ["https://video.example"]
    assert csp["connect-src"] == ["'self'", "https://isso.example.org"]
    with pytest.raises(policy.PolicyError, match="SECURITY_CSP_SOURCES"):
        policy.content_security_policy(None, {"img-src": ["https://x; script-src *"]})


def test_nginx_repeats_the_headers_where_it_caches_for_a_year():
    headers = policy.site_headers("default-src 'none'", "no-referrer", "camera=()")
    text = policy.nginx(headers, "theme", "_headers.nginx.conf")
    outer, inner = text.split("location", 1)
    for name, value in headers:
        assert f'add_header {name} "{value}" always;' in outer
        assert f'add_header {name} "{value}" always;' in inner
    assert 'Cache-Control "no-cache"' in outer and "immutable" in inner
    assert "include /chemin/du/site/_headers.nginx.conf;" in outer


def test_only_css_and_js_are_fingerprinted(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("body{}")
    (tmp_path / "icon.svg").write_text("<svg/>")
    assets = Assets([tmp_path], "theme", fingerprint=True)
    icon = assets.find("icon.svg")
    assert (icon.path, icon.sri) == ("theme/icon.svg", "")
    css = assets.find("css/site.css")
    assert re.fullmatch(r"theme/css/site\.[0-9a-f]{8}\.css", css.path)
    assert css.sri.startswith(' integrity="sha384-') and css.sri.endswith('crossorigin="anonymous"')
    assert assets.find("../secret.css") is None and assets.find("css/nope.css") is None
    assert [a.name for a in assets.fingerprinted()] == ["css/site.css"]
    assert hashed_name("js/a.b.js", bytes.fromhex("0123456789" * 5)) == "js/a.b.01234567.js"
    assert Assets([tmp_path], "theme", fingerprint=False).fingerprinted() == []
