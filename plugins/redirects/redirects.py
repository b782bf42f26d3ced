"""Pelican glue of the redirects plugin: read the table, report its problems, write the files.

The work is in the pure modules (``table``, ``targets``, ``page``, ``rules``). The plugin is
a generator, listed after the others in ``PLUGINS``: its ``generate_context`` runs once
every content is known and before strict builds refuse bad content (the blog plugin's
``all_generators_finalized``); its ``generate_output`` runs once the other generators
have written their pages (Pelican's static files come after it), so that it never writes
over a page of the site.
"""

from __future__ import annotations

import html
import logging
import os
import re
from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from pelican.utils import sanitised_join

from cmcore import problems
from cmcore.files import same_as_last_build, write_atomically
from cmcore.french import NBSP
from cmcore.plugins import connect
from cmcore.problems import Problem
from incremental import seam

from . import page, rules, settings, table, targets
from .targets import Destination, Resolved

logger = logging.getLogger(__name__)
_TAG = re.compile(r"<[^>]+>")


class RedirectsGenerator(Generator):
    """Resolves the table against the site's contents, then writes pages and rules."""

    def generate_context(self) -> None:
        self.resolved: list[Resolved] = []
        self.context["REDIRECTS_QUERY_MAP"] = None
        name = settings.get(self.settings, "REDIRECTS_FILE")
        if not name:
            return
        path = os.path.join(self.path, name)
        self.table_name = f"{os.path.basename(os.path.normpath(self.path))}/{name}"
        found, broken = table.read(Path(path))
        resolved, unresolved = [], []
        if found.redirects:  # the site's pages are only listed for a table that needs them
            resolved, unresolved = targets.resolve(
                found.redirects,
                path,
                contents=self._contents(),
                site_files=self._site_files(),
                siteurl=self.settings.get("SITEURL", ""),
            )
        for problem in sorted(broken + unresolved, key=lambda problem: problem.line):
            problems.report(self.settings, problem)
        self.table_path = path
        self.resolved = resolved
        if settings.get(self.settings, "REDIRECTS_JSON") and rules.query_map(resolved):
            self.context["REDIRECTS_QUERY_MAP"] = settings.get(self.settings, "REDIRECTS_JSON")

    def _contents(self) -> dict[str, Destination | None]:
        """Every content by its source path (``/`` separated), None when not published."""
        contents: dict[str, Destination | None] = {}
        for source, content in self.context["generated_content"].items():
            key = source.replace(os.sep, "/")
            if content is None or not getattr(content, "save_as", ""):
                contents[key] = None
                continue
            # Titles may hold markup and entities; the French no-break spaces are kept.
            title = html.unescape(_TAG.sub("", getattr(content, "title", "") or ""))
            contents[key] = Destination(f"/{content.url}", title.strip())
        return contents

    def _site_files(self) -> set[str]:
        """The pages the site renders, as far as they are known before anything is written."""
        context, files = self.context, set()
        for content in context["generated_content"].values():
            if content is not None and getattr(content, "save_as", ""):
                files.add(content.save_as)
        for key in ("categories", "tags", "authors"):
            for item in context.get(key) or ():
                wrapper = item[0] if isinstance(item, tuple) else item
                if getattr(wrapper, "save_as", ""):
                    files.add(wrapper.save_as)
        for name in self.settings.get("DIRECT_TEMPLATES", ()):
            files.add(self.settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html"))
        for key in ("FEED_ALL_ATOM", "FEED_ALL_RSS", "FEED_ATOM", "FEED_RSS"):
            files.add(self.settings.get(key) or "")
        files.discard("")
        return {os.path.normpath(name).replace(os.sep, "/") for name in files}

    # --- output ---------------------------------------------------------------------------

    def generate_output(self, writer) -> None:
        if not self.resolved:
            return
        written = self._written(writer)
        late = [r for r in self.resolved if not r.query and targets.served_file(r.path) in written]
        for redirect in late:
            # A page the early check could not know (a pagination page, a plugin's page).
            problem = Problem(self.table_path, redirect.line, targets.taken(redirect.redirect))
            problems.report(self.settings, problem)
        resolved = [r for r in self.resolved if r not in late]
        if settings.get(self.settings, "REDIRECTS_PAGES"):
            sitename = self.settings.get("SITENAME", "")
            # The theme's icon, as base.html links it (SITEURL is "" in development).
            icon = (
                f"{self.settings.get('SITEURL', '')}/"
                f"{self.settings.get('THEME_STATIC_DIR', 'theme')}/images/favicon.svg"
            )
            for redirect in resolved:
                if not redirect.query and targets.has_page(redirect.path):
                    text = page.render(redirect.url, redirect.label, sitename, icon)
                    self._write(writer, targets.served_file(redirect.path), text)
        self._write_rules(writer, resolved, written)
        if late:
            problems.finish(self.settings)  # strict builds refuse, as for the other problems

    def _written(self, writer) -> set[str]:
        """Every file this build wrote or will copy, relative to the output folder."""
        # Pelican's writer records each file it writes (incremental builds included, for
        # the pages they leave as they are); it has no public accessor for that record.
        files = {
            os.path.relpath(name, self.output_path).replace(os.sep, "/")
            for name in seam.written_files(writer)
        }
        for static in self.context.get("static_content", {}).values():
            if static is not None and getattr(static, "save_as", ""):
                files.add(os.path.normpath(static.save_as).replace(os.sep, "/"))
        return files

    def _write_rules(self, writer, resolved: list[Resolved], written: set[str]) -> None:
        name = self.table_name
        outputs = {
            "REDIRECTS_NETLIFY": lambda: rules.netlify(
                resolved, name, force=settings.get(self.settings, "REDIRECTS_NETLIFY_FORCE")
            ),
            "REDIRECTS_APACHE": lambda: rules.apache(resolved, name),
            "REDIRECTS_NGINX": lambda: rules.nginx(
                resolved, name, include=settings.get(self.settings, "REDIRECTS_NGINX")
            ),
        }
        if self.context["REDIRECTS_QUERY_MAP"]:
            outputs["REDIRECTS_JSON"] = lambda: rules.query_json(resolved)
        for setting, text in outputs.items():
            path = settings.get(self.settings, setting)
            if not path or not resolved:
                continue
            if path in written:
                logger.warning(
                    "%s est déjà un fichier du site%s; les redirections n’y sont pas écrites, "
                    "réglez %s sur un autre nom",
                    path,
                    NBSP,
                    setting,
                )
                continue
            self._write(writer, path, text())

    def _write(self, writer, path: str, text: str) -> None:
        # As the events plugin's calendars: with incremental builds, a file whose text did
        # not change is left as it is, and the build records it as its own.
        if same_as_last_build(writer, path, text):
            return
        try:
            write_atomically(sanitised_join(self.output_path, path), text)
        except OSError as error:
            logger.warning("redirection non écrite dans %s%s: %s", path, NBSP, error)


def get_generators(pelican) -> type[Generator]:
    return RedirectsGenerator


def register() -> None:
    connect(
        "redirects",
        (signals.get_generators, get_generators),
    )
