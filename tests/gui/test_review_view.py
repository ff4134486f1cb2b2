"""Working through a 回头看 campaign in the main window: create it for a year, review two entries
through the side form, see the progress move and the flagged entry under 只看需告知代表; print and
export the report; open an entry's item."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction

from desktop_app.domain.enums import ReviewCategory, ReviewOutcome
from desktop_app.gui.models.review_entry_model import ROW_ROLE
from desktop_app.services.review import ReviewService
from tests.gui.conftest import build_services
from tests.services.review_data import build_dataset


@pytest.fixture
def window(qtbot, ctx, tmp_path, message_log):
    from desktop_app.gui.main_window import MainWindow

    window = MainWindow(build_services(ctx, tmp_path))
    window.data = build_dataset(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def settle(view, qtbot) -> None:
    qtbot.waitUntil(lambda: not view.runner.busy, timeout=10000)


def open_view(window):
    action = window.findChild(QAction, "reviewViewAction")
    assert action.text() == "回头看" and action in window.ui.viewMenu.actions()
    action.trigger()
    view = window.commands.view("review")
    assert window.ui.viewStack.currentWidget() is view
    return view


def shown(view) -> list:
    return [view.proxy.index(r, 0).data(ROW_ROLE) for r in range(view.proxy.rowCount())]


def pick(view, qtbot, category, item_id):
    for row, entry in enumerate(shown(view)):
        if entry.category is category and entry.item_id == item_id:
            view.ui.entryTable.selectRow(row)
            assert view.editing.id == entry.id
            return entry
    raise AssertionError("entry not shown")


def review_in_form(view, qtbot, outcome, note, day, keyboard=False):
    view.ui.outcomeCombo.setCurrentIndex(view.ui.outcomeCombo.findData(outcome.value))
    view.ui.noteEdit.setPlainText(note)
    view.ui.reviewedDateEdit.setDate(QDate(day.year, day.month, day.day))
    if keyboard:
        view.ui.noteEdit.setFocus()
        qtbot.keyClick(view.ui.noteEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.mouseClick(view.ui.saveButton, Qt.MouseButton.LeftButton)
    settle(view, qtbot)


def test_work_through_a_campaign(window, qtbot, ctx, message_log, qtmodeltester, tmp_path):
    view = open_view(window)
    assert "还没有回头看" in view.ui.progressLabel.text() and not view.ui.printButton.isEnabled()
    message_log.text_answer = "2024"
    qtbot.mouseClick(view.ui.newCampaignButton, Qt.MouseButton.LeftButton)
    settle(view, qtbot)
    assert message_log[-1][0] == "information" and "共 7 条" in message_log[-1][2]
    assert view.model.rowCount() == 7 and view.ui.progressBar.value() == 0 and view.ui.progressBar.maximum() == 7
    qtmodeltester.check(view.model)
    data = window.data

    solved = pick(view, qtbot, ReviewCategory.SOLVED, data["A"])
    assert view.ui.outcomeCombo.itemData(1) == ReviewOutcome.CONFIRMED.value  # the fitting outcomes come first
    review_in_form(view, qtbot, ReviewOutcome.CONFIRMED, "现场核实，道路已修复", date(2024, 6, 1))
    assert not view.ui.tellCheck.isChecked()
    reference = pick(view, qtbot, ReviewCategory.REFERENCE, data["D"])
    view.ui.outcomeCombo.setCurrentIndex(view.ui.outcomeCombo.findData(ReviewOutcome.NOW_FEASIBLE.value))
    assert view.ui.tellCheck.isChecked()  # a changed situation is ticked for telling the deputy
    review_in_form(view, qtbot, ReviewOutcome.NOW_FEASIBLE, "新校区规划已批复", date(2024, 6, 2), keyboard=True)

    assert view.ui.progressBar.value() == 2 and view.ui.progressBar.text() == "2 / 7"
    assert view.ui.progressLabel.text() == "已回头看 2 / 7 条（29%），需告知代表 1 条，已告知 0 条"
    assert "已经解决复核 1/1" in view.ui.categoryProgressLabel.text()
    assert view.editing.id == reference.id and view.editing.outcome is ReviewOutcome.NOW_FEASIBLE
    service = ReviewService(ctx)
    assert service.entry(solved.id).note == "现场核实，道路已修复"
    assert [e.id for e in service.flagged(view.campaign_id)] == [reference.id]

    view.ui.flaggedCheck.setChecked(True)
    assert [e.id for e in shown(view)] == [reference.id] and view.ui.shownLabel.text() == "显示 1 / 7 条"
    assert view.model.index(view.model.row_of(reference.id), 7).data() == "待告知"
    view.ui.flaggedCheck.setChecked(False)
    view.ui.pendingCheck.setChecked(True)
    assert len(shown(view)) == 5 and all(not e.reviewed for e in shown(view))
    view.ui.pendingCheck.setChecked(False)
    view.ui.categoryCombo.setCurrentIndex(view.ui.categoryCombo.findData(ReviewCategory.COMMITMENT.value))
    assert {e.category for e in shown(view)} == {ReviewCategory.COMMITMENT} and len(shown(view)) == 2

    out = tmp_path / "回头看.xlsx"
    view.export_file(out)
    settle(view, qtbot)
    assert out.exists()
    pdf = tmp_path / "回头看.pdf"
    view.print_file(pdf)
    settle(view, qtbot)
    assert pdf.read_bytes().startswith(b"%PDF") and "共" in message_log[-1][2]


def test_a_review_missing_its_note_is_refused_and_shows_why(window, qtbot, ctx, message_log):
    view = open_view(window)
    ReviewService(ctx).create_campaign(2024)
    view.refresh()
    view.ui.outcomeCombo.setCurrentIndex(1)
    view.ui.noteEdit.setPlainText("")
    view.save()
    settle(view, qtbot)
    assert message_log[-1][:2] == ("warning", "保存回头看") and "请写明回头看情况" in message_log[-1][2]
    assert ReviewService(ctx).progress(view.campaign_id).overall.reviewed == 0
    assert view.ui.progressBar.text() == "0 / 7"


def test_double_click_opens_the_item_in_the_case_editor(window, qtbot, ctx, monkeypatch):
    view = open_view(window)
    ReviewService(ctx).create_campaign(2024)
    view.refresh()
    opened = []
    monkeypatch.setattr(window.items, "_show_editor", lambda item_id, kind: opened.append(item_id))
    index = view.proxy.index(0, 3)
    rect = view.ui.entryTable.visualRect(index)
    qtbot.mouseClick(view.ui.entryTable.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.ui.entryTable.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [index.data(ROW_ROLE).item_id]
    view.ui.entryTable.setFocus()
    qtbot.keyClick(view.ui.entryTable, Qt.Key.Key_Return)
    assert opened == [index.data(ROW_ROLE).item_id] * 2


def test_a_review_recorded_in_another_window_shows_here_and_our_own_once(window, qtbot, ctx, message_log, monkeypatch):
    view = open_view(window)
    message_log.text_answer = "2024"
    qtbot.mouseClick(view.ui.newCampaignButton, Qt.MouseButton.LeftButton)
    settle(view, qtbot)
    entry = pick(view, qtbot, ReviewCategory.SOLVED, window.data["A"])
    reads = []
    monkeypatch.setattr(view.service, "campaigns", lambda real=view.service.campaigns: reads.append(1) or real())
    review_in_form(view, qtbot, ReviewOutcome.CONFIRMED, "现场核实，道路已修复", date(2024, 6, 1))
    assert view.ui.progressBar.value() == 1 and len(reads) == 1  # its own save: shown once, not again on the broadcast

    other = next(e for e in shown(view) if not e.reviewed and e.id != entry.id)
    service = window.services.review
    changes = service.record_review(other.id, service_input(ReviewOutcome.CONFIRMED), None)
    window.services.announce(changes)  # as another window's save reaches every view
    assert view.ui.progressBar.value() == 2 and len(reads) == 2


def service_input(outcome):
    from desktop_app.services.review import ReviewInput

    return ReviewInput(outcome, "电话回访，已落实", date(2024, 6, 3))
