"""The fault campaign (not a test: it takes minutes): kill a writer mid-save, kill the app mid-upgrade,
and let four processes create items at once; print trials, failures and items lost.

    uv run python benchmarks/faults.py                       # 300 kills, 30 upgrade kills, 4 × 50 creates
    uv run python benchmarks/faults.py --saves 50 --upgrades 10 --creates 20

Linux and macOS (the writers are forked: a fresh interpreter needs seconds to import SQLAlchemy
on a shared machine, a fork milliseconds). Everything happens in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
STAMP = datetime(2024, 6, 3, 9, 30)


# ---- kill during save ------------------------------------------------------------------------

def _writer(db_path: Path, round_no: int, out_fd: int) -> None:
    """Each save is one transaction of three rows (item, search terms, history); its id is
    reported only after the commit returned, so every reported id must survive a kill."""
    from sqlalchemy import text

    from desktop_app.storage import tables as t
    from desktop_app.storage.database import open_database

    db = open_database(db_path, network=False)
    n = 0
    while True:
        n += 1
        with db.write() as s:
            item = t.Item(kind="suggestion", session_id=1, number=f"{round_no}-{n}", title="关于加装电梯的建议" * 3,
                          content="内容" * 400, created_at=STAMP, updated_at=STAMP)
            s.add(item)
            s.flush()
            s.execute(text("INSERT INTO item_search (rowid, terms) VALUES (:id, :terms)"),
                      {"id": item.id, "terms": item.title})
            s.add(t.History(item_id=item.id, entity="item", entity_id=item.id, field="新建", changed_by="测试员",
                            changed_at=STAMP))
        os.write(out_fd, f"{item.id}\n".encode())


def _fork(target, *args) -> tuple[int, object]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_fd)
            target(*args, write_fd)
        finally:
            os._exit(1)
    os.close(write_fd)
    return pid, os.fdopen(read_fd, "rb")


def _kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def kill_during_save(folder: Path, trials: int, rng: random.Random) -> dict:
    from desktop_app.storage import tables as t
    from desktop_app.storage.database import open_database

    db_path = folder / "saves.sqlite"
    setup = open_database(db_path, network=False)
    with setup.write() as s:
        s.add(t.Session(id=1, name="区二届人大五次会议", body="congress", level="district", year=2024))
    setup.close()
    reported: set[int] = set()
    failures = 0
    for round_no in range(trials):
        pid, output = _fork(_writer, db_path, round_no)
        with output:
            first = output.readline()
            if not first:
                failures += 1  # the writer could not even start: a damaged file would show here
                os.waitpid(pid, 0)
                continue
            time.sleep(rng.uniform(0.0, 0.15))
            _kill(pid)
            lines = (first + output.read()).decode().split("\n")
        reported.update(int(line) for line in lines[:-1])
    with closing(sqlite3.connect(db_path)) as conn:
        sound = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        items = {r[0] for r in conn.execute("SELECT id FROM item")}
        history = {r[0] for r in conn.execute("SELECT item_id FROM history")}
        search = {r[0] for r in conn.execute("SELECT rowid FROM item_search")}
    half_applied = len(items ^ history) + len(items ^ search)
    return {"trials": trials, "failures": failures + (0 if sound else 1) + (1 if half_applied else 0),
            "items_saved": len(reported), "items_lost": len(reported - items), "half_applied": half_applied}


# ---- kill during upgrade ---------------------------------------------------------------------

def _upgrader(db_path: Path, out_fd: int) -> None:
    from desktop_app.storage.database import open_database

    os.write(out_fd, b"started\n")
    open_database(db_path, network=False, backup_dir=db_path.parent / "backups").close()
    os.write(out_fd, b"done\n")


def kill_during_upgrade(folder: Path, trials: int, rng: random.Random) -> dict:
    from desktop_app.storage.database import open_database
    from desktop_app.storage.migrations import HEAD

    fixture = ROOT / "tests" / "fixtures" / "schema_0001.sqlite"
    with closing(sqlite3.connect(fixture)) as conn:
        before = {r[0] for r in conn.execute("SELECT id FROM item")}
    timing = folder / "timing.sqlite"
    shutil.copy(fixture, timing)
    start = time.perf_counter()
    open_database(timing, network=False, backup_dir=folder / "timing-backups").close()
    upgrade_seconds = time.perf_counter() - start
    failures = lost = killed_mid_way = 0
    for n in range(trials):
        work = folder / f"upgrade-{n}"
        work.mkdir()
        db_path = work / "cases.sqlite"
        shutil.copy(fixture, db_path)
        pid, output = _fork(_upgrader, db_path)
        with output:
            output.readline()
            time.sleep(rng.uniform(0.0, upgrade_seconds * 1.2))
            _kill(pid)
            finished = b"done" in output.read()
        killed_mid_way += not finished
        try:
            db = open_database(db_path, network=False, backup_dir=work / "backups")
            version = db.schema_version()
            db.close()
            with closing(sqlite3.connect(db_path)) as conn:
                sound = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                after = {r[0] for r in conn.execute("SELECT id FROM item")}
        except Exception as error:  # noqa: BLE001 - any failure to reopen is a failed trial
            print(f"  upgrade trial {n}: {error}", file=sys.stderr)
            failures += 1
            continue
        failures += not (sound and version == HEAD)
        lost += len(before - after)
        shutil.rmtree(work, ignore_errors=True)
    return {"trials": trials, "killed_before_the_end": killed_mid_way, "failures": failures, "items_lost": lost,
            "upgrade_seconds": round(upgrade_seconds, 2)}


# ---- concurrent creates ----------------------------------------------------------------------

def _creator(db_path: Path, creates: int, who: int, out_fd: int) -> None:
    from dataclasses import replace

    from desktop_app.domain.enums import ItemKind
    from desktop_app.domain.errors import DomainError
    from desktop_app.services.cases import CaseService
    from desktop_app.services.context import ServiceContext
    from desktop_app.storage.database import open_database
    from tests.services.records import make_record

    db = open_database(db_path, network=False, busy_timeout_ms=60_000)
    cases = CaseService(ServiceContext(db=db, user_name=lambda: f"进程{who}", now=datetime.now))
    for n in range(creates):
        record = cases.new_record(ItemKind.SUGGESTION)
        try:
            cases.save(replace(make_record(), number=record.number, suggested_number=record.suggested_number,
                               title=f"进程{who} 第 {n} 件"))
            os.write(out_fd, b"ok\n")
        except DomainError:
            os.write(out_fd, b"refused\n")
    db.close()
    os._exit(0)


def concurrent_creates(folder: Path, processes: int, creates: int) -> dict:
    from desktop_app.services.cases import CaseService
    from desktop_app.services.context import ServiceContext
    from desktop_app.storage.database import open_database
    from tests.services.records import make_record

    db_path = folder / "creates.sqlite"
    db = open_database(db_path, network=False)
    CaseService(ServiceContext(db=db, user_name=lambda: "准备", now=lambda: STAMP)).save(make_record(number="0001"))
    db.close()
    children = [_fork(_creator, db_path, creates, who) for who in range(processes)]
    outcomes = []
    for pid, output in children:
        with output:
            outcomes += output.read().decode().split()
        os.waitpid(pid, 0)
    with closing(sqlite3.connect(db_path)) as conn:
        numbers = [r[0] for r in conn.execute("SELECT number FROM item")]
    return {"trials": processes * creates, "refused": outcomes.count("refused"),
            "saved": outcomes.count("ok"), "duplicate_numbers": len(numbers) - len(set(numbers)),
            "items_lost": outcomes.count("ok") + 1 - len(numbers)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kill-during-save, kill-during-upgrade and concurrent-create campaigns.")
    parser.add_argument("--saves", type=int, default=300, help="writers killed mid-save (default 300)")
    parser.add_argument("--upgrades", type=int, default=30, help="upgrades killed (default 30)")
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--creates", type=int, default=50, help="items each process creates (default 50)")
    parser.add_argument("--seed", type=int, default=20240603)
    args = parser.parse_args(argv)
    if not hasattr(os, "fork"):
        print("benchmarks/faults.py forks its writers: run it on Linux or macOS.", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="desktop_app_faults_") as tmp:
        folder = Path(tmp)
        for name, run in (("kill during save", lambda: kill_during_save(folder, args.saves, rng)),
                          ("kill during upgrade", lambda: kill_during_upgrade(folder, args.upgrades, rng)),
                          (f"concurrent creates ({args.processes} processes)",
                           lambda: concurrent_creates(folder, args.processes, args.creates))):
            start = time.perf_counter()
            result = run()
            figures = ", ".join(f"{k} {v}" for k, v in result.items())
            print(f"{name}: {figures} ({time.perf_counter() - start:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
