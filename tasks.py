"""Every workflow of the site, as invoke tasks (`invoke --list`).

The Makefile only bootstraps `.venv` and calls these tasks (or, for `make build` and
`make publish`, the same build in `lib/sitebuild.py`, without invoke in memory).
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

from cmcore.french import plural
from sitebuild import ROOT, SETTINGS_DEV, SETTINGS_PUBLISH, run_pelican
from sitebuild import setup_logging as _setup_logging

HOST = "127.0.0.1"
PORT = 8000
# Live comments (README, « Live comments with Isso »): Isso's database, never in output/.
ISSO_DB = ROOT / "var" / "comments.db"


@task
def clean(c):
    """Supprime le site construit (output/) et les caches."""
    from pelican.settings import read_settings

    settings = read_settings(str(SETTINGS_DEV))
    content = os.path.realpath(settings["PATH"])
    for name in ("OUTPUT_PATH", "CACHE_PATH"):
        folder = os.path.realpath(settings[name])
        # Never the content, the project, or a folder that holds either.
        if os.path.commonpath([folder, content]) == folder or folder == str(ROOT):
            print(f"{folder} n’est pas supprimé : il contient le contenu ou le projet.")
            continue
        shutil.rmtree(folder, ignore_errors=True)


@task
def build(c):
    """Construit le site dans output/ ; un fichier en erreur est signalé et ignoré."""
    sys.exit(run_pelican(SETTINGS_DEV))


@task
def publish(c):
    """Construit la version de production ; s’arrête au moindre problème de contenu."""
    sys.exit(run_pelican(SETTINGS_PUBLISH))


@task(help={"port": f"port du serveur (défaut : {PORT})"})
def serve(c, port=PORT):
    """Construit le site et le sert sur http://127.0.0.1:8000 avec rechargement automatique."""
    dev_server(int(port))


def dev_server(port: int = PORT, **overrides) -> None:
    """Build, serve ``output`` on loopback, rebuild (incrementally) when a source changes."""
    from pelican.settings import read_settings

    from cmcore.waiting import start_all
    from devserver.server import DevServer, interrupt_on_terminate
    from incremental import quick
    from proofread.proofread import grammar_in_progress

    def rebuild():
        try:
            run_pelican(SETTINGS_DEV, skip_if_up_to_date=False, **overrides)
        finally:
            # This process lives on: the search index and a held grammar pass must not
            # wait for its end.
            start_all()

    interrupt_on_terminate()
    # The saved article's page first, from what the last build left in memory.
    overrides = {"INCREMENTAL_QUICK_PAGES": True, **overrides}
    settings = read_settings(str(SETTINGS_DEV), override=overrides)
    server = DevServer(
        rebuild,
        settings["OUTPUT_PATH"],
        [settings["PATH"], settings["THEME"], ROOT / "plugins", ROOT / "lib", SETTINGS_DEV],
        host=HOST,
        port=port,
        ignored=[settings["CACHE_PATH"]],
        # Grammalecte's pass on new paragraphs may end after a build: its findings are then
        # shown by one build more (plugins/proofread/background.py).
        follow_up=grammar_in_progress,
        quick=quick.render,
    )
    # The first build too: a template error at start-up is told in French, and the server
    # waits for the fix.
    server.rebuild()
    print(f"Site servi sur http://{HOST}:{port}/ (Ctrl+C pour arrêter)", flush=True)
    server.serve_forever()


@task(
    help={
        "articles": "nombre d’articles du corpus généré (défaut : 1000)",
        "no_server": "sans la mesure du serveur de développement",
        "fautes": "des dizaines de fautes dans chaque article, comme un blog importé",
    }
)
def bench(c, articles=1000, no_server=False, fautes=False):
    """Mesure les temps de construction face à Pelican seul (corpus français généré)."""
    command = [sys.executable, str(ROOT / "bench" / "run.py"), "--articles", str(articles)]
    if no_server:
        command.append("--no-server")
    if fautes:
        command.append("--fautes")
    c.run(shlex.join(command), pty=False)


