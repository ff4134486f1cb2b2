"""文件 → 从备份恢复, through the dialog against the real maintenance service."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.enums import ItemKind, UnitRole
from desktop_app.gui.dialogs.restore_dialog import RestoreDialog
from desktop_app.services.dto import AssignmentRecord, CaseRecord
from tests.gui.dialog_support import CONGRESS_SESSION, answer_prompts, make_services, seed_reference


@pytest.fixture
def services(ctx, tmp_path):
    services = make_services(ctx, tmp_path)
    seed_reference(services)
    return services


@pytest.fixture
def prompts(monkeypatch):
    return answer_prompts(monkeypatch)


def add_item(services, number: str, title: str) -> int:
    _changes, item_id = services.cases.save(CaseRecord(
        kind=ItemKind.SUGGESTION, session_id=None, session_name=CONGRESS_SESSION, number=number,
        title=title, assigned_on=date(2024, 3, 1),
        assignments=(AssignmentRecord(None, "区交通委", UnitRole.LEAD),),
    ))
    return item_id


def titles(services) -> list[str]:
    return sorted(r.title for r in services.cases.list_rows())


def test_lists_backups_and_restores_the_chosen_one(qtbot, services, prompts):
    from desktop_app.storage.database import open_database

    add_item(services, "0001", "备份前就有的建议")
    services.maintenance.backup_now()
    add_item(services, "0002", "备份后才加的建议")
    dialog = RestoreDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    announced = []
    services.changed.connect(announced.append)

    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "手动"
    assert dialog.ui.restoreButton.isEnabled()

    prompts.confirm_answer = False
    dialog.ui.restoreButton.click()
    assert "先把当前数据库备份" in prompts.confirmations[0]
    assert titles(services) == ["备份前就有的建议", "备份后才加的建议"]

    prompts.confirm_answer = True
    dialog.ui.restoreButton.click()
    qtbot.waitUntil(lambda: dialog.restored, timeout=10000)

    assert any("database" in c.kinds for c in announced)
    reopened = open_database(services.db_path)
    try:
        from desktop_app.services.cases import CaseService
        from desktop_app.services.context import ServiceContext

        restored = CaseService(ServiceContext(db=reopened))
        assert sorted(r.title for r in restored.list_rows()) == ["备份前就有的建议"]
    finally:
        reopened.close()
    # The file as it was before the restore is itself a backup now.
    kinds = [b.kind_label for b in services.maintenance.backups()]
    assert "恢复前" in kinds and len(kinds) == 2


def test_without_backups_the_dialog_says_so(qtbot, services, prompts):
    dialog = RestoreDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert "还没有备份" in dialog.ui.statusLabel.text()
    assert not dialog.ui.restoreButton.isEnabled()


def test_read_only_database_cannot_be_restored(qtbot, ctx, tmp_path, prompts):
    writable = make_services(ctx, tmp_path)
    writable.maintenance.backup_now()
    dialog = RestoreDialog(make_services(ctx, tmp_path, read_only=True))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert not dialog.ui.restoreButton.isEnabled() and "只读" in dialog.ui.statusLabel.text()
