"""Tables declared in the ORM's style, built with SQLAlchemy Core alone.

The store uses its declared classes (:mod:`desktop.core.store.schema`) only as
tables: ``ComplaintRow.id`` in a Core statement, ``ComplaintRow.__table__`` for
its columns, ``Base.metadata`` for the migrations. Nothing loads rows into
objects, so the ORM is not needed, and importing it and mapping the classes
costs the command line about a tenth of a second on every run.

The declarations keep the ORM's form (``id: Mapped[int] = mapped_column(...)``)
and its rules: the column's name is the attribute's, a column is ``NOT NULL``
unless its annotation allows ``None`` (or it says ``nullable=``), and
``__table_args__`` holds the table's constraints and indexes. When a subclass
is defined it becomes a ``Table`` on its base's ``MetaData``, and each of its
attributes becomes that table's ``Column``.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from sqlalchemy import Column, MetaData, Table

T = TypeVar("T")


class Mapped(Generic[T]):
    """The annotation of a declared column; on the class it is the table's ``Column``."""

    if TYPE_CHECKING:

        def __get__(self, instance: object, owner: type) -> Column[T]: ...


class _Pending:
    """A column's arguments until its class names it."""

    __slots__ = ("args", "kwargs")

    def __init__(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self.args = args
        self.kwargs = kwargs


def mapped_column(*args: Any, **kwargs: Any) -> Any:
    """A column of a declared table: ``Column``'s arguments, without its name."""
    return _Pending(args, kwargs)


class DeclaredTables:
    """Base of classes that each declare one table (``__tablename__``)."""

    metadata: ClassVar[MetaData]
    __tablename__: ClassVar[str]
    __table__: ClassVar[Table]
    __table_args__: ClassVar[tuple[Any, ...]] = ()

    @classmethod
    def __clause_element__(cls) -> Table:
        """The table, where a statement is given the class (``insert(AccountRow)``)."""
        return cls.__table__

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__tablename__" not in cls.__dict__:
            return  # a base, holding the metadata
        annotations = inspect.get_annotations(cls)
        for name, annotation in annotations.items():
            if str(annotation).startswith("Mapped[") and name not in cls.__dict__:
                raise TypeError(f"column {name!r} needs mapped_column(...) with its type")
        columns = [
            _column(name, pending, str(annotations.get(name, "")))
            for name, pending in cls.__dict__.items()
            if isinstance(pending, _Pending)
        ]
        table = Table(cls.__tablename__, cls.metadata, *columns, *cls.__table_args__)
        cls.__table__ = table
        for column in columns:
            setattr(cls, column.key, table.c[column.key])


def _column(name: str, pending: _Pending, annotation: str) -> Column[Any]:
    if not annotation.startswith("Mapped["):
        raise TypeError(f"column {name!r} needs a Mapped[...] annotation")
    kwargs = dict(pending.kwargs)
    if "nullable" not in kwargs and not kwargs.get("primary_key"):
        kwargs["nullable"] = "None" in annotation or "Optional[" in annotation
    return Column(name, *pending.args, **kwargs)
