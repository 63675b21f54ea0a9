"""The unit profile: what IT staff fix for a unit before rolling the app out.

A small TOML file — unit name and level, time zone, deadline targets, the
accounts to create (platform and name, never tokens), reply templates and
proxy/CA settings — read at first start (and again whenever it changes).
Problems are reported with the line they are on.

    [unit]
    name = "Polres Bogor"
    level = "polres"
    zone = "WIB"

    [deadlines]
    first_answer_hours = 24
    warning_percent = 75
    viral_hours = 72
    progress_days = 3

    [[account]]
    platform = "instagram"
    name = "humaspolresbogor"
    params = { ig_user_id = "17841400000000000" }

    [[template]]
    name = "respons-awal"
    title = "Respons awal"
    text = "Terima kasih {nama}, aduan Anda sudah kami respons ..."

    [app.x]                      # each platform's app: see README, "Connecting accounts"
    client_id = "..."
    redirect_port = 8765

    [app.telegram]               # only where bots talk to a local Bot API server
    api_base = "https://botapi.polres.example"

    [network]
    proxy = "http://10.10.1.1:8080"
    ca_bundle = "C:/ProgramData/AduanDesk/ca-polri.pem"

    [station]                 # absent: one PC, the encrypted SQLite store
    kind = "postgresql"       # "sqlite" (the default) or "postgresql"
    host = "10.10.1.5"
    port = 5432
    dbname = "aduan_desk"
    user = "humas"            # its password is kept in the keyring, never here
    sslmode = "verify-full"
    sslrootcert = "C:/ProgramData/AduanDesk/ca-polres.pem"
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from desktop.core.connect.apps import AppSettings, Provider
from desktop.core.deadlines import DeadlineSettings, UnitSettings, UnitZone
from desktop.core.model import POLLED, Channel
from desktop.core.templates import Template

LEVELS = ("mabes", "polda", "polrestabes", "polresta", "polres", "polsek")
_SECTIONS = {
    "unit": {"name", "level", "zone"},
    "deadlines": {"first_answer_hours", "warning_percent", "viral_hours", "progress_days"},
    "network": {"proxy", "ca_bundle"},
    "station": {"kind", "host", "port", "dbname", "user", "sslmode", "sslrootcert"},
}
_ACCOUNT_KEYS = {"platform", "name", "api_base", "params"}
_TEMPLATE_KEYS = {"name", "title", "text"}
_APP_KEYS = {
    "client_id",
    "client_secret",
    "redirect_port",
    "scopes",
    "authorize_url",
    "token_url",
    "api_base",
    "client_token",  # [app.meta] only: device login
}
_APP_URLS = ("authorize_url", "token_url", "api_base")
_TELEGRAM_KEYS = {"api_base"}  # a bot has no app: only where its Bot API server is
_POLLED = tuple(c.value for c in POLLED)


@dataclass(frozen=True, slots=True)
class ProfileAccount:
    channel: Channel
    name: str
    api_base: str | None = None
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class UnitProfile:
    unit: UnitSettings
    level: str
    accounts: tuple[ProfileAccount, ...]
    templates: tuple[Template, ...]
    proxy: str | None
    ca_bundle: str | None
    fixed: frozenset[str]  # the settings the profile set, e.g. "unit.zone"
    digest: str  # of the file's bytes: a changed profile is applied again
    # Each platform's app (client id, redirect port, scopes; a client secret only
    # where the platform needs one: ``connect.apps.store_secret`` moves it to the keyring).
    apps: Mapping[Provider, AppSettings] = field(default_factory=dict)
    station: StationSettings = field(default_factory=lambda: StationSettings())


STATION_KINDS = ("sqlite", "postgresql")
# libpq's modes that encrypt; "disable" only for a server on this PC.
SSL_MODES = ("require", "verify-ca", "verify-full")
_LOOPBACK = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True, slots=True)
class StationSettings:
    """Where the unit's complaint store is: this PC (``sqlite``, the default: nothing
    changes for a single-PC unit) or the station's PostgreSQL server."""

    kind: str = "sqlite"
    host: str | None = None
    port: int = 5432
    dbname: str = "aduan_desk"
    user: str | None = None
    sslmode: str = "verify-full"
    sslrootcert: str | None = None


class ProfileError(ValueError):
    """Everything wrong with a profile, each with its line where known."""

    def __init__(self, path: Path, problems: list[tuple[int | None, str]]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [
            f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}"
            for line, message in self.problems
        ]


def load_profile(path: Path) -> UnitProfile:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise ProfileError(path, [(int(match.group(1)) if match else None, str(exc))]) from None
    reader = _Reader(text)
    profile = reader.read(data, hashlib.sha256(raw).hexdigest())
    if reader.problems:
        raise ProfileError(path, reader.problems)
    assert profile is not None
    return profile


