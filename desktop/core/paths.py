"""Where Aduan Desk keeps its files: resolved here and nowhere else."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "aduan-desk"
HOME_ENV = "ADUAN_DESK_HOME"


@dataclass(frozen=True, slots=True)
class Paths:
    """The data folder and the files in it."""

    home: Path

    @property
    def database(self) -> Path:
        return self.home / "aduan-desk.db"

    @property
    def database_id(self) -> Path:
        """Names the database's key in the keyring (not secret)."""
        return self.home / "aduan-desk.db.id"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    @property
    def templates(self) -> Path:
        """The unit's own reply templates (written by the editor or a profile)."""
        return self.home / "templates.toml"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    def ensure(self) -> Paths:
        self.home.mkdir(parents=True, exist_ok=True)
        return self


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Paths:
    """``--home`` wins, then ``ADUAN_DESK_HOME``, then the user's data folder."""
    if explicit:
        return Paths(Path(explicit).expanduser().resolve())
    from_env = os.environ.get(HOME_ENV)
    if from_env:
        return Paths(Path(from_env).expanduser().resolve())
    return Paths(platformdirs.user_data_path(APP_NAME, appauthor=False))
