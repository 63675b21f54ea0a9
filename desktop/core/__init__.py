"""Everything that is not UI. Nothing under this package imports PySide6."""
