"""The published .htaccess: the redirects plugin's rules, completed once, whatever the builds."""

from __future__ import annotations

from deploy.compress import EXTENSIONS
from deploy.htaccess import write_htaccess

REDIRECTS = "# Redirections\n<IfModule mod_rewrite.c>\nRewriteEngine On\n</IfModule>\n"
HEADERS = '<IfModule mod_headers.c>\n    Header always set X-Content-Type-Options "nosniff"\n'
HEADERS += "</IfModule>\n"


def test_each_block_once_in_order_even_when_built_again(tmp_path):
    (tmp_path / ".htaccess").write_text(REDIRECTS, encoding="utf-8")
    write_htaccess(tmp_path, ".htaccess", EXTENSIONS, HEADERS)
    first = (tmp_path / ".htaccess").read_text(encoding="utf-8")
    # An incremental build leaves the redirects plugin's file as the last build made it.
    write_htaccess(tmp_path, ".htaccess", EXTENSIONS, HEADERS)
    assert (tmp_path / ".htaccess").read_text(encoding="utf-8") == first
    redirects, compression, headers = (
        first.index("# Redirections"),
        first.index("index.html.br"),
        first.index("nosniff"),
    )
    assert redirects < compression < headers
    assert first.count("RewriteEngine On") == 2 and first.count("nosniff") == 1


def test_a_site_without_redirects_gets_the_other_blocks(tmp_path):
    write_htaccess(tmp_path, ".htaccess", (), HEADERS)
    text = (tmp_path / ".htaccess").read_text(encoding="utf-8")
    assert "nosniff" in text and "RewriteRule" not in text
    (tmp_path / "rien").mkdir()
    write_htaccess(tmp_path / "rien", ".htaccess", (), "")
    assert not (tmp_path / "rien" / ".htaccess").exists()  # nothing to say: no file
