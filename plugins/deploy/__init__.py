"""Publishing: .gz/.br siblings and reproducible bytes at build time, ``invoke deploy`` (cli.py)."""

from pelican import signals

from cmcore.plugins import connect

from .compress import compress_output
from .htaccess import complete_htaccess
from .reproducible import fix_sitemap_date, fix_today


def register() -> None:
    connect(
        "deploy",
        (signals.initialized, fix_today),
        (signals.all_generators_finalized, fix_sitemap_date),
        # Registered last (publishconf.py): the search index and every other file are written.
        (signals.finalized, complete_htaccess),
        (signals.finalized, compress_output),
    )
