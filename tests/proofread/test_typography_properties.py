"""Property tests of the render-time fix: idempotent, and code and attributes stay untouched."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from proofread.typography import fix_html

_TEXT = st.lists(
    st.sampled_from([*"abcé l'\":;!?.«»…,()-\u00a0\u202f\n&12", "&amp;", "https://x.fr/a:b"]),
    max_size=40,
).map("".join)
_RAW = st.text(alphabet=st.sampled_from(list("ab l'\":;!?.«»…=, ")), max_size=20)


@st.composite
def html_fragments(draw):
    parts = []
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["text", "code", "pre", "attr", "em"]))
        text = draw(_TEXT)
        raw = draw(_RAW)
        if kind == "text":
            parts.append(text)
        elif kind == "code":
            parts.append(f"<code>{raw}</code>")
        elif kind == "pre":
            parts.append(f"<pre>{raw}</pre>")
        elif kind == "attr":
            parts.append(f'<a title="{raw.replace(chr(34), "")}" href="x?a=1;b">{text}</a>')
        else:
            parts.append(f"<em>{text}</em>")
    return "<p>" + "".join(parts) + "</p>"


def _protected(html: str) -> list[str]:
    return re.findall(r"<code>.*?</code>|<pre>.*?</pre>|<[^>]*>", html, re.S)


@settings(max_examples=300, deadline=None)
@given(html_fragments())
def test_fix_is_idempotent(html):
    once = fix_html(html)
    assert fix_html(once) == once


@settings(max_examples=300, deadline=None)
@given(html_fragments())
def test_code_pre_and_tags_are_untouched(html):
    assert _protected(fix_html(html)) == _protected(html)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_fix_only_changes_typography(text):
    fixed = fix_html(text)
    letters = re.sub(r"[^\w]", "", text.replace("&amp;", "&"))
    assert re.sub(r"[^\w]", "", fixed.replace("&amp;", "&")) == letters
