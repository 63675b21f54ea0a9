"""The desk: the one way the window and the command line reach the store.

Qt-free, synchronous, each call one short unit of work. The window runs these
calls on its database lane, the command line in its own thread; neither
imports ORM rows or builds SQL. Station mode will put another store under the
same calls.
"""

from __future__ import annotations

from desktop.core.credentials import Vault
from desktop.core.desk.accounts import Accounts, Removal
from desktop.core.desk.complaints import Complaints, PaneData
from desktop.core.desk.queue import Queue
from desktop.core.desk.unit import Unit
from desktop.core.paths import Paths
from desktop.core.store.database import Store

__all__ = ["Accounts", "Complaints", "Desk", "PaneData", "Queue", "Removal", "Unit"]


class Desk:
    """Everything an officer's session does with its data, grouped by subject."""

    def __init__(self, store: Store, vault: Vault, paths: Paths) -> None:
        self.store = store
        self.vault = vault
        self.paths = paths
        self.accounts = Accounts(store, vault)
        self.complaints = Complaints(store, paths)
        self.queue = Queue(store)
        self.unit = Unit(store, paths)
