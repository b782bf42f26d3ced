"""The nginx snippet, included as the README says, in a real nginx (Debian's nginx-light)."""

from __future__ import annotations

import gzip
import shutil
import urllib.request
from pathlib import Path

import brotli
import pytest

from security.policy import IMMUTABLE
from tests.conftest import build_site, free_port
from tests.security.conftest import fetch, web_server

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# Debian's libnginx-mod-http-brotli-static (ngx_brotli's brotli_static).
BROTLI_STATIC = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
ARTICLE = "/ecrire-pour-sa-communaute/"


def config(tmp: Path, output: Path, port: int, main: str = "", server: str = "") -> Path:
    """nginx of its own: ``output`` served as the README says; ``main`` and ``server`` are
    more lines for the main context and the ``server { }`` block."""
    temp = " ".join(
        f"{kind}_temp_path {tmp / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    path = tmp / "nginx.conf"
    path.write_text(
        f"""
{main}
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
        {server}
    }}
}}
""",
        encoding="utf-8",
    )
    return path


def nginx(tmp: Path, output: Path, main: str = "", server: str = ""):
    """nginx serving ``output`` on a loopback port (a child process, no system service)."""
    if not Path(NGINX).exists():
        pytest.fail("nginx est absent : installez-le avec « make setup-test » (paquet nginx-light)")
    port = free_port()
    conf = str(config(tmp, output, port, main, server))
    run = [NGINX, "-c", conf, "-g", "daemon off;"]
    return web_server([NGINX, "-t", "-c", conf], run, port, tmp / "error.log")


def headers(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.status == 200
        return {name.lower(): value for name, value in answer.headers.items()}


def test_nginx_sends_the_headers_and_caches_fingerprinted_files_only(tmp_path):
    site = build_site(tmp_path, SECURITY_FINGERPRINT=True, SEARCH_INDEX=False)
    with nginx(tmp_path, site.output) as port:
        base = f"http://127.0.0.1:{port}"
        page = headers(base + "/")
        css = site.html("/").select_one("link[rel=stylesheet]")["href"]
        assert css != "/theme/css/site.css"
        hashed = headers(base + css)
        plain = headers(base + "/theme/css/site.css")
    assert page["cache-control"] == "no-cache"
    assert hashed["cache-control"] == IMMUTABLE
    assert plain["cache-control"] == "no-cache"
    for answer in (page, hashed, plain):
        assert "frame-ancestors 'none'" in answer["content-security-policy"]
        assert answer["x-content-type-options"] == "nosniff"
        assert answer["referrer-policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in answer["permissions-policy"]


def test_nginx_sends_the_stored_siblings_as_the_readme_says(published, tmp_path):
    if not BROTLI_STATIC.exists():
        pytest.fail(
            "brotli_static est absent : installez-le avec « make setup-test » "
            "(paquet libnginx-mod-http-brotli-static)"
        )
    # The README's lines, in the server block; the module as Debian's package loads it.
    readme = "gzip_static on; brotli_static on; gzip_vary on;"
    page = published / ARTICLE.strip("/") / "index.html"
    with nginx(tmp_path, published, f"load_module {BROTLI_STATIC};", readme) as port:
        plain = fetch(port, ARTICLE)
        zipped = fetch(port, ARTICLE, "gzip, deflate")
        squeezed = fetch(port, ARTICLE, "gzip, deflate, br")
    assert plain[2] == page.read_bytes() and "content-encoding" not in plain[1]
    # Byte for byte the stored siblings: nginx compressed nothing itself.
    assert zipped[2] == Path(f"{page}.gz").read_bytes()
    assert squeezed[2] == Path(f"{page}.br").read_bytes()
    assert gzip.decompress(zipped[2]) == brotli.decompress(squeezed[2]) == page.read_bytes()
    for answer, encoding in ((zipped, "gzip"), (squeezed, "br")):
        status, headers, _ = answer
        assert status == 200 and headers["content-encoding"] == encoding
        assert headers["content-type"].startswith("text/html")
        assert headers["vary"] == "Accept-Encoding"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
