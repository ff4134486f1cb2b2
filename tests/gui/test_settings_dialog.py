"""设置: our unit, the user's name, and the units list, through the dialog's widgets."""

from __future__ import annotations

import pytest

from desktop_app.gui.dialogs import settings_dialog
from desktop_app.gui.dialogs.settings_dialog import SettingsDialog
from tests.gui.dialog_support import answer_prompts, make_services, seed_reference


@pytest.fixture
def services(ctx, tmp_path):
    services = make_services(ctx, tmp_path)
    seed_reference(services)
    saved = []
    services.save_ui_settings = lambda: saved.append(services.ui_settings.user_name)
    services.saved_names = saved
    return services


@pytest.fixture
def prompts(monkeypatch):
    return answer_prompts(monkeypatch)


def open_settings(qtbot, services) -> SettingsDialog:
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def unit_names(dialog: SettingsDialog) -> list[str]:
    return [u.name for u in dialog.model.rows()]


def select_unit(dialog: SettingsDialog, name: str) -> None:
    dialog.ui.unitsView.selectRow(unit_names(dialog).index(name))


def test_our_unit_and_user_name_are_saved_on_ok(qtbot, services, prompts):
    dialog = open_settings(qtbot, services)
    assert dialog.ui.userNameEdit.text() == "测试员"
    announced = []
    services.changed.connect(announced.append)

    dialog.ui.ourUnitCombo.setEditText("区教育局")
    dialog.ui.userNameEdit.setText("王小明")
    dialog.ui.okButton.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    units = {u.name: u.id for u in services.reference.units()}
    assert services.reference.our_unit_id() == units["区教育局"]
    assert services.ui_settings.user_name == "王小明" and services.saved_names == ["王小明"]
    assert {kind for c in announced for kind in c.kinds} >= {"setting"}
    assert SettingsDialog(services).ui.ourUnitCombo.currentText() == "区教育局"


def test_the_satisfaction_rule_is_saved_with_our_unit_and_changes_the_figures(qtbot, services, prompts):
    from desktop_app.domain.statistics import RATING_WORST
    from desktop_app.services.statistics import RATING_RULE_KEY

    dialog = open_settings(qtbot, services)
    assert dialog.ui.ratingRuleCombo.currentText() == "领衔代表的评价"
    dialog.ui.ourUnitCombo.setEditText("区教育局")
    dialog.ui.ratingRuleCombo.setCurrentIndex(dialog.ui.ratingRuleCombo.findData(RATING_WORST))
    dialog.ui.okButton.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert services.reference.get_setting(RATING_RULE_KEY) == RATING_WORST
    assert services.reference.our_unit_id() is not None
    report = services.statistics.report()
    assert report.rating_rule == RATING_WORST and "最差" in report.overall["satisfied"].definition
    assert SettingsDialog(services).ui.ratingRuleCombo.currentText() == "该轮最差的评价"


def test_unknown_our_unit_is_refused_and_the_dialog_stays(qtbot, services, prompts):
    dialog = open_settings(qtbot, services)
    dialog.ui.ourUnitCombo.setEditText("不存在的单位")
    dialog.ui.okButton.click()
    assert dialog.isVisible() and "不在单位名录中" in prompts.warnings[0]
    assert services.reference.our_unit_id() is None


def test_cancel_changes_nothing(qtbot, services, prompts):
    dialog = open_settings(qtbot, services)
    dialog.ui.ourUnitCombo.setEditText("区教育局")
    dialog.ui.userNameEdit.setText("王小明")
    dialog.ui.cancelButton.click()
    assert services.reference.our_unit_id() is None and services.ui_settings.user_name == "测试员"


def test_add_rename_and_deactivate_units(qtbot, services, prompts, monkeypatch):
    answers = iter(["区卫健委", "区卫生健康委"])
    monkeypatch.setattr(settings_dialog, "ask_text", lambda *_args, **_kw: next(answers))
    dialog = open_settings(qtbot, services)

    dialog.ui.addUnitButton.click()
    qtbot.waitUntil(lambda: "区卫健委" in unit_names(dialog), timeout=5000)
    select_unit(dialog, "区卫健委")
    dialog.ui.renameUnitButton.click()
    qtbot.waitUntil(lambda: "区卫生健康委" in unit_names(dialog), timeout=5000)
    assert "区卫生健康委" in [u.name for u in services.reference.units()]

    select_unit(dialog, "区财政局")
    assert dialog.ui.toggleActiveButton.text().startswith("停用")
    dialog.ui.toggleActiveButton.click()
    qtbot.waitUntil(lambda: "区财政局" not in unit_names(dialog), timeout=5000)
    assert "区财政局" not in [u.name for u in services.reference.units()]
    dialog.ui.showInactiveCheck.setChecked(True)
    assert "区财政局" in unit_names(dialog)
    assert prompts.warnings == []


