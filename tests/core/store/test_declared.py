"""The store's tables, declared without the ORM, are the tables the ORM would build."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import Integer, MetaData
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex, CreateTable

from desktop.core.store import schema
from desktop.core.store.declared import DeclaredTables, Mapped, mapped_column

LIGHT_IMPORT = "from desktop.core.store.declared import DeclaredTables, Mapped, mapped_column\n"
ORM_IMPORT = "from sqlalchemy.orm import DeclarativeBase as DeclaredTables, Mapped, mapped_column\n"


def _schema_through_the_orm() -> ModuleType:
    """schema.py as it reads, its classes mapped by SQLAlchemy's declarative ORM."""
    source = Path(schema.__file__).read_text(encoding="utf-8")
    assert LIGHT_IMPORT in source
    spec = importlib.util.spec_from_loader("schema_through_the_orm", loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # the ORM resolves annotations through it
    try:
        code = compile(source.replace(LIGHT_IMPORT, ORM_IMPORT), schema.__file__, "exec")
        exec(code, vars(module))
    finally:
        del sys.modules[spec.name]
    return module


def _described(metadata: MetaData) -> list[str]:
    dialect = sqlite.dialect()
    lines: list[str] = []
    for table in metadata.sorted_tables:
        lines.append(str(CreateTable(table).compile(dialect=dialect)))
        lines += sorted(str(CreateIndex(i).compile(dialect=dialect)) for i in table.indexes)
        for column in table.columns:
            default = column.default.arg if column.default is not None else None  # type: ignore[attr-defined]
            lines.append(f"{table.name}.{column.name} default={default!r} type={column.type!r}")
    return lines


def test_tables_are_those_the_orm_declares() -> None:
    orm = _schema_through_the_orm()
    assert _described(schema.Base.metadata) == _described(orm.Base.metadata)


def test_class_attributes_are_the_tables_columns() -> None:
    table = schema.ComplaintRow.__table__
    assert schema.ComplaintRow.due_at is table.c.due_at
    assert schema.ComplaintRow.__clause_element__() is table


def test_a_column_without_mapped_annotation_is_refused() -> None:
    class Base(DeclaredTables):
        metadata = MetaData()

    with pytest.raises(TypeError, match="'name' needs a Mapped"):

        class Broken(Base):
            __tablename__ = "broken"
            id: Mapped[int] = mapped_column(primary_key=True)
            name = mapped_column()


def test_a_column_given_only_by_its_annotation_is_refused() -> None:
    class Base(DeclaredTables):
        metadata = MetaData()

    with pytest.raises(TypeError, match="'name' needs mapped_column"):

        class Broken(Base):
            __tablename__ = "broken"
            id: Mapped[int] = mapped_column(Integer, primary_key=True)
            name: Mapped[str]
