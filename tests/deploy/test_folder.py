"""`invoke deploy` to a folder: only what changed is sent, deletions follow, gates stop it."""

from __future__ import annotations

import gzip

import brotli

from tests.deploy.conftest import NEW_ARTICLE_URL, delete_new_article, make_project, stamps, tree


def test_first_deploy_sends_everything_and_the_second_nothing(project, tmp_path):
    target = tmp_path / "www"
    first = project.deploy("--to", f"dossier:{target}", "--gates", "aucun")
    assert first.returncode == 0, first.said
    assert "Traceback" not in first.said
    sent = tree(target)
    assert sent == tree(project.output)
    page = f"{NEW_ARTICLE_URL}index.html"
    assert "Préparer une semaine de publications" in sent[page].decode()
    # Every text file has its compressed siblings, which decompress to it.
    for path, data in sent.items():
        if path.endswith((".html", ".css", ".js", ".xml", ".json", ".txt", ".svg")):
            assert gzip.decompress(sent[path + ".gz"]) == data, path
            assert brotli.decompress(sent[path + ".br"]) == data, path
    pages = sum(1 for path in sent if path.endswith(".html"))
    assert f"Déploiement vers dossier {target} terminé : {pages} pages ajoutées" in first.said
    assert "en ligne : https://carnet-cm.example.org" in first.said
    # No gate ran: said first, in capitals, and again as the last line.
    assert first.said.index("ATTENTION : --gates aucun. AUCUN contrôle") < first.said.index("1/3")
    assert first.said.rstrip().splitlines()[-1] == (
        "  ATTENTION : AUCUN contrôle qualité lancé (--gates aucun) : "
        "le site construit n’a pas été vérifié."
    )

    before = stamps(target)
    second = project.deploy("--to", f"dossier:{target}", "--gates", "aucun")
    assert second.returncode == 0, second.said
    assert "rien à envoyer, le site en ligne est à jour" in second.said
    assert stamps(target) == before  # not one file written again


def test_dry_run_lists_what_would_change_and_touches_nothing(project, tmp_path):
    target = tmp_path / "www"
    (target / "ancienne-page").mkdir(parents=True)
    (target / "ancienne-page" / "index.html").write_text("<p>Ancienne</p>", encoding="utf-8")
    before = tree(target), stamps(target)
    done = project.deploy("--to", f"dossier:{target}", "--gates", "aucun", "--dry-run")
    assert done.returncode == 0, done.said
    assert (tree(target), stamps(target)) == before
    assert "Simulation (dossier" in done.said and "rien n’a été envoyé" in done.said
    # The first paths, in order (.htaccess: redirects, compression and headers for Apache).
    assert "à ajouter :\n    .htaccess\n    404.html\n" in done.said
    assert "… et " in done.said  # more than ten: the rest is counted
    assert "à retirer :\n    ancienne-page/index.html" in done.said
    assert ".gz" not in done.said.split("à ajouter")[1]  # siblings counted, not listed


def test_deleted_article_is_gone_and_its_old_url_redirected(tmp_path):
    project = make_project(tmp_path / "projet")
    target = tmp_path / "www"
    assert project.deploy("--to", f"dossier:{target}", "--gates", "aucun").returncode == 0
    old = f"{NEW_ARTICLE_URL}index.html"
    assert "Préparer une semaine" in (target / old).read_text(encoding="utf-8")

    delete_new_article(project, redirect_to="/categorie/conseils/")
    done = project.deploy("--to", f"dossier:{target}", "--gates", "aucun")
    assert done.returncode == 0, done.said
    # The target is the new build, file for file: what the build no longer has is removed,
    # compressed siblings included.
    assert tree(target) == tree(project.output)
    redirect = (target / old).read_text(encoding="utf-8")
    assert "Préparer une semaine" not in redirect
    assert "https://carnet-cm.example.org/categorie/conseils/" in redirect
    assert gzip.decompress((target / f"{old}.gz").read_bytes()).decode() == redirect
    assert "1 modifiée" in done.said or "modifiées" in done.said


def test_failing_gate_stops_the_deploy_and_force_is_loud(tmp_path):
    project = make_project(tmp_path / "projet")
    # An absolute link to the site itself, as a published page writes them: the gate sees it.
    (project.content / "conseils" / "semaine.md").open("a", encoding="utf-8").write(
        "\nVoir aussi [la page disparue](https://carnet-cm.example.org/nulle-part/).\n"
    )
    target = tmp_path / "www"
    stopped = project.deploy("--to", f"dossier:{target}", "--gates", "liens")
    assert stopped.returncode == 1
    assert "lien cassé vers /nulle-part/" in stopped.said
    assert "erreur : déploiement arrêté : des contrôles qualité ont échoué" in stopped.said
    assert "Traceback" not in stopped.said
    assert not target.exists()

    forced = project.deploy("--to", f"dossier:{target}", "--gates", "liens", "--force")
    assert forced.returncode == 0, forced.said
    assert "ATTENTION : --force" in forced.said
    assert "déploiement forcé malgré tout" in forced.said
    # The closing lines say the deploy was forced, and what it went past.
    closing = forced.said.split("terminé :")[1]
    assert "ATTENTION : déploiement FORCÉ (--force) malgré des contrôles qualité en échec." in (
        closing
    )
    assert "seuls les liens ont été contrôlés (--gates liens)" in closing
    assert (target / "index.html").is_file()


def test_bad_content_stops_before_the_gates_and_the_target(tmp_path):
    project = make_project(tmp_path / "projet")
    (project.content / "conseils" / "cassé.md").write_text(
        "Title: Sans date\n\nUn texte.\n", encoding="utf-8"
    )
    target = tmp_path / "www"
    done = project.deploy("--to", f"dossier:{target}")
    assert done.returncode == 1
    assert "conseils/cassé.md" in done.said
    assert "la construction de production a refusé le site" in done.said
    assert "2/3" not in done.said and not target.exists()


def test_a_target_that_cannot_be_understood_is_one_french_line(project, tmp_path):
    for wrong, told in [
        ("ftp:serveur", "cible « ftp:serveur » inconnue"),
        ("serveur", "cible « serveur » inconnue (cibles de publishconf.py : aucune)"),
        (f"dossier:{project.output}/copie", "se recouvrent"),
    ]:
        done = project.deploy("--to", wrong)
        assert done.returncode == 1
        assert told in done.said and "Traceback" not in done.said
        assert "1/3" not in done.said  # told before building anything


def test_checking_the_links_only_is_as_loud_as_force(project, tmp_path):
    done = project.deploy("--to", f"dossier:{tmp_path / 'www'}", "--gates", "liens", "--dry-run")
    assert done.returncode == 0, done.said
    first, last = done.said.index("ATTENTION : --gates liens."), done.said.index("1/3")
    assert first < last
    assert "ne seront PAS vérifiés" in done.said
    assert done.said.rstrip().splitlines()[-1] == (
        "  ATTENTION : seuls les liens ont été contrôlés (--gates liens) : "
        "accessibilité, validité HTML, poids, vitesse et affichage mobile non vérifiés."
    )
    assert "FORCÉ" not in done.said
