"""The queue as a table model: ids in urgency order, rows fetched in windows.

The model holds ids, not complaints. Ids arrive a page at a time (``fetchMore``
as the officer scrolls down); the rows of a window of ``WINDOW`` ids are read
on the database lane when a view first asks for one of them, and kept in a
bounded cache. Nothing here touches the database on the GUI thread.

Changes come in as ids (``complaints_changed``): only those rows are re-read,
then the id order is re-read in the background and applied as removals,
insertions and one layout change, so the selection and scroll position stay.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, MutableSequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from desktop.core.deadlines import UnitSettings
from desktop.core.desk.queue import WINDOW, ChangedRows, FirstLoad, Placing, Queue
from desktop.core.store.queries import QueueFilter
from desktop.core.store.queue_pages import IdPage, QueueKey, QueueRow
from desktop.core.tickets import Ticket
from desktop.ui.id_diff import Shuffle, consecutive, replay, rows_about_to_move, rows_moved, runs
from desktop.ui.id_lookup import row_in
from desktop.ui.placing import Placed, place_step_on_lane
from desktop.ui.queue_columns import CellValues, Column, Role, header_text
from desktop.ui.queue_total import QueueTotal
from desktop.ui.tasks import TaskRunner

MAX_CACHED_ROWS = 20_000
MANY_RUNS = 64  # changed rows signalled run by run up to this many runs
RESYNC_DELAY_MS = 400

Index = QModelIndex | QPersistentModelIndex
_COLUMNS = tuple(Column)
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        *Role,
    }
)


class QueueModel(QAbstractTableModel):
    loaded = Signal()  # the first page of a new filter is in (ids and its first rows)
    total_changed = Signal(int)  # how many complaints match the filter in all
    read_failed = Signal(object)  # an exception from the database lane (shown by the window)

    def __init__(
        self,
        queue: Queue,
        tasks: TaskRunner,
        unit: UnitSettings,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._queue, self._tasks, self._unit, self._clock = queue, tasks, unit, clock
        self._ticket = Ticket()  # the current filter's reads; cancelled by the next filter
        self._now = clock()
        self._filter = QueueFilter()
        self._generation = 0
        # Ids as 64-bit integers in one block: nothing for the garbage collector to walk
        # (a list of 800k ids added 10 ms to every full collection), a fifth of the memory.
        self._ids: MutableSequence[int] = array("q")  # a list only while replay edits it
        self._after: QueueKey | None = None
        self._fetching_ids = False
        self._rows: dict[int, QueueRow] = {}
        self.cells = CellValues(unit, self._now)
        self._pending_windows: set[int] = set()
        self._total = QueueTotal(queue, tasks, self._on_failure, self)
        self._total.changed.connect(self.total_changed)
        self._changed: set[int] = set()  # changed since the order was last placed
        self._touched: set[int] = set()  # every id changed since the first page
        self._reorder_all = False  # the filter's time limits moved: read the order again
        self._version = 0  # counts changes to ``_ids`` (a placement read before one is stale)
        self._placing = False  # a placement's steps are under way on the lane
        self._resync = QTimer(self, singleShot=True, interval=RESYNC_DELAY_MS)
        self._resync.timeout.connect(self._start_resync)

    # --- what the window calls -------------------------------------------------------

    @property
    def queue_filter(self) -> QueueFilter:
        return self._filter

    @property
    def placing_changes(self) -> bool:
        """Changed complaints wait to be placed in the order, or are being placed."""
        return self._placing or bool(self._changed) or self._resync.isActive()

    def set_filter(self, queue_filter: QueueFilter) -> None:
        """Show the complaints matching ``queue_filter`` (read in the background)."""
        self._filter = queue_filter
        self._generation += 1
        self._ticket.cancel()  # reads for the filter typed past are not worth finishing
        self._ticket = Ticket()
        self._resync.stop()
        self._placing = False  # the new filter's placements start afresh
        self._tasks.db(
            partial(self._queue.first_load, queue_filter),
            partial(self._on_first_load, self._generation),
            self._on_failure,
            ticket=self._ticket,
        )
        self._total.hold()  # counted once the first rows are painted (``queue_total``)

    @property
    def total(self) -> int:
        """How many complaints match the filter (as last counted)."""
        return self._total.value

    @property
    def total_is_more(self) -> bool:
        """A search's count stopped at ``total``: more match."""
        return self._total.more

    def rows_shown(self) -> None:
        """A view painted this model's rows (``QueueView`` says so after each paint)."""
        self._total.rows_shown()

    def refresh(self, queue_filter: QueueFilter | None = None) -> None:
        """Bring the order up to ``queue_filter``'s new time limits, keeping the rows shown.

        A limit that only moved later (the clock went on) lets more complaints in, all
        after those read: they come as the next page. Anything else reads the order
        read so far again."""
        if queue_filter is not None and self._limit_only_moved_on(queue_filter):
            self._filter = queue_filter
            if self._after is None and not self._fetching_ids:
                last = self._ids[-1] if self._ids else None
                self._fetching_ids = True
                work = partial(self._queue.page_after, queue_filter, last)
                done = partial(self._on_more_ids, self._generation)
                self._tasks.background(work, done, self._on_failure, ticket=self._ticket)
            return
        if queue_filter is not None:
            self._filter = queue_filter
        self._reorder_all = True
        self._resync.start()

    def _limit_only_moved_on(self, wanted: QueueFilter) -> bool:
        now, then = wanted.overdue_at, self._filter.overdue_at
        return (
            now is not None
            and then is not None
            and now >= then
            and replace(wanted, overdue_at=then) == self._filter
        )

    def set_unit(self, unit: UnitSettings) -> None:
        self._unit = self.cells.unit = unit
        self.retranslate()

    def refresh_countdowns(self, first_row: int, last_row: int) -> None:
        """The clock moved: signal the countdowns of rows ``first_row..last_row`` whose
        text or colour changed (texts show minutes, so most ticks change few)."""
        self._now = self._clock()
        last_row = min(last_row, len(self._ids) - 1)
        shown = [self._rows.get(cid) for cid in self._ids[max(first_row, 0) : last_row + 1]]
        changed = self.cells.tick(self._now, [row for row in shown if row is not None])
        if first_row < 0 or not changed:
            return
        roles = [Qt.ItemDataRole.DisplayRole, Role.URGENCY, Role.PILL, Qt.ItemDataRole.ToolTipRole]
        for first, last in runs(shown, lambda row: row is not None and row.complaint.id in changed):
            top = self.index(first_row + first, Column.COUNTDOWN)
            self.dataChanged.emit(top, self.index(first_row + last, Column.COUNTDOWN), roles)

    def complaints_changed(self, ids: Iterable[int]) -> None:
        """These complaints changed (or arrived): re-read their rows, then place them."""
        new = set(ids)
        self._changed |= new
        self._touched |= new
        # Only these: the rows of those changed before were re-read when they were told.
        changed = [cid for cid in new if cid in self._rows]
        if changed:
            # Where they are is found on the lane too: a scan of every loaded id is no
            # work for the GUI thread, nor is a copy of them (5 ms and more at a million).
            # The lane reads the ids a block at a time; if they change meanwhile, the
            # version tells, and what is shown is repainted instead.
            self._tasks.db(
                partial(self._queue.changed_rows, changed, self._ids),
                partial(self._on_changed_rows, self._generation, self._version),
                self._on_failure,
                ticket=self._ticket,
            )
        # Placed at most RESYNC_DELAY_MS after the first change, not the last: during a
        # long sync (a page stored every few tenths of a second) the order keeps up, a
        # placement at a time, instead of one big placement when the sync ends.
        if not self._resync.isActive():
            self._resync.start()

    def retranslate(self) -> None:
        self.cells.forget()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self._emit_all_changed()

    def complaint_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, complaint_id: int) -> int | None:
        """The row of a loaded complaint: its bytes found in the ids' block, in C."""
        return row_in(self._ids, complaint_id)

    def cached_row(self, row: int) -> QueueRow | None:
        cid = self.complaint_id(row)
        return None if cid is None else self._rows.get(cid)

    # --- Qt model interface ----------------------------------------------------------
    # No ``flags``: QAbstractTableModel's own (enabled, selectable, no children) answers
    # in C++. Each call from Qt into Python frees a Qt wrapper on the way out, and freeing
    # one lets another thread take the interpreter: a repaint asked ``flags`` 300 times.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self._after is not None and not self._fetching_ids

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        self._fetching_ids = True
        work = partial(self._queue.next_page, self._filter, self._after)
        done = partial(self._on_more_ids, self._generation)
        self._tasks.db(work, done, self._on_failure, ticket=self._ticket)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            tooltip = role == Qt.ItemDataRole.ToolTipRole
            return header_text(Column(section), tooltip=tooltip, zone=self._unit.zone.label)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell_value(index.row(), index.column(), role)

    def cell_value(self, row_number: int, column: int, role: int) -> Any:
        """``data`` by row and column numbers: what the view's painting asks, in Python,
        with no index made (see ``desktop.ui.row_painting``)."""
        if role not in _ROLES or not 0 <= row_number < len(self._ids):
            return None
        cid = self._ids[row_number]
        if role == Role.COMPLAINT_ID:
            return cid
        row = self._rows.get(cid)
        if row is None:
            self._request_window(row_number // WINDOW)
            return None
        return self.cells.value(row, _COLUMNS[column], role)

    # --- results from the database lane ----------------------------------------------

    def _on_first_load(self, generation: int, result: FirstLoad) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._version += 1
        self._changed.clear()
        self._touched.clear()
        self._ids = array("q", result.page.ids)
        self._after = result.page.after
        self._fetching_ids = False
        self._rows = dict(result.rows)
        self.cells.forget()
        self._pending_windows.clear()
        self._now = self._clock()
        self.cells.tick(self._now)
        self.endResetModel()
        self.loaded.emit()
        self._total.after_paint(self._filter)

    def _on_more_ids(self, generation: int, page: IdPage) -> None:
        if generation != self._generation:
            return
        self._version += 1
        self._fetching_ids = False
        # Cost in proportion to the page, not to what is loaded. A page follows the
        # last one read, so an id can only be there twice at the seam, or if it
        # changed since the first page (and was placed, or waits to be).
        seen = set(self._ids[-len(page.ids) :]) | self._touched
        fresh = [cid for cid in dict.fromkeys(page.ids) if cid not in seen]
        self._after = page.after
        if fresh:
            start = len(self._ids)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._ids.extend(fresh)
            self.endInsertRows()

    def _request_window(self, window: int) -> None:
        if window in self._pending_windows:
            return
        ids = self._ids[window * WINDOW : (window + 1) * WINDOW]
        missing = [cid for cid in ids if cid not in self._rows]
        if not missing:
            return
        self._pending_windows.add(window)
        self._tasks.db(
            partial(self._queue.rows, missing),
            partial(self._on_rows, self._generation, window),
            self._on_failure,
            ticket=self._ticket,
        )

    def _on_rows(self, generation: int, window: int, rows: dict[int, QueueRow]) -> None:
        self._pending_windows.discard(window)
        if generation != self._generation:
            return
        self._keep(rows)
        first = window * WINDOW  # where the rows were asked for (they may have moved since)
        span = range(first, min(first + WINDOW, len(self._ids)))
        self._rows_changed([row for row in span if self._ids[row] in rows])

    def _on_changed_rows(self, generation: int, version: int, changed: ChangedRows) -> None:
        if generation != self._generation:
            return
        self._keep(changed.rows)
        if version == self._version:
            self._rows_changed(changed.at)
        else:  # the order moved since they were found: repaint what is shown
            self._emit_all_changed()

    def _keep(self, rows: dict[int, QueueRow]) -> None:
        self._rows.update(rows)
        self.cells.forget(rows)
        while len(self._rows) > MAX_CACHED_ROWS:
            evicted = next(iter(self._rows))
            del self._rows[evicted]
            self.cells.forget([evicted])

    def _rows_changed(self, rows: list[int]) -> None:
        """Signal each run of consecutive rows, not one span from the first to the last:
        a view repaints all of a span that is on screen, so a change far down the order
        repainted every row shown in between. Past ``MANY_RUNS`` runs, one span (one
        repaint) is cheaper than a signal each."""
        runs_of_rows = consecutive(sorted(rows))
        if len(runs_of_rows) > MANY_RUNS:
            runs_of_rows = [(runs_of_rows[0][0], runs_of_rows[-1][1])]
        for first, last in runs_of_rows:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))

    def _start_resync(self) -> None:
        """Bring the order up to date: only the changed complaints are placed (a few
        key reads each, however many rows are read), unless the filter's time limits
        moved or a search is shown — then the order read so far is read again."""
        if not self._reorder_all and not self._filter.search.strip():
            self._place_changed()
            return
        self._reorder_all = False
        self._changed.clear()
        count = max(len(self._ids), 1)
        work = partial(self._queue.pages_until, self._filter, count)
        done = partial(self._on_resync, self._generation)
        self._tasks.background(work, done, self._on_failure, ticket=self._ticket)
        self._total.count(self._filter)

    def _on_resync(self, generation: int, result: tuple[list[int], QueueKey | None]) -> None:
        if generation != self._generation:
            return
        new_ids, after = result
        self._ids = ids = list(self._ids)  # replay edits a list between the model's signals
        replay(self, ids, new_ids)
        self._ids = array("q", ids)
        self._version += 1
        self._after = after

    def _place_changed(self) -> None:
        """Place the complaints changed since the last placement; one placement at a
        time (the one under way starts the next when it ends)."""
        if self._placing or not self._changed:
            return
        changed, self._changed = self._changed, set()
        loaded = self._ids  # read on the lane, not copied: a change meanwhile makes it stale
        assert isinstance(loaded, array)  # a list only within ``_on_resync``
        placing = Placing(self._filter, changed, loaded, self._after is not None)
        self._placing = True
        self._place_step(placing, loaded, self._generation, self._version, changed)
        self._total.count(self._filter)

    def _place_step(
        self, placing: Placing, loaded: array[int], generation: int, version: int, changed: set[int]
    ) -> None:
        """A step of ``placing`` as a job of its own: the officer's work goes between."""
        work = partial(place_step_on_lane, self._queue, placing, loaded)
        done = partial(self._on_place_step, placing, loaded, generation, version, changed)
        self._tasks.background(work, done, self._on_place_failure, ticket=self._ticket)

    def _on_place_step(
        self,
        placing: Placing,
        loaded: array[int],
        generation: int,
        version: int,
        changed: set[int],
        placed: Placed | None,
    ) -> None:
        if generation != self._generation:
            return  # the filter changed: ``set_filter`` let the next placement start
        stale = version != self._version  # the ids moved meanwhile: place them again
        if placed is None and not stale:
            self._place_step(placing, loaded, generation, version, changed)
            return
        self._placing = False
        if stale:
            self._changed |= changed
        elif placed is not None and placed.moves is not None:
            self._apply(placed.moves)
            self._version += 1
        if self._changed and not self._resync.isActive():
            self._resync.start()

    def _on_place_failure(self, error: BaseException) -> None:
        self._placing = False
        self._on_failure(error)

    def _apply(self, moves: Shuffle) -> None:
        """Removals, moves and arrivals as three signals at most, whatever their number:
        the arrivals appended as one block, one layout change putting every row in its
        place (the selection follows its complaint, the leaving rows go last), and the
        leaving rows removed as one block. Row by row, Qt's work for each signal and the
        ids' grew with the rows loaded: a thousand arrivals held the window 100 ms at 800k.
        """
        assert isinstance(self._ids, array)  # a list only within ``_on_resync``
        if moves.appended:
            start = len(self._ids)
            self.beginInsertRows(QModelIndex(), start, start + len(moves.appended) - 1)
            self._ids = moves.grown  # made on the lane: growing a million ids here copied them
            self.endInsertRows()
        self._relayout(moves.order, moves.row_after)
        if moves.leaving:
            kept = len(self._ids) - moves.leaving
            self.beginRemoveRows(QModelIndex(), kept, len(self._ids) - 1)
            del self._ids[kept:]
            self.endRemoveRows()

    def _relayout(self, ids: array[int], row_after: Callable[[int], int]) -> None:
        """Same ids, another order: persistent indexes (the selection) follow their id."""
        rows_about_to_move(self)
        before = self.persistentIndexList()
        after = [self.index(row_after(index.row()), index.column()) for index in before]
        self._ids = ids
        self.changePersistentIndexList(before, after)
        rows_moved(self)

    def _on_failure(self, error: BaseException) -> None:
        """A read failed: let the next request try again, and tell the window."""
        self._fetching_ids = False
        self._pending_windows.clear()
        self.read_failed.emit(error)

    def _emit_all_changed(self) -> None:
        if self._ids:
            last = self.index(len(self._ids) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
