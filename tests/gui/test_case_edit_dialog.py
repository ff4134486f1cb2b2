"""The case editor, driven through its widgets against real services on a fresh database."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.domain.enums import ItemKind, ProposerRole, UnitRole
from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog
from tests.gui.dialog_support import CONGRESS_SESSION, answer_prompts, make_services, seed_reference


@pytest.fixture
def services(ctx, tmp_path):
    services = make_services(ctx, tmp_path)
    seed_reference(services)
    return services


@pytest.fixture
def prompts(monkeypatch):
    return answer_prompts(monkeypatch)


def open_editor(qtbot, services, item_id=None, kind=ItemKind.SUGGESTION) -> CaseEditDialog:
    dialog = CaseEditDialog(services, item_id, kind)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def activate(qtbot, dialog) -> None:
    """Shortcuts only reach the active window."""
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)


def save_and_wait(qtbot, dialog: CaseEditDialog) -> None:
    dialog.ui.saveButton.click()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=5000)


def fill_new_item(dialog: CaseEditDialog, *, number="0035", unit="区交通委", proposer="王建国") -> None:
    ui = dialog.ui
    ui.sessionCombo.setEditText(CONGRESS_SESSION)
    ui.numberEdit.setText(number)
    ui.titleEdit.setText("关于优化城桥镇公交线路的建议")
    ui.contentEdit.setPlainText("城桥镇部分小区距离公交站较远，建议增设站点。")
    ui.assignedOnEdit.setText("2024-03-15")
    if proposer:
        ui.addProposerButton.click()
        ui.proposerNameEdit.setText(proposer)
        ui.delegationEdit.setText("城桥镇代表团")
        ui.proposerPhoneEdit.setText("13800000000")
    if unit:
        ui.addUnitButton.click()
        ui.unitCombo.setEditText(unit)
        ui.handlerEdit.setText("李明")
        ui.signedOnEdit.setText("2024-03-18")


def test_new_item_is_saved_and_reads_back(qtbot, services, prompts):
    dialog = open_editor(qtbot, services)
    fill_new_item(dialog)
    assert dialog.isWindowModified()
    saved = []
    dialog.case_saved.connect(saved.append)

    save_and_wait(qtbot, dialog)

    assert prompts.warnings == []
    # 王建国 is new: the proposer pickers learn of him; unit and session were listed already.
    assert saved and saved[0].kinds == {"item", "proposer"}
    record = services.cases.get(dialog.record.id)
    assert record.title == "关于优化城桥镇公交线路的建议"
    assert record.number == "0035" and record.session_name == CONGRESS_SESSION
    assert record.assigned_on == date(2024, 3, 15)
    assert [(p.name, p.role, p.delegation, p.phone) for p in record.proposers] == [
        ("王建国", ProposerRole.LEAD, "城桥镇代表团", "13800000000")
    ]
    [unit] = record.assignments
    assert (unit.unit_name, unit.role, unit.handler, unit.signed_on) == (
        "区交通委", UnitRole.LEAD, "李明", date(2024, 3, 18)
    )
    assert not dialog.isWindowModified()
    assert "0035" in dialog.windowTitle()


def saved_item(services, *, number="0035", title="关于优化城桥镇公交线路的建议") -> int:
    from desktop_app.services.dto import AssignmentRecord, CaseRecord, ProposerLink
    from desktop_app.domain.enums import ProposerType

    record = CaseRecord(
        kind=ItemKind.SUGGESTION, session_id=None, session_name=CONGRESS_SESSION, number=number,
        title=title, assigned_on=date(2024, 3, 15),
        proposers=(ProposerLink("王建国", ProposerRole.LEAD, ProposerType.DEPUTY),),
        assignments=(
            AssignmentRecord(None, "区交通委", UnitRole.LEAD, handler="李明"),
            AssignmentRecord(None, "区教育局", UnitRole.CO),
        ),
    )
    _changes, item_id = services.cases.save(record)
    return item_id


def test_editing_title_and_unit_row_is_recorded_in_history(qtbot, services, prompts):
    item_id = saved_item(services)
    dialog = open_editor(qtbot, services, item_id)
    dialog.ui.titleEdit.setText("关于增设城桥镇公交站点的建议")
    dialog.ui.sectionTabs.setCurrentWidget(dialog.ui.unitsTab)
    dialog.units.editor.select(1)
    dialog.ui.opinionSentEdit.setText("2024-04-10")
    dialog.ui.handlerEdit.setText("周芳")

    save_and_wait(qtbot, dialog)

    assert prompts.warnings == []
    record = services.cases.get(item_id)
    assert record.title == "关于增设城桥镇公交站点的建议"
    co_unit = record.assignments[1]
    assert (co_unit.unit_name, co_unit.handler, co_unit.opinion_sent_on) == ("区教育局", "周芳", date(2024, 4, 10))
    changes = {(h.field, h.old_value, h.new_value) for h in record.history}
    assert any(old == "关于优化城桥镇公交线路的建议" and new == "关于增设城桥镇公交站点的建议" for _f, old, new in changes)
    assert any(new == "周芳" for _f, _old, new in changes)
    # The dialog shows the new history at once.
    history = dialog.history.model
    shown = {history.index(r, 5).data() for r in range(history.rowCount())}
    assert "周芳" in shown and "关于增设城桥镇公交站点的建议" in shown
    assert {history.index(r, 1).data() for r in range(history.rowCount())} == {"测试员"}


def test_missing_lead_unit_is_refused_with_a_message(qtbot, services, prompts):
    dialog = open_editor(qtbot, services)
    fill_new_item(dialog, unit=None)

    save_and_wait(qtbot, dialog)

    assert len(prompts.warnings) == 1 and "主办单位" in prompts.warnings[0]
    assert services.cases.list_rows() == []
    assert dialog.ui.sectionTabs.currentWidget() is dialog.ui.unitsTab
    assert dialog.isWindowModified()


def test_duplicate_number_is_refused_and_the_number_field_focused(qtbot, services, prompts):
    saved_item(services, number="0035", title="第一件")
    dialog = open_editor(qtbot, services)
    fill_new_item(dialog, number="0035")

    save_and_wait(qtbot, dialog)

    assert len(prompts.warnings) == 1
    assert "0035" in prompts.warnings[0] and "第一件" in prompts.warnings[0]
    assert [r.title for r in services.cases.list_rows()] == ["第一件"]
    assert dialog.ui.sectionTabs.currentWidget() is dialog.ui.basicTab
    assert dialog.focusWidget() is dialog.ui.numberEdit


def test_a_date_that_is_not_a_date_is_refused(qtbot, services, prompts):
    dialog = open_editor(qtbot, services)
    fill_new_item(dialog)
    dialog.ui.assignedOnEdit.setText("2024-02-30")

    save_and_wait(qtbot, dialog)

    assert len(prompts.warnings) == 1 and "交办日期“2024-02-30”不是有效日期" in prompts.warnings[0]
    assert services.cases.list_rows() == []


def test_second_editor_is_told_of_the_conflict_and_never_overwrites(qtbot, services, prompts):
    item_id = saved_item(services)
    first = open_editor(qtbot, services, item_id)
    second = open_editor(qtbot, services, item_id)
    first.ui.titleEdit.setText("第一个窗口的标题")
    save_and_wait(qtbot, first)
    second.ui.titleEdit.setText("第二个窗口的标题")

    save_and_wait(qtbot, second)

    assert prompts.conflicts == 1
    assert services.cases.get(item_id).title == "第一个窗口的标题"
    # 取消: the second editor keeps its edits, and saving again is still refused.
    assert second.ui.titleEdit.text() == "第二个窗口的标题" and second.isWindowModified()
    save_and_wait(qtbot, second)
    assert prompts.conflicts == 2 and services.cases.get(item_id).title == "第一个窗口的标题"

    prompts.conflict_answer = "reload"
    save_and_wait(qtbot, second)
    assert prompts.confirmations and "放弃" in prompts.confirmations[-1]
    assert second.ui.titleEdit.text() == "第一个窗口的标题" and not second.isWindowModified()


def test_closing_with_edits_asks_and_cancel_keeps_the_dialog_open(qtbot, services, prompts):
    item_id = saved_item(services)
    dialog = open_editor(qtbot, services, item_id)
    dialog.ui.titleEdit.setText("改了但没保存")

    prompts.unsaved_answer = "cancel"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert prompts.unsaved_asked == 1 and dialog.isVisible()
    dialog.ui.closeButton.click()
    assert prompts.unsaved_asked == 2 and dialog.isVisible()

    prompts.unsaved_answer = "discard"
    dialog.close()
    assert prompts.unsaved_asked == 3 and not dialog.isVisible()
    assert services.cases.get(item_id).title == "关于优化城桥镇公交线路的建议"


def test_closing_with_edits_and_choosing_save_saves_then_closes(qtbot, services, prompts):
    item_id = saved_item(services)
    dialog = open_editor(qtbot, services, item_id)
    dialog.ui.titleEdit.setText("关闭时保存的标题")
    prompts.unsaved_answer = "save"
    activate(qtbot, dialog)

    qtbot.keyClick(dialog.ui.titleEdit, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    assert services.cases.get(item_id).title == "关闭时保存的标题"


def test_closing_without_edits_does_not_ask(qtbot, services, prompts):
    dialog = open_editor(qtbot, services, saved_item(services))
    dialog.ui.closeButton.click()
    assert prompts.unsaved_asked == 0 and not dialog.isVisible()


def test_attachments_are_kept_with_the_item(qtbot, services, prompts, tmp_path):
    item_id = saved_item(services)
    source = tmp_path / "现场照片说明.txt"
    source.write_bytes("公交站点位置示意\n".encode("utf-8") + bytes(range(256)))
    dialog = open_editor(qtbot, services, item_id)
    dialog.attachments.add_paths([str(source)])
    assert dialog.isWindowModified()

    save_and_wait(qtbot, dialog)

    [attachment] = services.cases.get(item_id).attachments
    assert attachment.file_name == "现场照片说明.txt" and attachment.added_by == "测试员"
    assert services.cases.attachment_bytes(attachment.id) == ("现场照片说明.txt", source.read_bytes())
    copy = tmp_path / "另存的副本.txt"
    with qtbot.waitSignal(dialog.attachments.save_row_to(0, copy).finished, timeout=5000):
        pass
    assert copy.read_bytes() == source.read_bytes()

    dialog.ui.attachmentsView.selectRow(0)
    dialog.ui.removeAttachmentButton.click()
    save_and_wait(qtbot, dialog)
    assert services.cases.get(item_id).attachments == ()


def test_delete_asks_naming_the_item_and_removes_it(qtbot, services, prompts):
    from desktop_app.domain.errors import NotFoundError

    item_id = saved_item(services)
    dialog = open_editor(qtbot, services, item_id)
    deleted = []
    dialog.case_deleted.connect(deleted.append)

    prompts.confirm_answer = False
    dialog.ui.deleteButton.click()
    assert "第0035号" in prompts.confirmations[0] and "关于优化城桥镇公交线路的建议" in prompts.confirmations[0]
    assert services.cases.get(item_id)

    prompts.confirm_answer = True
    dialog.ui.deleteButton.click()
    qtbot.waitUntil(lambda: bool(deleted), timeout=5000)
    assert not dialog.isVisible()
    with pytest.raises(NotFoundError):
        services.cases.get(item_id)


def test_read_only_database_offers_no_save(qtbot, ctx, tmp_path, prompts):
    from tests.gui.dialog_support import make_services

    writable = make_services(ctx, tmp_path)
    seed_reference(writable)
    item_id = saved_item(writable)
    services = make_services(ctx, tmp_path, read_only=True)
    dialog = open_editor(qtbot, services, item_id)

    assert not dialog.ui.saveButton.isVisible() and not dialog.ui.deleteButton.isVisible()
    assert dialog.ui.titleEdit.isReadOnly() and not dialog.ui.addUnitButton.isEnabled()
    assert "张三" in dialog.ui.readOnlyLabel.text()
    dialog.ui.closeButton.click()
    assert prompts.unsaved_asked == 0 and not dialog.isVisible()


def test_round_two_reply_is_kept_when_round_one_is_edited(qtbot, services, prompts):
    from dataclasses import replace
    from desktop_app.services.dto import ReplyRecord

    item_id = saved_item(services)
    record = services.cases.get(item_id)
    services.cases.save(replace(record, replies=(
        ReplyRecord(round=1, doc_number="崇交〔2024〕1号"), ReplyRecord(round=2, doc_number="崇交〔2024〕9号"),
    )))
    dialog = open_editor(qtbot, services, item_id)
    assert not dialog.ui.otherRepliesLabel.isHidden() and "第2轮" in dialog.ui.otherRepliesLabel.text()
    dialog.ui.signerEdit.setText("陈主任")

    save_and_wait(qtbot, dialog)

    replies = {r.round: r for r in services.cases.get(item_id).replies}
    assert replies[1].signer == "陈主任" and replies[2].doc_number == "崇交〔2024〕9号"


def test_child_table_model_passes_qt_model_tester(qtmodeltester, qtbot, services, prompts):
    dialog = open_editor(qtbot, services, saved_item(services))
    qtmodeltester.check(dialog.units.model)
    qtmodeltester.check(dialog.history.model)


def test_switching_a_new_item_to_proposal_offers_cppcc_session_and_types(qtbot, services, prompts):
    from desktop_app.domain.enums import Body, Level, ProposerType
    from desktop_app.services.dto import SessionInfo

    services.reference.save_session(SessionInfo(0, "区政协五届三次会议", Body.CPPCC, Level.DISTRICT, 2024))
    dialog = open_editor(qtbot, services)
    assert dialog.ui.sessionCombo.currentText() == CONGRESS_SESSION
    assert [dialog.ui.proposerTypeCombo.itemText(i) for i in range(dialog.ui.proposerTypeCombo.count())] == ["代表"]

    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findText("政协提案"))

    assert dialog.ui.sessionCombo.currentText() == "区政协五届三次会议"
    types = [dialog.ui.proposerTypeCombo.itemText(i) for i in range(dialog.ui.proposerTypeCombo.count())]
    assert types == [t.label for t in (ProposerType.MEMBER, ProposerType.PARTY, ProposerType.ORGANISATION,
                                       ProposerType.SECTOR, ProposerType.COMMITTEE)]
    sessions = [dialog.ui.sessionCombo.itemText(i) for i in range(dialog.ui.sessionCombo.count())]
    assert sessions == ["区政协五届三次会议"]


def test_ctrl_s_saves_and_a_missing_lead_proposer_is_reported(qtbot, services, prompts):
    item_id = saved_item(services)
    dialog = open_editor(qtbot, services, item_id)
    activate(qtbot, dialog)
    dialog.ui.sectionTabs.setCurrentWidget(dialog.ui.proposersTab)
    dialog.ui.proposerRoleCombo.setCurrentIndex(dialog.ui.proposerRoleCombo.findText("联名"))

    qtbot.keyClick(dialog.ui.proposerNameEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.saving)
    assert len(prompts.warnings) == 1 and "没有领衔代表" in prompts.warnings[0]

    dialog.ui.proposerRoleCombo.setCurrentIndex(dialog.ui.proposerRoleCombo.findText("领衔"))
    dialog.ui.titleEdit.setText("用快捷键保存的标题")
    qtbot.keyClick(dialog.ui.titleEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: services.cases.get(item_id).title == "用快捷键保存的标题", timeout=5000)
    assert len(prompts.warnings) == 1


def test_picking_a_listed_proposer_fills_in_their_details(qtbot, services, prompts):
    from desktop_app.domain.enums import Body, ProposerType
    from desktop_app.services.dto import ProposerInfo

    services.reference.save_proposer(ProposerInfo(
        0, "沈欣怡", Body.CONGRESS, ProposerType.DEPUTY, delegation="三星镇代表团", phone="13917980754"
    ))
    dialog = open_editor(qtbot, services)
    dialog.ui.addProposerButton.click()
    completer = dialog.ui.proposerNameEdit.completer()
    assert "沈欣怡" in completer.model().stringList()

    completer.activated[str].emit("沈欣怡")

    [link] = dialog.proposers.rows()
    assert (link.name, link.delegation, link.phone) == ("沈欣怡", "三星镇代表团", "13917980754")
    assert link.proposer_id == services.reference.proposers(Body.CONGRESS)[0].id


def test_a_problem_naming_a_unit_selects_that_unit_row(qtbot, services, prompts):
    item_id = saved_item(services)
    dialog = open_editor(qtbot, services, item_id)
    dialog.units.editor.select(1)
    dialog.ui.extensionApprovedEdit.setText("2024-05-06")  # approved, but by whom?
    dialog.units.editor.select(0)

    save_and_wait(qtbot, dialog)

    assert "区教育局" in prompts.warnings[0] and "批准人" in prompts.warnings[0]
    assert dialog.ui.sectionTabs.currentWidget() is dialog.ui.unitsTab
    assert dialog.units.editor.current_row() == 1 and dialog.ui.unitCombo.currentText() == "区教育局"


def test_date_field_accepts_common_spellings_and_may_be_empty(qtbot):
    from desktop_app.gui.widgets.case_date_edit import DateLineEdit

    edit = DateLineEdit()
    qtbot.addWidget(edit)
    edit.setText("2024/6/3")
    edit.editingFinished.emit()
    assert edit.text() == "2024-06-03" and edit.date_value() == date(2024, 6, 3)
    edit.setText("20240229")
    assert edit.date_value() == date(2024, 2, 29)
    edit.clear()
    assert edit.date_value() is None and edit.is_valid()
    edit.setText("2023-02-29")
    assert edit.date_value() is None and not edit.is_valid()


def test_every_field_has_a_mnemonic_label_and_the_basic_tab_order_reads_like_the_form(qtbot, services, prompts):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = open_editor(qtbot, services, saved_item(services))
    fields = (dialog.basic.fields + dialog.reply.fields + dialog.proposers.fields
              + dialog.units.fields + dialog.contacts.fields)
    labelled = {label.buddy() for label in dialog.findChildren(QLabel) if "&" in label.text()}
    for field in fields:
        assert field.focusPolicy() & Qt.FocusPolicy.TabFocus, field.objectName()
        if isinstance(field, QAbstractButton):
            assert "&" in field.text(), field.objectName()
        else:
            assert field in labelled, field.objectName()

    order, widget = [], dialog.ui.kindCombo
    while len(order) < 19:
        if widget in dialog.basic.fields and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is dialog.ui.contentEdit.nextInFocusChain():
            break
    ui = dialog.ui
    assert order == [ui.kindCombo, ui.sessionCombo, ui.numberEdit, ui.assignedOnEdit, ui.titleEdit,
                     ui.categoryEdit, ui.raisedAtCombo, ui.statusCombo, ui.feedbackWaitEdit, ui.keyCheck,
                     ui.supervisorEdit, ui.leaderHandledCheck, ui.leaderNameEdit, ui.secretCheck,
                     ui.filingCombo, ui.filedOnEdit, ui.referenceDueEdit, ui.mergedIntoEdit, ui.contentEdit]


@pytest.mark.parametrize(("button", "answer"), [("保存", "save"), ("不保存", "discard"), ("取消", "cancel")])
def test_unsaved_question_offers_save_discard_and_cancel(qtbot, monkeypatch, button, answer):
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.gui.dialogs import case_prompts

    seen = []

    def click(box):
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    assert case_prompts.ask_unsaved(None, "第0035号代表建议“标题”") == answer
    text, buttons = seen[0]
    assert "第0035号代表建议“标题”有尚未保存的修改" in text
    assert sorted(buttons) == sorted(["保存", "不保存", "取消"])


def test_conflict_question_names_the_problem_and_offers_reload(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.gui.dialogs import case_prompts

    seen = []

    def click_reload(box):
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "重新载入").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_reload)
    assert case_prompts.ask_conflict(None, "建议") == case_prompts.RELOAD
    assert seen[0].startswith("该建议已被他人修改")


def test_the_publication_record_and_the_deputys_presence_are_entered_in_the_editor(qtbot, services, prompts):
    from desktop_app.domain.enums import ResultCategory
    from desktop_app.services.dto import ReplyRecord
    from tests.services.records import make_record, save_replied

    draft_id = saved_item(services, number="0036")
    draft = open_editor(qtbot, services, draft_id)
    assert draft.ui.publishedOnEdit.isReadOnly()  # nothing to publish before the reply is finalised
    draft.close()
    item_id = save_replied(services.cases, make_record(
        replies=(ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED),)))
    dialog = open_editor(qtbot, services, item_id)
    ui = dialog.ui
    assert ui.docNumberEdit.isReadOnly() and not ui.publishedOnEdit.isReadOnly()
    ui.sectionTabs.setCurrentWidget(ui.replyTab)
    ui.publishedOnEdit.setText("2024-05-20")
    ui.publicationChannelCombo.setCurrentIndex(0)
    ui.publicationAddressEdit.setText("https://www.cmx.gov.cn/jytabl/0035.html")
    ui.addContactButton.click()
    ui.contactDateEdit.setText("2024-04-01")
    assert ui.deputyPresentCheck.isChecked()  # a new contact is with the deputy unless unticked
    ui.addContactButton.click()
    ui.contactDateEdit.setText("2024-04-08")
    ui.deputyPresentCheck.setChecked(False)
    save_and_wait(qtbot, dialog)
    record = services.cases.get(item_id)
    reply = record.replies[0]
    assert (reply.published_on, reply.publication_channel, reply.publication_address) == (
        date(2024, 5, 20), "政府门户网站“建议提案办理”专栏", "https://www.cmx.gov.cn/jytabl/0035.html")
    assert [(c.contact_on, c.deputy_present) for c in record.contacts] == [
        (date(2024, 4, 1), True), (date(2024, 4, 8), False)]


def test_a_publication_before_the_reply_or_without_a_channel_is_refused(qtbot, services, prompts):
    from desktop_app.domain.enums import ResultCategory
    from desktop_app.services.dto import ReplyRecord
    from tests.services.records import make_record, save_replied

    item_id = save_replied(services.cases, make_record(
        replies=(ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED),)))
    dialog = open_editor(qtbot, services, item_id)
    dialog.ui.publishedOnEdit.setText("2024-05-09")
    save_and_wait(qtbot, dialog)
    shown = " ".join(prompts.warnings)
    assert "早于答复日期" in shown and "请填写发布渠道" in shown
    assert services.cases.get(item_id).replies[0].published_on is None
