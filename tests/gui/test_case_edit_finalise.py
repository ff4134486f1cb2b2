"""The editor's 定稿 / 取消定稿, the 状态 box that follows the record, 打开 an attachment, the
history's Chinese labels and the 打印 button, driven through the dialog's widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.checklist import GateAction
from desktop_app.domain.enums import ItemStatus, ResultCategory
from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog
from desktop_app.services.checklist import ChecklistService
from desktop_app.services.dto import ReplyRecord
from tests.gui.dialog_support import make_services
from tests.services.records import make_record, with_opinions

REPLY = ReplyRecord(replied_on=date(2024, 5, 20), result=ResultCategory.SOLVED, body="道路已修复。")


@pytest.fixture
def services(ctx, tmp_path):
    return make_services(ctx, tmp_path)


def open_editor(qtbot, services, item_id) -> CaseEditDialog:
    dialog = CaseEditDialog(services, item_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def wait_saved(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.saving, timeout=5000)


def status_offered(dialog, status: ItemStatus) -> bool:
    combo = dialog.ui.statusCombo
    return combo.model().item(combo.findData(status.value)).isEnabled()


def test_finalising_is_refused_with_the_checklist_gate_explained_then_done_after_the_override(
        qtbot, services, ctx, message_log):
    item_id = services.cases.save(with_opinions(make_record(status=ItemStatus.HANDLING, replies=(REPLY,))))[1]
    dialog = open_editor(qtbot, services, item_id)
    assert not status_offered(dialog, ItemStatus.REPLIED)  # a draft reply is no reply yet
    assert "须有已定稿的答复" in dialog.ui.statusCombo.itemData(
        dialog.ui.statusCombo.findData(ItemStatus.REPLIED.value), Qt.ItemDataRole.ToolTipRole)

    dialog.ui.finaliseButton.click()
    wait_saved(qtbot, dialog)
    kind, title, text = message_log[-1]
    assert (kind, title) == ("warning", "不能定稿") and "办前沟通" in text and "越过关卡" in text
    assert not services.cases.get(item_id).replies[0].finalised

    ChecklistService(ctx).override_gate(item_id, GateAction.REPLY_FINALISED, "代表出国，电话沟通记录另附")
    dialog._load(services.cases.get(item_id))
    dialog.ui.finaliseButton.click()
    wait_saved(qtbot, dialog)
    record = services.cases.get(item_id)
    assert record.replies[0].finalised and record.status is ItemStatus.REPLIED
    assert "已定稿" in dialog.ui.finaliseStateLabel.text()
    assert dialog.ui.replyBodyEdit.isReadOnly() and not dialog.ui.unfinaliseButton.isHidden()
    assert dialog.ui.statusCombo.currentData() == ItemStatus.REPLIED.value


def test_a_solving_reply_without_a_commitment_is_refused_naming_the_button(qtbot, services, ctx, message_log):
    solving = ReplyRecord(replied_on=date(2024, 5, 20), result=ResultCategory.SOLVING, body="正在推进。")
    item_id = services.cases.save(with_opinions(make_record(replies=(solving,))))[1]
    ChecklistService(ctx).override_gate(item_id, GateAction.REPLY_FINALISED, "代表出国，电话沟通记录另附")
    dialog = open_editor(qtbot, services, item_id)
    dialog.ui.finaliseButton.click()
    wait_saved(qtbot, dialog)
    assert message_log[-1][1] == "不能定稿"
    assert "在“反馈与承诺”页添加承诺事项，再点“答复”页的“定稿”按钮" in message_log[-1][2]


def test_unfinalising_asks_a_reason_and_keeps_it_in_the_history_tab(qtbot, services, message_log):
    final = ReplyRecord(replied_on=date(2024, 5, 20), result=ResultCategory.SOLVED, body="道路已修复。", finalised=True)
    item_id = services.cases.save(with_opinions(make_record(status=ItemStatus.REPLIED, replies=(final,))))[1]
    dialog = open_editor(qtbot, services, item_id)
    assert not status_offered(dialog, ItemStatus.HANDLING)  # a finalised reply: not back to 办理中

    message_log.text_answer = None
    dialog.ui.unfinaliseButton.click()
    assert services.cases.get(item_id).replies[0].finalised  # cancelled: nothing written

    message_log.text_answer = "代表补充了意见，答复需重写"
    dialog.ui.unfinaliseButton.click()
    wait_saved(qtbot, dialog)
    record = services.cases.get(item_id)
    assert not record.replies[0].finalised and record.status is ItemStatus.HANDLING
    assert not dialog.ui.replyBodyEdit.isReadOnly() and not dialog.ui.finaliseButton.isHidden()
    model = dialog.history.model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert ["答复", "第1次答复 定稿", "是", "否", "取消定稿：代表补充了意见，答复需重写"] in [row[2:] for row in rows]


def test_a_status_the_record_contradicts_is_refused_on_save_with_the_reason(qtbot, services, message_log):
    item_id = services.cases.save(make_record(replies=(REPLY,)))[1]
    dialog = open_editor(qtbot, services, item_id)
    combo = dialog.ui.statusCombo
    combo.setCurrentIndex(combo.findData(ItemStatus.CLOSED.value))  # programmatic: past the greyed item
    dialog.ui.saveButton.click()
    wait_saved(qtbot, dialog)
    assert message_log[-1][1] == "不能保存" and "状态不能改为“办结”" in message_log[-1][2]
    assert services.cases.get(item_id).status is ItemStatus.PENDING
    combo.setCurrentIndex(combo.findData(ItemStatus.PENDING.value))  # closing would ask to save


def test_history_kinds_are_shown_in_chinese(qtbot, services, ctx, message_log):
    item_id = services.cases.save(make_record())[1]
    ChecklistService(ctx).override_gate(item_id, GateAction.REPLY_FINALISED, "代表出国，电话沟通记录另附")
    dialog = open_editor(qtbot, services, item_id)
    model = dialog.history.model
    kinds = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert "清单关卡" in kinds
    assert not any(k.isascii() for k in kinds), kinds


def test_an_attachment_opens_from_a_temporary_copy(qtbot, services, tmp_path, message_log, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    source = tmp_path / "现场照片说明.txt"
    source.write_text("路面已修复", encoding="utf-8")
    item_id = services.cases.save(make_record())[1]
    dialog = open_editor(qtbot, services, item_id)
    dialog.attachments.add_paths([str(source)])
    dialog.ui.saveButton.click()
    wait_saved(qtbot, dialog)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)

    dialog.attachments._select(0)
    dialog.ui.openAttachmentButton.click()  # the copy is written on the editor's runner

    qtbot.waitUntil(lambda: len(opened) == 1, timeout=5000)
    (path,) = opened
    assert path.endswith("现场照片说明.txt") and path != str(source)
    assert open(path, encoding="utf-8").read() == "路面已修复"
    index = dialog.attachments.model.index(0, 0)
    dialog.ui.attachmentsView.doubleClicked.emit(index)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=5000)
    assert opened[1] != path  # a folder of its own: the viewer may still hold the first copy


def test_the_print_button_offers_this_items_documents(qtbot, services, message_log, monkeypatch):
    from desktop_app.gui.dialogs import case_edit_dialog

    item_id = services.cases.save(make_record())[1]
    dialog = open_editor(qtbot, services, item_id)
    actions = [a.text() for a in dialog.ui.printButton.menu().actions()]
    assert "预览答复函…" in actions and "预览征询意见表…" in actions
    made = []
    monkeypatch.setattr(case_edit_dialog, "preview_item",
                        lambda _runner, parent, _letters, form, row: made.append((parent, form, row.id)))
    dialog.ui.printButton.menu().actions()[0].trigger()
    assert made == [(dialog, "reply", item_id)]

    dialog.ui.titleEdit.setText("改过的标题")
    dialog.ui.printButton.menu().actions()[0].trigger()
    assert len(made) == 1 and "请先保存" in message_log[-1][2]
    dialog.ui.titleEdit.setText(make_record().title)
