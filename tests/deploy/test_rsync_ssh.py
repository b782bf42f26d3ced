"""`invoke deploy` over rsync and SSH, to a real sshd started on a loopback port."""

from __future__ import annotations

import getpass

import pytest

from bench.deploy_bench import throwaway_sshd
from tests.deploy.conftest import make_project, stamps, tree


@pytest.fixture(scope="module")
def sshd(tmp_path_factory):
    """An sshd on 127.0.0.1 with throwaway host and user keys: (port, ssh options)."""
    with throwaway_sshd(tmp_path_factory.mktemp("sshd")) as started:
        yield started


def test_rsync_over_ssh_sends_only_what_changed(sshd, tmp_path):
    port, options = sshd
    project = make_project(tmp_path / "projet", DEPLOY_SSH_OPTIONS=options)
    remote = tmp_path / "serveur" / "var" / "www" / "carnet"
    written = f"rsync:{getpass.getuser()}@127.0.0.1:{port}:{remote}"

    dry = project.deploy("--to", written, "--gates", "aucun", "--dry-run")
    assert dry.returncode == 0, dry.said
    assert "Simulation (rsync" in dry.said and not remote.exists()

    first = project.deploy("--to", written, "--gates", "aucun")
    assert first.returncode == 0, first.said
    assert tree(remote) == tree(project.output)
    assert f"(port {port}) terminé" in first.said

    before = stamps(remote)
    second = project.deploy("--to", written, "--gates", "aucun")
    assert second.returncode == 0, second.said
    assert "rien à envoyer" in second.said
    assert stamps(remote) == before
    # Only the file list and checksums went over the wire, not the site.
    sent = {
        line.split("envoyé : ")[1].split(" en ")[0]
        for line in (first.said + second.said).splitlines()
        if "envoyé : " in line
    }
    assert len(sent) == 2 and any(size.endswith("Mo") for size in sent)
    assert any(size.endswith("Ko") for size in sent)


def test_a_server_that_refuses_is_told_in_french(sshd, tmp_path):
    port, _ = sshd
    project = make_project(tmp_path / "projet")  # no key: the server refuses
    done = project.deploy("--to", f"rsync:personne@127.0.0.1:{port}:/tmp/x", "--gates", "aucun")
    assert done.returncode == 1
    assert "erreur : rsync vers rsync personne@127.0.0.1:/tmp/x" in done.said
    assert "vérifiez l’adresse, la clé SSH" in done.said and "Traceback" not in done.said