@task
def lint(c):
    """Vérifie le style du code Python (ruff)."""
    # The venv's own tools, whether or not the venv is activated.
    ruff = f"{shlex.quote(sys.executable)} -m ruff"
    c.run(f"{ruff} check {ROOT} && {ruff} format --check {ROOT}", pty=False)


@task(help={"args": "arguments passés à pytest, par exemple « -k feed »"})
def test(c, args=""):
    """Lance toute la suite de tests (lint compris)."""
    lint(c)
    with c.cd(str(ROOT)):
        c.run(f"{shlex.quote(sys.executable)} -m pytest {args}", pty=False)


@task(help={"output": "dossier du site construit (défaut\u00a0: output)"})
def check(c, output="output"):
    """Contrôle qualité du site : accessibilité, HTML, liens, poids, vitesse, mobile, sans JS.

    Une version de production (make publish), dont les liens visent SITEURL, est contrôlée
    sur ses fichiers locaux : rien n’est chargé depuis l’adresse publique.
    """
    from quality.gates import run_gates
    from quality.pages import ALL_TYPES
    from quality.published import checkable, published_address
    from quality.report import first_line

    folder = ROOT / output
    if not (folder / "index.html").is_file() and run_pelican(SETTINGS_DEV) != 0:
        sys.exit(1)
    address = published_address(folder)
    if address:
        print(f"Version de production (liens vers {address})\u00a0: contrôlée sur ses fichiers.")
    try:
        # The local view sits beside the site (same disk: hard links), removed afterwards.
        with checkable(folder, address, folder.parent / f".{folder.name}-controle") as view:
            results = run_gates(view, required=ALL_TYPES)
    except Exception as error:  # the browser or the local server could not start
        print(
            f"erreur\u00a0: les contrôles qualité n’ont pas pu s’exécuter ({first_line(error)}).",
            file=sys.stderr,
        )
        sys.exit(1)
    for result in results:
        print("\n".join(result.lines()))
    failed = [r for r in results if not r.ok]
    if failed:
        print(f"Contrôle échoué\u00a0: {plural(len(failed), 'contrôle')} en échec.")
        sys.exit(1)
    print(f"Contrôle réussi\u00a0: {len(results)} contrôles, aucun problème.")


# --- Comments (plugins/comments/README.md) --------------------------------------------------


@task(
    help={
        "file": "export à importer\u00a0: WordPress ou Disqus (XML), base Isso, JSON ou CSV",
        "source": "wordpress, disqus, isso, json ou csv (défaut\u00a0: selon le fichier)",
        "dry_run": "affiche le résumé sans rien écrire",
        "content": "dossier du contenu (défaut\u00a0: celui de pelicanconf.py)",
        "from_isso": "récupère les commentaires acceptés d’Isso\u00a0: FILE est la base "
        "(défaut\u00a0: var/comments.db) ou l’adresse du serveur",
    }
)
def comments_import(c, file, source=None, dry_run=False, content=None, from_isso=False):
    """Importe les commentaires d’un export (ou ceux acceptés dans Isso) dans content/comments/."""
    action = "pull" if from_isso else "import"
    options = {"dry_run": dry_run} if from_isso else {"source": source, "dry_run": dry_run}
    sys.exit(_comments_run(action, file, content=content, **options))


def _unparsed_after(task_name: str) -> tuple[list[str], int] | None:
    """The command line invoke is about to parse for its tasks, as a list to edit in place,
    and where the words of ``task_name`` start in it; None when that task is not run.

    Invoke has parsed its own options when it imports this file; the rest of the command
    line waits in its ``core.unparsed``. Its task parser fills one positional argument at
    most and none that may be left out (pyinvoke/invoke#159, #760): the two helpers below
    turn the bare words a documented command line gives into the options invoke parses.
    """
    # The program `invoke` and `python -m invoke` run; it has no ``core`` when this file
    # is imported otherwise (a test, another program): nothing to edit then.
    from invoke.main import program

    core = getattr(program, "core", None)
    if core is None or task_name not in core.unparsed:
        return None
    return core.unparsed, core.unparsed.index(task_name) + 1


