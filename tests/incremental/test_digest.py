"""Page keys are digests of plain values: equal values, equal digests, whatever holds them."""

from types import SimpleNamespace

from pelican.contents import Article
from pelican.settings import read_settings
from pelican.utils import SafeDatetime

from incremental import fingerprint
from incremental.fingerprint import digest
from tests.conftest import ROOT


def test_equal_values_held_by_different_objects_have_one_digest():
    title = "".join(["Organiser ", "sa veille"])  # a string built at run time
    same = "".join(["Organiser ", "sa ", "veille"])
    assert title == same and title is not same
    # The same object twice, or two equal objects: pickle's memo would tell them apart.
    assert digest(((title, title), 3)) == digest(((title, same), 3))
    assert digest([("a", 1), None]) == digest((("a", 1), None))  # any iterable of parts


def test_different_values_have_different_digests():
    base = ("article.html", "veille/index.html", ("ref", 1.5, True, b"x", "é\ud800"))
    changed = ("article.html", "veille/index.html", ("ref", 1.5, False, b"x", "é\ud800"))
    assert digest(base) != digest(changed)
    assert digest(("1",)) != digest((1,)) and digest(((),)) != digest((None,))
    assert len(digest(base)) == 32


def _listing(*articles):
    """A listing page as Pelican's paginator gives it to a template."""
    return SimpleNamespace(object_list=list(articles), number=1, url="page/1/")


def test_listing_items_are_pictured_without_the_links_their_templates_do_not_read():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    one, two, three = (
        Article("<p>Texte</p>", {"title": title, "date": SafeDatetime(2026, 1, day)}, settings)
        for day, title in ((1, "Un"), (2, "Deux"), (3, "Trois"))
    )
    listing = _listing(one, two)
    cards = frozenset({"title", "url", "summary"})  # what a card shows
    related = cards | {"related_posts"}

    def pictures():
        fingerprint.reset()
        return (
            fingerprint.variable("articles_page", listing, read=cards),
            fingerprint.variable("articles_page", listing, read=related),
            fingerprint.variable("article", one),
        )

    one.related_posts = [two]
    before = pictures()
    one.related_posts = [three]  # an article added elsewhere became related
    after = pictures()
    assert after[0] == before[0]  # the cards do not show it: the listing stays
    assert after[1] != before[1]  # a template that reads related_posts sees it
    assert after[2] != before[2]  # the article's own page shows it
    one.title = "Un, revu"
    assert pictures()[0] != before[0]  # what the card shows is still pictured


def test_templates_name_the_attributes_they_read():
    from jinja2 import DictLoader, Environment

    environment = Environment(
        loader=DictLoader(
            {
                "list.html": '{% for a in articles_page.object_list %}{% include "card.html" %}'
                "{% endfor %}",
                "card.html": '{{ a.title }} {{ a["summary"] }} {{ a | map(attribute="url") }}',
            }
        )
    )
    read = fingerprint.template_attributes(environment, "list.html")
    assert {"object_list", "title", "summary", "url"} <= read
    assert "related_posts" not in read
