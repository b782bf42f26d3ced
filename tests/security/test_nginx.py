"""The nginx snippet, included as the README says, in a real nginx (Debian's nginx-light)."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from security.policy import IMMUTABLE
from tests.conftest import build_site, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def config(tmp: Path, output: Path, port: int) -> Path:
    temp = " ".join(
        f"{kind}_temp_path {tmp / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    path = tmp / "nginx.conf"
    path.write_text(
        f"""
user root;
worker_processes 1;
pid {tmp / "nginx.pid"};
error_log {tmp / "error.log"};
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    {temp}
    server {{
        listen 127.0.0.1:{port};
        root {output};
        include {output / "_headers.nginx.conf"};
    }}
}}
""",
        encoding="utf-8",
    )
    return path


def headers(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.status == 200
        return {name.lower(): value for name, value in answer.headers.items()}


def test_nginx_sends_the_headers_and_caches_fingerprinted_files_only(tmp_path):
    if not Path(NGINX).exists():
        pytest.fail("nginx est absent : installez-le avec « make setup-test » (paquet nginx-light)")
    site = build_site(tmp_path, SECURITY_FINGERPRINT=True, SEARCH_INDEX=False)
    port = free_port()
    conf = config(tmp_path, site.output, port)
    checked = subprocess.run(
        [NGINX, "-t", "-c", str(conf)], capture_output=True, encoding="utf-8", errors="replace"
    )
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen([NGINX, "-c", str(conf), "-g", "daemon off;"])
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                page = headers(base + "/")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        else:
            pytest.fail((tmp_path / "error.log").read_text(encoding="utf-8"))
        css = site.html("/").select_one("link[rel=stylesheet]")["href"]
        assert css != "/theme/css/site.css"
        hashed = headers(base + css)
        plain = headers(base + "/theme/css/site.css")
    finally:
        server.terminate()
        server.wait(10)
    assert page["cache-control"] == "no-cache"
    assert hashed["cache-control"] == IMMUTABLE
    assert plain["cache-control"] == "no-cache"
    for answer in (page, hashed, plain):
        assert "frame-ancestors 'none'" in answer["content-security-policy"]
        assert answer["x-content-type-options"] == "nosniff"
        assert answer["referrer-policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in answer["permissions-policy"]
