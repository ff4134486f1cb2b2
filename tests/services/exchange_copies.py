"""Copies of the app that exchange packages (helpers for the exchange tests): the office's and
units' databases in their own folders, each with its services and a clock the test moves."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from desktop_app.services.cases import CaseService
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import UnitInfo
from desktop_app.services.exchange import ExchangeService
from desktop_app.services.followup import FollowupService
from desktop_app.services.maintenance import MaintenanceService
from desktop_app.services.reference import ReferenceService
from desktop_app.storage.database import open_database


class Clock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


class Copy:
    """One installation: a database in ``folder``; ``unit`` None for the office."""

    def __init__(self, folder: Path, clock: Clock, unit: str | None = None, units=()):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.unit = folder, unit
        self.db = open_database(folder / "cases.sqlite", backup_dir=folder / "backups")
        self.ctx = ServiceContext(db=self.db, user_name=lambda: unit or "办公室", now=clock)
        self.cases = CaseService(self.ctx)
        self.followup = FollowupService(self.ctx)
        self.reference = ReferenceService(self.ctx)
        self.exchange = ExchangeService(self.ctx, MaintenanceService(self.ctx, folder / "backups"))
        known = {u.name for u in self.reference.units()}  # a copy opened again keeps its units
        for name in (*units, *([unit] if unit is not None else [])):
            if name not in known:
                self.reference.save_unit(UnitInfo(0, name))
                known.add(name)
        if unit is not None:
            unit_id = next(u.id for u in self.reference.units() if u.name == unit)
            self.reference.set_our_unit(unit_id)

    def key_file(self) -> str:
        return self.exchange.public_key_text()

    def close(self) -> None:
        self.db.close()


def introduce(office: Copy, *units: Copy) -> None:
    """The set-up done once by phone: each unit registers the office's key and the office each unit's."""
    office_key = office.key_file()
    for unit in units:
        unit.exchange.trust(office_key, "office")
        office.exchange.trust(unit.key_file(), "unit", unit.unit)


def send(sender: Copy, receiver: Copy, folder: Path, to: str, **apply):
    """Export from ``sender`` to ``to`` and apply at ``receiver``; returns (export, apply) results."""
    folder.mkdir(parents=True, exist_ok=True)
    n = len(list(folder.iterdir()))
    exported = sender.exchange.export(to, folder / f"{n:03d}.zip")
    return exported, receiver.exchange.apply(exported.path, **apply)


def item_by_number(copy: Copy, number: str):
    rows = [r for r in copy.cases.list_rows() if r.number == number]
    assert len(rows) == 1, (copy.unit, number, len(rows))
    return copy.cases.get(rows[0].id)
