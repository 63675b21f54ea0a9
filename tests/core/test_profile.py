"""Unit profiles: validation with line numbers, and applying them to a store."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from desktop.core.credentials import MemoryVault
from desktop.core.deadlines import UnitZone
from desktop.core.paths import Paths
from desktop.core.profile import ProfileError, load_profile
from desktop.core.startup import (
    PROFILE_ENV,
    apply_if_new,
    network_settings,
    open_home,
    profile_fixed,
)
from desktop.core.store.settings import load_unit_settings
from desktop.core.templates import reply_templates
from tests.support import stored_accounts

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "profiles" / "contoh-polres.toml"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "profil.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path: Path) -> list[tuple[int | None, str]]:
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    return caught.value.problems


def test_the_shipped_example_is_valid() -> None:
    profile = load_profile(EXAMPLE)
    assert profile.unit.name == "Polres Contoh"
    assert profile.unit.zone is UnitZone.WIB
    assert [a.channel.value for a in profile.accounts] == ["instagram", "x", "telegram"]
    assert "deadlines.first_answer_hours" in profile.fixed


def test_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, '[unit]\nname = "Polres A"\nzone = WIB\n')
    ((line, message),) = _problems(path)
    assert line == 3
    assert message


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "\n".join(
            [
                "[unit]",  # 1
                'name = "Polres Jayapura"',  # 2
                'zone = "WIX"',  # 3
                'levle = "polres"',  # 4
                "[deadlines]",  # 5
                "first_answer_hours = -2",  # 6
                "[[account]]",  # 7
                'platform = "instagram"',  # 8
                'name = "humas"',  # 9
                "[[account]]",  # 10
                'platform = "myspace"',  # 11
                'name = "humas2"',  # 12
                "[[account]]",  # 13
                'platform = "x"',  # 14
                'name = "humas3"',  # 15
                'token = "abc"',  # 16
            ]
        ),
    )
    lines = {line for line, _ in _problems(path)}
    assert {3, 4, 6, 11, 16} <= lines


def test_zone_accepts_labels_and_names(tmp_path: Path) -> None:
    path = _write(tmp_path, '[unit]\nzone = "Asia/Jayapura"\n[deadlines]\nviral_hours = 48\n')
    profile = load_profile(path)
    assert profile.unit.zone is UnitZone.WIT
    assert profile.unit.deadlines.viral_horizon == timedelta(hours=48)


def test_profile_is_applied_once_at_start_and_again_when_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = Paths(tmp_path / "home")
    vault = MemoryVault()
    profile_path = tmp_path / "unit.toml"
    profile_path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv(PROFILE_ENV, str(profile_path))
    store = open_home(paths, vault)
    try:
        with store.read() as conn:
            assert load_unit_settings(conn).name == "Polres Contoh"
        names = [(a.channel.value, a.name, a.state) for a in stored_accounts(store)]
        assert ("instagram", "humaspolrescontoh", "idle") in names
        assert len(names) == 3
        assert [t.name for t in reply_templates(paths.templates)] == ["respons-awal"]
        assert "unit.zone" in profile_fixed(store)
        assert network_settings(store) == (None, None)
        assert not apply_if_new(store, paths, profile_path)  # unchanged: nothing to do
        profile_path.write_text(
            EXAMPLE.read_text(encoding="utf-8")
            .replace('zone = "WIB"', 'zone = "WITA"')
            .replace('# proxy = "http', 'proxy = "http'),
            encoding="utf-8",
        )
        assert apply_if_new(store, paths, profile_path)
        with store.read() as conn:
            assert load_unit_settings(conn).zone is UnitZone.WITA
        assert len(stored_accounts(store)) == 3  # no duplicates
        assert network_settings(store)[0] == "http://10.10.1.1:8080"
    finally:
        store.close()
