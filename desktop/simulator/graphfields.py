"""Graph API field selection: ``fields=id,from,replies.limit(5){id,text}``.

The Graph API returns only the fields asked for (plus ``id``), and a default
set when none are. Edges can be nested with ``{...}`` and tuned with
modifiers such as ``.limit(0)``, ``.summary(true)``, ``.filter(stream)``.
Asking for a field a node does not have is an error (#100), as on Meta.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    modifiers: Mapping[str, str] = field(default_factory=dict)
    sub: tuple[Field, ...] | None = None  # None: the node's default fields


class FieldError(ValueError):
    """Unreadable ``fields`` text, or a field the node type lacks."""


def parse_fields(text: str) -> tuple[Field, ...]:
    fields, rest = _list(text.replace(" ", ""), 0)
    if rest != len(text.replace(" ", "")):
        raise FieldError("Syntax error in the fields parameter")
    return fields


def _list(text: str, at: int) -> tuple[tuple[Field, ...], int]:
    fields: list[Field] = []
    while at < len(text) and text[at] != "}":
        one, at = _field(text, at)
        fields.append(one)
        if at < len(text) and text[at] == ",":
            at += 1
    return tuple(fields), at


def _field(text: str, at: int) -> tuple[Field, int]:
    start = at
    while at < len(text) and (text[at].isalnum() or text[at] == "_"):
        at += 1
    name = text[start:at]
    if not name:
        raise FieldError("Syntax error in the fields parameter")
    modifiers: dict[str, str] = {}
    while at < len(text) and text[at] == ".":
        close = text.find(")", at)
        opening = text.find("(", at)
        if opening < 0 or close < opening:
            raise FieldError(f"Syntax error in the modifiers of field {name}")
        modifiers[text[at + 1 : opening]] = text[opening + 1 : close]
        at = close + 1
    sub: tuple[Field, ...] | None = None
    if at < len(text) and text[at] == "{":
        sub, at = _list(text, at + 1)
        if at >= len(text) or text[at] != "}":
            raise FieldError(f"Unclosed braces in field {name}")
        at += 1
    return Field(name, modifiers, sub), at


Renderer = Callable[[Field], object]  # a field's value, or None to leave it out


@dataclass(frozen=True, slots=True)
class NodeType:
    """A Graph node type: its name in errors, its fields, and its default ones."""

    name: str
    defaults: Sequence[str]


def select(
    kind: NodeType, fields: Sequence[Field] | None, renderers: Mapping[str, Renderer]
) -> dict[str, object]:
    """The node with the asked fields (``id`` always); missing values are left out."""
    wanted = list(fields) if fields is not None else [Field(name) for name in kind.defaults]
    if all(f.name != "id" for f in wanted):
        wanted.append(Field("id"))
    out: dict[str, object] = {}
    for one in wanted:
        render = renderers.get(one.name)
        if render is None:
            raise FieldError(
                f"(#100) Tried accessing nonexisting field ({one.name}) on node type ({kind.name})"
            )
        value = render(one)
        if value is not None:
            out[one.name] = value
    return out


def limit_of(one: Field, default: int, maximum: int = 100) -> int:
    raw = one.modifiers.get("limit", "")
    try:
        return min(max(int(raw), 0), maximum) if raw else default
    except ValueError:
        raise FieldError(f"(#100) The limit modifier of {one.name} must be a number") from None
