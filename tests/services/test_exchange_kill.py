"""A process killed while it imports a package leaves the database as before or wholly imported,
never half (30 kills at random moments; Linux/macOS: the importer is forked)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import sys
import time
from contextlib import closing
from datetime import datetime

import pytest

from tests.services.exchange_copies import Clock, Copy, introduce
from tests.services.records import make_record

TRIALS = 30
ITEMS = 60


def _import(db_path, package, ready_fd) -> None:
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.exchange import ExchangeService
    from desktop_app.storage.database import open_database

    db = open_database(db_path, network=False)
    os.write(ready_fd, b"ready\n")
    ExchangeService(ServiceContext(db=db, user_name=lambda: "区交通委", now=lambda: datetime(2024, 3, 2))).apply(package)
    os.write(ready_fd, b"done\n")
    db.close()


def _start(target, base, package):
    shutil.copyfile(base, target)
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_fd)
            _import(target, package, write_fd)
        finally:
            os._exit(0)
    os.close(write_fd)
    return pid, os.fdopen(read_fd, "rb")


def _counts(path):
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return (conn.execute("SELECT count(*) FROM item").fetchone()[0],
                conn.execute("SELECT count(*) FROM assignment").fetchone()[0],
                conn.execute("SELECT count(*) FROM history WHERE reason LIKE '来自%'").fetchone()[0],
                conn.execute("SELECT count(*) FROM exchange_package WHERE direction = 'received'").fetchone()[0])


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the importer is forked")
def test_an_import_killed_at_any_moment_leaves_the_database_whole(tmp_path):
    clock = Clock(datetime(2024, 3, 1, 9, 0))
    office = Copy(tmp_path / "office", clock, None, units=("区交通委", "区农业农村委"))
    unit = Copy(tmp_path / "unit", clock, "区交通委")
    introduce(office, unit)
    for n in range(ITEMS):
        office.cases.save(make_record(number=f"{n + 1:04d}"))
    package = office.exchange.export("区交通委", tmp_path / "p.zip").path
    office.close()
    unit.close()
    base = tmp_path / "unit" / "cases.sqlite"
    before = _counts(base)
    rng = random.Random(19)
    outcomes = {"before": 0, "whole": 0}
    whole = None
    # One import left to finish tells how long an import takes on this (shared) machine.
    pid, out = _start(tmp_path / "calibrate.sqlite", base, package)
    with out:
        out.readline()
        started = time.monotonic()
        out.readline()
        duration = time.monotonic() - started
    os.waitpid(pid, 0)
    for trial in range(TRIALS):
        target = tmp_path / f"trial{trial}.sqlite"
        pid, out = _start(target, base, package)
        with out:
            out.readline()  # opened: the import starts now
            time.sleep(rng.uniform(0.0, duration * 1.3))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        after = _counts(target)
        if after == before:
            outcomes["before"] += 1
        else:
            whole = whole or after
            assert after == whole and after[0] == ITEMS and after[3] == 1, after
            outcomes["whole"] += 1
    assert outcomes["before"] + outcomes["whole"] == TRIALS
    assert outcomes["before"] and outcomes["whole"], outcomes  # the kills fell both before and after the commit
