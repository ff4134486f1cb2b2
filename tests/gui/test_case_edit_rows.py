"""The case editor's child rows through their widgets: unfinished dates, new rows' defaults, names
typed for units and proposers."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.domain.enums import Body, ItemKind, ProposerRole, ProposerType, UnitRole
from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog
from desktop_app.services.dto import AssignmentRecord, CaseRecord, ProposerInfo, ProposerLink
from tests.gui.dialog_support import CONGRESS_SESSION, answer_prompts, make_services, seed_reference


@pytest.fixture
def services(ctx, tmp_path):
    services = make_services(ctx, tmp_path)
    seed_reference(services)
    return services


@pytest.fixture
def prompts(monkeypatch):
    return answer_prompts(monkeypatch)


def saved_item(services) -> int:
    _changes, item_id = services.cases.save(CaseRecord(
        kind=ItemKind.SUGGESTION, session_id=None, session_name=CONGRESS_SESSION, number="0035",
        title="关于优化城桥镇公交线路的建议", assigned_on=date(2024, 3, 15),
        proposers=(ProposerLink("王建国", ProposerRole.LEAD, ProposerType.DEPUTY),),
        assignments=(
            AssignmentRecord(None, "区交通委", UnitRole.LEAD, signed_on=date(2024, 3, 18)),
            AssignmentRecord(None, "区教育局", UnitRole.CO),
        ),
    ))
    return item_id


def open_editor(qtbot, services, item_id=None) -> CaseEditDialog:
    dialog = CaseEditDialog(services, item_id, ItemKind.SUGGESTION)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click_row(qtbot, view, row: int) -> None:
    cell = view.visualRect(view.model().index(row, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)


def test_an_unfinished_date_keeps_the_user_on_its_row_instead_of_vanishing(qtbot, services, prompts):
    dialog = open_editor(qtbot, services, saved_item(services))
    ui = dialog.ui
    ui.sectionTabs.setCurrentWidget(ui.unitsTab)
    ui.signedOnEdit.setText("2024-13-45")

    click_row(qtbot, ui.unitsView, 1)
    qtbot.waitUntil(lambda: bool(prompts.warnings), timeout=2000)

    assert "2024-13-45" in prompts.warnings[0] and "有效日期" in prompts.warnings[0]
    assert dialog.units.editor.current_row() == 0
    assert ui.signedOnEdit.text() == "2024-13-45" and ui.unitCombo.currentText() == "区交通委"
    # Keyboard and buttons are held back the same way.
    ui.unitsView.selectionModel().setCurrentIndex(
        dialog.units.model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.waitUntil(lambda: len(prompts.warnings) == 2, timeout=2000)
    ui.addUnitButton.click()
    assert len(prompts.warnings) == 3 and dialog.units.model.rowCount() == 2
    assert ui.signedOnEdit.text() == "2024-13-45" and dialog.units.editor.current_row() == 0

    ui.signedOnEdit.setText("2024-03-19")
    click_row(qtbot, ui.unitsView, 1)
    assert dialog.units.editor.current_row() == 1 and ui.unitCombo.currentText() == "区教育局"
    assert dialog.draft().assignments[0].signed_on == date(2024, 3, 19)
    assert len(prompts.warnings) == 3


def test_removing_the_row_with_an_unfinished_date_is_allowed(qtbot, services, prompts):
    dialog = open_editor(qtbot, services, saved_item(services))
    dialog.units.editor.select(1)
    dialog.ui.opinionSentEdit.setText("2024-02-30")
    dialog.ui.removeUnitButton.click()
    QApplication.processEvents()  # anything the click posted (a deferred warning) has run
    assert prompts.warnings == []
    assert [a.unit_name for a in dialog.draft().assignments] == ["区交通委"]


def test_a_new_contact_is_dated_by_the_services_clock(qtbot, services, prompts, fixed_now):
    dialog = open_editor(qtbot, services, saved_item(services))
    dialog.ui.addContactButton.click()
    assert dialog.ui.contactDateEdit.text() == fixed_now.date().isoformat()
    assert dialog.draft().contacts[0].contact_on == fixed_now.date()


def test_typing_a_listed_proposer_shows_and_keeps_their_details(qtbot, services, prompts):
    services.reference.save_proposer(ProposerInfo(
        0, "沈欣怡", Body.CONGRESS, ProposerType.DEPUTY, delegation="三星镇代表团", phone="13917980754"))
    dialog = open_editor(qtbot, services, saved_item(services))
    ui = dialog.ui
    ui.addProposerButton.click()
    ui.proposerNameEdit.setText("沈欣怡")  # typed, not picked from the completion popup
    ui.proposerNameEdit.editingFinished.emit()
    assert (ui.delegationEdit.text(), ui.proposerPhoneEdit.text()) == ("三星镇代表团", "13917980754")

    dialog.ui.saveButton.click()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=5000)
    assert prompts.warnings == []
    shen = next(p for p in services.reference.proposers(Body.CONGRESS) if p.name == "沈欣怡")
    assert (shen.delegation, shen.phone) == ("三星镇代表团", "13917980754")
