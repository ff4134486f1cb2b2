"""Migration 0010: every record an exchange package carries gets a stable global id, distinct
from every other, and the exchange tables start empty."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from desktop_app.storage.database import open_database

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schema_0009.sqlite"
TABLES = ("item", "proposer", "assignment", "contact", "reply", "feedback", "commitment")


def test_existing_records_get_a_distinct_global_id(tmp_path):
    copy = tmp_path / "cases.db"
    shutil.copyfile(FIXTURE, copy)
    db = open_database(copy, network=False, backup_dir=tmp_path / "backups", now=lambda: datetime(2024, 6, 3))
    try:
        with db.read() as s:
            seen = []
            for table in TABLES:
                rows = s.execute(text(f"SELECT uid FROM {table}")).scalars().all()
                assert all(uid and len(uid) == 32 for uid in rows), table
                seen += rows
            assert len(seen) == len(set(seen))
            assert s.execute(text("SELECT count(*) FROM item")).scalar() > 0
            assert s.execute(text("SELECT count(*) FROM exchange_package")).scalar() == 0
    finally:
        db.close()
