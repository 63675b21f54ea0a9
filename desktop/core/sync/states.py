"""What an account's sync state is, and how to say it to the officer."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.model import SyncState

__all__ = ["DESCRIPTIONS", "SyncState", "describe"]


# Plain words per state: (Indonesian, English).
DESCRIPTIONS: Mapping[SyncState, tuple[str, str]] = {
    SyncState.IDLE: ("Belum pernah sinkron.", "Not synced yet."),
    SyncState.OK: ("Tersambung.", "Connected."),
    SyncState.OFFLINE: (
        "Tidak tersambung; dicoba lagi otomatis.",
        "Cannot connect; retrying automatically.",
    ),
    SyncState.RATE_LIMITED: (
        "Dibatasi platform; menunggu sesuai permintaan platform.",
        "Rate-limited by the platform; waiting as it asked.",
    ),
    SyncState.NEEDS_TOKEN: (
        "Token kedaluwarsa atau dicabut: masukkan token baru.",
        "The token expired or was revoked: enter a new token.",
    ),
    SyncState.CONFLICT: (
        "Bot ini sedang dibaca program lain (atau webhook aktif); hentikan yang lain.",
        "Another program (or a webhook) is reading this bot; stop the other one.",
    ),
    SyncState.ERROR: (
        "Ditolak platform; periksa pengaturan akun.",
        "Refused by the platform; check the account's settings.",
    ),
    SyncState.DISABLED: ("Dinonaktifkan.", "Disabled."),
}


def describe(state: str, lang: str = "id") -> str:
    try:
        indonesian, english = DESCRIPTIONS[SyncState(state)]
    except ValueError:
        return state
    return english if lang == "en" else indonesian
