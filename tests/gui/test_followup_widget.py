"""The editor's 反馈与承诺 tab: entering feedback, re-handling, closing a commitment, the disclosure review."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.enums import CommitmentStatus, FeedbackChannel, ItemStatus, Rating, ResultCategory
from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog
from desktop_app.services.dto import ReplyRecord
from desktop_app.services.followup import FollowupService
from tests.gui.dialog_support import make_services
from tests.services.records import make_record, save_replied

BODY = "经研究，我委将于2024年12月31日前完成道路修复。联系电话：13912345678。"


@pytest.fixture
def item_id(ctx, tmp_path):
    services = make_services(ctx, tmp_path)
    reply = ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED, body=BODY)
    return save_replied(services.cases, make_record(replies=(reply,)))


@pytest.fixture
def editor(qtbot, ctx, item_id, message_log, tmp_path):
    dialog = CaseEditDialog(make_services(ctx, tmp_path), item_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def pick(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def click(qtbot, editor, button) -> None:
    """Click and wait for the write it starts (through the editor's runner)."""
    button.click()
    qtbot.waitUntil(lambda: not editor._runner.busy, timeout=5000)


def test_entering_feedback_of_each_cosigner(qtbot, editor, ctx, item_id, message_log):
    tab = editor.followup
    assert [tab.proposer_combo.itemText(i) for i in range(tab.proposer_combo.count())] == ["张建国", "李秀英"]
    pick(tab.attitude_combo, Rating.SATISFIED)
    pick(tab.outcome_combo, Rating.FAIRLY_SATISFIED)
    pick(tab.channel_combo, FeedbackChannel.PAPER)
    tab.reference_edit.setText("纸质意见表 0035-1")
    click(qtbot, editor, tab.add_feedback_button)
    assert tab.feedback_model.rowCount() == 1
    assert tab.feedback_model.row(0).outcome is Rating.FAIRLY_SATISFIED and tab.feedback_model.row(0).entered_by == "测试员"
    assert editor.record.status is ItemStatus.FEEDBACK  # the editor reloaded: its next save does not conflict
    assert not [m for m in message_log if m[0] == "confirm"]


def test_dissatisfied_without_the_deputys_form_asks_first_then_opens_rehandling(qtbot, editor, item_id, message_log):
    tab = editor.followup
    tab.proposer_combo.setCurrentIndex(1)
    pick(tab.outcome_combo, Rating.DISSATISFIED)
    message_log.answer = False
    click(qtbot, editor, tab.add_feedback_button)
    assert "被满意" in message_log[-1][2] and tab.feedback_model.rowCount() == 0
    message_log.answer = True
    click(qtbot, editor, tab.add_feedback_button)
    assert tab.feedback_model.rowCount() == 1
    assert editor.record.status is ItemStatus.REHANDLING
    assert "2024-07-03" in message_log[-1][2]  # 3 June + 1 month
    assert "2024-07-03" in tab.state_label.text() and tab.second_button.isEnabled()


def test_closing_a_commitment_with_its_evidence(qtbot, editor, ctx, item_id, message_log):
    tab = editor.followup
    tab.description_edit.setText("完成新河镇道路修复")
    tab.due_edit.setText("2024-12-31")
    click(qtbot, editor, tab.add_commitment_button)
    assert tab.commitment_model.rowCount() == 1
    tab.commitment_view.selectRow(0)
    message_log.text_answer = "竣工验收单 2024-06-01"
    click(qtbot, editor, tab.close_button)
    (done,) = FollowupService(ctx).commitments(item_id)
    assert done.status is CommitmentStatus.DONE and done.evidence == "竣工验收单 2024-06-01"
    assert "已落实" in tab.commitment_model.data(tab.commitment_model.index(0, 2))


def test_writes_wait_for_unsaved_edits_in_the_editor(qtbot, editor, ctx, item_id, message_log):
    original = editor.ui.titleEdit.text()
    editor.ui.titleEdit.setText("改过的标题")
    editor.followup.description_edit.setText("完成修复")
    editor.followup.due_edit.setText("年底前")
    click(qtbot, editor, editor.followup.add_commitment_button)
    assert message_log[-1][1] == "请先保存" and FollowupService(ctx).commitments(item_id) == []
    editor.ui.titleEdit.setText(original)  # closing a modified editor would ask to save


def test_disclosure_review_shows_what_was_removed(editor, tmp_path, monkeypatch):
    from desktop_app.gui.dialogs.disclosure_dialog import DisclosureDialog

    shown = []
    monkeypatch.setattr(DisclosureDialog, "exec", lambda self: shown.append(self) or 0)
    editor.followup.disclosure_button.click()
    (dialog,) = shown
    assert "13912345678" not in dialog.body.toPlainText() and "手机号码" in dialog.summary.text()
    assert dialog.export_to(tmp_path / "公开.txt")
    assert "2024年12月31日前完成道路修复" in (tmp_path / "公开.txt").read_text(encoding="utf-8")


def pick(combo, data) -> None:  # noqa: F811 - Qt keeps the code of a str enum
    combo.setCurrentIndex(combo.findData(data.value))


def test_the_second_reply_is_entered_beside_the_first(qtbot, editor, ctx, item_id, message_log):
    tab = editor.followup
    assert tab.second_box.isHidden()
    pick(tab.outcome_combo, Rating.DISSATISFIED)
    tab.reference_edit.setText("网上反馈 88")
    click(qtbot, editor, tab.add_feedback_button)
    assert not tab.second_box.isHidden()
    pick(tab.second_result, ResultCategory.PLANNED)
    tab.second_body.setPlainText("经再次研究，计划于2025年完成。")
    click(qtbot, editor, tab.second_button)  # 计划解决 without the commitment it makes: refused
    assert "须至少有一项承诺事项" in message_log[-1][2] and len(editor.record.replies) == 1
    tab.description_edit.setText("完成道路拓宽")
    tab.due_edit.setText("2025-06-30")
    click(qtbot, editor, tab.second_button)
    replies = editor.record.replies
    assert [(r.round, r.body, r.finalised) for r in replies] == [
        (1, BODY, True), (2, "经再次研究，计划于2025年完成。", True)]
    assert editor.record.status is ItemStatus.REPLIED and "第 2 次答复：2024-06-03" in tab.state_label.text()
    assert [(c.description, c.due_on) for c in tab.service.commitments(item_id)] == [("完成道路拓宽", date(2025, 6, 30))]


def test_commitments_proposed_from_the_reply_are_added_once_confirmed(qtbot, editor, ctx, item_id, monkeypatch):
    from desktop_app.gui.widgets import followup_widget

    offered = []
    monkeypatch.setattr(followup_widget, "choose_proposals", lambda _parent, found: offered.extend(found) or found)
    click(qtbot, editor, editor.followup.propose_button)
    assert [(p.description, p.due_on) for p in offered] == [("经研究，我委将于2024年12月31日前完成道路修复", date(2024, 12, 31))]
    (added,) = FollowupService(ctx).commitments(item_id)
    assert added.due_on == date(2024, 12, 31) and editor.followup.commitment_model.rowCount() == 1


def test_the_items_review_entries_show_in_the_tab(qtbot, ctx, item_id, message_log, tmp_path):
    from desktop_app.domain.enums import ReviewOutcome
    from desktop_app.services.review import ReviewInput, ReviewService

    services = make_services(ctx, tmp_path)
    dialog = CaseEditDialog(services, item_id)
    qtbot.addWidget(dialog)
    box = dialog.followup.review_box
    assert box.isHidden()  # never reviewed: no empty table in the way
    assert not dialog.followup.no_review_label.isHidden()
    reviews = ReviewService(ctx)
    campaign = reviews.create_campaign(2024).campaign_id
    entry = next(e for e in reviews.entries(campaign) if e.item_id == item_id)
    reviews.record_review(entry.id, ReviewInput(ReviewOutcome.DELAYED, "受资金安排影响，进度滞后。",
                                                date(2024, 6, 1), tell_deputy=True))
    dialog.followup.load(services.cases.get(item_id))
    assert not box.isHidden()
    rows = [[box.model.index(r, c).data() for c in range(box.model.columnCount())] for r in range(box.model.rowCount())]
    reviewed = next(row for row in rows if row[3] == ReviewOutcome.DELAYED.label)
    assert reviewed[0] == "2024" and reviewed[4] == "2024-06-01" and reviewed[6] == "待告知"
    assert reviewed[7] == "受资金安排影响，进度滞后。"


def test_a_commitment_due_next_year_gets_the_end_of_next_year_and_one_with_no_date_is_refused(
        qtbot, editor, ctx, item_id, message_log):
    tab = editor.followup
    tab.description_edit.setText("建立长效管理机制")
    tab.due_edit.setText("持续推进")
    click(qtbot, editor, tab.add_commitment_button)
    assert message_log[-1][1] == "承诺事项" and "没有具体日期" in message_log[-1][2]
    assert FollowupService(ctx).commitments(item_id) == []

    tab.due_edit.setText("明年")
    assert tab.due_hint.text() == "→ 2025-12-31"  # the reply is of 2024: 明年 ends 2025-12-31
    click(qtbot, editor, tab.add_commitment_button)
    (added,) = FollowupService(ctx).commitments(item_id)
    assert (added.due_on, added.due_term) == (date(2025, 12, 31), "明年")
    assert tab.commitment_model.data(tab.commitment_model.index(0, 1)) == "2025-12-31（明年）"


def test_after_entering_feedback_the_ratings_are_cleared_for_the_next_form(qtbot, editor, message_log):
    tab = editor.followup
    pick(tab.attitude_combo, Rating.SATISFIED)
    pick(tab.outcome_combo, Rating.SATISFIED)
    tab.reference_edit.setText("纸质意见表 0035-1")
    click(qtbot, editor, tab.add_feedback_button)
    assert tab.feedback_model.rowCount() == 1
    assert tab.attitude_combo.currentData() is None and tab.outcome_combo.currentData() is None


def test_the_second_replys_result_must_be_chosen(qtbot, editor, ctx, item_id, message_log):
    tab = editor.followup
    pick(tab.outcome_combo, Rating.DISSATISFIED)
    tab.reference_edit.setText("网上反馈 88")
    click(qtbot, editor, tab.add_feedback_button)
    assert tab.second_result.currentData() is None and tab.second_result.currentText() == "（请选择）"
    click(qtbot, editor, tab.second_button)
    assert message_log[-1][1] == "登记再次答复" and "请选择" in message_log[-1][2]
    assert [r.round for r in editor.record.replies] == [1]
