"""Members: Pelican's article lists with a set lookup for ``in``, and list behaviour otherwise."""

from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import SafeDatetime

from incremental import seam
from incremental.members import Members, process_translations


class Item:
    """Compares by identity, as Pelican's content objects do."""


def test_membership_follows_every_change_of_the_list():
    a, b, c = Item(), Item(), Item()
    members = Members([a, b])
    assert a in members and b in members and c not in members
    members.append(c)
    assert c in members
    members.remove(a)
    assert a not in members
    members[0] = a  # b replaced
    assert a in members and b not in members
    del members[0]
    assert a not in members
    members += [b]
    assert b in members
    members.extend([a])
    members.insert(0, Item())
    assert a in members
    assert members.pop() is a and a not in members
    members.clear()
    assert b not in members and c not in members


def test_a_members_list_is_a_list_for_everything_else():
    a, b = Item(), Item()
    members = Members([a, b])
    assert isinstance(members, list) and members == [a, b]
    assert members[:1] == [a] and list(reversed(members)) == [b, a]
    assert [x for x in [b, Item(), a] if x in members] == [b, a]


def test_values_with_their_own_equality_are_compared_by_value():
    members = Members(["veille", "modération"])
    assert "veille" in members and "".join(["veil", "le"]) in members
    assert "animation" not in members


def _articles():
    settings = dict(DEFAULT_CONFIG)
    specs = [
        ("veille", "fr", {}),
        ("veille", "en", {}),
        ("moderation", "fr", {}),
        ("animation", "en", {}),
        ("animation", "fr", {"translation": "true"}),
        ("mesure", "en", {}),
    ]
    return [
        Article(
            "<p>Corps</p>",
            {
                "title": f"{slug} {lang}",
                "slug": slug,
                "lang": lang,
                **extra,
                "date": SafeDatetime(2026, 3, 1 + number),
            },
            settings,
            f"{slug}-{lang}.md",
        )
        for number, (slug, lang, extra) in enumerate(specs)
    ]


def test_translations_are_pelicans():
    for translation_id in ("slug", ("slug", "lang"), None):
        ours, stock = _articles(), _articles()
        found = process_translations(ours, translation_id)
        expected = seam.pelican_process_translations(stock, translation_id)
        assert [[a.source_path for a in part] for part in found] == [
            [a.source_path for a in part] for part in expected
        ]
        assert [[t.source_path for t in getattr(a, "translations", [])] for a in ours] == [
            [t.source_path for t in getattr(a, "translations", [])] for a in stock
        ]
