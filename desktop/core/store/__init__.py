"""The local complaint store: an encrypted SQLite file every screen reads from."""
