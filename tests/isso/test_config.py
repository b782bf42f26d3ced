"""The Isso configuration generated from the Pelican settings, its secrets and the setting."""

from __future__ import annotations

import configparser
import stat
from pathlib import Path

import pytest

from comments import isso_server
from comments.settings import live_settings
from tests.comments.conftest import settings_for
from tests.conftest import ROOT

PUBLISH = {
    "SITEURL": "https://carnet-cm.example.org",
    "SITE_ORIGIN": "https://carnet-cm.example.org",
}


def parsed(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    return parser


def test_config_from_the_site_settings():
    settings = settings_for(ROOT / "content")
    origins = isso_server.site_origins(settings)
    assert origins == ("http://127.0.0.1:8000",)
    config = isso_server.ServerConfig(origins, Path("var/comments.db"), 8080, "secret", "salt")
    cfg = parsed(isso_server.config_text(config))
    assert cfg["general"]["dbpath"] == "var/comments.db"
    assert cfg["general"]["host"] == "http://127.0.0.1:8000"
    assert cfg["general"]["gravatar"] == "false"  # no third-party request
    assert cfg["moderation"]["enabled"] == "true"  # a new comment waits
    assert cfg["admin"]["enabled"] == "true" and cfg["admin"]["password"] == "secret"
    assert cfg["server"]["listen"] == "http://127.0.0.1:8080"  # loopback only
    assert cfg["guard"]["ratelimit"] == "2"
    assert cfg["hash"]["salt"] == "salt"
    production = dict(settings, **PUBLISH)
    assert isso_server.site_origins(production) == ("https://carnet-cm.example.org",)


def test_local_file_adds_smtp_and_bad_input_is_one_french_line():
    config = isso_server.ServerConfig(("https://a.example",), Path("c.db"), password="x")
    local = "[general]\nnotify = smtp\n[smtp]\nhost = smtp.example.org\n"
    cfg = parsed(isso_server.config_text(config, local))
    assert cfg["general"]["notify"] == "smtp" and cfg["smtp"]["host"] == "smtp.example.org"
    assert cfg["moderation"]["enabled"] == "true"
    with pytest.raises(isso_server.IssoSetupError, match="illisible"):
        isso_server.config_text(config, "pas une section")
    with pytest.raises(isso_server.IssoSetupError, match="ISSO_ADMIN_PASSWORD"):
        isso_server.config_text(isso_server.ServerConfig(("https://a.example",), Path("c.db")))
    with pytest.raises(isso_server.IssoSetupError, match="SITE_ORIGIN"):
        isso_server.config_text(isso_server.ServerConfig((), Path("c.db"), password="x"))


def test_password_from_environment_else_private_file(tmp_path, monkeypatch):
    monkeypatch.delenv(isso_server.PASSWORD_ENV, raising=False)
    var = tmp_path / "var"
    created, new = isso_server.secret(var, isso_server.PASSWORD_NAME, isso_server.PASSWORD_ENV)
    assert new and len(created) >= 20
    path = var / isso_server.PASSWORD_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert isso_server.secret(var, isso_server.PASSWORD_NAME, isso_server.PASSWORD_ENV) == (
        created,
        False,
    )
    monkeypatch.setenv(isso_server.PASSWORD_ENV, "depuis-l-environnement")
    found = isso_server.secret(var, isso_server.PASSWORD_NAME, isso_server.PASSWORD_ENV)
    assert found == ("depuis-l-environnement", False)
    config = isso_server.ServerConfig(("https://a.example",), var / "comments.db", password="p")
    written = isso_server.write_config(var, config)
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_isso_url_setting_and_environment():
    settings = {"COMMENTS_ISSO_URL": "http://127.0.0.1:8080/"}
    live_settings(settings, {})
    assert settings["COMMENTS_ISSO_URL"] == "http://127.0.0.1:8080"
    live_settings(settings, {"COMMENTS_ISSO_URL": "/isso/"})
    assert settings["COMMENTS_ISSO_URL"] == "/isso"
    live_settings(settings, {"COMMENTS_ISSO_URL": ""})
    assert settings["COMMENTS_ISSO_URL"] is None
    empty: dict = {}
    live_settings(empty, {})
    assert empty["COMMENTS_ISSO_URL"] is None
