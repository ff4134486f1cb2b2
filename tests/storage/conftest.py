"""Fixtures of the storage tests: a database file per test and a way to add realistic items."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop_app.storage import tables as t
from desktop_app.storage.database import open_database

CREATED = datetime(2024, 3, 1, 9, 0)


def add_item(session, number: str, title: str = "关于增加城关小学学位供给的建议") -> int:
    """Insert an item (and its 届次 on first use) in ``session``; returns its id."""
    npc = session.get(t.Session, 1)
    if npc is None:
        session.add(t.Session(id=1, name="区二届人大五次会议", body="congress", level="district", year=2024))
        session.flush()
    item = t.Item(
        kind="suggestion",
        session_id=1,
        number=number,
        title=title,
        content="城关片区新建小区入住率上升，学位紧张。",
        created_at=CREATED,
        updated_at=CREATED,
    )
    session.add(item)
    session.flush()
    return item.id


@pytest.fixture
def item_adder():
    return add_item


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "cases.db"


@pytest.fixture
def opened(db_path, tmp_path):
    """An open local database with its backups in ``tmp_path/backups``."""
    database = open_database(db_path, backup_dir=tmp_path / "backups", network=False)
    yield database
    database.close()
