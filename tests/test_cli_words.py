"""The command line's sentences come from the one catalogue: Indonesian by default, English asked.

In-process over a real store; the processes themselves are run in tests/e2e/test_cli.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import update

from desktop import cli_format as fmt
from desktop import i18n
from desktop.cli_sync import _params, _state_text
from desktop.core.credentials import MemoryVault
from desktop.core.desk import Accounts
from desktop.core.errors import UserError
from desktop.core.model import Channel, Status
from desktop.core.store import actions, queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.store.schema import AccountRow, OutboxRow
from desktop.core.store.settings import load_unit_settings
from tests.support import NOW, stored_accounts

COUNTDOWN_ID = re.compile(
    r"^(sisa|terlambat) \d+ (hari|jam|menit)( \d+ (jam|menit))?( · RAWAN VIRAL)?$"
)
COUNTDOWN_EN = re.compile(
    r"^\d+ (days?|hours?|minutes?)( \d+ (hours?|minutes?))? (left|overdue)( · VIRAL RISK)?$"
)


@pytest.fixture(autouse=True)
def fresh_catalogue() -> Iterator[None]:
    yield
    i18n.reset()


def _queue_rows(store: Store, lang: str) -> list[list[str]]:
    with store.read() as conn:
        unit = load_unit_settings(conn)
        page = queue_pages.queue_page(conn, queries.QueueFilter(), limit=40)
    lines = fmt.queue_lines(page, len(page), NOW, unit, lang)
    return [re.split(r"\s{2,}", line) for line in lines[1:-1]]


def test_the_queue_counts_down_in_words(sample_store: Store) -> None:
    indonesian = _queue_rows(sample_store, "id")
    english = _queue_rows(sample_store, "en")
    assert len(indonesian) == len(english) > 10
    assert all(COUNTDOWN_ID.match(row[1]) for row in indonesian), [r[1] for r in indonesian]
    assert all(COUNTDOWN_EN.match(row[1]) for row in english), [r[1] for r in english]
    statuses = {row[4] for row in indonesian}
    assert statuses <= {"Baru", "Direspons", "Diproses"}
    assert {row[4] for row in english} <= {"New", "Acknowledged", "In progress"}


def test_a_failed_reply_says_why_and_quotes_the_platform_as_such(
    sample_store: Store, account_id: int
) -> None:
    with sample_store.read() as conn:
        complaint = queue_pages.queue_page(conn, queries.QueueFilter(), limit=1)[0]
    reply_id = actions.queue_reply(
        sample_store, complaint.id, "Mohon kirim detail lewat DM.", "ani"
    )
    with sample_store.write() as conn:
        conn.execute(
            update(OutboxRow)
            .where(OutboxRow.reply_id == reply_id)
            .values(state="failed", last_reason="gone", last_error="(#100) Object does not exist")
        )
        entries = queries.outbox(conn)
        unit = load_unit_settings(conn)
    (line,) = fmt.outbox_lines(entries, unit, "id")
    assert "[gagal]" in line
    assert f"aduan #{complaint.id}" in line
    assert line.endswith(
        "— Pesan yang dibalas sudah dihapus atau tidak terlihat lagi. "
        "Pesan asli platform: (#100) Object does not exist"
    )
    (line,) = fmt.outbox_lines(entries, unit, "en")
    assert line.endswith(
        "— The message being answered was deleted or is no longer visible. "
        "The platform said: (#100) Object does not exist"
    )


def test_a_complaint_shows_its_status_and_replies_in_words(sample_store: Store) -> None:
    with sample_store.read() as conn:
        complaint = queue_pages.queue_page(
            conn, queries.QueueFilter(statuses=frozenset({Status.NEW})), limit=1
        )[0]
    actions.queue_reply(sample_store, complaint.id, "Terima kasih, kami tindak lanjuti.", "ani")
    with sample_store.read() as conn:
        detail = queries.complaint_detail(conn, complaint.id)
        unit = load_unit_settings(conn)
    lines = fmt.detail_lines(detail, NOW, unit, "id")
    assert lines[0].endswith(" · Baru")
    assert lines[1].startswith("Tenggat: ")
    assert any("[antre]" in line for line in lines), lines


def test_an_account_state_is_worded_as_in_the_window(store: Store) -> None:
    account = Accounts(store, MemoryVault()).add(Channel.TELEGRAM, "bot_humas", "123:t0k3n")
    with store.write() as conn:
        conn.execute(
            update(AccountRow)
            .where(AccountRow.id == account)
            .values(sync_state="conflict", last_error="Conflict: terminated by other getUpdates")
        )
    (found,) = stored_accounts(store)
    assert _state_text(found, "id") == (
        "Program lain (atau webhook) sedang membaca bot ini; hentikan yang lain"
        " — Pesan asli platform: Conflict: terminated by other getUpdates"
    )
    assert _state_text(found, "en").startswith("Another program (or a webhook) reads this bot")


def test_a_sentence_switches_language_with_the_option() -> None:
    assert fmt.label("outbox_empty", "id") == "Antrean kirim kosong."
    assert fmt.label("outbox_empty", "en") == "The outbox is empty."
    assert fmt.label("outbox_empty", "id") == "Antrean kirim kosong."


def test_a_malformed_param_is_explained_in_the_officers_language() -> None:
    with pytest.raises(UserError) as caught:
        _params(["ig_user_id"], "id")
    assert i18n.error_text(caught.value) == (
        "Nilai tidak sah: --param ig_user_id: tulis sebagai KUNCI=NILAI"
    )
