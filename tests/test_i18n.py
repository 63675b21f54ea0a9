"""One catalogue: the core's codes, durations and the command line's words, in both languages.

An officer who chose Indonesian reads no English: every text of the catalogue
differs from its English source unless it is a word both languages share or a
proper name (``SAME_IN_BOTH``), and every code the core carries is rendered
through it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop import i18n
from desktop.cli_format import LABELS
from desktop.core.deadlines import Countdown, DeadlineKind, Urgency
from desktop.core.errors import MESSAGES, UserError
from desktop.core.model import ReplyState, Status
from desktop.core.sync.reasons import EXPLANATIONS, SendReason
from desktop.core.sync.states import DESCRIPTIONS, SyncState
from desktop.ui.preferences import Language

ROOT = Path(__file__).resolve().parents[1]
H = timedelta(hours=1)
D = timedelta(days=1)
M = timedelta(minutes=1)

# Words Indonesian shares with English, proper names, keys and bare placeholders.
SAME_IN_BOTH = {
    "&Platform:",
    "&Token:",
    "Platform",
    "Status",
    "Status:",
    "ID",
    "OK",
    "internal",
    "Internal",
    "Ctrl+Enter",
    "Aduan Desk",
    "Aduan Desk · %1",
    "{name}: {problem}",
}


@pytest.fixture
def indonesian() -> Iterator[None]:
    i18n.use_language(Language.INDONESIAN)
    yield
    i18n.reset()


@pytest.fixture
def english() -> Iterator[None]:
    i18n.use_language(Language.ENGLISH)
    yield
    i18n.reset()


# --- durations in words --------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "indonesian_text", "english_text"),
    [
        (8 * D + 9 * H, "8 hari 9 jam", "8 days 9 hours"),
        (D + H, "1 hari 1 jam", "1 day 1 hour"),
        (2 * D + 59 * M, "2 hari", "2 days"),
        (5 * H + 12 * M, "5 jam 12 menit", "5 hours 12 minutes"),
        (3 * H, "3 jam", "3 hours"),
        (M + timedelta(seconds=59), "1 menit", "1 minute"),
        (timedelta(seconds=30), "0 menit", "0 minutes"),
        (-(2 * D + 3 * H), "2 hari 3 jam", "2 days 3 hours"),
    ],
)
def test_durations_read_without_a_legend(
    value: timedelta, indonesian_text: str, english_text: str
) -> None:
    i18n.use_language(Language.INDONESIAN)
    try:
        assert i18n.duration_text(value) == indonesian_text
    finally:
        i18n.use_language(Language.ENGLISH)
    assert i18n.duration_text(value) == english_text
    i18n.reset()


def test_time_left_and_overdue(indonesian: None) -> None:
    assert i18n.remaining_text(3 * H) == "sisa 3 jam"
    assert i18n.remaining_text(-2 * D) == "terlambat 2 hari"
    assert i18n.remaining_text(timedelta(0)) == "terlambat 0 menit"  # zero counts as overdue


def test_the_queue_pill_keeps_the_largest_unit(indonesian: None) -> None:
    assert i18n.duration_text(2 * D + 5 * H, compact=True) == "2 hari"
    assert i18n.duration_text(D + 23 * H, compact=True) == "1 hari"
    assert i18n.duration_text(9 * H + 59 * M, compact=True) == "9 jam"
    assert i18n.duration_text(59 * M, compact=True) == "59 menit"


def test_every_queue_pill_fits_its_column(qapp: object) -> None:
    """The longest compact countdowns, bold as when overdue, fit the countdown column."""
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QApplication

    from desktop.ui.delegates import PAD
    from desktop.ui.queue_columns import Column
    from desktop.ui.queue_view import _WIDTHS

    font = QFont(QApplication.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    room = _WIDTHS[Column.COUNTDOWN] - 2 * PAD - 12  # the pill's inner margin
    longest = [-(23 * H + 59 * M), -(59 * M), -(12 * D), 23 * H + 59 * M, 59 * M]
    for language in Language:
        i18n.use_language(language)
        for value in longest:
            text = i18n.remaining_text(value, compact=True)
            assert metrics.horizontalAdvance(text) <= room, (text, room)
    i18n.reset()


def test_countdown_words(english: None) -> None:
    due = Countdown(None, None, 26 * H, Urgency.ON_TIME, DeadlineKind.ANSWER)
    viral = Countdown(None, None, -4 * D, Urgency.VIRAL, DeadlineKind.ANSWER)
    nothing = Countdown(None, None, None, Urgency.NONE, DeadlineKind.NONE)
    assert i18n.countdown_text(due) == "1 day left"  # the queue pill: the largest unit
    assert i18n.countdown_text(viral) == "VIRAL RISK"
    assert i18n.countdown_text(nothing) == "—"


@given(st.timedeltas(-timedelta(days=400), timedelta(days=400)))
def test_the_sign_is_in_the_words(value: timedelta) -> None:
    i18n.use_language(Language.INDONESIAN)
    try:
        text = i18n.remaining_text(value)
        assert text.startswith("sisa " if value > timedelta(0) else "terlambat ")
    finally:
        i18n.reset()


# --- the core's codes ------------------------------------------------------------------


def test_errors_are_worded_with_their_values(indonesian: None) -> None:
    error = UserError(
        "illegal_transition", current="new", wanted="resolved", allowed="acknowledged, dismissed"
    )
    assert i18n.error_text(error) == (
        "Status tidak bisa diubah dari Baru ke Selesai (yang boleh: Direspons, Diabaikan)."
    )
    refused = UserError("reply_not_changeable", id=7, state="sent", allowed="failed")
    assert i18n.error_text(refused) == "Balasan #7 berstatus terkirim; hanya bisa saat gagal."
    too_long = UserError("text_too_long", channel="x", length=281, limit=280)
    assert i18n.error_text(too_long) == "Teks terlalu panjang untuk X: 281 karakter, maksimal 280."


def test_the_core_keeps_english_for_logs() -> None:
    error = UserError("unknown_complaint", id=999)
    assert error.english() == str(error) == "Complaint #999 not found."


def _reason_literals(path: Path) -> Iterator[str]:
    """The ``reason="..."`` and ``default_reason = "..."`` literals of a module."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        value: ast.expr | None = None
        if isinstance(node, ast.keyword) and node.arg == "reason":
            value = node.value
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            value = node.value if names == ["default_reason"] else None
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            yield value.value


