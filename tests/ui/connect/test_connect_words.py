"""A failed connect reads the same in the window and on the command line (one catalogue)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop import i18n
from desktop.core.connect.errors import ConsentDeniedError, NoPageError, user_error
from desktop.core.platforms.errors import TransientError
from desktop.ui.dialogs.connect_words import failure_text
from desktop.ui.preferences import Language


@pytest.fixture
def indonesian() -> Iterator[None]:
    i18n.use_language(Language.INDONESIAN)
    yield
    i18n.reset()


def test_the_window_and_the_command_line_say_the_same(indonesian: None) -> None:
    denied = ConsentDeniedError("consent refused", platform_message="access_denied")
    window = failure_text(denied, "X")
    assert window == i18n.error_text(user_error(denied, "X"))
    assert window.startswith("Akses tidak diberikan di halaman X. Tidak ada yang diubah")
    assert window.endswith("access_denied")  # the platform's own words, on their own line


def test_a_platform_failure_names_the_platform_and_what_to_do(indonesian: None) -> None:
    down = user_error(TransientError("connection refused"), "Telegram")
    assert i18n.error_text(down) == (
        "Telegram tidak dapat dihubungi. Tidak ada yang diubah; periksa koneksi lalu coba lagi."
    )
    none = i18n.error_text(user_error(NoPageError("This Facebook account manages no Page."), ""))
    assert "Tidak ada yang diubah" in none
