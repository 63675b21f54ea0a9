"""Above the reply box: what this complaint's account may not do, before a reply is written.

An account connected without a permission (X without ``tweet.write`` cannot
reply) says so in plain words where the officer is about to type, with the
permission's own name for IT. Hidden when nothing is known to be missing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.connect.scopes import ABILITY_WORDS, MissingScope, missing_scopes
from desktop.core.connect.tokens import load_tokens
from desktop.core.credentials import CredentialsUnavailableError, Vault
from desktop.core.model import Channel
from desktop.ui import labels
from desktop.ui.pane import colors

# Reads the keyring: the pane runs it on the database lane.
MissingFor = Callable[[int, Channel], list[MissingScope]]


def missing_from_keyring(vault: Vault) -> MissingFor:
    """What an account lacks, from the scopes granted with its tokens (none known: [])."""

    def missing(account_id: int, channel: Channel) -> list[MissingScope]:
        try:
            tokens = load_tokens(vault, account_id)
        except (ValueError, CredentialsUnavailableError):
            return []
        return [] if tokens is None else missing_scopes(channel, tokens.scopes)

    return missing


def missing_text(channel: Channel, missing: Sequence[MissingScope]) -> str:
    lines = [
        QCoreApplication.translate("ScopeNotice", "This %1 account %2 (%3).")
        .replace("%1", labels.channel_label(channel))
        .replace("%2", QCoreApplication.translate("Scope", ABILITY_WORDS[gap.ability]))
        .replace("%3", gap.scope)
        for gap in missing
    ]
    lines.append(
        QCoreApplication.translate(
            "ScopeNotice", "Connect the account again and approve every permission it asks for."
        )
    )
    return "\n".join(lines)


class ScopeNotice(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scopeNotice")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.channel: Channel | None = None
        self.missing: list[MissingScope] = []
        colors.follow_theme(self, self._restyle)
        self.hide()

    def _restyle(self) -> None:
        background, border = colors.calm_message(self)
        colors.set_style(
            self,
            f"QLabel#scopeNotice {{ background: {colors.css(background)};"
            f" border: 1px solid {colors.css(border)}; border-radius: 6px; padding: 6px 8px; }}",
        )

    def show_missing(self, channel: Channel, missing: Sequence[MissingScope]) -> None:
        self.channel, self.missing = channel, list(missing)
        self.retranslate()

    def clear_missing(self) -> None:
        self.channel, self.missing = None, []
        self.retranslate()

    def retranslate(self) -> None:
        if self.channel is None or not self.missing:
            self.clear()
            self.hide()
            return
        self.setText(missing_text(self.channel, self.missing))
        self.setAccessibleName(self.text())
        self.show()
        self._keep_whole()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._keep_whole()

    def _keep_whole(self) -> None:
        """Every line stays readable: the reply box below gives way, not the notice."""
        wanted = self.heightForWidth(self.width())
        if wanted > 0 and wanted != self.minimumHeight():
            self.setMinimumHeight(wanted)
