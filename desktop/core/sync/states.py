"""What an account's sync state is, and its words (English source, one per state).

``desktop.i18n.sync_state_text`` translates them; the window's chips, the
accounts dialog and the command line all say a state this one way.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from desktop.core.words import QT_TRANSLATE_NOOP


class SyncState(enum.StrEnum):
    IDLE = "idle"  # never synced yet
    OK = "ok"
    OFFLINE = "offline"  # network or server trouble; retried with backoff
    RATE_LIMITED = "rate_limited"  # waiting as long as the platform asked
    NEEDS_TOKEN = "needs_token"  # expired or revoked: the officer must paste a new one
    CONFLICT = "conflict"  # another program polls this Telegram bot
    ERROR = "error"  # refused for a reason that retrying will not fix
    DISABLED = "disabled"  # removed by the officer; complaints kept


CONTEXT = "SyncState"

# One wording per state, short enough for a table cell, no final full stop.
DESCRIPTIONS: Mapping[SyncState, str] = {
    SyncState.IDLE: QT_TRANSLATE_NOOP("SyncState", "Not synced yet"),
    SyncState.OK: QT_TRANSLATE_NOOP("SyncState", "Connected"),
    SyncState.OFFLINE: QT_TRANSLATE_NOOP("SyncState", "Cannot connect; retrying automatically"),
    SyncState.RATE_LIMITED: QT_TRANSLATE_NOOP(
        "SyncState", "Slowed down by the platform; waiting as it asked"
    ),
    SyncState.NEEDS_TOKEN: QT_TRANSLATE_NOOP(
        "SyncState", "Token expired or revoked; enter a new token"
    ),
    SyncState.CONFLICT: QT_TRANSLATE_NOOP(
        "SyncState", "Another program (or a webhook) reads this bot; stop the other one"
    ),
    SyncState.ERROR: QT_TRANSLATE_NOOP(
        "SyncState", "Refused by the platform; check the account's settings"
    ),
    SyncState.DISABLED: QT_TRANSLATE_NOOP("SyncState", "Disabled"),
}
