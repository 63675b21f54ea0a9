"""Which accounts are connected is asked of the desk; no window module reads the keyring."""

from __future__ import annotations

import ast
from pathlib import Path

from desktop.core.credentials import MemoryVault, token_name
from desktop.core.desk.accounts import Accounts
from desktop.core.model import Channel
from desktop.core.store import accounts as rows
from desktop.core.store.database import Store

UI = Path(__file__).resolve().parents[3] / "desktop" / "ui"


def test_connected_ids_are_the_accounts_with_a_token(store: Store) -> None:
    vault = MemoryVault()
    with store.write() as conn:
        waiting = rows.insert_account(conn, Channel.X, "humas_x", api_base=None, params={})
        signed = rows.insert_account(conn, Channel.YOUTUBE, "humas_yt", api_base=None, params={})
    vault.set(token_name(signed), "access-token")
    accounts = Accounts(store, vault)
    assert accounts.connected_ids() == {signed}
    assert accounts.connected_ids([accounts.find(waiting)]) == frozenset()


def test_no_window_module_reads_tokens_from_the_keyring() -> None:
    readers = []
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module == "desktop.core.credentials"
                and any(alias.name == "token_name" for alias in node.names)
            ):
                readers.append(path.name)
    assert readers == []