def test_deleting_a_unit_in_use_is_refused_with_the_reason(qtbot, services, prompts):
    from datetime import date

    from desktop_app.domain.enums import ItemKind, UnitRole
    from desktop_app.services.dto import AssignmentRecord, CaseRecord
    from tests.gui.dialog_support import CONGRESS_SESSION

    services.cases.save(CaseRecord(
        kind=ItemKind.SUGGESTION, session_id=None, session_name=CONGRESS_SESSION, number="0001",
        title="关于加强校园周边交通管理的建议", assigned_on=date(2024, 3, 1),
        assignments=(AssignmentRecord(None, "区教育局", UnitRole.LEAD),),
    ))
    dialog = open_settings(qtbot, services)

    select_unit(dialog, "区教育局")
    dialog.ui.deleteUnitButton.click()
    qtbot.waitUntil(lambda: bool(prompts.warnings), timeout=5000)
    assert "区教育局" in prompts.warnings[0] and "不能删除" in prompts.warnings[0]
    assert "区教育局" in [u.name for u in services.reference.units()]

    select_unit(dialog, "区财政局")
    dialog.ui.deleteUnitButton.click()
    qtbot.waitUntil(lambda: "区财政局" not in unit_names(dialog), timeout=5000)
    assert "区财政局" not in [u.name for u in services.reference.units(include_inactive=True)]


def test_read_only_database_allows_only_the_user_name(qtbot, ctx, tmp_path, prompts):
    services = make_services(ctx, tmp_path, read_only=True)
    seed_reference(services)
    dialog = open_settings(qtbot, services)
    ui = dialog.ui
    select_unit(dialog, "区交通委")
    for widget in (ui.ourUnitCombo, ui.addUnitButton, ui.renameUnitButton, ui.toggleActiveButton,
                   ui.deleteUnitButton):
        assert not widget.isEnabled(), widget.objectName()
    assert "只读" in ui.unitsHint.text() and "张三" in ui.unitsHint.text()
    dialog.rename_unit()  # a double-click on a unit row
    assert prompts.confirmations == [] and prompts.warnings == []

    ui.userNameEdit.setText("王小明")
    ui.okButton.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert services.ui_settings.user_name == "王小明"
    assert services.reference.our_unit_id() is None
    assert [u.name for u in services.reference.units()] == ["区交通委", "区教育局", "区财政局"]


def test_a_units_letterhead_is_edited_and_a_wrong_pattern_is_refused(qtbot, services, prompts):
    from PySide6.QtCore import QTimer

    dialog = open_settings(qtbot, services)

    def fill(mark: str, pattern: str) -> None:
        edit = dialog.letterhead_dialog
        edit.ui.markEdit.setText(mark)
        edit.ui.patternEdit.setText(pattern)
        edit.ui.signatureEdit.setText(mark)
        edit.ui.buttonBox.accepted.emit()

    def saved():
        return next(u for u in services.reference.units() if u.name == "区交通委")

    select_unit(dialog, "区交通委")
    QTimer.singleShot(0, lambda: fill("上海市崇明区交通委员会", "崇交委2024号"))
    dialog.ui.letterheadButton.click()
    qtbot.waitUntil(lambda: bool(prompts.warnings), timeout=5000)
    assert "文号格式“崇交委2024号”缺少〔年份〕或 {号}" in prompts.warnings[0]
    assert saved().letterhead_mark == ""  # nothing saved

    select_unit(dialog, "区交通委")
    QTimer.singleShot(0, lambda: fill("上海市崇明区交通委员会", "崇交委〔{年}〕{号}号"))
    dialog.ui.letterheadButton.click()
    qtbot.waitUntil(lambda: saved().letterhead_mark == "上海市崇明区交通委员会", timeout=5000)
    assert (saved().doc_number_pattern, saved().signature) == ("崇交委〔{年}〕{号}号", "上海市崇明区交通委员会")
    qtbot.waitUntil(lambda: "上海市崇明区交通委员会" in [
        dialog.model.data(dialog.model.index(r, 2)) for r in range(dialog.model.rowCount())], timeout=5000)
