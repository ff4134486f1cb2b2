"""The item editor for a 政协提案 (issue 23): 立案, 并案, 重点提案督办 and 集体提案 fields, in the CPPCC's
words, within a 1366×768 laptop."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect

from desktop_app.domain.enums import Body, FilingDecision, ItemKind, Level, ProposerRole, ProposerType, UnitRole
from desktop_app.services.dto import AssignmentRecord, CaseRecord, ProposerLink, SessionInfo
from tests.gui.test_case_edit_dialog import open_editor, prompts, save_and_wait, services  # noqa: F401

CPPCC = "区政协五届三次会议"


@pytest.fixture
def lead_proposal(services):  # noqa: F811
    services.reference.save_session(SessionInfo(0, CPPCC, Body.CPPCC, Level.DISTRICT, 2024))
    record = CaseRecord(
        kind=ItemKind.PROPOSAL, session_id=None, session_name=CPPCC, number="0012", title="关于完善农村公交的提案",
        assigned_on=date(2024, 3, 15), filing=FilingDecision.FILED, filed_on=date(2024, 3, 1),
        proposers=(ProposerLink("王芳", ProposerRole.LEAD, ProposerType.MEMBER, delegation="教育界"),),
        assignments=(AssignmentRecord(None, "区交通委", UnitRole.LEAD),),
    )
    return services.cases.save(record)[1]


def test_a_proposal_is_edited_in_the_cppccs_words_and_saved(qtbot, services, prompts, lead_proposal):  # noqa: F811
    dialog = open_editor(qtbot, services, kind=ItemKind.PROPOSAL)
    ui = dialog.ui
    assert ui.proposalGroup.isVisible() and ui.keyCheck.text() == "重点提案督办(&Y)"
    assert ui.sectionTabs.tabText(ui.sectionTabs.indexOf(ui.proposersTab)) == "&2 提案人"
    assert ui.proposerDetailGroup.title() == "所选提案人"
    assert ui.extensionToldLabel.text() == "告知提案人日期(&O)" and "提案人确未反馈" in ui.feedbackWaitEdit.placeholderText()
    assert not ui.referenceDueEdit.isEnabled() and not ui.supervisorEdit.isEnabled()
    ui.numberEdit.setText("0015")
    ui.titleEdit.setText("关于增开公交线路的提案")
    ui.assignedOnEdit.setText("2024-03-15")
    ui.filingCombo.setCurrentIndex(ui.filingCombo.findText("立案"))
    ui.filedOnEdit.setText("2024-03-01")
    ui.mergedIntoEdit.setText("0012")
    ui.keyCheck.setChecked(True)
    assert ui.supervisorEdit.isEnabled()
    ui.supervisorEdit.setText("区政协副主席陈红")
    ui.addProposerButton.click()
    ui.proposerTypeCombo.setCurrentIndex(ui.proposerTypeCombo.findText("党派"))
    ui.proposerNameEdit.setText("民盟区委")
    ui.proposerContactEdit.setText("孙立")
    ui.addUnitButton.click()
    ui.unitCombo.setEditText("区交通委")

    save_and_wait(qtbot, dialog)

    assert prompts.warnings == []
    record = services.cases.get(dialog.record.id)
    assert (record.filing, record.filed_on, record.merged_into_number) == (FilingDecision.FILED, date(2024, 3, 1), "0012")
    assert (record.is_key, record.supervisor) == (True, "区政协副主席陈红")
    [party] = record.proposers
    assert (party.proposer_type, party.contact_person) == (ProposerType.PARTY, "孙立")
    lead = open_editor(qtbot, services, lead_proposal)
    assert lead.ui.mergedNumbersLabel.text() == "并入此件的提案：第0015号"


def test_a_not_filed_proposal_may_be_given_a_reply_date(qtbot, services, prompts, lead_proposal):  # noqa: F811
    dialog = open_editor(qtbot, services, lead_proposal)
    ui = dialog.ui
    ui.filingCombo.setCurrentIndex(ui.filingCombo.findText("不立案"))
    assert ui.referenceDueEdit.isEnabled()
    ui.referenceDueEdit.setText("2024-06-30")
    save_and_wait(qtbot, dialog)
    assert prompts.warnings == []
    record = services.cases.get(lead_proposal)
    assert (record.filing, record.reference_due_on) == (FilingDecision.NOT_FILED, date(2024, 6, 30))


def test_a_suggestion_shows_no_proposal_fields(qtbot, services, prompts):  # noqa: F811
    dialog = open_editor(qtbot, services)
    assert not dialog.ui.proposalGroup.isVisible() and not dialog.ui.proposerContactEdit.isVisible()
    assert dialog.ui.keyCheck.text() == "重点督办(&Y)"


def test_the_proposal_editor_fits_a_laptop(qtbot, services, prompts, lead_proposal):  # noqa: F811
    dialog = open_editor(qtbot, services, lead_proposal)
    qtbot.waitExposed(dialog)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() + 32 <= 728
    assert QRect(0, 0, 1366, 728).contains(dialog.frameGeometry())
    group = dialog.ui.proposalGroup
    assert group.minimumSizeHint().width() <= dialog.width()


def test_the_feedback_part_of_a_proposal_speaks_of_proposers(qtbot, services, prompts, lead_proposal):  # noqa: F811
    dialog = open_editor(qtbot, services, lead_proposal)
    assert dialog.followup.parts.tabText(0) == "提案人反馈(&F)"
    assert dialog.followup.feedback_box.title().startswith("提案人反馈")
    suggestion = open_editor(qtbot, services)
    assert suggestion.followup.parts.tabText(0) == "代表反馈(&F)"


def test_the_sector_list_is_edited_in_its_dialog_and_offered_in_the_editor(qtbot, services, prompts):  # noqa: F811
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop_app.gui.dialogs.sectors_dialog import SectorsDialog

    dialog = SectorsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "民革" in dialog.names() and "医药卫生界" in dialog.names()
    assert dialog.height() <= 728 and dialog.width() <= 1366
    dialog.ui.sectorsEdit.setPlainText("民革\n特邀人士\n\n民革")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=5000)
    assert services.reference.sectors() == ["民革", "特邀人士"]
    editor = open_editor(qtbot, services, kind=ItemKind.PROPOSAL)
    completer = editor.ui.delegationEdit.completer()
    assert completer is not None and completer.model().stringList() == ["民革", "特邀人士"]
