"""Proofread plugin: French spelling, grammar, repetition and typography of the content."""


def register() -> None:
    # Imported here: the proofreading modules are used without Pelican too (the CLI, the
    # process that proofreads beside the build), and need not load it.
    from .proofread import register as register_signals

    register_signals()


__all__ = ["register"]
