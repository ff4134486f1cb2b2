"""The window opens a database on a PostgreSQL server (``desktop-app --db postgresql://…``): its
list shows the server's items, and the title names the database."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from desktop_app.services.context import ServiceContext
from desktop_app.services.demo import fill_demo
from desktop_app.storage.database import open_database
from tests.conftest import FIXED_NOW


def test_the_window_shows_the_items_of_a_server_database(server_url, app_home):
    db = open_database(server_url)
    try:
        fill_demo(ServiceContext(db=db, user_name=lambda: "演示", now=lambda: FIXED_NOW), items=25)
    finally:
        db.close()
    env = dict(os.environ, DESKTOP_APP_HOME=str(app_home))
    done = subprocess.run([sys.executable, "-m", "desktop_app", "--smoke-test", "--json", "--db", server_url],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["ok"] and report["rows"] == 25 and report["db"] == server_url and not report["read_only"]
