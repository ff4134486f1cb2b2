"""Moving records between a database file and a server: ``desktop-app server migrate`` copies
everything, verifies every table, and the way back gives the same records."""

from __future__ import annotations

import pytest

from desktop_app.bootstrap import main
from desktop_app.services.context import ServiceContext
from desktop_app.storage.database import open_database
from desktop_app.storage.transfer import table_fingerprints
from tests.conftest import FIXED_NOW, filled_with_demo


@pytest.fixture
def demo_file(tmp_path):
    path = tmp_path / "demo.sqlite"
    filled_with_demo(path, items=120)
    return path


def _fingerprints(location):
    db = open_database(location)
    try:
        return table_fingerprints(db)
    finally:
        db.close()


def test_the_demo_goes_to_the_server_and_back_with_every_record_equal(demo_file, server_url, tmp_path, capsys):
    before = _fingerprints(demo_file)
    assert before["item"][0] == 120 and before["history"][0] > 0
    assert main(["server", "migrate", "--from", str(demo_file), "--to", server_url]) == 0
    assert "核对一致" in capsys.readouterr().out
    assert _fingerprints(server_url) == before
    back = tmp_path / "back.sqlite"
    assert main(["server", "migrate", "--from", server_url, "--to", str(back)]) == 0
    assert _fingerprints(back) == before

    # The copy on the server is a working database: search finds two-character words, and a new
    # item gets the next id instead of colliding with the copied ones.
    from desktop_app.services.cases import CaseService

    db = open_database(server_url)
    try:
        cases = CaseService(ServiceContext(db=db, user_name=lambda: "测试员", now=lambda: FIXED_NOW))
        title = cases.list_rows()[0].title
        word = next(title[i:i + 2] for i in range(len(title) - 1) if title[i:i + 2].isalpha() and title[i:i+2] != "关于")
        assert cases.search_ids(word)
        with db.write() as s:
            from desktop_app.storage import tables as t

            session_id = s.query(t.Session.id).first()[0]
            item = t.Item(kind="suggestion", session_id=session_id, number="9999", title="新件",
                          content="", created_at=FIXED_NOW, updated_at=FIXED_NOW)
            s.add(item)
            s.flush()
            assert item.id == 121
    finally:
        db.close()


def test_a_server_with_records_is_not_overwritten_without_replace(demo_file, server_url, capsys):
    assert main(["server", "migrate", "--from", str(demo_file), "--to", server_url]) == 0
    capsys.readouterr()
    assert main(["server", "migrate", "--from", str(demo_file), "--to", server_url]) == 1
    assert "已有数据" in capsys.readouterr().err
    assert main(["server", "migrate", "--from", str(demo_file), "--to", server_url, "--replace"]) == 0
    assert _fingerprints(server_url) == _fingerprints(demo_file)


def test_a_server_is_backed_up_into_a_file_and_restored_from_it(demo_file, server_url, tmp_path, capsys):
    assert main(["server", "migrate", "--from", str(demo_file), "--to", server_url]) == 0
    before = _fingerprints(server_url)
    copy = tmp_path / "server-backup.sqlite"
    assert main(["backup", "--db", server_url, "--to", str(copy)]) == 0
    assert _fingerprints(copy) == before
    db = open_database(server_url)
    try:
        with db.write() as s:
            from desktop_app.storage import tables as t

            s.get(t.Item, 1).title = "被误改的标题"
    finally:
        db.close()
    assert _fingerprints(server_url) != before
    assert main(["restore", "--db", server_url, "--from", str(copy)]) == 0
    assert _fingerprints(server_url) == before
