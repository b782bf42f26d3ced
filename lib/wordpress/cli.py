"""What ``invoke wp-import`` does, outside Pelican: settings in, a report and an exit code out."""

from __future__ import annotations

import sys
from pathlib import Path

from pelican.settings import read_settings

from cmcore.french import NBSP
from cmcore.problems import ContentError
from comments.model import CommentInputError

from . import importer, report


def run(
    settings_file: Path,
    export: str,
    uploads: str | None = None,
    map_file: str | None = None,
    dry_run: bool = False,
    output: str = "text",
) -> int:
    """Import, print the report (French text or JSON); 0, or 1 with one French line."""
    if output not in ("text", "json"):
        print(f"erreur{NBSP}: format {output!r} inconnu, choisissez text ou json", file=sys.stderr)
        return 2
    export_path = Path(export)
    if not export_path.is_file():
        print(
            f"erreur{NBSP}: {export}{NBSP}: fichier introuvable, vérifiez le chemin",
            file=sys.stderr,
        )
        return 1
    if uploads and not Path(uploads).is_dir():
        print(
            f"erreur{NBSP}: {uploads}{NBSP}: dossier introuvable (il faut la copie de "
            "wp-content/uploads)",
            file=sys.stderr,
        )
        return 1
    settings = read_settings(str(settings_file))
    try:
        found = importer.run(
            settings,
            export_path,
            Path(uploads) if uploads else None,
            Path(map_file) if map_file else None,
            dry_run,
        )
    except (CommentInputError, ContentError) as error:
        print(f"erreur{NBSP}: {error}", file=sys.stderr)
        return 1
    print(report.render_json(found) if output == "json" else report.render_text(found))
    return 0