class _Reader:
    """Reads the parsed TOML, collecting problems instead of stopping at the first."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.problems: list[tuple[int | None, str]] = []
        self.fixed: set[str] = set()

    def read(self, data: dict[str, Any], digest: str) -> UnitProfile | None:
        for key in data.keys() - {*_SECTIONS, "account", "template", "app"}:
            self.problem((key,), f"unknown section [{key}]")
        sections = {name: self.section(data, name) for name in _SECTIONS}
        unit, level = self.unit(sections["unit"], sections["deadlines"])
        accounts = tuple(self.accounts(data.get("account", [])))
        templates = tuple(self.templates(data.get("template", [])))
        apps = self.apps(data.get("app", {}))
        network = sections["network"]
        proxy = self.text(network, ("network", "proxy"), required=False)
        ca = self.text(network, ("network", "ca_bundle"), required=False)
        station = self.station(data.get("station", {}))
        if self.problems:
            return None
        return UnitProfile(
            unit,
            level,
            accounts,
            templates,
            proxy,
            ca,
            frozenset(self.fixed),
            digest,
            apps,
            station,
        )

    # -- pieces ----------------------------------------------------------------

    def section(self, data: dict[str, Any], name: str) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            self.problem((name,), f"[{name}] must be a table")
            return {}
        for key in value.keys() - _SECTIONS[name]:
            self.problem((name, key), f"unknown setting {key!r} in [{name}]")
        self.fixed.update(f"{name}.{key}" for key in value.keys() & _SECTIONS[name])
        return value

    def unit(self, unit: dict[str, Any], limits: dict[str, Any]) -> tuple[UnitSettings, str]:
        defaults = UnitSettings()
        name = self.text(unit, ("unit", "name"), required=False) or defaults.name
        level = (self.text(unit, ("unit", "level"), required=False) or "polres").lower()
        if level not in LEVELS:
            self.problem(("unit", "level"), f"level must be one of {', '.join(LEVELS)}")
        zone = defaults.zone
        if "zone" in unit:
            try:
                zone = UnitZone.parse(unit["zone"])
            except ValueError:
                self.problem(("unit", "zone"), "zone must be WIB, WITA or WIT")
        base = defaults.deadlines
        hours = self.number(limits, "first_answer_hours", base.first_answer / timedelta(hours=1))
        percent = self.number(limits, "warning_percent", base.warning_fraction * 100)
        viral = self.number(limits, "viral_hours", base.viral_horizon / timedelta(hours=1))
        days = self.number(limits, "progress_days", base.progress_every / timedelta(days=1))
        try:
            deadlines = DeadlineSettings(
                first_answer=timedelta(hours=hours),
                warning_fraction=percent / 100,
                viral_horizon=timedelta(hours=viral),
                progress_every=timedelta(days=days),
            )
        except ValueError as exc:
            self.problem(("deadlines",), str(exc).replace("_", " "))
            deadlines = base
        return UnitSettings(name=name, zone=zone, deadlines=deadlines), level

    def accounts(self, entries: object) -> list[ProfileAccount]:
        found = []
        for index, entry in enumerate(self.tables(entries, "account")):
            where = ("account", index)
            for key in entry.keys() - _ACCOUNT_KEYS:
                self.problem((*where, key), f"unknown setting {key!r} in an [[account]]")
            if "token" in entry:
                self.problem(
                    (*where, "token"), "tokens never go in a profile: enter them in the app"
                )
            platform = self.text(entry, (*where, "platform"))
            name = self.text(entry, (*where, "name"))
            if platform is not None and platform not in _POLLED:
                self.problem((*where, "platform"), f"platform must be one of {', '.join(_POLLED)}")
                continue
            params = entry.get("params", {})
            if not isinstance(params, dict) or not all(
                isinstance(v, str | int) for v in params.values()
            ):
                self.problem((*where, "params"), "params must be a table of texts")
                params = {}
            if platform and name:
                found.append(
                    ProfileAccount(
                        Channel(platform),
                        name,
                        self.text(entry, (*where, "api_base"), required=False),
                        {str(k): str(v) for k, v in params.items()},
                    )
                )
        return found

    def apps(self, table: object) -> dict[Provider, AppSettings]:
        if not isinstance(table, dict):
            self.problem(("app",), "[app.PLATFORM] entries must be tables")
            return {}
        found: dict[Provider, AppSettings] = {}
        names = {p.value: p for p in Provider}
        for key, entry in table.items():
            where = ("app", key)
            if key not in names:
                self.problem(where, f"[app.{key}]: platform must be one of {', '.join(names)}")
                continue
            if not isinstance(entry, dict):
                self.problem(where, f"[app.{key}] must be a table")
                continue
            known = _TELEGRAM_KEYS if names[key] is Provider.TELEGRAM else _APP_KEYS
            for unknown in entry.keys() - known:
                self.problem((*where, unknown), f"unknown setting {unknown!r} in [app.{key}]")
            app = self.app(names[key], entry, where)
            if app is not None:
                found[app.provider] = app
        return found

    def app(
        self, provider: Provider, entry: dict[str, Any], where: tuple[Any, ...]
    ) -> AppSettings | None:
        telegram = provider is Provider.TELEGRAM
        client_id = "" if telegram else self.text(entry, (*where, "client_id"))
        secret = self.text(entry, (*where, "client_secret"), required=False)
        port = entry.get("redirect_port", 0)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
            self.problem((*where, "redirect_port"), "redirect_port must be a port number")
            port = 0
        scopes = entry.get("scopes", [])
        if not isinstance(scopes, list) or not all(isinstance(s, str) and s for s in scopes):
            self.problem((*where, "scopes"), "scopes must be a list of texts")
            scopes = []
        token = self.text(entry, (*where, "client_token"), required=False)
        if token is not None and provider is not Provider.META:
            self.problem((*where, "client_token"), "client_token is only for [app.meta]")
        urls = {}
        for key in _APP_URLS:
            value = self.text(entry, (*where, key), required=False)
            if value is None:
                continue
            parts = urllib.parse.urlsplit(value)
            loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
            if parts.scheme != "https" and not (parts.scheme == "http" and loopback):
                self.problem((*where, key), f"{key} must start with https://")
            urls[key] = value
        if client_id is None:
            return None
        return AppSettings(
            provider,
            client_id,
            redirect_port=port,
            scopes=tuple(scopes),
            client_secret=secret,
            client_token=token or "",
            **urls,
        )

    def templates(self, entries: object) -> list[Template]:
        found = []
        for index, entry in enumerate(self.tables(entries, "template")):
            where = ("template", index)
            for key in entry.keys() - _TEMPLATE_KEYS:
                self.problem((*where, key), f"unknown setting {key!r} in a [[template]]")
            values = [self.text(entry, (*where, key)) for key in ("name", "title", "text")]
            if all(values):
                found.append(Template(*(str(v) for v in values)))
        return found

    def station(self, table: object) -> StationSettings:
        """The [station] section (its unknown keys are reported by ``section``)."""
        if not isinstance(table, dict):
            return StationSettings()
        if "password" in table:
            self.problem(
                ("station", "password"), "passwords never go in a profile: enter them in the app"
            )
        kind = self.text(table, ("station", "kind"), required=False) or "sqlite"
        if kind not in STATION_KINDS:
            self.problem(("station", "kind"), f"kind must be one of {', '.join(STATION_KINDS)}")
        if kind != "postgresql":
            return StationSettings()
        defaults = StationSettings()
        host = self.text(table, ("station", "host"))
        user = self.text(table, ("station", "user"))
        dbname = self.text(table, ("station", "dbname"), required=False) or defaults.dbname
        port = table.get("port", defaults.port)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            self.problem(("station", "port"), "port must be a number from 1 to 65535")
            port = defaults.port
        sslmode = self.text(table, ("station", "sslmode"), required=False) or defaults.sslmode
        if sslmode not in SSL_MODES and not (sslmode == "disable" and host in _LOOPBACK):
            self.problem(
                ("station", "sslmode"),
                f"sslmode must be one of {', '.join(SSL_MODES)} "
                "(disable only for a server on this PC)",
            )
        root = self.text(table, ("station", "sslrootcert"), required=False)
        return StationSettings(kind, host, port, dbname, user, sslmode, root)

    def tables(self, entries: object, name: str) -> list[dict[str, Any]]:
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            self.problem((name,), f"[[{name}]] entries must be tables")
            return []
        return entries

    def text(
        self, table: dict[str, Any], where: tuple[Any, ...], *, required: bool = True
    ) -> str | None:
        value = table.get(where[-1])
        if value is None:
            if required:
                self.problem(where[:-1], f"{where[-1]} is missing")
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(where, f"{where[-1]} must be a non-empty text")
            return None
        return value.strip()

    def number(self, table: dict[str, Any], key: str, default: float) -> float:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            self.problem(("deadlines", key), f"{key} must be a positive number")
            return default
        return float(value)

    # -- lines -------------------------------------------------------------------

    def problem(self, where: tuple[Any, ...], message: str) -> None:
        self.problems.append((self.line_of(where), message))

    def line_of(self, where: tuple[Any, ...]) -> int | None:
        """The line of a section, the n-th array table, or a key inside them."""
        if not where:
            return None
        name, rest = where[0], list(where[1:])
        if rest and isinstance(rest[0], int):
            header = re.compile(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]")
            starts = [n for n, line in enumerate(self.lines) if header.match(line)]
            if rest[0] >= len(starts):
                return None
            start = starts[rest[0]]
            rest = rest[1:]
        else:
            header = re.compile(rf"^\s*\[\s*{re.escape(name)}\s*\]")
            starts = [n for n, line in enumerate(self.lines) if header.match(line)]
            if not starts:
                return None
            start = starts[0]
        if not rest:
            return start + 1
        key = re.compile(rf"^\s*{re.escape(str(rest[0]))}\s*=")
        for number in range(start + 1, len(self.lines)):
            if self.lines[number].lstrip().startswith("["):
                break
            if key.match(self.lines[number]):
                return number + 1
        return start + 1
