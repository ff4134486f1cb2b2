"""Shared test set-up: headless Qt, a fixed clock, a fresh database file per test."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

# Headless, on one screen the size of the work area a maximised window gets on a 1366×768 office
# laptop (the taskbar takes 40 px): what does not fit here does not fit there.
SCREEN_CONFIG = Path(__file__).with_name("offscreen_screen.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN_CONFIG}")

FIXED_NOW = datetime(2024, 6, 3, 9, 30)


@pytest.fixture
def fixed_now() -> datetime:
    return FIXED_NOW


@pytest.fixture
def db(tmp_path):
    from desktop_app.storage.database import open_database

    database = open_database(tmp_path / "cases.db")
    yield database
    database.close()


@pytest.fixture
def ctx(db):
    from desktop_app.services.context import ServiceContext

    return ServiceContext(db=db, user_name=lambda: "测试员", now=lambda: FIXED_NOW)


@pytest.fixture(autouse=True)
def app_home(tmp_path_factory, monkeypatch):
    """Every test gets its own data folder: nothing lands in the real per-user folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DESKTOP_APP_HOME", str(home))
    return home