def _default_isso_source() -> None:
    """Let `invoke comments-import --from-isso` alone pull from the database of comments-server:
    with no bare word for FILE, the default database is given as FILE."""
    found = _unparsed_after("comments-import")
    if found is None or "--from-isso" not in found[0]:
        return
    tokens, start = found
    expecting_value = False
    for token in tokens[start:]:
        if (not expecting_value and not token.startswith("-")) or token in ("-f", "--file"):
            return  # FILE given
        expecting_value = token in ("--source", "-s", "--content", "-c")
    tokens.append(str(ISSO_DB.relative_to(ROOT)))


_default_isso_source()


@task(
    help={
        "port": "port du serveur Isso sur 127.0.0.1 (défaut\u00a0: 8080)",
        "publish": "origine du site prise dans publishconf.py (production) au lieu de "
        "pelicanconf.py",
    }
)
def comments_server(c, port=8080, publish=False):
    """Lance Isso (commentaires en direct, modérés) au premier plan, base dans var/comments.db."""
    from pelican.settings import read_settings

    from comments import isso_server

    _setup_logging()
    os.chdir(ROOT)
    settings = read_settings(str(SETTINGS_PUBLISH if publish else SETTINGS_DEV))
    var = ISSO_DB.parent
    try:
        password, created = isso_server.secret(
            var, isso_server.PASSWORD_NAME, isso_server.PASSWORD_ENV
        )
        salt, _ = isso_server.secret(var, isso_server.SALT_NAME)
        config = isso_server.ServerConfig(
            origins=isso_server.site_origins(settings),
            dbpath=ISSO_DB.relative_to(ROOT),  # relative: the project folder can move
            port=int(port),
            password=password,
            salt=salt,
        )
        config_path = isso_server.write_config(var.relative_to(ROOT), config)
        command = isso_server.command(config_path)
    except isso_server.IssoSetupError as error:
        print(f"erreur\u00a0: {error}", file=sys.stderr)
        sys.exit(error.exitcode)
    if created:
        print(f"Mot de passe d’administration créé dans var/{isso_server.PASSWORD_NAME}.")
    print(
        f"Isso sur http://{HOST}:{port}/ pour {', '.join(config.origins)}\u00a0; "
        f"administration\u00a0: http://{HOST}:{port}/admin/ (Ctrl+C pour arrêter)"
    )
    sys.stdout.flush()
    os.umask(0o077)  # the database holds readers' e-mail addresses: owner only
    os.execv(command[0], command)


@task(
    help={
        "id": "identifiant du commentaire, par exemple wordpress:carnet.example:116",
        "content": "dossier du contenu (défaut\u00a0: celui de pelicanconf.py)",
    }
)
def comments_approve(c, id, content=None):
    """Publie un commentaire en attente de modération."""
    sys.exit(_comments_run("approve", id, content=content))


def _comments_run(action: str, target: str, content=None, **options) -> int:
    """Run a comments action; a hostile or unreadable file is one French line and exit 1."""
    from comments import cli
    from comments.model import CommentInputError

    _setup_logging()
    try:
        settings = cli.load_settings(SETTINGS_DEV, content)
        if action == "import":
            _, summary = cli.import_file(Path(target), settings, **options)
        elif action == "pull":
            _, summary = cli.pull_isso(target, settings, **options)
        else:
            summary = cli.approve(target, settings)
    except CommentInputError as error:
        print(f"erreur\u00a0: {error}", file=sys.stderr)
        return error.exitcode
    print(summary)
    return 0


# --- WordPress migration (lib/wordpress/README.md) ---------------------------------------


