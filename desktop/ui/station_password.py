"""Station mode's start: when the station's server asks for the officer's password and
none is stored (or the stored one is refused), a small dialog asks for it, keeps it
in the OS keyring where ``aduan-desk station password`` keeps it, and tries again.
"Batal" ends the start calmly; a server that cannot be reached is said as before.
The dialog comes before the window and looks like it: the officer's saved language
and theme, applied by the window's own ``apply_preferences``."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.credentials import Vault
from desktop.core.errors import UserError
from desktop.core.paths import Paths
from desktop.core.startup import find_profile, open_home, station_settings
from desktop.core.store.database import Store
from desktop.core.store.postgresql import Server
from desktop.core.store.station import password_name, server_of
from desktop.ui.i18n import Translators
from desktop.ui.pane.message_line import MessageLine
from desktop.ui.preferences import PreferenceStore
from desktop.ui.theme import ThemeManager

ASKED_FOR = frozenset({"station_no_password", "station_refused"})


class StationPasswordDialog(QDialog):
    """The officer's PostgreSQL password for the station's server."""

    def __init__(self, server: Server, *, refused: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stationPasswordDialog")
        self.setWindowTitle(self.tr("Station password"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setText(
            self.tr(
                "This PC works on the station's shared queue. Type your station password "
                "once: this PC keeps it in its keyring, for your user account only."
            )
        )
        self.refused = MessageLine(self)  # as the app's other dialogs say what went wrong
        if refused:
            self.refused.show_message(
                self.tr("The station refused that password. Check it and type it again.")
            )
        self.login = QLabel(server.user, self)
        self.server = QLabel(f"{server.host}:{server.port}/{server.dbname}", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form = QFormLayout()
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Server:"), self.server)
        form.addRow(self.tr("Password:"), self.password)
        buttons = QDialogButtonBox(self)
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        self.save_button = buttons.addButton(self.tr("Save"), accept)
        self.cancel_button = buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.password.textChanged.connect(lambda t: self.save_button.setEnabled(bool(t)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.refused)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.password.setFocus()


def ask_in_dialog(server: Server, refused: bool) -> str | None:
    """The dialog, modal: the typed password, or ``None`` for "Batal"."""
    dialog = StationPasswordDialog(server, refused=refused)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.password.text()
    finally:
        dialog.deleteLater()


def open_home_asking(paths: Paths, vault: Vault) -> Store | None:
    """``open_home``, asking for the station password while it is missing or refused;
    ``None`` when the officer chose "Batal"; the dialog in the officer's language and theme."""
    looks: tuple[Translators, ThemeManager] | None = None
    try:
        while True:
            try:
                return open_home(paths, vault)
            except UserError as exc:
                if exc.code not in ASKED_FOR:
                    raise
                server = server_of(station_settings(find_profile(paths)))
                looks = looks or _dressed(paths)
                password = ask_in_dialog(server, exc.code == "station_refused")
                if password is None:
                    return None
                vault.set(password_name(server), password)
    finally:
        if looks is not None:
            _put_away(*looks)


def _dressed(paths: Paths) -> tuple[Translators, ThemeManager]:
    """The officer's saved language and theme before the first widget, applied as the
    window applies them (the window is not built yet)."""
    from desktop.ui.app import apply_preferences, create_application

    return apply_preferences(create_application(), PreferenceStore(paths.home).load())


def _put_away(translators: Translators, themes: ThemeManager) -> None:
    """The window installs its own translators and theme manager: these go, so no
    catalogue is installed twice and no second manager follows the system's colour
    scheme (it would re-apply "Otomatis" over the officer's later choice). The palette
    and stylesheet stay: the window sets the same ones again, before its first widget."""
    translators.uninstall()
    themes.detach()
    themes.deleteLater()
