"""Many complaints in a station's PostgreSQL at once, made by the server itself.

One INSERT … SELECT over ``generate_series`` per slice: a million complaints
with two messages each take a minute or two, not the hours of the ingest path.
Half are open (with a due time, spread over the day ahead and the hours past),
half closed; the change feed and the count triggers run as for any write.
"""

from __future__ import annotations

from sqlalchemy import text

from desktop.core.store.database import Store

SLICE = 100_000

_ACCOUNT = """
INSERT INTO account (channel, name, params, created_at, sync_state, failure_count)
VALUES ('x', 'humas_bulk', '{}', now() AT TIME ZONE 'UTC', 'idle', 0)
ON CONFLICT (channel, name) DO UPDATE SET name = EXCLUDED.name
RETURNING id
"""

_COMPLAINTS = """
INSERT INTO complaint (account_id, channel, thread_id, author_id, author_name, excerpt, status,
    first_message_at, last_message_at, last_inbound_at, clock_started_at,
    last_public_answer_at, due_at, message_count)
SELECT CAST(:account AS integer), 'x', 'bulk-' || g,
    'warga-' || (g % 50000), 'Warga ' || (g % 50000),
    'Mohon bantuan, jalan rusak di RT ' || (g % 97) || ', laporan nomor ' || g,
    (ARRAY['new','acknowledged','in_progress','new','acknowledged',
           'resolved','dismissed','resolved','resolved','resolved'])[g % 10 + 1],
    base - interval '3 hours', base, base, base, NULL,
    CASE WHEN g % 10 < 5 THEN base + interval '2 hours' END, 2
FROM (SELECT g, (now() AT TIME ZONE 'UTC') - (g % 86400) * interval '1 second' AS base
      FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS g) AS s
"""

_MESSAGES = """
INSERT INTO message (complaint_id, account_id, direction, platform_id, parent_id, author_id,
    author_name, text, platform_time, permalink)
SELECT c.id, c.account_id, 'inbound', c.thread_id || '-' || n, NULL, c.author_id, c.author_name,
    CASE n WHEN 1 THEN c.excerpt
           ELSE 'Sudah dua hari belum ada petugas yang datang, mohon ditindaklanjuti.' END,
    c.first_message_at + (n - 1) * interval '3 hours', NULL
FROM complaint AS c CROSS JOIN generate_series(1, 2) AS n
WHERE c.account_id = CAST(:account AS integer) AND c.id > CAST(:after AS integer)
"""


def add_complaints(store: Store, count: int) -> None:
    """Add ``count`` complaints (two messages each) to ``store``, in slices."""
    with store.write() as conn:
        account = int(conn.execute(text(_ACCOUNT)).scalar_one())
        done = conn.execute(
            text("SELECT count(*) FROM complaint WHERE account_id = :a"), {"a": account}
        ).scalar_one()
    first = int(done) + 1
    while first <= done + count:
        last = min(first + SLICE - 1, int(done) + count)
        with store.write() as conn:
            after = conn.execute(text("SELECT coalesce(max(id), 0) FROM complaint")).scalar_one()
            conn.execute(text(_COMPLAINTS), {"account": account, "first": first, "last": last})
            conn.execute(text(_MESSAGES), {"account": account, "after": after})
        first = last + 1