@task(
    help={
        "export": "export WordPress (Outils → Exporter → Tout le contenu), fichier XML",
        "uploads": "copie du dossier wp-content/uploads du site (images et fichiers)",
        "map": "correspondances des catégories et auteurs (TOML, voir le README)",
        "dry_run": "affiche le rapport complet sans rien écrire",
        "format": "text (défaut) ou json",
    }
)
def wp_import(c, export, uploads=None, map=None, dry_run=False, format="text"):
    """Importe un blog WordPress : articles, pages, images, commentaires, anciennes adresses."""
    from wordpress import cli

    _setup_logging()
    sys.exit(cli.run(SETTINGS_DEV, export, uploads, map, dry_run, format))


@task(help={"today": "date de référence AAAA-MM-JJ (défaut : aujourd’hui)"})
def events(c, today=None):
    """Vérifie les événements de content/evenements/ et liste ceux à venir."""
    sys.exit(_events_run(today))


def _events_run(today: str | None = None) -> int:
    from pelican import Pelican
    from pelican.settings import read_settings

    _setup_logging()
    os.chdir(ROOT)
    settings = read_settings(str(SETTINGS_DEV), override={"EVENTS_TODAY": today} if today else {})
    pelican = Pelican(settings)  # registers the plugins, so that the site's reader is used
    from cmcore.problems import recorded
    from events import wording
    from events.events import preview

    entries = preview(pelican)
    upcoming = [entry for entry in entries if entry.upcoming]
    print(f"{plural(len(upcoming), 'événement')} à venir\u00a0:")
    for entry in upcoming:
        when, badge = wording.dates(entry.occurrence), wording.badge(entry)
        print(f"- {when}\u00a0: {entry.event.title} ({badge})")
    found = recorded(settings)
    if found:
        files = len({problem.path for problem in found})
        print(f"{plural(files, 'fichier')} d’événement en erreur (voir ci-dessus).")
        return 1
    return 0


def _proofread_paths_as_options() -> None:
    """Let `invoke proofread a.md b.md` name several files, and `invoke proofread --ajouter
    mot1 mot2` several words: bare words after ``proofread`` become ``--path`` options
    (``iterable`` in the task), or ``--ajouter`` options after ``--ajouter`` (up to the next
    option; ``-`` included, for the words of the standard input)."""
    found = _unparsed_after("proofread")
    if found is None:
        return
    tokens, start = found
    rewritten, expecting_value, adding = [], False, False
    for token in tokens[start:]:
        if adding and not expecting_value and (token == "-" or not token.startswith("-")):
            rewritten += ["--ajouter", token]
        elif expecting_value or token.startswith("-"):
            rewritten.append(token)
            if not expecting_value:
                adding = token in ("--ajouter", "-a") or token.startswith("--ajouter=")
            expecting_value = not expecting_value and token in _PROOFREAD_VALUED
        elif os.path.exists(token) or "/" in token or token.endswith(".md"):
            rewritten += ["--path", token]
        else:
            rewritten.append(token)
    tokens[start:] = rewritten


# Options of `invoke proofread` followed by their value.
_PROOFREAD_VALUED = ("--format", "-f", "--path", "-p", "--ajouter", "-a", "--content", "-c")

_proofread_paths_as_options()


