"""The benchmark runs end to end on a small corpus (no thresholds: figures come from runs)."""

import json
import subprocess
import sys

from tests.conftest import ROOT

STEPS = {
    "pelican seul, à froid",
    "notre build, à froid",
    "index de recherche (arrière-plan)",
    "grammaire après le build à froid (arrière-plan)",
    "grammaire et index ensemble (arrière-plan)",
    "notre build, rien de changé",
    "notre build, un article modifié",
    "notre build, un article ajouté",
    "notre build, un article supprimé",
    "notre build, un article renommé",
    "notre build, tags d’un article modifiés",
    "serveur : enregistrement → page à jour",
    "relecture sans grammaire, à froid",
    "relecture, à chaud",
    "relecture avec grammaire, à froid",
}

REPEATED = (
    "pelican seul, à froid",
    "notre build, à froid",
    "notre build, un article modifié",
    "notre build, un article ajouté",
    "notre build, un article supprimé",
    "notre build, un article renommé",
    "notre build, tags d’un article modifiés",
)


def test_benchmark_measures_every_step(tmp_path):
    results = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            "bench/run.py",
            "--articles",
            "40",
            "--repeat",
            "2",
            "--results",
            str(results),
        ],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(results.read_text(encoding="utf-8"))
    assert figures["articles"] == 40 and figures["words"] > 5000
    # After the edits, the incremental output is the clean build's, byte for byte.
    identity = figures["results"].pop("identité avec un build propre")
    assert identity["files"] > 100 and identity["different"] == [], identity
    assert set(figures["results"]) == STEPS
    assert all(step["seconds"] > 0 for step in figures["results"].values())
    for name in REPEATED:  # each timed twice here, the median kept
        step = figures["results"][name]
        assert len(step["all"]) == 2 and round(step["seconds"], 3) in step["all"], (name, step)
    assert "× Pelican" in done.stdout
