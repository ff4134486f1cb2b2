"""The window opens a database on a PostgreSQL server (``desktop-app --db postgresql://…``): its
list shows the server's items, and the title names the database."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from desktop_app.services.context import ServiceContext
from desktop_app.storage.database import open_database
from tests.conftest import FIXED_NOW, filled_with_demo


def test_the_window_shows_the_items_of_a_server_database(server_url, app_home):
    filled_with_demo(server_url, items=25)
    env = dict(os.environ, DESKTOP_APP_HOME=str(app_home))
    done = subprocess.run([sys.executable, "-m", "desktop_app", "--smoke-test", "--json", "--db", server_url],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["ok"] and report["rows"] == 25 and report["db"] == server_url and not report["read_only"]


def test_another_users_save_reaches_the_views_within_seconds(server_url, qtbot, tmp_path):
    from desktop_app.gui.app_services import AppServices
    from desktop_app.services.maintenance import MaintenanceService
    from desktop_app.settings import UiSettings
    from desktop_app.storage import tables as t

    db, other = open_database(server_url), open_database(server_url)
    services = AppServices(ui_settings=UiSettings(), db_path=tmp_path / "unused.sqlite")
    ctx = ServiceContext(db=db, user_name=lambda: "甲", now=lambda: FIXED_NOW)
    services.connect(ctx, MaintenanceService(ctx, tmp_path / "backups"))
    try:
        with qtbot.waitSignal(services.hub.changed, timeout=8000) as told:
            with other.write() as s:
                s.add(t.Unit(name="区交通委"))
        assert "database" in told.args[0].kinds
        with qtbot.assertNotEmitted(services.hub.changed, wait=3500):
            with db.write() as s:  # this window's own save is no news from elsewhere
                s.add(t.Unit(name="区水务局"))
    finally:
        services.stop_watching()
        db.close()
        other.close()
