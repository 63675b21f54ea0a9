"""The reply box: templates, the platform's length limit while typing, Ctrl+Enter to queue."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.deadlines import Urgency
from desktop.core.errors import UserError
from desktop.core.templates import Template
from desktop.i18n import error_text
from desktop.ui.pane import colors
from desktop.ui.pane.ctrl_enter import CtrlEnterSubmits
from desktop.ui.pane.scope_notice import ScopeNotice


class Composer(QWidget):
    """Write a reply. Emits ``queue_requested`` only for a text the platform accepts."""

    queue_requested = Signal(str)
    text_edited = Signal(str)
    problem = Signal(str)  # a message for the officer (e.g. the text is too long)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = 280
        self.channel_name = ""
        self._values: Mapping[str, str] = {}
        self._quiet = False
        self.scope_notice = ScopeNotice(self)
        self.caption = QLabel(self)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        colors.follow_theme(self.caption, self._restyle_caption)
        self.template_button = QPushButton(self)
        self.template_menu = QMenu(self.template_button)
        self.template_button.setMenu(self.template_menu)
        self.template_actions: list[QAction] = []
        self.editor = QPlainTextEdit(self)
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(80)
        self.editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.editor.textChanged.connect(self._on_text_changed)
        self.counter = QLabel(self)
        self.queue_button = QPushButton(self)
        self.queue_button.setDefault(False)
        self.queue_button.clicked.connect(self.submit)
        CtrlEnterSubmits(self.editor, self.submit)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.template_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counter, 1)
        bottom.addWidget(self.queue_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.scope_notice)
        layout.addLayout(top)
        layout.addWidget(self.editor)
        layout.addLayout(bottom)
        self.retranslate()
        colors.follow_theme(self.counter, self._restyle_counter)

    def _restyle_counter(self) -> None:
        self._update_counter(busy=self.editor.isReadOnly())

    def _restyle_caption(self) -> None:
        colors.set_style(self.caption, f"color: {colors.css(colors.muted_text(self))};")

    def retranslate(self) -> None:
        self.scope_notice.retranslate()
        self.template_button.setText(self.tr("&Templates"))
        self.template_button.setAccessibleName(self.tr("Insert a reply template"))
        self.template_button.setToolTip(self.tr("Insert a reply template (Alt+T)"))
        self.editor.setPlaceholderText(
            self.tr("Write a reply to the citizen… (Ctrl+Enter queues it)")
        )
        self.editor.setAccessibleName(self.tr("Reply text"))
        self.counter.setAccessibleName(self.tr("Reply length"))
        self.queue_button.setText(self.tr("Queue reply"))
        self.queue_button.setAccessibleName(self.tr("Queue the reply for sending"))
        self.queue_button.setToolTip(self.tr("Ctrl+Enter"))
        self._update_counter(busy=self.editor.isReadOnly())

    # --- set up for one complaint ------------------------------------------------

    def prepare(
        self, caption: str, channel_name: str, limit: int, values: Mapping[str, str]
    ) -> None:
        self.caption.setText(caption)
        self.channel_name, self.limit, self._values = channel_name, limit, values
        self._update_counter()

    def set_templates(self, templates: Sequence[Template]) -> None:
        self.template_menu.clear()
        self.template_actions = []
        for template in templates:
            action = self.template_menu.addAction(template.title)
            action.triggered.connect(lambda _=False, t=template: self.insert_template(t))
            self.template_actions.append(action)
        self.template_button.setEnabled(bool(templates))

    def insert_template(self, template: Template) -> None:
        """Fill the placeholders and put the text at the cursor (undo restores)."""
        text = template.render(self._values)
        cursor = self.editor.textCursor()
        if self.editor.toPlainText().strip():
            cursor.insertText(("" if cursor.atBlockStart() else " ") + text)
        else:
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    # --- text ------------------------------------------------------------------------

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str, *, quiet: bool = False) -> None:
        """Replace the text as one undoable edit; ``quiet`` does not count as typing."""
        self._quiet = quiet
        try:
            cursor = self.editor.textCursor()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
            self.editor.setTextCursor(cursor)
        finally:
            self._quiet = False

    def clear_after_queue(self) -> None:
        self.set_text("", quiet=True)

    def set_busy(self, busy: bool) -> None:
        """While a reply is being queued the text cannot change under it."""
        self.editor.setReadOnly(busy)
        self._update_counter(busy=busy)

    def length(self) -> int:
        return len(self.text().strip())

    def submit(self) -> None:
        text = self.text()
        if not text.strip() or self.editor.isReadOnly():
            return
        if self.length() > self.limit:
            error = UserError(
                "text_too_long", channel=self.channel_name, length=self.length(), limit=self.limit
            )
            self.problem.emit(error_text(error))
            return
        self.queue_requested.emit(text)

    def _on_text_changed(self) -> None:
        self._update_counter()
        if not self._quiet:
            self.text_edited.emit(self.text())

    def _update_counter(self, *, busy: bool = False) -> None:
        length = self.length()
        over = length > self.limit
        text = f"{length}/{self.limit}"
        if over:
            text += " · " + self.tr("{count} characters too long").format(count=length - self.limit)
        self.counter.setText(text)
        color = colors.urgency_color(Urgency.OVERDUE, self) if over else None
        muted = colors.muted_text(self)
        colors.set_style(
            self.counter,
            f"color: {colors.css(color or muted)}; font-weight: {'600' if over else '400'};",
        )
        self.queue_button.setEnabled(bool(length) and not over and not busy)
