"""Article lists whose ``in`` is a set lookup, for Pelican's tag, category and author pages.

For each tag, category and author, Pelican keeps the dates of the site that belong to it:
``[a for a in self.dates if a in articles]``, a scan of a list for every article of the
site. At 1,000 articles that is millions of comparisons at every build, even when no
page is rendered. :class:`Members` answers ``in`` from a set of identities instead; it is
a list in every other way, and forgets its set whenever it changes.

Pelican's ``process_translations`` ends the same way, over every article of the site:
``[x for x in content_list if x not in index]``, fifty million comparisons at 10,000
articles (nearly a second of every build). :func:`process_translations` is Pelican's,
with that test made by identity in a set (content objects compare by identity).
"""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter

from pelican.generators import ArticlesGenerator
from pelican.utils import get_original_items


class Members(list):
    """A list of content objects; ``x in members`` is a set lookup by identity."""

    def __init__(self, items=()):
        super().__init__(items)
        self._ids = None

    def __contains__(self, item) -> bool:
        # Content objects compare by identity; anything with its own equality is looked
        # for the list's way.
        if type(item).__eq__ is not object.__eq__:
            return list.__contains__(self, item)
        ids = getattr(self, "_ids", None)
        if ids is None:
            ids = self._ids = {id(member) for member in self}
        # Members are alive as long as the list holds them: their ids are theirs alone.
        return id(item) in ids


def _forgetting(name: str):
    change = getattr(list, name)

    def method(self, *args, **kwargs):
        self._ids = None
        return change(self, *args, **kwargs)

    method.__name__ = name
    return method


for _name in (
    "append",
    "extend",
    "insert",
    "remove",
    "pop",
    "clear",
    "__setitem__",
    "__delitem__",
    "__iadd__",
    "__imul__",
):
    setattr(Members, _name, _forgetting(_name))


def process_translations(content_list, translation_id=None):
    """Pelican's ``process_translations`` (4.12), the last membership test in a set.

    Gives each content its ``translations`` and returns ``(originals, translations)``.
    """
    if not translation_id:
        return content_list, []
    if isinstance(translation_id, str):
        translation_id = {translation_id}
    index = []
    try:
        content_list.sort(key=attrgetter(*translation_id))
    except TypeError:
        raise TypeError(
            f"Cannot unpack {translation_id}, 'translation_id' must be falsy, a"
            " string or a collection of strings"
        ) from None
    except AttributeError:
        raise AttributeError(
            f"Cannot use {translation_id} as 'translation_id', there "
            "appear to be items without these metadata "
            "attributes"
        ) from None
    for id_vals, items in groupby(content_list, attrgetter(*translation_id)):
        id_vals = (id_vals,) if len(translation_id) == 1 else id_vals
        with_str = "with" + ", ".join([' {} "{{}}"'] * len(translation_id)).format(
            *translation_id
        ).format(*id_vals)
        items = list(items)
        index.extend(get_original_items(items, with_str))
        for a in items:
            a.translations = [x for x in items if x != a]
    # Content objects have no equality of their own: ``in`` is identity, here in a set.
    if any(type(x).__eq__ is not object.__eq__ for x in content_list):
        return index, [x for x in content_list if x not in index]
    originals = {id(x) for x in index}
    return index, [x for x in content_list if id(x) not in originals]


def use_members(generators) -> None:
    """Give the articles generators' tags, categories and authors :class:`Members` lists.

    In place: the build's context holds the same dict and lists. Incremental builds only:
    any other build keeps Pelican's own lists.
    """
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator) or not generator.settings.get(
            "INCREMENTAL"
        ):
            continue
        tags = generator.tags
        for tag in list(tags):
            tags[tag] = Members(tags[tag])
        for groups in (generator.categories, generator.authors):
            groups[:] = [(group, Members(articles)) for group, articles in groups]
