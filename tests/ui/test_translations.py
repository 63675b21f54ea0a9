"""Every visible string is translated, and the .ts files hold every string the code has.

One catalogue serves every package: the window (``desktop/ui``), the command
line (``desktop/cli*.py``) and the core's marked texts (``desktop/core``).
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop import i18n, resources
from desktop.ui.preferences import Language

ROOT = Path(__file__).resolve().parents[2]
TS_FILES = sorted(resources.translations().glob("*.ts"))
OURS = [path for path in TS_FILES if path.name.startswith(f"{i18n.DOMAIN}_")]
PLACEHOLDER = re.compile(r"%n|%\d|\{[a-z_]*\}|\{\{|\}\}")

Key = tuple[str, str, str]  # context, source, disambiguation


def _messages(path: Path) -> dict[Key, list[str]]:
    """(context, source, comment) -> translations (several for plural forms)."""
    found: dict[Key, list[str]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: {key} has no translation element"
            kind = translation.get("type")
            assert kind is None, f"{path.name}: {key} is {kind}"
            forms = [form.text or "" for form in translation.iter("numerusform")]
            found[key] = forms or [translation.text or ""]
    return found


def test_both_languages_have_their_file() -> None:
    assert {path.name for path in OURS} == {"aduan_id.ts", "aduan_en.ts"}


@pytest.mark.parametrize("path", TS_FILES, ids=lambda p: p.name)
def test_every_message_is_translated(path: Path) -> None:
    messages = _messages(path)
    assert messages
    empty = [key for key, forms in messages.items() if not all(form.strip() for form in forms)]
    assert not empty, f"{path.name}: untranslated {empty}"


@pytest.mark.parametrize("path", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_the_placeholders(path: Path) -> None:
    wrong = []
    for (context, source, _comment), forms in _messages(path).items():
        wanted = sorted(PLACEHOLDER.findall(source))
        wrong += [(context, source, f) for f in forms if sorted(PLACEHOLDER.findall(f)) != wanted]
    assert not wrong


def _code_files() -> list[Path]:
    """Every Python file of every package: what scripts/build-translations reads."""
    return sorted((ROOT / "desktop").rglob("*.py"))


def test_every_package_is_read() -> None:
    packages = {path.relative_to(ROOT / "desktop").parts[0] for path in _code_files()}
    assert {"core", "ui", "cli.py", "cli_format.py", "cli_sync.py", "i18n.py"} <= packages
    script = (ROOT / "scripts" / "build-translations").read_text(encoding="utf-8")
    assert "find desktop -name '*.py'" in script


def test_the_ts_files_hold_every_string_of_the_code(tmp_path: Path) -> None:
    """lupdate over desktop/ finds nothing that is missing from (or stale in) our files."""
    fresh = tmp_path / "fresh.ts"
    sources = [str(p.relative_to(ROOT)) for p in _code_files()]
    lupdate = Path(i18n.lrelease_program()[0]).with_name(
        Path(i18n.lrelease_program()[0]).name.replace("lrelease", "lupdate")
    )
    subprocess.run(
        [str(lupdate), "-silent", "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    in_code = set(_sources(fresh))
    for path in OURS:
        in_file = set(_sources(path))
        hint = f"{path.name} is behind the code; run scripts/build-translations and translate"
        assert sorted(in_code - in_file) == [], f"missing: {hint}"
        assert sorted(in_file - in_code) == [], f"stale: {hint}"


def _sources(path: Path) -> list[Key]:
    root = ET.parse(path).getroot()
    return [
        (c.findtext("name") or "", m.findtext("source") or "", m.findtext("comment") or "")
        for c in root.iter("context")
        for m in c.iter("message")
    ]


def test_compiled_indonesian_translates(qapp: QCoreApplication, tmp_path: Path) -> None:
    target = tmp_path / "aduan_id.qm"
    i18n.compile_translation(resources.translations() / "aduan_id.ts", target)
    translator = QTranslator()
    assert translator.load(str(target))
    assert translator.translate("Sidebar", "Urgent") == "Mendesak"
    assert translator.translate("Labels", "VIRAL RISK") == "RAWAN VIRAL"
    banner = translator.translate(
        "OfflineBanner", "Working offline — replies are sent when the connection returns"
    )
    assert banner == "Bekerja offline — balasan dikirim saat koneksi kembali"


def _calls_in_code() -> set[Key]:
    """Every ``self.tr``/``translate``/``QT_TRANSLATE_NOOP`` call with literal texts."""
    found: set[Key] = set()
    for path in _code_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                found |= _tr_calls(node)
            if isinstance(node, ast.Call) and _name(node.func) in _CONTEXT_CALLS:
                texts = [_literal(arg) for arg in node.args[:3]]
                if texts[0] is not None and len(texts) > 1 and texts[1] is not None:
                    comment = texts[2] if len(texts) > 2 and texts[2] else ""
                    found.add((texts[0], texts[1], comment))
    return found


_CONTEXT_CALLS = {"translate", "QT_TRANSLATE_NOOP"}


def _tr_calls(cls: ast.ClassDef) -> set[Key]:
    found: set[Key] = set()
    for node in ast.walk(cls):
        if isinstance(node, ast.Call) and _name(node.func) == "tr" and node.args:
            source = _literal(node.args[0])
            comment = _literal(node.args[1]) if len(node.args) > 1 else ""
            if source is not None:
                found.add((cls.name, source, comment or ""))
    return found


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def test_lupdate_misses_no_call_in_the_code() -> None:
    """lupdate's Python reader skips some call shapes; every literal call must be in the file."""
    in_code = _calls_in_code()
    assert len(in_code) > 100
    contexts = {context for context, _source, _comment in in_code}
    assert {"UserError", "SyncState", "SendReason", "Cli", "Duration"} <= contexts
    in_file = set(_sources(resources.translations() / "aduan_id.ts"))
    assert sorted(in_code - in_file) == []


def test_a_source_checkout_builds_missing_or_stale_qm_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "build_folder", lambda: tmp_path / "build")
    built = i18n.compiled(i18n.DOMAIN, Language.INDONESIAN)
    assert built == tmp_path / "build" / "aduan_id.qm"
    assert built.stat().st_size > 1000
    os.utime(built, (0, 0))  # older than its .ts: rebuilt
    assert i18n.compiled(i18n.DOMAIN, Language.INDONESIAN) == built
    assert built.stat().st_mtime > 0
