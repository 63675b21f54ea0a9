"""Connecting the unit's accounts by signing in with each platform, and keeping them connected.

The window and the command line use this package (never Qt here):

- ``apps``: the platforms' app settings from the unit profile (``AppSettings``,
  ``resolve_app``), client secrets in the keyring;
- ``flow``: ``LoopbackFlow`` — ``start()`` gives the URL for the system browser,
  ``wait(timeout, cancel)`` receives the code on 127.0.0.1 and exchanges it;
- ``meta``: Facebook Login → long-lived token → ``list_pages`` / ``pick_page``;
- ``telegram``: ``verify_bot`` (``getMe``);
- ``discover``: the ids an adapter needs (``Discovered``);
- ``tokens``: ``TokenSet`` in the keyring; ``source``: ``TokenSource`` (renewal);
- ``scopes``: ``missing_scopes`` in plain abilities; ``expiry``: ``ending_soon``;
- ``errors``: the typed failures (``ConnectError`` and its kinds).

``Accounts.connect`` / ``Accounts.reconnect`` (``desktop.core.desk.accounts``)
store the result; ``connect_account`` below runs a whole connection for one
platform once its browser step is done.
"""
