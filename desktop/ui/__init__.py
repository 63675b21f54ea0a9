"""PySide6 widgets, models, delegates and dialogs."""
