"""The dialogs the window opens, built from its context (imported when first opened)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.core.model import Account
from desktop.ui.context import WindowContext

if TYPE_CHECKING:
    from desktop.ui.dialogs.accounts_dialog import AccountsDialog
    from desktop.ui.dialogs.connect_dialog import ConnectDialog
    from desktop.ui.dialogs.settings_dialog import SettingsDialog


def settings_dialog(context: WindowContext, parent: QWidget) -> SettingsDialog:
    """Unit profile, language, theme, notifications."""
    from desktop.ui.dialogs.settings_dialog import SettingsDialog

    return SettingsDialog(context.desk.unit, context.tasks, context.preferences, parent)


def accounts_dialog(context: WindowContext, parent: QWidget) -> AccountsDialog:
    """The unit's accounts; tokens go straight to the keyring."""
    from desktop.i18n import problem_text
    from desktop.ui.dialogs.accounts_dialog import AccountsDialog

    accounts = context.desk.accounts

    def test_connection(account: Account) -> str | None:
        problem = accounts.check(account)
        return None if problem is None else problem_text(problem.reason, problem.platform_message)

    return AccountsDialog(accounts, context.tasks, test_connection=test_connection, parent=parent)


def connect_dialog(
    context: WindowContext, parent: QWidget, target: Account | None = None
) -> ConnectDialog:
    """Sign in with a platform; ``target``: the account to connect (again)."""
    from desktop.ui.dialogs.connect_dialog import ConnectDialog
    from desktop.ui.dialogs.connector import ConnectSteps

    steps = ConnectSteps(
        context.desk,
        context.tasks.lane,
        context.apps,
        proxy=context.proxy,
        ca_bundle=context.ca_bundle,
    )
    return ConnectDialog(
        steps,
        context.tasks,
        target=target,
        open_url=context.open_url,
        parent=parent,
    )
