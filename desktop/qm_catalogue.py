"""Reading a compiled Qt catalogue (``.qm``) without Qt, for the command line.

The window translates through ``QTranslator``; the command line and the core's
words read the same ``.qm`` file here, so a command that prints Indonesian
does not load Qt (100 ms and more). One catalogue source stays: the ``.ts``
files, compiled by lrelease.

The format (Qt's ``qtranslator.cpp``): a 16-byte magic number, then sections
of one tag byte and a big-endian 32-bit length. The messages section holds
records of tagged fields — translation (UTF-16BE), source text, context and
comment (UTF-8) — each record closed by an end tag.
"""

from __future__ import annotations

from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")

_SECTION_MESSAGES = 0x69
_END, _SOURCE_TEXT16, _TRANSLATION, _CONTEXT16, _OBSOLETE1 = 1, 2, 3, 4, 5
_SOURCE_TEXT, _CONTEXT, _COMMENT, _OBSOLETE2 = 6, 7, 8, 9
_NULL = 0xFFFFFFFF

# (context, source text, comment) -> translation
Messages = dict[tuple[str, str, str], str]


class CatalogueError(ValueError):
    """The file is not a compiled Qt catalogue this reader understands."""


def read_catalogue(path: Path) -> Messages:
    """The translated messages of the ``.qm`` file at ``path``."""
    data = path.read_bytes()
    if not data.startswith(MAGIC):
        raise CatalogueError(f"{path.name} is not a Qt .qm catalogue")
    at = len(MAGIC)
    while at + 5 <= len(data):
        tag, length = data[at], int.from_bytes(data[at + 1 : at + 5], "big")
        at += 5
        if tag == _SECTION_MESSAGES:
            return _messages(data[at : at + length])
        at += length
    return {}


def _messages(block: bytes) -> Messages:
    found: Messages = {}
    at = 0
    fields: dict[int, str] = {}
    while at < len(block):
        tag = block[at]
        at += 1
        if tag == _END:
            translation = fields.get(_TRANSLATION, "")
            if translation:
                key = (fields.get(_CONTEXT, ""), fields.get(_SOURCE_TEXT, ""))
                found[(*key, fields.get(_COMMENT, ""))] = translation
            fields = {}
            continue
        if tag in (_OBSOLETE1, _OBSOLETE2):
            continue
        if tag not in (_TRANSLATION, _SOURCE_TEXT16, _CONTEXT16, _SOURCE_TEXT, _CONTEXT, _COMMENT):
            raise CatalogueError(f"unknown message field {tag:#x}")
        length = int.from_bytes(block[at : at + 4], "big")
        at += 4
        if length == _NULL:
            continue
        raw = block[at : at + length]
        at += length
        if tag == _TRANSLATION:
            fields.setdefault(_TRANSLATION, raw.decode("utf-16-be"))  # plural forms: the first
        else:
            fields[tag] = raw.decode("utf-8")
    return found


def translate(messages: Messages, context: str, source: str, disambiguation: str | None) -> str:
    """As ``QTranslator.translate``: the message with this comment, else without one;
    an empty string when the catalogue has neither."""
    comment = disambiguation or ""
    found = messages.get((context, source, comment))
    if found is None and comment:
        found = messages.get((context, source, ""))
    return found or ""
