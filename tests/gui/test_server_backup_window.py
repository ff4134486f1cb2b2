"""文件 → 立即备份 and 从备份恢复 in a window started on a PostgreSQL server (``desktop-app --db
postgresql://…``, the real start-up path): the start-up backup and 立即备份 are pg_dump files, the
backups list says which format each is, and a dump restores from the window. Without pg_dump the
user is told what to install and may take a database-file copy instead; the start-up backup falls
back to that copy and the status bar says so."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from desktop_app.storage import pg_tools
from tests.conftest import filled_with_demo

HAS_PG_DUMP = pg_tools.find_tool("pg_dump") is not None and pg_tools.find_tool("pg_restore") is not None


@pytest.fixture
def demo_server(server_url):
    filled_with_demo(server_url, items=25)
    return server_url


def _files(window, suffix: str) -> list[str]:
    folder = window.services.maintenance.backup_dir
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(suffix))


def _titles(window) -> set[str]:
    model = window.case_list.model
    return {model.row_at(n).title for n in range(model.rowCount())}


@pytest.mark.skipif(not HAS_PG_DUMP, reason="这台电脑没有 PostgreSQL 的 pg_dump / pg_restore")
def test_backup_now_on_a_server_writes_a_pg_dump_that_restores_from_the_window(qtbot, real_start, demo_server):
    from desktop_app.gui.dialogs.restore_dialog import RestoreDialog

    window = real_start.start(demo_server)
    assert [name for name in _files(window, ".dump") if name.endswith("-monthly.dump")]  # at start-up
    assert not _files(window, ".sqlite")

    window.ui.backupAction.trigger()
    real_start.wait_idle()
    message = window.ui.statusBar.currentMessage()
    assert "已备份到" in message and "-manual.dump" in message and "（pg_dump 备份）" in message
    manual = [name for name in _files(window, ".dump") if name.endswith("-manual.dump")]
    assert len(manual) == 1

    services = window.services
    row = window.case_list.model.row_at(0)
    services.cases.save(replace(services.cases.get(row.id), title="备份之后改过的标题"))
    window.case_list.reload(wait=True)
    assert "备份之后改过的标题" in _titles(window)

    dialog = RestoreDialog(services, window)
    qtbot.addWidget(dialog)
    rows = dialog.model.rows()
    assert {b.format_label for b in rows} == {"pg_dump 备份"} and {b.kind_label for b in rows} >= {"手动", "每月"}
    formats = [dialog.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(dialog.model.columnCount())]
    assert "格式" in formats
    real_start.watch.confirm_answer = True
    dialog.ui.backupsView.selectRow([b.kind_label for b in rows].index("手动"))
    dialog.ui.restoreButton.click()
    qtbot.waitUntil(lambda: dialog.restored, timeout=30000)
    qtbot.waitUntil(lambda: row.title in _titles(window), timeout=15000)
    assert "备份之后改过的标题" not in _titles(window)
    assert services.cases.get(row.id).title == row.title
    assert [name for name in _files(window, ".dump") if name.endswith("-restore.dump")]
    assert not real_start.watch.problems


def test_without_pg_dump_backup_now_says_what_to_install_and_offers_a_database_file(
        qtbot, real_start, demo_server, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv(pg_tools.ENV_FOLDER, raising=False)
    monkeypatch.setattr(pg_tools, "_install_patterns", lambda: [])

    window = real_start.start(demo_server)
    # The start-up backup could not be a dump: it is a database file, and the status bar says why.
    assert [name for name in _files(window, ".sqlite") if name.endswith("-monthly.sqlite")]
    note = window.ui.statusBar.currentMessage()
    assert "自动备份存为了本地数据库文件" in note and "pg_dump" in note

    window.ui.backupAction.trigger()  # declined: nothing is written
    real_start.wait_idle()
    [(kind, title, text)] = [m for m in real_start.watch.messages if m[1] == "立即备份"]
    assert kind == "confirm" and "找不到 PostgreSQL 的 pg_dump" in text and "Command Line Tools" in text
    assert "另存为一个本地数据库文件" in text
    assert not [name for name in _files(window, "") if "-manual." in name]
    assert not _files(window, ".tmp")

    real_start.watch.confirm_answer = True
    window.ui.backupAction.trigger()
    real_start.wait_idle()
    assert "（数据库文件）" in window.ui.statusBar.currentMessage()
    assert [name for name in _files(window, "") if "-manual." in name] == [
        name for name in _files(window, ".sqlite") if name.endswith("-manual.sqlite")]
    assert len([name for name in _files(window, ".sqlite") if name.endswith("-manual.sqlite")]) == 1
    assert not real_start.watch.problems
