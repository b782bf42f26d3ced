"""Pelican glue of the security plugin: the ``asset()`` template global, the fingerprinted
copies of the theme's files and the header files.

The work is in the pure modules (``fingerprint``, ``policy``). Every generator's Jinja
environment gets ``asset``; the plugin's own generator, which Pelican runs after the
page generators, writes ``theme/css/site.3f2a9c1b.css`` beside Pelican's own copy of
``theme/css/site.css``, then ``_headers`` and the server snippets.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from pelican.utils import sanitised_join

from cmcore.files import same_as_last_build, write_atomically
from cmcore.french import NBSP, quoted
from cmcore.plugins import connect

from . import policy, settings
from .fingerprint import Asset, Assets
from .policy import PolicyError

logger = logging.getLogger(__name__)


def theme_assets(pelican_settings: dict) -> Assets:
    """The theme's static files, as the settings place them in the output."""
    theme = Path(pelican_settings["THEME"])
    roots = [theme / folder for folder in pelican_settings.get("THEME_STATIC_PATHS", ["static"])]
    return Assets(
        roots,
        pelican_settings.get("THEME_STATIC_DIR", "theme"),
        bool(settings.get(pelican_settings, "SECURITY_FINGERPRINT")),
    )


# The names a template asked for in vain, told once per build (each generator has its own
# Jinja environment, and the dev server builds many times in one process).
_told: set[str] = set()


def start(pelican) -> None:
    _told.clear()


def add_template_global(generator) -> None:
    assets = theme_assets(generator.settings)
    told = _told

    def asset(name: str) -> Asset:
        found = assets.find(name)
        if found is None:
            found = Asset(name, Path(name), assets.site_path(name.lstrip("/")))
            if name not in told:
                told.add(name)
                logger.error(
                    "%s%s: asset(%s) ne trouve pas ce fichier dans le thème%s; corrigez le "
                    "nom dans le gabarit (chemin relatif à theme/static)",
                    generator.settings["THEME"],
                    NBSP,
                    quoted(name),
                    NBSP,
                )
        return found

    generator.env.globals["asset"] = asset


class SecurityGenerator(Generator):
    """Writes the fingerprinted copies and the header files."""

    def generate_context(self) -> None:
        self.assets = theme_assets(self.settings)

    def generate_output(self, writer) -> None:
        copies = self.assets.fingerprinted()
        for asset in copies:
            self._copy(writer, asset)
        try:
            isso = policy.isso_origin(self.settings.get("COMMENTS_ISSO_URL"))
            csp = policy.content_security_policy(
                isso, settings.get(self.settings, "SECURITY_CSP_SOURCES")
            )
        except PolicyError as error:
            logger.error("%s%s; les en-têtes de sécurité ne sont pas écrits", error, NBSP)
            return
        headers = policy.site_headers(
            csp,
            settings.get(self.settings, "SECURITY_REFERRER_POLICY"),
            settings.get(self.settings, "SECURITY_PERMISSIONS_POLICY"),
        )
        nginx_name = settings.get(self.settings, "SECURITY_NGINX")
        files = {
            settings.get(self.settings, "SECURITY_HEADERS"): lambda: policy.netlify(
                headers, [f"/{asset.path}" for asset in copies]
            ),
            nginx_name: lambda: policy.nginx(headers, self.assets.static_dir, nginx_name),
            settings.get(self.settings, "SECURITY_APACHE"): lambda: policy.apache(headers),
        }
        for name, text in files.items():
            if name:
                content = text()
                self._write(writer, name, content, content)

    def _copy(self, writer, asset: Asset) -> None:
        # Its name is its content: a copy an earlier build made stays as it is (the
        # incremental writer then records it as this build's), an outdated one is removed
        # as any file the build no longer produces.
        self._write(writer, asset.path, asset.source, (str(asset.source), asset.integrity))

    def _write(self, writer, name: str, data: str | Path, inputs) -> None:
        """Write ``data`` (text, or a file's bytes) to ``name`` in the output, unless the
        last (incremental) build wrote it from the same ``inputs``."""
        if same_as_last_build(writer, name, inputs):
            return
        try:
            content = data.read_bytes() if isinstance(data, Path) else data
            write_atomically(sanitised_join(self.output_path, name), content)
        except OSError as error:
            logger.error("%s non écrit dans la sortie%s: %s", name, NBSP, error)


def get_generators(pelican) -> type[Generator]:
    return SecurityGenerator


def register() -> None:
    connect(
        "security",
        (signals.initialized, start),
        (signals.generator_init, add_template_global),
        (signals.get_generators, get_generators),
    )