@task(
    iterable=["path", "ajouter"],
    help={
        "path": "fichier ou dossier à relire (plusieurs possibles ; défaut : tout content/)",
        "format": "text (défaut), json ou html (rapport autonome dans cache/relecture.html)",
        "strict": "code de sortie 1 s’il reste une faute nouvelle (ni la typographie corrigée "
        "au rendu ni les fautes connues ne comptent)",
        "fix-typography": "corrige la typographie dans les fichiers (copie .bak) et affiche "
        "les différences",
        "baseline": "enregistre les fautes actuelles comme fautes connues "
        "(content/fautes-connues.json) et retire les entrées périmées",
        "vocabulaire": "liste les mots inconnus du dictionnaire (de tout content/ ou des "
        "chemins donnés), du plus fréquent au plus rare, avec leurs fichiers ; "
        "« faute probable ? » marque ceux qui sont à une lettre d’un mot français ; "
        "--format json possible",
        "ajouter": "ajoute des mots au dictionnaire du site (content/dictionnaire.txt) : "
        "--ajouter MOT [MOT ...], --ajouter 'MOT, MOT' ou --ajouter - (mots lus sur "
        "l’entrée standard, un par ligne) ; une expression entre guillemets "
        "('community manager') compte pour un mot",
        "content": "dossier du contenu (défaut : celui de pelicanconf.py)",
    },
)
def proofread(
    c,
    path=None,
    format="text",
    strict=False,
    fix_typography=False,
    baseline=False,
    vocabulaire=False,
    ajouter=None,
    content=None,
):
    """Relit le contenu : orthographe, grammaire, répétitions et typographie françaises."""
    from proofread.cli import UsageError, run

    _setup_logging()
    os.chdir(ROOT)
    try:
        code = run(
            list(path or []),
            ROOT,
            format,
            strict,
            fix_typography,
            baseline=baseline,
            list_words=vocabulaire,
            add=list(ajouter or []),
            content_folder=content,
        )
    except UsageError as error:
        print(f"erreur : {error}", file=sys.stderr)
        code = 2
    sys.exit(code)


# --- Deploy (plugins/deploy/README.md) -------------------------------------------------------


@task(
    help={
        "to": "cible\u00a0: un nom de DEPLOY_TARGETS (publishconf.py) ou dossier:/chemin, "
        "rsync:utilisateur@hôte[:port]:/chemin, git:/chemin/ou/url#branche",
        "dry_run": "affiche ce qui serait ajouté, modifié et retiré sur la cible, "
        "sans rien envoyer",
        "force": "déploie même si le contenu ou les contrôles qualité échouent (dangereux\u00a0: "
        "avertissement au début et dans le bilan)",
        "gates": "contrôles qualité avant l’envoi\u00a0: tous (défaut), liens (les liens seuls) "
        "ou aucun\u00a0; liens et aucun sont signalés par un avertissement, au début et dans "
        "le bilan",
        "settings": "fichier de réglages de production (défaut\u00a0: publishconf.py)",
    }
)
def deploy(c, to=None, dry_run=False, force=False, gates="tous", settings=None):
    """Construit, contrôle et met le site en ligne en n’envoyant que ce qui a changé."""
    from deploy.cli import run

    _setup_logging()
    settings_file = Path(settings).resolve() if settings else SETTINGS_PUBLISH
    sys.exit(run(settings_file, to=to, dry_run=dry_run, force=force, gates=gates))


# --- Monthly report (lib/report/README.md) -----------------------------------------------


@task(
    iterable=["logs"],
    help={
        "du": "premier jour de la période, AAAA-MM-JJ "
        "(défaut\u00a0: début du dernier mois complet)",
        "au": "dernier jour de la période, AAAA-MM-JJ (défaut\u00a0: fin du dernier mois complet)",
        "logs": "journal d’accès nginx ou Apache (.log ou .gz)\u00a0; répétez l’option pour "
        "plusieurs fichiers",
        "sans_pdf": "n’imprime pas rapport.pdf (Chromium)",
    },
)
def rapport(c, du=None, au=None, logs=None, sans_pdf=False):
    """Écrit le rapport d’activité de la communauté dans rapports/<période>/ (HTML, PDF, CSV)."""
    from report.cli import main

    # An empty « --du "" » is passed on, to be refused with a French line, not ignored.
    argv = [*(["--du", du] if du is not None else []), *(["--au", au] if au is not None else [])]
    for path in logs or []:
        argv += ["--logs", path]
    argv += ["--sans-pdf"] if sans_pdf else []
    sys.exit(main(argv))
