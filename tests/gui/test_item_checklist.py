"""The editor's 办理清单 tab: ticking with a note and evidence, unticking, progress, gate override."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog
from desktop_app.services.checklist import ChecklistService
from desktop_app.services.dto import ContactRecord
from tests.gui.conftest import build_services
from tests.gui.dialog_support import make_services
from tests.services.records import make_record

CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


def settle(qtbot, tab) -> None:
    """Wait for the tab's writes (they go through the editor's runner)."""
    qtbot.waitUntil(lambda: not tab.runner.busy, timeout=5000)


@pytest.fixture
def item(ctx):
    from desktop_app.domain.enums import ContactWay
    from desktop_app.services.cases import CaseService

    cases = CaseService(ctx)
    _changes, item_id = cases.save(make_record())
    contact = ContactRecord(contact_on=date(2024, 3, 1), way=ContactWay.PHONE, summary="电话沟通办理方向")
    cases.save(replace(cases.get(item_id), contacts=(contact,)))
    return item_id


@pytest.fixture
def tab(qtbot, ctx, tmp_path, item, message_log):
    dialog = CaseEditDialog(make_services(ctx, tmp_path), item)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.sectionTabs.setCurrentWidget(dialog.checklist)
    return dialog.checklist


def test_ticking_records_note_and_evidence_and_shows_progress(qtbot, tab, ctx, item):
    assert "进度 0/" in tab.progressLabel.text() and "下一步：签收登记" in tab.progressLabel.text()
    tab.noteEdit.setText("已电话沟通")
    tab.evidenceCombo.setCurrentIndex(1)  # the contact record
    tab.item_for("办前沟通").setCheckState(0, CHECKED)
    settle(qtbot, tab)

    row = tab.item_for("办前沟通")
    assert row.checkState(0) == CHECKED and row.text(1) == "测试员" and row.text(3) == "已电话沟通"
    assert "电话沟通办理方向" in row.text(4)
    assert "进度 1/" in tab.progressLabel.text()
    tick = ChecklistService(ctx).ticks(item)[-1]
    assert (tick.entry_name, tick.ticked, tick.note, tick.contact_id is not None) == ("办前沟通", True, "已电话沟通", True)

    tab.item_for("办前沟通").setCheckState(0, UNCHECKED)
    settle(qtbot, tab)
    assert tab.item_for("办前沟通").text(1) == "" and "进度 0/" in tab.progressLabel.text()
    assert [t.ticked for t in ChecklistService(ctx).ticks(item)] == [True, False]


def test_a_gate_is_overridden_with_a_reason_kept_in_history(qtbot, tab, ctx, item, message_log):
    message_log.text_answer = "代表在外地，已书面征求意见"
    tab.overrideButton.click()
    settle(qtbot, tab)
    assert "“办前沟通”尚未完成" in message_log[-1][2]
    assert "代表在外地" in tab.overridesLabel.text()
    from desktop_app.services.cases import CaseService

    assert any(h.reason == "代表在外地，已书面征求意见" for h in CaseService(ctx).history(item))


def test_the_case_list_shows_progress_and_follows_a_tick(qtbot, ctx, tmp_path, item, message_log):
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.models.case_table_model import COLUMN_INDEX

    services = build_services(ctx, tmp_path)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    model = window.case_list.model
    cell = lambda: model.index(0, COLUMN_INDEX["progress"])
    qtbot.waitUntil(lambda: model.rowCount() == 1 and cell().data().startswith("0/"), timeout=5000)
    assert "下一步：签收登记" == cell().data(Qt.ItemDataRole.ToolTipRole)

    service = ChecklistService(ctx)
    first = next(e for e in service.item_checklist(item).entries if e.entry.name == "签收登记")
    services.announce(service.tick(first.id, True))
    qtbot.waitUntil(lambda: cell().data().startswith("1/"), timeout=5000)
    assert cell().data(Qt.ItemDataRole.ToolTipRole) == "下一步：审核职责"
