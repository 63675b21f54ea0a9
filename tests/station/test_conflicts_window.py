"""The list of actions the station did not take, in the officer's window: open the
complaint, dismiss (kept in the journal), or send again after confirming."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import URL, text

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.model import Status
from desktop.core.paths import Paths
from desktop.core.station import journal
from desktop.core.station.session import StationSession
from desktop.core.store.database import Store, open_postgresql
from desktop.ui.preferences import Language
from desktop.ui.station_conflicts import ConflictsDialog, ResendDialog, can_resend
from desktop.ui.station_feed import StationLink
from tests.station.conflict_support import OFFICER, open_complaints, overtaken, replies
from tests.station.window_support import station_window

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]
SHOTS = os.environ.get("ADUAN_SHOTS")  # a folder: the dialogs are saved there as PNGs
REPLY = "Laporan Anda kami tindak lanjuti."


@pytest.fixture
def link(qtbot: QtBot, postgres_url: URL, direct: Store, tmp_path: Path) -> Iterator[StationLink]:
    def worked_offline(session: StationSession) -> None:
        session.replica.catch_up(session.station)  # the officer worked on a filled replica
        # A reply and a status change; another officer closes both complaints first.
        first, second = open_complaints(direct)[:2]
        replica = session.replica.store
        overtaken(replica, direct, "reply", first, Status.RESOLVED, text=REPLY)
        overtaken(
            replica, direct, "status", second, Status.DISMISSED, wanted=Status.IN_PROGRESS.value
        )

    station = open_postgresql(postgres_url)
    with station_window(qtbot, station, tmp_path / "home", before=worked_offline) as attached:
        attached.window.pane.set_officer(OFFICER)
        attached.window.resize(1200, 760)
        # The link applies the journal: two conflicts.
        qtbot.waitUntil(lambda: len(attached.banner.conflicts) == 2, timeout=15_000)
        yield attached


def _shot(widget: object, name: str) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name), "PNG")


def _dialog(qtbot: QtBot, link: StationLink) -> ConflictsDialog:
    assert link.banner.show_button.isVisibleTo(link.banner)
    link.banner.show_button.click()
    dialog = link.conflicts_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.cards) == 2, timeout=5_000)
    return dialog


def _send_again(dialog: ConflictsDialog) -> tuple[ResendDialog, QPlainTextEdit]:
    """'Send again' on the first card (the reply): the dialog that asks, and its editor."""
    dialog.cards[0].resend_button.click()
    resend = dialog.resend_dialog
    assert isinstance(resend, ResendDialog)
    assert resend.editor is not None
    return resend, resend.editor


def test_the_banner_opens_a_list_that_says_what_was_done_and_found(
    qtbot: QtBot, link: StationLink
) -> None:
    assert "2 tindakan tidak diterapkan" in link.banner.text.text()
    _shot(link.window, "station-conflicts-banner.png")
    dialog = _dialog(qtbot, link)
    _shot(dialog, "station-conflicts-list.png")

    reply, status = dialog.cards
    assert REPLY in reply.done.text()
    assert "ditandai selesai oleh Bripka Budi" in reply.found.text()
    assert reply.resend_button.isVisibleTo(reply)
    assert "status diubah menjadi Diproses" in status.done.text()
    assert "ditandai diabaikan oleh Bripka Budi" in status.found.text()
    # dismissed → in progress is not a move the status machine allows: no resend
    assert not status.resend_button.isVisibleTo(status)

    reply.open_button.click()
    assert link.window.pane.complaint_id == reply.entry.complaint_id


def test_dismiss_takes_the_action_off_the_list_and_keeps_it(
    qtbot: QtBot, link: StationLink, direct: Store
) -> None:
    dialog = _dialog(qtbot, link)
    reply = dialog.cards[0]
    reply.dismiss_button.click()

    qtbot.waitUntil(lambda: len(dialog.cards) == 1, timeout=5_000)
    qtbot.waitUntil(lambda: len(link.banner.conflicts) == 1, timeout=5_000)
    kept = journal.entries(link.session.replica.store, journal.DISMISSED)
    assert [e.action_id for e in kept] == [reply.entry.action_id]
    assert replies(direct, reply.entry.complaint_id) == []  # nothing sent


def test_send_again_asks_then_sends_the_edited_reply_once(
    qtbot: QtBot, link: StationLink, direct: Store
) -> None:
    dialog = _dialog(qtbot, link)
    reply = dialog.cards[0]
    resend, editor = _send_again(dialog)
    assert "sekarang berstatus selesai" in resend.question.text()
    _shot(resend, "station-conflicts-resend.png")
    editor.setPlainText("Kasus ini tetap kami tindak lanjuti.")
    resend.send_button.click()

    complaint = reply.entry.complaint_id
    qtbot.waitUntil(
        lambda: replies(direct, complaint) == ["Kasus ini tetap kami tindak lanjuti."],
        timeout=15_000,
    )
    qtbot.waitUntil(lambda: len(dialog.cards) == 1, timeout=5_000)
    assert len(link.banner.conflicts) == 1
    assert not dialog.error.isVisibleTo(dialog)


def test_an_empty_text_cannot_be_sent_again(qtbot: QtBot, link: StationLink) -> None:
    dialog = _dialog(qtbot, link)
    resend, editor = _send_again(dialog)
    editor.setPlainText("   ")
    assert not resend.send_button.isEnabled()
    resend.cancel_button.click()
    assert len(dialog.cards) == 2  # nothing settled


def test_only_sensible_actions_can_be_sent_again() -> None:
    def entry(kind: str, detail: str, **payload: object) -> journal.Entry:
        return journal.Entry("x", kind, 1, dict(payload), "new", "Ani", journal.CONFLICT, detail)

    assert can_resend(entry("note", "resolved by Budi", text="a", public=True))
    assert can_resend(entry("status", "resolved by Budi", wanted="in_progress"))
    assert not can_resend(entry("status", "dismissed by Budi", wanted="in_progress"))
    assert not can_resend(entry("reply", "gone", text="a"))


OLD_ENGLISH = "Cannot change status from in_progress to new (allowed: dismissed, resolved)."


def _refused_by_the_station(direct: Store) -> Callable[[StationSession], None]:
    """The officer acknowledges a new complaint on the replica while another officer
    takes it in progress: the station refuses the move (a ``UserError``). A second
    conflict is one an older version kept with its detail in English words."""

    def worked_offline(session: StationSession) -> None:
        replica = session.replica.store
        session.replica.catch_up(session.station)
        with direct.read() as conn:
            found = conn.execute(text("SELECT id FROM complaint WHERE status = 'new' ORDER BY id"))
            first, second = list(found.scalars())[:2]
        journal.record(replica, "status", first, "Bripka Ani", wanted=Status.ACKNOWLEDGED.value)
        other = Desk(direct, MemoryVault(), Paths(Path("unused"))).complaints
        other.change_status(first, Status.IN_PROGRESS, "Bripka Budi")
        journal.record(replica, "status", second, "Bripka Ani", wanted=Status.IN_PROGRESS.value)
        older = journal.entries(replica)[-1].action_id
        journal.mark(replica, older, journal.CONFLICT, OLD_ENGLISH)

    return worked_offline


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            Language.INDONESIAN,
            "Status tidak bisa diubah dari Diproses ke Direspons (yang boleh: Diabaikan, Selesai).",
        ),
        (
            Language.ENGLISH,
            "Cannot change status from In progress to Acknowledged (allowed: Dismissed, Resolved).",
        ),
    ],
)
def test_what_the_station_refused_is_said_in_the_officers_language(
    qtbot: QtBot,
    postgres_url: URL,
    direct: Store,
    tmp_path: Path,
    language: Language,
    words: str,
) -> None:
    station = open_postgresql(postgres_url)
    home = tmp_path / "home"
    before = _refused_by_the_station(direct)
    with station_window(qtbot, station, home, language=language, before=before) as link:
        qtbot.waitUntil(lambda: len(link.banner.conflicts) == 2, timeout=15_000)
        refused = next(e for e in link.banner.conflicts if e.detail != OLD_ENGLISH)
        assert refused.detail is not None
        assert "Cannot" not in refused.detail  # kept as code and values, no words
        dialog = _dialog(qtbot, link)
        _shot(dialog, f"station-conflicts-refused-{language}.png")

        [older] = [card for card in dialog.cards if card.entry.detail == OLD_ENGLISH]
        [new] = [card for card in dialog.cards if card is not older]
        assert words in new.found.text()
        assert "in_progress" not in new.found.text()
        assert not new.resend_button.isVisibleTo(new)
        assert OLD_ENGLISH in older.found.text()  # an older version's English, as it is
