"""Targets written out with --to or declared in DEPLOY_TARGETS."""

from __future__ import annotations

import pytest

from deploy.targets import DeployError, resolve


@pytest.mark.parametrize(
    ("written", "kind", "destination", "port", "branch"),
    [
        ("dossier:/media/cle/carnet", "dossier", "/media/cle/carnet", None, "gh-pages"),
        (
            "rsync:carnet@exemple.org:/var/www/carnet",
            "rsync",
            "carnet@exemple.org:/var/www/carnet",
            None,
            "gh-pages",
        ),
        (
            "rsync:carnet@exemple.org:2222:/var/www",
            "rsync",
            "carnet@exemple.org:/var/www",
            2222,
            "gh-pages",
        ),
        (
            "git:git@codeberg.org:koffi/pages.git#pages",
            "git",
            "git@codeberg.org:koffi/pages.git",
            None,
            "pages",
        ),
        ("git:/srv/depots/site.git", "git", "/srv/depots/site.git", None, "gh-pages"),
    ],
)
def test_written_out_targets(written, kind, destination, port, branch):
    target = resolve(written, {"DEPLOY_SSH_OPTIONS": ["-4"]})
    assert (target.kind, target.destination, target.port, target.branch) == (
        kind,
        destination,
        port,
        branch,
    )
    assert target.ssh_options == (("-4",) if kind == "rsync" else ())


def test_declared_targets_and_default():
    settings = {
        "DEPLOY_TARGETS": {
            "serveur": {"type": "rsync", "destination": "c@h:/www", "port": 22, "ssh": ["-v"]},
            "github": {"type": "git", "destination": "git@github.com:k/c.git", "garder": ["CNAME"]},
        },
        "DEPLOY_DEFAULT": "github",
        "DEPLOY_SSH_OPTIONS": ["-4"],
    }
    assert resolve(None, settings).keep == ("CNAME",)
    assert resolve("serveur", settings).ssh_options == ("-4", "-v")


@pytest.mark.parametrize(
    ("declared", "told"),
    [
        ({"type": "ftp", "destination": "x"}, "« type » doit valoir dossier, rsync, git"),
        ({"type": "rsync"}, "« destination » manque"),
        ({"type": "rsync", "destination": "/www"}, "s’écrit utilisateur@hôte:/chemin"),
        ({"type": "dossier", "destination": "/x", "branch": "a"}, "clé inconnue branch"),
        ({"type": "rsync", "destination": "h:/x", "port": "22"}, "« port » doit être un nombre"),
    ],
)
def test_mistakes_in_declared_targets_are_told(declared, told):
    with pytest.raises(DeployError) as error:
        resolve("cible", {"DEPLOY_TARGETS": {"cible": declared}})
    assert told in str(error.value).replace("\u00a0", " ")
    assert "DEPLOY_TARGETS[« cible »]" in str(error.value).replace("\u00a0", " ")


def test_no_target_at_all():
    with pytest.raises(DeployError, match="aucune cible"):
        resolve(None, {})
