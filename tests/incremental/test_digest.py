"""Page keys are digests of plain values: equal values, equal digests, whatever holds them."""

from incremental.fingerprint import digest


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
