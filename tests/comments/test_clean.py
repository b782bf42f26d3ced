"""Raw comments become clean ones in one place; what a build keeps belongs to that build."""

from __future__ import annotations

import datetime as dt

from cmcore import problems
from cmcore.perbuild import KEPT_BUILDS, PerBuild
from cmcore.problems import Problem
from comments import merge, moderation
from comments.model import APPROVED, DELETED, PENDING, SPAM, Comment, RawComment

DATE = dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def raw(**fields) -> RawComment:
    values = dict(
        id="csv:1",
        thread="/mon-article/",
        parent=None,
        author="<b>Awa</b>",
        author_url="javascript:alert(1)",
        date=DATE,
        html='<p onclick="x()">Merci<script>alert(1)</script></p>',
        targets=("mon-article",),
    )
    values.update(fields)
    return RawComment(**values)


def test_clean_sanitises_and_keeps_the_rest():
    comment = merge.clean(raw(), moderator=None)
    assert isinstance(comment, Comment)
    assert comment.html == "<p>Merci</p>"
    assert comment.author == "<b>Awa</b>"  # text: the templates escape it
    assert comment.author_url == ""
    assert (comment.id, comment.thread, comment.date, comment.status) == (
        "csv:1",
        "/mon-article/",
        DATE,
        APPROVED,
    )


def test_clean_moderates_approved_comments_only():
    words = moderation.moderator(lists={}, extra={"insulte": ["connard"]})
    held = merge.clean(raw(html="<p>Quel c0nn@rd</p>"), words)
    assert held.status == PENDING
    assert held.reason == "insulte\u00a0: «\u00a0connard\u00a0»"
    pending = merge.clean(raw(html="<p>connard</p>", status=PENDING, reason="r"), words)
    assert (pending.status, pending.reason) == (PENDING, "r")


def test_placeholder_keeps_only_the_place_in_the_thread():
    comment = merge.placeholder(raw(status=SPAM, parent="csv:0"))
    assert (comment.author, comment.author_url, comment.html) == ("", "", "")
    assert (comment.status, comment.parent) == (DELETED, "csv:0")


def test_problems_belong_to_one_build():
    first, second = {"PATH": "a"}, {"PATH": "a"}
    problems.start(first)
    problems.report(first, Problem("a.md", 1, "faux"))
    assert problems.told(first, "a.md")
    assert not problems.told(second, "a.md")
    assert problems.recorded(second) == []
    problems.start(first)  # the next build with the same settings starts afresh
    assert problems.recorded(first) == []


def test_only_the_last_builds_are_kept():
    kept: PerBuild[list] = PerBuild(list)
    builds = [{"n": n} for n in range(KEPT_BUILDS + 2)]
    for settings in builds:
        kept.start(settings).append(settings["n"])
    assert kept.peek(builds[0]) is None
    assert kept.peek(builds[-1]) == [KEPT_BUILDS + 1]
    assert kept.get(builds[0]) == []
