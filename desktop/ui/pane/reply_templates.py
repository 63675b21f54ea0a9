"""Where the reply templates come from: the unit's own file, else the defaults.

The defaults ship in ``resources/templates/balasan.toml``. The first edit in
the template editor copies them to ``templates.toml`` in the data folder (the
folder that holds the database); from then on that file is used.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop import resources
from desktop.core.templates import Template, load_templates

USER_TEMPLATES_NAME = "templates.toml"


def default_templates_path() -> Path:
    return resources.resources() / "templates" / "balasan.toml"


def user_templates_path(data_folder: Path) -> Path:
    return data_folder / USER_TEMPLATES_NAME


def reply_templates(data_folder: Path) -> list[Template]:
    """The templates in use: the user's file when there is one, else the defaults."""
    user_file = user_templates_path(data_folder)
    return load_templates(user_file if user_file.exists() else default_templates_path())


def _toml_string(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes, \uXXXX included).
    return json.dumps(value, ensure_ascii=False)


def templates_toml(templates: Sequence[Template]) -> str:
    lines = [
        "# Templat balasan satuan. {nama} = nama warga, {satuan} = nama satuan.",
        "# The unit's reply templates, written by Aduan Desk's template editor.",
    ]
    for template in templates:
        lines += [
            "",
            "[[template]]",
            f"name = {_toml_string(template.name)}",
            f"title = {_toml_string(template.title)}",
            f"text = {_toml_string(template.text)}",
        ]
    return "\n".join(lines) + "\n"


def save_user_templates(data_folder: Path, templates: Sequence[Template]) -> Path:
    """Write the file whole or not at all (temporary file, then rename)."""
    target = user_templates_path(data_folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".templates-", suffix=".toml", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(templates_toml(templates))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
