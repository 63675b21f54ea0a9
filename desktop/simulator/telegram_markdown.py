"""Telegram's ``parse_mode=MarkdownV2``: the text as sent, and its entities.

``*bold*``, ``_italic_``, ``__underline__``, ``~strikethrough~``,
``||spoiler||``, ```code```, triple-backtick ``pre`` and ``[text](url)``.
Outside code every one of ``_*[]()~`>#+-=|{}.!`` must be escaped with a
backslash; an unescaped one, or an entity left open, is refused as Telegram
refuses it ("can't parse entities"). Offsets count UTF-16 code units.
"""

from __future__ import annotations

from desktop.simulator.telegram_html import EntityError

RESERVED = frozenset("_*[]()~`>#+-=|{}.!")
MARKS = (("||", "spoiler"), ("__", "underline"), ("*", "bold"), ("_", "italic"),
         ("~", "strikethrough"))  # fmt: skip
NAMES = {"spoiler": "Spoiler", "underline": "Underline", "bold": "Bold", "italic": "Italic",
         "strikethrough": "Strikethrough", "text_link": "TextUrl"}  # fmt: skip


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


LEGACY_MARKS = (("*", "bold"), ("_", "italic"))


def parse_markdown(source: str) -> tuple[str, list[dict[str, object]]]:
    """The legacy ``Markdown`` mode: fewer entities, nothing reserved."""
    return parse_markdown_v2(source, reserved=frozenset(), marks=LEGACY_MARKS)


def parse_markdown_v2(
    source: str,
    *,
    reserved: frozenset[str] = RESERVED,
    marks: tuple[tuple[str, str], ...] = MARKS,
) -> tuple[str, list[dict[str, object]]]:
    out: list[str] = []
    entities: list[dict[str, object]] = []
    open_marks: list[tuple[str, int]] = []  # (entity type, offset)
    link_start: int | None = None
    at = 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            if at + 1 >= len(source):
                raise EntityError("Character '\\' is reserved and must be escaped")
            out.append(source[at + 1])
            at += 2
            continue
        if char == "`":
            fence = "```" if source.startswith("```", at) else "`"
            end = _closing(source, at + len(fence), fence)
            if end < 0:
                kind = "Pre" if fence == "```" else "Code"
                raise EntityError(f"Can't find end of {kind} entity at byte offset {at}")
            body = source[at + len(fence) : end].replace("\\`", "`").replace("\\\\", "\\")
            if fence == "```":  # a first line of one word names the language
                first, sep, rest = body.partition("\n")
                if sep and first and " " not in first:
                    body = rest
            offset = _units("".join(out))
            out.append(body)
            kind = "pre" if fence == "```" else "code"
            entities.append({"offset": offset, "length": _units(body), "type": kind})
            at = end + len(fence)
            continue
        if char == "[" and link_start is None:
            link_start = _units("".join(out))
            at += 1
            continue
        if char == "]" and link_start is not None and source.startswith("(", at + 1):
            end = source.find(")", at + 2)
            if end < 0:
                raise EntityError(f"Can't find end of a url at byte offset {at}")
            url = source[at + 2 : end]
            length = _units("".join(out)) - link_start
            if length:
                entities.append(
                    {"offset": link_start, "length": length, "type": "text_link", "url": url}
                )
            link_start = None
            at = end + 1
            continue
        mark = next((m for m in marks if source.startswith(m[0], at)), None)
        if mark is not None:
            token, kind = mark
            offset = _units("".join(out))
            if open_marks and open_marks[-1][0] == kind:
                _, start = open_marks.pop()
                if offset > start:
                    entities.append({"offset": start, "length": offset - start, "type": kind})
            else:
                open_marks.append((kind, offset))
            at += len(token)
            continue
        if char in reserved:
            raise EntityError(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        out.append(char)
        at += 1
    if open_marks:
        kind, start = open_marks[-1]
        raise EntityError(f"Can't find end of {NAMES[kind]} entity at byte offset {start}")
    if link_start is not None:
        raise EntityError(f"Can't find end of TextUrl entity at byte offset {link_start}")
    entities.sort(key=lambda e: (e["offset"], -int(str(e["length"]))))
    return "".join(out), entities


def _closing(source: str, start: int, fence: str) -> int:
    at = start
    while at < len(source):
        if source[at] == "\\":
            at += 2
            continue
        if source.startswith(fence, at):
            return at
        at += 1
    return -1
