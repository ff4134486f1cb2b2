"""The server password lives in the operating system's credential store (``keyring``), never in
the address or the settings; ``server login`` keeps it after trying it."""

from __future__ import annotations

import io

import psycopg
from sqlalchemy.engine import make_url

from desktop_app.bootstrap import main
from desktop_app.storage.database import open_database


def test_login_keeps_the_password_and_the_address_without_it_then_opens(server_url, memory_keyring, monkeypatch,
                                                                         capsys, app_home):
    parsed = make_url(server_url)
    admin = psycopg.connect(host=parsed.host, port=parsed.port, dbname=parsed.database, user=parsed.username,
                            autocommit=True)
    with admin:
        admin.execute("DROP ROLE IF EXISTS kw_h20_user")
        admin.execute("CREATE ROLE kw_h20_user LOGIN PASSWORD 'right-pw'")
        admin.execute("GRANT SELECT ON alembic_version TO kw_h20_user")
    # The tests' server trusts every local login: require the password for this user alone.
    user_url = parsed.set(username="kw_h20_user").render_as_string(hide_password=False)

    monkeypatch.setattr("sys.stdin", io.StringIO("right-pw\n"))
    assert main(["server", "login", "--db", user_url, "--password-stdin"]) == 0
    assert "已保存" in capsys.readouterr().out
    assert list(memory_keyring.kept.values()) == ["right-pw"]
    assert "right-pw" not in "".join(p.read_text(encoding="utf-8", errors="replace")
                                     for p in app_home.rglob("*") if p.is_file())

    db = open_database(user_url)  # the password comes from the store
    try:
        assert db.engine.url.password == "right-pw" and db.user == "kw_h20_user"
    finally:
        db.close()
    assert main(["server", "login", "--db", user_url, "--forget"]) == 0
    assert memory_keyring.kept == {}
