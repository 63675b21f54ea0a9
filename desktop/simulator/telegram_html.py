"""Telegram's ``parse_mode=HTML``: the text as sent, and its entities.

Supported tags as in the Bot API (``b``/``strong``, ``i``/``em``,
``u``/``ins``, ``s``/``strike``/``del``, ``a href``, ``code``, ``pre``,
``tg-spoiler``, ``blockquote``); entities ``&lt; &gt; &amp; &quot;`` and
numeric ones. Anything else — an unknown or unclosed tag, a stray ``<`` —
is refused as the server refuses it: 400 "can't parse entities". Offsets
and lengths count UTF-16 code units, as Telegram's do.
"""

from __future__ import annotations

import html
import re

KINDS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "tg-spoiler": "spoiler",
    "blockquote": "blockquote",
}
_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^<>]*)?)>|<|&(#?\w+);|&")
_HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")


class EntityError(ValueError):
    """Text Telegram would refuse to parse."""


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(source: str) -> tuple[str, list[dict[str, object]]]:
    """(plain text, entities) or ``EntityError`` with Telegram's words."""
    out: list[str] = []
    entities: list[dict[str, object]] = []
    open_tags: list[tuple[str, int, str | None]] = []
    at = 0
    for match in _TOKEN.finditer(source):
        out.append(source[at : match.start()])
        at = match.end()
        closing, tag, attrs, entity = match.group(1), match.group(2), match.group(3), match.group(4)
        token = match.group(0)
        if tag is None and entity is None:
            if token == "&":
                raise EntityError(
                    f"Can't find end of the entity starting at byte offset {_units(''.join(out))}"
                )
            raise EntityError(f'Unsupported start tag "" at byte offset {_units("".join(out))}')
        if tag is None:
            decoded = html.unescape(f"&{entity};")
            if decoded == f"&{entity};":
                raise EntityError(f"Unknown entity &{entity};")
            out.append(decoded)
            continue
        name = tag.lower()
        if name not in KINDS:
            raise EntityError(f'Unsupported start tag "{name}" at byte offset {match.start()}')
        offset = _units("".join(out))
        if not closing:
            href = None
            if name == "a":
                found = _HREF.search(attrs or "")
                href = next((g for g in found.groups() if g is not None), None) if found else None
            open_tags.append((name, offset, href))
            continue
        if not open_tags or open_tags[-1][0] != name:
            expected = open_tags[-1][0] if open_tags else ""
            raise EntityError(
                f"Unmatched end tag at byte offset {match.start()}, "
                f'expected "{expected}", found "{name}"'
            )
        _, start, href = open_tags.pop()
        if offset > start:
            entity_obj: dict[str, object] = {
                "offset": start,
                "length": offset - start,
                "type": KINDS[name],
            }
            if href:
                entity_obj["url"] = href
            entities.append(entity_obj)
    out.append(source[at:])
    if open_tags:
        raise EntityError(f'Can\'t find end tag corresponding to start tag "{open_tags[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -int(str(e["length"]))))
    return "".join(out), entities
