"""Numbers of new items are allocated inside the write transaction: windows and processes that
create items at once never clash; a number the user typed is kept, and refused if taken."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest
from sqlalchemy import select

from desktop_app.domain.enums import ItemKind
from desktop_app.domain.errors import ValidationError
from desktop_app.services.cases import CaseService
from desktop_app.storage.tables import Item
from tests.services.records import make_record


def test_two_windows_creating_at_once_get_consecutive_numbers(ctx):
    cases = CaseService(ctx)
    cases.save(make_record(number="0035"))
    first, second = cases.new_record(ItemKind.SUGGESTION), cases.new_record(ItemKind.SUGGESTION)
    assert first.number == second.number == "0036"  # both windows were opened before either saved

    cases.save(replace(make_record(), number=first.number, suggested_number=first.suggested_number, title="甲"))
    cases.save(replace(make_record(), number=second.number, suggested_number=second.suggested_number, title="乙"))

    with ctx.db.read() as s:
        assert dict(s.execute(select(Item.title, Item.number)).all())["乙"] == "0037"


def test_a_typed_number_that_is_taken_is_refused_not_changed(ctx):
    cases = CaseService(ctx)
    cases.save(make_record(number="0035"))
    with pytest.raises(ValidationError, match="0035"):
        cases.save(make_record(number="0035", title="另一件"))


CREATE = """
import sys
from dataclasses import replace
from datetime import datetime
from desktop_app.domain.enums import ItemKind
from desktop_app.services.cases import CaseService
from desktop_app.services.context import ServiceContext
from desktop_app.storage.database import open_database
from tests.services.records import make_record

db = open_database(sys.argv[1], busy_timeout_ms=30000)
cases = CaseService(ServiceContext(db=db, user_name=lambda: "进程", now=datetime.now))
for n in range(int(sys.argv[2])):
    record = cases.new_record(ItemKind.SUGGESTION)
    cases.save(replace(make_record(), number=record.number, suggested_number=record.suggested_number,
                       title=f"{sys.argv[3]} 第 {n} 件"))
db.close()
"""


def test_processes_creating_items_at_once_never_clash(db):
    # ``db`` is created and migrated before the three processes start creating.
    procs = [subprocess.Popen([sys.executable, "-c", CREATE, db.location, "12", f"进程{p}"],
                              stderr=subprocess.PIPE) for p in range(3)]
    errors = [proc.communicate(timeout=300)[1].decode() for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0, 0], errors
    with db.read() as s:
        numbers = s.execute(select(Item.number)).scalars().all()
    assert sorted(numbers) == [f"{n:04d}" for n in range(1, 37)]
