"""What an account's sync state is, and its words (English source, one per state).

``desktop.i18n.sync_state_text`` translates them; the window's chips, the
accounts dialog and the command line all say a state this one way.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.model import SyncState
from desktop.core.words import QT_TRANSLATE_NOOP

__all__ = ["DESCRIPTIONS", "SyncState"]


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
    SyncState.NEEDS_RECONNECT: QT_TRANSLATE_NOOP(
        "SyncState", "The platform ended the sign-in; connect the account again"
    ),
    SyncState.CONFLICT: QT_TRANSLATE_NOOP(
        "SyncState", "Another program (or a webhook) reads this bot; stop the other one"
    ),
    SyncState.ERROR: QT_TRANSLATE_NOOP(
        "SyncState", "Refused by the platform; check the account's settings"
    ),
    SyncState.DISABLED: QT_TRANSLATE_NOOP("SyncState", "Disabled"),
}
