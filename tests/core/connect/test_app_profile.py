"""The platforms' apps in the unit profile: checked, kept, their secrets moved to the keyring."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.connect.apps import Provider, load_apps, resolve_app, secret_name
from desktop.core.connect.errors import AppNotConfiguredError
from desktop.core.credentials import MemoryVault
from desktop.core.paths import Paths
from desktop.core.profile import ProfileError, load_profile
from desktop.core.startup import apply_profile
from desktop.core.store.database import Store

PROFILE = """
[unit]
name = "Polres Contoh"

[app.x]
client_id = "x-client"
redirect_port = 8765

[app.youtube]
client_id = "g-client.apps.googleusercontent.com"
client_secret = "GOCSPX-secret-value"
scopes = ["https://www.googleapis.com/auth/youtube.force-ssl"]
"""


def test_apps_are_read_and_the_secret_goes_to_the_keyring(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "profil.toml"
    path.write_text(PROFILE, encoding="utf-8")
    profile = load_profile(path)
    assert profile.apps[Provider.X].redirect_port == 8765
    assert "GOCSPX" not in repr(profile.apps[Provider.GOOGLE])
    vault = MemoryVault()
    apply_profile(store, Paths(tmp_path / "home"), profile, path, vault)
    kept = load_apps(store)
    assert kept[Provider.GOOGLE].client_secret is None
    with store.read() as conn:
        assert "GOCSPX" not in str(conn.exec_driver_sql("SELECT * FROM setting").fetchall())
    assert vault.get(secret_name(Provider.GOOGLE)) == "GOCSPX-secret-value"
    assert resolve_app(Provider.GOOGLE, kept, vault).client_secret == "GOCSPX-secret-value"
    assert resolve_app(Provider.X, kept, vault).client_secret is None  # a public client
    with pytest.raises(AppNotConfiguredError):
        resolve_app(Provider.TIKTOK, kept, vault)


def test_bad_app_settings_are_reported_with_their_problem(tmp_path: Path) -> None:
    path = tmp_path / "profil.toml"
    path.write_text(
        """
[app.myspace]
client_id = "a"

[app.x]
redirect_port = "delapan"
token_url = "http://example.com/token"
colour = "blue"
""",
        encoding="utf-8",
    )
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    text = "\\n".join(message for _, message in caught.value.problems)
    assert "[app.myspace]" in text
    assert "client_id is missing" in text
    assert "redirect_port must be a port number" in text
    assert "token_url must start with https://" in text
    assert "unknown setting 'colour'" in text


def test_a_local_bot_api_server_is_named_in_the_profile(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "profil.toml"
    path.write_text('[app.telegram]\napi_base = "https://botapi.polres.example/"\n', "utf-8")
    profile = load_profile(path)
    apply_profile(store, Paths(tmp_path / "home"), profile, path, MemoryVault())
    app = resolve_app(Provider.TELEGRAM, load_apps(store), MemoryVault())
    assert app.api_base == "https://botapi.polres.example"


def test_a_bot_api_address_is_checked_like_the_others(tmp_path: Path) -> None:
    path = tmp_path / "profil.toml"
    path.write_text(
        '[app.telegram]\napi_base = "http://botapi.example"\nclient_id = "bot"\n', "utf-8"
    )
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    text = "\\n".join(message for _, message in caught.value.problems)
    assert "api_base must start with https://" in text
    assert "unknown setting 'client_id' in [app.telegram]" in text


def test_the_client_token_for_device_login_is_meta_s_only(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "profil.toml"
    path.write_text('[app.meta]\nclient_id = "123"\nclient_token = "ct-abc"\n', "utf-8")
    apply_profile(store, Paths(tmp_path / "home"), load_profile(path), path, MemoryVault())
    assert load_apps(store)[Provider.META].client_token == "ct-abc"
    path.write_text('[app.x]\nclient_id = "x"\nclient_token = "ct-abc"\n', "utf-8")
    with pytest.raises(ProfileError, match="client_token is only for"):
        load_profile(path)
