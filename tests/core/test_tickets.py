"""A read made stale by a newer request stops when its ticket is cancelled; writes never do.

Real encrypted SQLite stores; the long read is a recursive count that would run
for tens of seconds if nothing stopped it.
"""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError

from desktop.core.store.database import Store
from desktop.core.tickets import CancelledJobError, Ticket, current_ticket, running
from tests.support import LONG_COUNT


def _cancel_when_started(ticket: Ticket, started: threading.Event) -> threading.Thread:
    """Cancel ``ticket`` from another thread (as the window's thread does) once the
    long statement has started."""

    def cancel() -> None:
        started.wait(10)
        time.sleep(0.05)  # inside the statement by now
        ticket.cancel()

    thread = threading.Thread(target=cancel)
    thread.start()
    return thread


def test_cancelling_interrupts_a_running_read_at_once_and_leaves_the_store_usable(
    store: Store,
) -> None:
    ticket, started = Ticket(), threading.Event()
    canceller = _cancel_when_started(ticket, started)

    def stale_count() -> None:
        with running(ticket), store.read() as conn:
            started.set()
            conn.exec_driver_sql(LONG_COUNT).scalar_one()

    start = time.perf_counter()
    with pytest.raises(OperationalError, match="interrupted"):
        stale_count()
    took = time.perf_counter() - start
    canceller.join()
    assert took < 5  # the count alone takes tens of seconds
    # The interrupt went with the read: the next write and read run in full.
    with store.write() as conn:
        conn.exec_driver_sql("CREATE TABLE scratch (n INTEGER)")
        conn.exec_driver_sql("INSERT INTO scratch VALUES (1)")
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM scratch").scalar_one() == 1
    assert current_ticket() is None


def test_a_job_called_off_before_it_starts_is_skipped(store: Store) -> None:
    ticket = Ticket()
    ticket.cancel()
    with pytest.raises(CancelledJobError), running(ticket):
        pytest.fail("the job ran")


def test_a_read_that_starts_after_the_cancel_does_not_run(store: Store) -> None:
    ticket = Ticket()
    read: list[Connection] = []

    def job() -> None:
        with running(ticket):
            ticket.cancel()  # between two reads of the same job
            with store.read() as conn:
                read.append(conn)

    with pytest.raises(CancelledJobError):
        job()
    assert read == []


def test_a_cancel_between_two_statements_of_a_read_stops_the_second(store: Store) -> None:
    ticket = Ticket()
    ran: list[int] = []

    def job() -> None:
        with running(ticket), store.read() as conn:
            conn.exec_driver_sql("SELECT 1").scalar_one()
            ticket.cancel()  # the officer types on while the job is between statements
            ran.append(conn.exec_driver_sql("SELECT 2").scalar_one())

    with pytest.raises(CancelledJobError):
        job()
    assert ran == []


def test_a_cancelled_ticket_never_stops_a_write(store: Store) -> None:
    ticket, started = Ticket(), threading.Event()
    canceller = _cancel_when_started(ticket, started)
    with running(ticket), store.write() as conn:
        started.set()
        conn.exec_driver_sql(
            "CREATE TABLE counted AS WITH RECURSIVE n(x) AS "
            "(SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000000) SELECT x FROM n"
        )
    canceller.join()
    assert ticket.cancelled
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM counted").scalar_one() == 2_000_000
