"""Light, dark and automatic themes: a Fusion palette, a small stylesheet, urgency colours.

Calm by design: neutral surfaces, one blue accent, and colour reserved for
what needs the officer's eye (the countdowns). Every coloured cue also has
text, so nothing depends on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.core.deadlines import Urgency
from desktop.ui.preferences import ThemeChoice


@dataclass(frozen=True, slots=True)
class Colours:
    dark: bool
    window: str
    base: str
    alternate: str
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str
    sidebar: str
    banner: str
    banner_text: str
    # The conversation: the citizen's bubbles, ours, and the small line above each text.
    citizen_bubble: str
    own_bubble: str
    bubble_meta: str
    # Progress notes (internal, public) and the pane's calm message line (background, border).
    note_internal: str
    note_public: str
    message: tuple[str, str]
    # urgency -> (background, text)
    urgency: dict[Urgency, tuple[str, str]]


LIGHT = Colours(
    dark=False,
    window="#f3f4f6",
    base="#ffffff",
    alternate="#f8f9fb",
    text="#1f2933",
    muted="#66717e",
    border="#d9dde3",
    accent="#1f5fa8",
    accent_text="#ffffff",
    sidebar="#eceef2",
    banner="#fff4d6",
    banner_text="#5c4300",
    citizen_bubble="#eef0f3",
    own_bubble="#dcebfc",
    bubble_meta="#535b66",
    note_internal="#f7f4ea",
    note_public="#eaf5ee",
    message=("#fff7e6", "#f0c36d"),
    urgency={
        Urgency.NONE: ("#00000000", "#66717e"),
        Urgency.ON_TIME: ("#e1f2e6", "#1d6b35"),
        Urgency.WARNING: ("#fdefc8", "#7a4d00"),
        Urgency.OVERDUE: ("#fbe0dc", "#a3261b"),
        Urgency.VIRAL: ("#b3261e", "#ffffff"),
    },
)

DARK = Colours(
    dark=True,
    window="#1e2126",
    base="#25292f",
    alternate="#2a2e35",
    text="#e4e7eb",
    muted="#9aa4af",
    border="#3a3f47",
    accent="#5b9be0",
    accent_text="#0d1117",
    sidebar="#1a1d21",
    banner="#3d3418",
    banner_text="#f3dc9a",
    citizen_bubble="#30353d",
    own_bubble="#1f3a5c",
    bubble_meta="#b4bcc6",
    note_internal="#3a3524",
    note_public="#1f3a2c",
    message=("#3d3322", "#8a6d2f"),
    urgency={
        Urgency.NONE: ("#00000000", "#9aa4af"),
        Urgency.ON_TIME: ("#1f3a28", "#93d3a4"),
        Urgency.WARNING: ("#4a3b12", "#f4cd72"),
        Urgency.OVERDUE: ("#4f201c", "#ff9f93"),
        Urgency.VIRAL: ("#e0564b", "#1a0605"),
    },
)


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(choice: ThemeChoice) -> Colours:
    if choice is ThemeChoice.AUTO:
        return DARK if system_is_dark() else LIGHT
    return DARK if choice is ThemeChoice.DARK else LIGHT


def palette(colours: Colours) -> QPalette:
    role = QPalette.ColorRole
    pal = QPalette()
    pairs = {
        role.Window: colours.window,
        role.WindowText: colours.text,
        role.Base: colours.base,
        role.AlternateBase: colours.alternate,
        role.Text: colours.text,
        role.Button: colours.base,
        role.ButtonText: colours.text,
        role.ToolTipBase: colours.base,
        role.ToolTipText: colours.text,
        role.PlaceholderText: colours.muted,
        role.Highlight: colours.accent,
        role.HighlightedText: colours.accent_text,
        role.Link: colours.accent,
        role.Mid: colours.border,
        role.Midlight: colours.border,
        role.Dark: colours.border,
    }
    for which, value in pairs.items():
        pal.setColor(which, QColor(value))
    disabled = QColor(colours.muted)
    for which in (role.Text, role.WindowText, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, which, disabled)
    return pal


def stylesheet(c: Colours) -> str:
    return f"""
