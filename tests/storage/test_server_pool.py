"""Connections to the server are lent from a pool; one idle for a while is tried first, so that a
server restarted meanwhile costs the user nothing."""

from __future__ import annotations

import time

from sqlalchemy import text

from desktop_app.storage import server
from desktop_app.storage.database import open_database


def test_an_idle_connection_whose_server_side_ended_is_replaced_unnoticed(server_url, request, monkeypatch):
    pg_server = request.getfixturevalue("pg_server")  # after server_url: skipped without a server
    db = open_database(server_url)
    try:
        with db.read() as s:
            pid = s.execute(text("SELECT pg_backend_pid()")).scalar()
        pg_server.execute(f"SELECT pg_terminate_backend({int(pid)})")  # as a server restart would
        monkeypatch.setattr(server, "IDLE_PING_SECONDS", 0.0)
        time.sleep(0.01)
        with db.read() as s:
            assert s.execute(text("SELECT pg_backend_pid()")).scalar() != pid
    finally:
        db.close()


def test_a_busy_connection_is_lent_again_without_a_round_trip(server_url):
    db = open_database(server_url)
    try:
        with db.read() as s:
            pid = s.execute(text("SELECT pg_backend_pid()")).scalar()
        with db.read() as s:  # the same connection (the pool lends the last one used), no ping
            assert s.execute(text("SELECT pg_backend_pid()")).scalar() == pid
    finally:
        db.close()