def test_every_reason_the_platforms_give_has_an_explanation() -> None:
    platforms = ROOT / "desktop" / "core" / "platforms"
    given_reasons = {code for path in platforms.rglob("*.py") for code in _reason_literals(path)}
    assert len(given_reasons) > 10
    assert given_reasons <= {reason.value for reason in SendReason}
    assert set(EXPLANATIONS) == set(SendReason)


def test_a_problem_is_explained_then_the_platform_quoted(indonesian: None) -> None:
    text = i18n.problem_text("token_expired", "Error validating access token")
    assert text == (
        "Token akun kedaluwarsa atau dicabut; masukkan token baru. "
        "Pesan asli platform: Error validating access token"
    )
    assert i18n.problem_text(None, None) == ""


def test_an_unknown_stored_reason_reads_as_a_refusal(english: None) -> None:
    assert i18n.reason_text("no_such_code") == i18n.reason_text(SendReason.ERROR)
    assert i18n.reason_text(None) == ""


def test_each_sync_state_has_one_wording_everywhere(indonesian: None) -> None:
    from desktop.ui.connectivity import state_label

    for state in SyncState:
        assert (
            state_label(state) == i18n.sync_state_text(state) == i18n.sync_state_text(state.value)
        )
    assert i18n.sync_state_text(SyncState.NEEDS_TOKEN) == (
        "Token kedaluwarsa atau dicabut; masukkan token baru"
    )


# --- no English for an officer who chose Indonesian ---------------------------------


def _every_rendering() -> Iterator[tuple[str, str]]:
    """(English source, what the officer reads) for every code and word the core carries."""
    for source in MESSAGES.values():
        yield source, i18n.translate("UserError", source)
    for state, source in DESCRIPTIONS.items():
        yield source, i18n.sync_state_text(state)
    for reason, source in EXPLANATIONS.items():
        yield source, i18n.reason_text(reason)
    for source in LABELS.values():
        yield source, i18n.translate("Cli", source)
    for value in (3 * H, -2 * D, D + H + M, 5 * M, 10 * D):
        i18n.use_language(Language.ENGLISH)
        source = i18n.remaining_text(value)
        i18n.use_language(Language.INDONESIAN)
        yield source, i18n.remaining_text(value)


def test_no_code_state_or_countdown_reaches_the_officer_in_english(indonesian: None) -> None:
    english_seen = [
        (source, shown)
        for source, shown in _every_rendering()
        if shown == source and source not in SAME_IN_BOTH
    ]
    assert english_seen == []


def test_the_domain_values_are_worded_in_indonesian(indonesian: None) -> None:
    words = [i18n.status_label(s) for s in Status]
    words += [i18n.reply_state_label(r) for r in ReplyState]
    words += [i18n.urgency_label(u) for u in Urgency]
    english = {s.value for s in Status} | {r.value for r in ReplyState}
    english |= {"New", "Acknowledged", "In progress", "Resolved", "Dismissed", "Overdue"}
    assert not set(words) & english


def test_no_entry_of_the_indonesian_catalogue_is_left_in_english() -> None:
    root = ET.parse(ROOT / "translations" / "aduan_id.ts").getroot()
    left = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text for form in translation.iter("numerusform")] or [translation.text]
            if source in forms and source not in SAME_IN_BOTH:
                left.append((context.findtext("name"), source))
    assert left == []


# --- Qt stays out of the command line, even when it prints a sentence ------------------


def test_the_command_line_prints_indonesian_without_loading_qt() -> None:
    code = (
        "import sys\n"
        "import desktop.cli, desktop.cli_format as fmt\n"
        "print(fmt.label('outbox_empty', 'id'))\n"
        "loaded = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Antrean kirim kosong."
