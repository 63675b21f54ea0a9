"""Reply templates: named texts with placeholders such as the citizen's name."""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

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
