"""The reply template editor: edit, add, remove; saved to the unit's own file.

The first save copies the defaults into ``templates.toml`` in the data folder
(see ``desktop.core.templates``); the shipped file is never changed.
"""

from __future__ import annotations

import string
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.templates import PLACEHOLDERS, Template, reply_templates, save_user_templates
from desktop.ui.pane.message_line import MessageLine

EXAMPLE_VALUES = {"nama": "Budi Santoso", "satuan": "Polres Contoh"}


def template_problem(template: Template) -> str | None:
    """What is wrong with ``template`` in plain words, or None."""
    if not template.name.strip() or not template.title.strip() or not template.text.strip():
        return "empty"
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(template.text) if name}
    except ValueError:
        return "braces"
    unknown = sorted(fields - set(PLACEHOLDERS))
    return f"unknown:{', '.join(unknown)}" if unknown else None


class TemplateEditor(QDialog):
    templates_saved = Signal()

    def __init__(self, templates_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._file = templates_file
        self.templates: list[Template] = list(reply_templates(templates_file))
        self.message_line = MessageLine(self)
        self.list = QListWidget(self)
        self.title = QLineEdit(self)
        self.name = QLineEdit(self)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(self._labels, (self.title, self.name, self.text), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.help)
        form.addRow(self.preview)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        left.addLayout(row)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(form, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_line)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._show_row)
        for field in (self.title, self.name):
            field.textEdited.connect(self._store_fields)
        self.text.textChanged.connect(self._store_fields)
        self.add_button.clicked.connect(self.add_template)
        self.remove_button.clicked.connect(self.remove_template)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._loading = False
        self.resize(820, 520)
        self.retranslate()
        self._fill_list(0)

    def add_template(self) -> None:
        number = len(self.templates) + 1
        self.templates.append(Template(f"templat-{number}", self.tr("New template"), ""))
        self._fill_list(len(self.templates) - 1)
        self.title.setFocus()
        self.title.selectAll()

    def remove_template(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.templates):
            del self.templates[row]
            self._fill_list(min(row, len(self.templates) - 1))

    def save(self) -> None:
        names = [t.name.strip() for t in self.templates]
        for index, template in enumerate(self.templates):
            problem = template_problem(template)
            if problem is None and names.count(template.name.strip()) > 1:
                problem = "duplicate"
            if problem is not None:
                self.list.setCurrentRow(index)
                self.message_line.show_message(self._problem_text(template, problem))
                return
        try:
            save_user_templates(self._file, self.templates)
        except OSError as exc:
            self.message_line.show_message(
                self.tr("The templates could not be saved: {detail}").format(detail=exc)
            )
            return
        self.templates_saved.emit()
        self.accept()

    def _problem_text(self, template: Template, problem: str) -> str:
        title = template.title or template.name
        if problem == "empty":
            return self.tr("“{title}”: the name, title and text must not be empty.").format(
                title=title
            )
        if problem == "braces":
            return self.tr("“{title}”: a brace {{ or }} is not closed.").format(title=title)
        if problem == "duplicate":
            return self.tr("“{title}”: another template has the name {name}.").format(
                title=title, name=template.name
            )
        unknown = problem.partition(":")[2]
        return self.tr(
            "“{title}”: unknown placeholder {names}; use {{nama}} or {{satuan}}."
        ).format(title=title, names=unknown)

    def _fill_list(self, current: int) -> None:
        self.list.clear()
        self.list.addItems([t.title for t in self.templates])
        self.list.setCurrentRow(current)
        self._show_row(self.list.currentRow())

    def _show_row(self, row: int) -> None:
        valid = 0 <= row < len(self.templates)
        template = self.templates[row] if valid else Template("", "", "")
        self._loading = True
        self.title.setText(template.title)
        self.name.setText(template.name)
        self.text.setPlainText(template.text)
        self._loading = False
        for widget in (self.title, self.name, self.text, self.remove_button):
            widget.setEnabled(valid)
        self._update_preview(template)

    def _store_fields(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self.templates):
            return
        template = Template(self.name.text(), self.title.text(), self.text.toPlainText())
        self.templates[row] = template
        item = self.list.item(row)
        if item is not None:
            item.setText(template.title)
        self._update_preview(template)

    def _update_preview(self, template: Template) -> None:
        shown = template.render(EXAMPLE_VALUES) if template_problem(template) is None else ""
        self.preview.setText(self.tr("Preview: {text}").format(text=shown) if shown else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reply templates"))
        texts = ((self.tr("&Title:"), self.tr("Template title")),
                 (self.tr("&Name (id):"), self.tr("Template name, used by the command line")),
                 (self.tr("Te&xt:"), self.tr("Template text")))  # fmt: skip
        for label, field, (text, name) in zip(
            self._labels, (self.title, self.name, self.text), texts, strict=True
        ):
            label.setText(text)
            field.setAccessibleName(name)
        self.help.setText(
            self.tr(
                "Placeholders: {nama} is replaced by the citizen's name, {satuan} by the "
                "unit's name. The first template is the acknowledgement."
            )
        )
        self.list.setAccessibleName(self.tr("Templates"))
        self.add_button.setText(self.tr("&Add"))
        self.add_button.setAccessibleName(self.tr("Add a template"))
        self.remove_button.setText(self.tr("&Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected template"))
        self.message_line.retranslate()
