"""Platform adapters: one module per platform over a shared HTTP session.

- ``http``: ``PlatformSession`` (one per account): timeouts, User-Agent,
  system proxies, optional CA bundle, redirects refused, server clock.
- ``redact``: masking tokens in every URL, header, body and message.
- ``errors`` / ``errormap`` / ``meta_errors``: the error classes the sync
  engines act on, and per-family mapping of (status, headers, body).
- ``fields``: defensive JSON field and time parsing.
- ``base``: ``Page``, ``PostedReply``, the ``Adapter`` protocol, cursors.
- ``scan`` and ``graph``: posts -> comments -> DMs passes; the Graph API.
- ``instagram``, ``facebook``, ``x``, ``youtube``, ``telegram``, ``tiktok``.
- ``factory.make_adapter``: the adapter for one account.
"""
