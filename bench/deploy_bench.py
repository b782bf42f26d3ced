"""Deploy figures: time and bytes sent, first deploy and after one edited article.

    .venv/bin/python bench/deploy_bench.py [--articles 1000] [--keep DIR]

For the sample site (content/) and a generated corpus (bench/corpus.py), to a folder and
over rsync/SSH to an sshd started here on a loopback port with throwaway keys. The build
is the publish build (publishconf.py: strict, compressed siblings); the gates are not run
in those rows. A last row per site times ``invoke deploy`` as an author runs it, the
default gates included (``--gates tous``): publish build, gates, first send to a folder.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins"), str(ROOT / "lib")]

from bench import corpus  # noqa: E402
from deploy import checks, rsync  # noqa: E402
from deploy.compress import compress_folder  # noqa: E402
from deploy.report import size  # noqa: E402
from deploy.targets import resolve  # noqa: E402


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def throwaway_sshd(folder: Path) -> Iterator[tuple[int, list[str]]]:
    """An sshd on 127.0.0.1 with throwaway host and user keys: (port, ssh client options)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("hote", "client"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(folder / name)], check=True
        )
    (folder / "authorized_keys").write_text((folder / "client.pub").read_text())
    port = free_port()
    config = folder / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {folder / 'hote'}\n"
        f"PidFile {folder / 'sshd.pid'}\nAuthorizedKeysFile {folder / 'authorized_keys'}\n"
        "PermitRootLogin prohibit-password\nPasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n"
    )
    os.makedirs("/run/sshd", exist_ok=True)  # sshd's privilege separation folder
    server = subprocess.Popen(
        ["/usr/sbin/sshd", "-D", "-e", "-f", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    kind, key = (folder / "hote.pub").read_text().split()[:2]
    (folder / "known_hosts").write_text(f"[127.0.0.1]:{port} {kind} {key}\n")
    options = ["-i", str(folder / "client"), "-o", f"UserKnownHostsFile={folder / 'known_hosts'}"]
    options += ["-o", "StrictHostKeyChecking=yes", "-o", "IdentitiesOnly=yes"]
    try:
        probe = ["ssh", "-p", str(port), *options, "-o", "BatchMode=yes"]
        for _ in range(100):  # listening within a few hundred milliseconds
            if (
                subprocess.run(
                    [*probe, f"{getpass.getuser()}@127.0.0.1", "true"], capture_output=True
                ).returncode
                == 0
            ):
                break
            time.sleep(0.1)
        else:
            raise RuntimeError(f"sshd ne répond pas : {server.stderr.read1().decode()}")
        yield port, options
    finally:
        server.terminate()
        server.wait(timeout=10)


def settings_file(folder: Path, content: Path, **settings) -> Path:
    """Production settings (publishconf.py and ``settings``) that build ``content`` into
    ``folder/output``, with the project's theme and plugins."""
    lines = [
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        "from publishconf import *  # noqa: F403",
        f"PATH = {str(content)!r}",
        f"OUTPUT_PATH = {str(folder / 'output')!r}",
        f"CACHE_PATH = {str(folder / 'cache')!r}",
        f"THEME = {str(ROOT / 'theme')!r}",
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]",
    ] + [f"{name} = {value!r}" for name, value in settings.items()]
    path = folder / "productionconf.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def measure_site(name: str, content: Path, folder: Path, ssh: tuple[int, list[str]]) -> list:
    """Build, deploy to a folder and over SSH, edit one article, deploy again."""
    conf = settings_file(folder, content)
    output = folder / "output"
    port, options = ssh
    targets = {
        "dossier": resolve(f"dossier:{folder / 'cible-dossier'}", {}),
        "rsync/ssh": resolve(
            f"rsync:{getpass.getuser()}@127.0.0.1:{port}:{folder / 'cible-ssh'}",
            {"DEPLOY_SSH_OPTIONS": options},
        ),
    }
    rows = []
    for moment in ("premier déploiement", "un article modifié", "rien de changé"):
        if moment == "un article modifié":
            edited = sorted((content / "conseils").glob("*.md"))[0]
            edited.write_text(
                edited.read_text(encoding="utf-8") + "\nUne phrase ajoutée pour la mesure.\n",
                encoding="utf-8",
            )
        started = time.perf_counter()
        if checks.build(conf, force=False) != 0:
            raise SystemExit(f"{name} : la construction de production a échoué")
        built = time.perf_counter() - started
        for target_name, target in targets.items():
            started = time.perf_counter()
            changes = rsync.sync(output, target, dry_run=False)
            rows.append(
                {
                    "site": name,
                    "moment": moment,
                    "cible": target_name,
                    "construction_s": round(built, 2),
                    "envoi_s": round(time.perf_counter() - started, 2),
                    "octets_envoyes": changes.bytes_sent,
                    "fichiers": changes.files(),
                }
            )
    files = [p for p in output.rglob("*") if p.is_file()]
    kept = folder / "compresses"  # empty at first (cold), then filled by the first pass
    for moment in ("compression .gz et .br, à froid", "compression, contenus déjà compressés"):
        plain = folder / "sans-copies"
        shutil.rmtree(plain, ignore_errors=True)
        shutil.copytree(output, plain, ignore=shutil.ignore_patterns("*.gz", "*.br"))
        started = time.perf_counter()
        done = compress_folder(plain, kept=kept)
        rows.append(
            {
                "site": name,
                "moment": moment,
                "fichiers": done.written,
                "envoi_s": round(time.perf_counter() - started, 2),
                "octets_site": sum(p.stat().st_size for p in files),
            }
        )
    rows.append(full_deploy(name, conf, folder / "cible-complete"))
    return rows


def full_deploy(name: str, conf: Path, target: Path) -> dict:
    """``invoke deploy`` as an author runs it, default gates included (``--gates tous``):
    publish build, every quality gate, then a first deploy to an empty folder."""
    started = time.perf_counter()
    command = ["deploy", "--settings", str(conf), "--to", f"dossier:{target}"]
    done = subprocess.run(
        [sys.executable, "-m", "invoke", *command],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
    )
    failed = [line.strip() for line in done.stdout.splitlines() if line.startswith("✗")]
    return {
        "site": name,
        "moment": "déploiement complet, contrôles compris",
        "cible": "dossier",
        "total_s": round(time.perf_counter() - started, 2),
        "reussi": done.returncode == 0,
        "controles_en_echec": failed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Mesure invoke deploy (dossier, rsync/SSH).")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="dossier de travail gardé (défaut : temporaire)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="deploy-bench-"))
    rows = []
    with throwaway_sshd(work / "sshd") as ssh:
        sample = work / "exemple" / "content"
        shutil.copytree(ROOT / "content", sample)
        rows += measure_site("exemple (content/)", sample, work / "exemple", ssh)
        generated = work / f"corpus-{args.articles}" / "content"
        corpus.generate(generated, args.articles)
        rows += measure_site(f"{args.articles} articles", generated, generated.parent, ssh)
    for row in rows:
        if "total_s" in row:
            ending = (
                "terminé"
                if row["reussi"]
                else f"arrêté ({' ; '.join(row['controles_en_echec']) or 'voir invoke deploy'})"
            )
            print(
                f"{row['site']} — {row['moment']} (invoke deploy, --gates tous) → "
                f"{row['cible']} : {row['total_s']} s, {ending}"
            )
            continue
        if "octets_site" in row:
            print(
                f"{row['site']} — {row['moment']} : {row['fichiers']} fichiers "
                f"({size(row['octets_site'])} en tout) en {row['envoi_s']} s"
            )
            continue
        print(
            f"{row['site']} — {row['moment']} → {row['cible']} : construction "
            f"{row['construction_s']} s, envoi {row['envoi_s']} s, "
            f"{size(row['octets_envoyes'])} envoyés, {row['fichiers']} fichiers"
        )
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "deploy.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