QToolBar#mainToolbar {{ background: {c.base}; border: none;
    border-bottom: 1px solid {c.border}; padding: 4px 8px; spacing: 8px; }}
QLabel#unitTitle {{ font-weight: 600; font-size: 11pt; padding: 0 10px 0 2px; }}
QToolBar#mainToolbar QToolButton {{ border: 1px solid {c.border}; border-radius: 6px;
    padding: 4px 12px; margin-left: 2px; background: {c.base}; }}
QToolBar#mainToolbar QToolButton:hover {{ background: {c.window}; border-color: {c.accent}; }}
QToolBar#mainToolbar QToolButton:pressed {{ background: {c.border}; }}
QLineEdit#searchBox {{ border: 1px solid {c.border}; border-radius: 6px;
    padding: 5px 8px; background: {c.window}; min-width: 280px; }}
QLineEdit#searchBox:focus {{ border-color: {c.accent}; background: {c.base}; }}
QListView#filterList {{ background: {c.sidebar}; border: none; outline: none; }}
QTableView#queueTable {{ border: none; gridline-color: transparent;
    selection-background-color: {c.accent}; selection-color: {c.accent_text}; }}
QHeaderView::section {{ background: {c.base}; color: {c.muted}; border: none;
    border-bottom: 1px solid {c.border}; padding: 5px 6px; font-weight: 600; }}
QFrame#offlineBanner {{ background: {c.banner}; border: none;
    border-bottom: 1px solid {c.border}; }}
QLabel#offlineBannerText {{ color: {c.banner_text}; }}
QStatusBar {{ background: {c.base}; border-top: 1px solid {c.border}; color: {c.muted}; }}
QStatusBar QLabel {{ color: {c.muted}; }}
QSplitter::handle {{ background: {c.border}; }}
QLabel#placeholderText {{ color: {c.muted}; font-size: 11pt; }}
QWidget#firstStartBody {{ background: {c.window}; }}
QLabel#firstStartTitle {{ font-size: 15pt; font-weight: 600; }}
QLabel#firstStartListed, QLabel#firstStartAdvanced {{ color: {c.muted}; }}
QFrame#firstStartAccount {{ background: {c.base}; border: 1px solid {c.border};
    border-radius: 6px; }}
QPushButton#firstStartConnect, QPushButton#firstStartConnectAny {{ background: {c.accent};
    color: {c.accent_text}; border: none; border-radius: 6px; padding: 6px 14px;
    font-weight: 600; }}
QLabel#connectWaitingTitle, QLabel#connectDoneText {{ font-size: 12pt; font-weight: 600; }}
QPushButton#firstStartConnect:hover, QPushButton#firstStartConnectAny:hover {{
    background: {c.text}; }}
"""


class ThemeManager(QObject):
    """Applies the chosen theme and, for Otomatis, follows the system's scheme."""

    changed = Signal(object)  # Colours

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.choice = ThemeChoice.AUTO
        self.colours = LIGHT
        self.applied = False
        app.setStyle("Fusion")
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)

    def apply(self, choice: ThemeChoice) -> None:
        self.choice = choice
        self.applied = True
        self.colours = resolve(choice)
        self._app.setPalette(palette(self.colours))
        self._app.setStyleSheet(stylesheet(self.colours))
        self.changed.emit(self.colours)

    def detach(self) -> None:
        """Stop following the system (the manager is being replaced, as in tests)."""
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._on_system_scheme)

    def _on_system_scheme(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice is ThemeChoice.AUTO:
            self.apply(ThemeChoice.AUTO)


def colours_for(pal: QPalette) -> Colours:
    """The colour set matching a palette (what delegates paint with)."""
    return DARK if pal.color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT
