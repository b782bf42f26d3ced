"""Quality gates over a built site: accessibility, HTML validity, links, budgets, mobile.

Not a Pelican plugin (nothing to register): ``invoke check`` and the test suite run these
gates on ``output/``. Each gate returns :class:`report.Failure` records; ``report`` turns
them into one French line per gate.
"""
