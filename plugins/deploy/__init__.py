"""Publishing: .gz/.br siblings and reproducible bytes at build time, ``invoke deploy`` (cli.py)."""

from pelican import signals

from .compress import compress_output
from .reproducible import fix_sitemap_date, fix_today


def register() -> None:
    signals.initialized.connect(fix_today)
    signals.all_generators_finalized.connect(fix_sitemap_date)
    # Registered last (publishconf.py): the search index and every other file are written.
    signals.finalized.connect(compress_output)
