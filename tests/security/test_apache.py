"""The published ``.htaccess``, read by a real Apache (Debian's apache2) as a shared host would:
redirects, the stored .br/.gz siblings, the security headers and cache lifetimes."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import brotli
import pytest

from security.policy import IMMUTABLE
from tests.conftest import free_port
from tests.security.conftest import MOVED_TO, OLD, fetch, web_server

APACHE = shutil.which("apache2") or "/usr/sbin/apache2"
MODULES = Path("/usr/lib/apache2/modules")
ORIGIN = "https://carnet-cm.example.org"
ARTICLE = "/ecrire-pour-sa-communaute/"


def config(tmp: Path, site: Path, port: int, modules: list[str]) -> Path:
    """A server of its own (no system service): ``site`` as a shared host's folder, with
    ``.htaccess`` allowed, and Debian's mime.conf (.br is Breton there)."""
    loaded = "".join(
        f"LoadModule {name}_module {MODULES / f'mod_{name}.so'}\n"
        for name in ["mpm_event", "authz_core", "dir", "mime", "filter", "deflate", *modules]
    )
    path = tmp / "apache2.conf"
    path.write_text(
        f"""{loaded}
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile {tmp / "apache2.pid"}
DefaultRuntimeDir {site.parent}
ErrorLog {tmp / "error.log"}
User www-data
Group www-data
TypesConfig /etc/mime.types
Include /etc/apache2/mods-available/mime.conf
# As Debian's mods-available/deflate.conf: a host that compresses on the fly too.
AddOutputFilterByType DEFLATE text/html text/css text/javascript application/xml
DocumentRoot {site}
DirectoryIndex index.html
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory {site}>
    Options FollowSymLinks
    AllowOverride All
    Require all granted
</Directory>
""",
        encoding="utf-8",
    )
    return path


def apache(tmp: Path, site: Path, modules: list[str]):
    """Apache serving ``site`` on a loopback port, with ``modules`` besides the basic ones."""
    if not Path(APACHE).exists():
        pytest.fail("apache2 est absent : installez-le avec « make setup-test » (paquet apache2)")
    port = free_port()
    conf = str(config(tmp, site, port, modules))
    run = [APACHE, "-f", conf, "-DFOREGROUND"]
    return web_server([APACHE, "-t", "-f", conf], run, port, tmp / "error.log")


def test_the_published_htaccess_redirects_compresses_and_protects(published, tmp_path):
    page = published / ARTICLE.strip("/") / "index.html"
    css = next((published / "theme" / "css").glob("site.*.css"))
    css_url = "/" + css.relative_to(published).as_posix()
    with apache(tmp_path, published, ["rewrite", "headers"]) as port:
        moved = fetch(port, OLD)
        plain = fetch(port, ARTICLE)
        zipped = fetch(port, ARTICLE, "gzip, deflate")
        squeezed = fetch(port, ARTICLE, "gzip, deflate, br")
        home = fetch(port, "/", "br")
        style = fetch(port, css_url, "gzip, deflate, br")
    status, headers, _ = moved
    assert (status, headers["location"]) == (301, ORIGIN + MOVED_TO)

    # A pretty address is its folder's index.html: its stored siblings, byte for byte.
    assert plain[0] == 200 and plain[2] == page.read_bytes()
    assert "content-encoding" not in plain[1]
    assert zipped[2] == (page.parent / "index.html.gz").read_bytes()
    assert squeezed[2] == (page.parent / "index.html.br").read_bytes()
    assert home[2] == (published / "index.html.br").read_bytes()
    assert gzip.decompress(zipped[2]) == brotli.decompress(squeezed[2]) == page.read_bytes()
    for answer, encoding in ((zipped, "gzip"), (squeezed, "br"), (home, "br")):
        assert answer[0] == 200
        assert answer[1]["content-encoding"] == encoding
        assert answer[1]["content-type"].startswith("text/html")
        assert "content-language" not in answer[1]  # .br is not Breton here
    for answer in (plain, zipped, squeezed):
        assert answer[1]["vary"] == "Accept-Encoding"
        assert answer[1]["cache-control"] == "no-cache"
    assert style[2] == Path(f"{css}.br").read_bytes()
    assert style[1]["content-type"].startswith("text/css")
    assert style[1]["cache-control"] == IMMUTABLE  # the fingerprinted file, compressed

    for answer in (moved, plain, squeezed, style):
        headers = answer[1]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in headers["permissions-policy"]


def test_a_host_without_rewrite_nor_headers_still_serves_the_site(published, tmp_path):
    page = published / ARTICLE.strip("/") / "index.html"
    with apache(tmp_path, published, []) as port:
        status, headers, body = fetch(port, ARTICLE, "br")
    assert status == 200
    assert "content-encoding" not in headers and body == page.read_bytes()
