"""Search plugin: indexes the built site with Pagefind, offline, in French."""


def register() -> None:
    # Imported here, not with the package: ``python -m search.index`` (the background
    # indexer) then runs the module once, without Pelican.
    from .search import register as register_signals

    register_signals()
