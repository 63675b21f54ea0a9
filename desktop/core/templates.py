"""Reply templates: named texts with placeholders such as the citizen's name.

The defaults ship in ``resources/templates/balasan.toml``. The first edit in
the template editor (or a unit profile) writes ``templates.toml`` in the data
folder; from then on that file is used.
"""

from __future__ import annotations

import json
import os
import string
import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop import resources
from desktop.core.errors import UserError

PLACEHOLDERS = ("nama", "satuan")


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    title: str
    text: str

    def render(self, values: Mapping[str, str]) -> str:
        """Fill the placeholders; an unknown one is left as written."""
        return string.Formatter().vformat(self.text, (), _Lenient(values)).strip()


class _Lenient(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def load_templates(path: Path) -> list[Template]:
    """Templates from a TOML file with ``[[template]]`` tables (name, title, text)."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    templates = []
    for index, entry in enumerate(data.get("template", []), start=1):
        try:
            templates.append(Template(str(entry["name"]), str(entry["title"]), str(entry["text"])))
        except KeyError as exc:
            raise ValueError(f"{path}: template #{index} has no {exc.args[0]!r}") from exc
    return templates


def find_template(templates: Sequence[Template], name: str) -> Template:
    for template in templates:
        if template.name == name:
            return template
    choices = ", ".join(t.name for t in templates) or "-"
    raise UserError("unknown_template", name=name, choices=choices)


def default_templates_path() -> Path:
    return resources.resources() / "templates" / "balasan.toml"


def reply_templates(user_file: Path) -> list[Template]:
    """The templates in use: the unit's file (``Paths.templates``) when there is one,
    else the defaults."""
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


def save_user_templates(target: Path, templates: Sequence[Template]) -> Path:
    """Write the unit's file (``Paths.templates``) whole or not at all (temporary file,
    then rename)."""
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
