"""A process killed mid-save loses nothing it reported saved and leaves a sound file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.storage import tables as t
from desktop_app.storage.database import open_database

ROUNDS = 20
STAMP = datetime(2024, 6, 3, 9, 30)


def write_until_killed(db_path: str, round_no: str, out_fd: int) -> None:
    """The writer: each save is one transaction of three rows (item, search terms, history);
    its id is reported only after the commit returned, so every reported id must survive."""
    db = open_database(db_path, network=False)
    n = 0
    while True:
        n += 1
        with db.write() as s:
            item = t.Item(kind="suggestion", session_id=1, number=f"{round_no}-{n}",
                          title="关于加强老旧小区加装电梯工作的建议" * 3, content="内容" * 400,
                          created_at=STAMP, updated_at=STAMP)
            s.add(item)
            s.flush()
            s.execute(text("INSERT INTO item_search (rowid, terms) VALUES (:id, :terms)"),
                      {"id": item.id, "terms": item.title})
            s.add(t.History(item_id=item.id, entity="item", entity_id=item.id, field="新建",
                            changed_by="测试员", changed_at=STAMP))
        os.write(out_fd, f"{item.id}\n".encode())


def _start_writer(db_path: Path, round_no: int):
    """A writer process and the pipe it reports on. Forked where possible: a fresh interpreter
    needs seconds to import SQLAlchemy on this machine, a fork milliseconds."""
    if hasattr(os, "fork"):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child never returns into pytest
            try:
                os.close(read_fd)
                write_until_killed(str(db_path), str(round_no), write_fd)
            finally:
                os._exit(1)
        os.close(write_fd)
        return pid, os.fdopen(read_fd, "rb")
    code = (
        "import sys; from tests.storage.test_crash_safety import write_until_killed as w;"
        " w(sys.argv[1], sys.argv[2], 1)"
    )
    child = subprocess.Popen([sys.executable, "-c", code, str(db_path), str(round_no)],
                             stdout=subprocess.PIPE, cwd=Path(__file__).resolve().parents[2])
    return child, child.stdout


def _kill(process) -> None:
    if isinstance(process, int):
        os.kill(process, signal.SIGKILL)
        os.waitpid(process, 0)
    else:
        process.kill()  # TerminateProcess on Windows: no clean-up either
        process.wait()


@pytest.mark.slow
def test_killing_a_writer_many_times_loses_no_committed_item(tmp_path):
    db_path = tmp_path / "cases.db"
    setup = open_database(db_path, network=False)
    with setup.write() as s:
        s.add(t.Session(id=1, name="区二届人大五次会议", body="congress", level="district", year=2024))
    setup.close()
    rng = random.Random(20240603)
    reported: set[int] = set()
    for round_no in range(ROUNDS):
        process, output = _start_writer(db_path, round_no)
        with output:
            first = output.readline()  # wait until it is writing
            assert first, "the writer died before its first save"
            time.sleep(rng.uniform(0.0, 0.2))
            _kill(process)
            lines = (first + output.read()).decode().split("\n")
        reported.update(int(line) for line in lines[:-1])  # the last piece may be a cut-off line
    assert len(reported) > ROUNDS
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        items = {r[0] for r in conn.execute("SELECT id FROM item")}
        history = {r[0] for r in conn.execute("SELECT item_id FROM history")}
        search = {r[0] for r in conn.execute("SELECT rowid FROM item_search")}
    assert reported <= items
    assert items == history == search  # no save was half applied
