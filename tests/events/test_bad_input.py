"""A broken event gets one French line naming its file and line; the other events still build."""

from __future__ import annotations

import logging
import shutil

import pytest

from cmcore.problems import ContentError
from tests.conftest import ROOT, build_site, copy_content, plain, run_task

BROKEN = ROOT / "tests" / "data" / "events" / "broken"
EXPECTED = [
    "fin-avant-debut.md:4 : fin « 2026-12-05 17:00 » avant le début « 2026-12-05 18:30 » ; "
    "corrigez Event-End ou Event-Start",
    "fuseau-inconnu.md:5 : fuseau horaire « Africa/Abidjn » inconnu ; écrivez un nom de la "
    "base IANA, par exemple « Africa/Abidjan »",
    "date-illisible.md:2 : date de début « 12/12/2026 9h » illisible ; écrivez Event-Start: "
    "AAAA-MM-JJ HH:MM, par exemple « 2026-12-05 18:30 », ou AAAA-MM-JJ pour une journée "
    "entière",
    "rrule-illisible.md:6 : règle de répétition « FREQ=SOMETIMES » illisible ; écrivez une "
    "RRULE iCalendar, par exemple « FREQ=MONTHLY;BYDAY=1TH;COUNT=6 »",
    "type-inconnu.md:4 : type « gala » inconnu ; choisissez parmi afterwork, meetup, "
    "techcamp, formation, webinaire",
]
GOOD_EVENTS = 7


@pytest.fixture(scope="module")
def broken_content(tmp_path_factory):
    content = copy_content(tmp_path_factory.mktemp("broken"))
    for source in BROKEN.glob("*.md"):
        shutil.copy(source, content / "evenements" / source.name)
    return content


def test_each_problem_is_one_french_line_and_the_rest_builds(tmp_path, broken_content, caplog):
    with caplog.at_level(logging.WARNING):
        site = build_site(tmp_path, content=broken_content, EVENTS_TODAY="2026-11-24")
    warnings = [plain(r.getMessage()) for r in caplog.records if r.levelno >= logging.WARNING]
    events_warnings = [w for w in warnings if "/evenements/" in w]
    for expected in EXPECTED:
        matching = [w for w in events_warnings if w.endswith(expected)]
        assert len(matching) == 1, (expected, events_warnings)
        assert matching[0].startswith(str(broken_content / "evenements"))
    assert len(events_warnings) == len(EXPECTED), events_warnings
    # Good events are all published; broken ones are nowhere.
    cards = site.html("/evenements/").select(".event-card")
    assert len(cards) == GOOD_EVENTS
    assert not site.path("/evenements/type-inconnu/").exists()
    assert "gala" not in site.text("/evenements/calendrier.ics").lower()


def test_strict_build_refuses_before_writing(tmp_path, broken_content):
    with pytest.raises(ContentError) as refused:
        build_site(tmp_path, content=broken_content, CONTENT_STRICT=True, EVENTS_TODAY="2026-11-24")
    messages = [plain(str(p)) for p in refused.value.problems]
    for expected in EXPECTED:
        assert any(m.endswith(expected) for m in messages), expected
    assert not (tmp_path / "output" / "evenements").exists()


def test_publish_stops_with_french_lines_and_no_traceback(tmp_path, broken_content):
    result = run_task("publishconf.py", broken_content, tmp_path / "out")
    assert result.returncode == 1, result.stderr
    err = plain(result.stderr)
    assert "Traceback" not in err
    for expected in EXPECTED:
        assert expected in err
    assert "Publication refusée" in err
