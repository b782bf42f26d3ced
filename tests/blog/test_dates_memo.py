"""French month and day names come from Babel, asked once and remembered between builds."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from cmcore import dates


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.setattr(dates, "_SAID", {})
    monkeypatch.setattr(dates, "_NEW", set())


def _babel_refuses(*args, **kwargs):
    raise AssertionError("Babel asked again")


def test_what_babel_said_is_kept_and_used_by_the_next_build(tmp_path, fresh, monkeypatch):
    memo = tmp_path / "cache" / "dates-fr.json"
    said = [
        dates.format_date(dt.date(2026, 12, 5), weekday=True),
        dates.format_range(dt.date(2026, 3, 30), dt.date(2026, 4, 2)),
    ]
    assert said == ["samedi 5\u00a0décembre 2026", "du 30\u00a0mars au 2\u00a0avril 2026"]
    dates.save_memo(memo)
    assert json.loads(memo.read_text(encoding="utf-8"))["said"]["MMMM y|2026-12-01"] == (
        "décembre 2026"
    )
    monkeypatch.setattr(dates, "_SAID", {})
    dates.load_memo(memo)
    monkeypatch.setattr(dates, "_babel_date", _babel_refuses)
    assert [
        dates.format_date(dt.date(2026, 12, 5), weekday=True),
        dates.format_range(dt.date(2026, 3, 30), dt.date(2026, 4, 2)),
    ] == said


@pytest.mark.parametrize(
    "text",
    [
        '{"babel": [1, "0.0", "fr_FR"], "said": {"MMMM y|2026-12-01": "faux 2026"}}',
        '{"babel": ',
        '["pas", "un", "objet"]',
    ],
)
def test_a_memo_of_another_babel_or_damaged_is_ignored(tmp_path, fresh, text):
    memo = tmp_path / "dates-fr.json"
    memo.write_text(text, encoding="utf-8")
    dates.load_memo(memo)
    assert dates.format_date(dt.date(2026, 12, 5)) == "5\u00a0décembre 2026"
