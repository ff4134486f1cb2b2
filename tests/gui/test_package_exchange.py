"""文件 → 数据交换 in the running app: a 交办包 from the office previewed and imported with one
confirmation (the item then in the case list), a tampered one refused with the reason, and the
export that writes this unit's 报送包."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from desktop_app.gui.dialogs.package_import_dialog import PackageImportDialog
from desktop_app.services.dto import AssignmentRecord
from desktop_app.domain.enums import UnitRole
from tests.services.exchange_copies import Clock, Copy
from tests.services.records import make_record


@pytest.fixture
def office_package(main_window, tmp_path):
    services = main_window.services
    unit = services.reference.units()[0]
    services.reference.set_our_unit(unit.id)
    office = Copy(tmp_path / "office", Clock(datetime(2024, 3, 1, 9, 0)), None, units=(unit.name,))
    try:
        services.exchange.trust(office.key_file(), "office")
        office.exchange.trust(services.exchange.public_key_text(), "unit", unit.name)
        office.cases.save(make_record(number="9035", title="关于数据交换测试的建议",
                                      assignments=(AssignmentRecord(None, unit.name, UnitRole.LEAD),)))
        yield office.exchange.export(unit.name, tmp_path / "交办包.zip").path, unit.name, office
    finally:
        office.close()


def open_dialog(qtbot, main_window, path) -> PackageImportDialog:
    dialog = PackageImportDialog(main_window.services, Path(path), main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None or bool(dialog.refusal), timeout=10000)
    return dialog


def test_a_package_is_previewed_then_imported_with_one_confirmation(qtbot, main_window, office_package, message_log):
    path, _unit, _office = office_package
    dialog = open_dialog(qtbot, main_window, path)
    assert "来自 区政府办公室 的交办包 第 1 号" in dialog.ui.titleLabel.text()
    assert "新增　新建议提案：区二届人大五次会议 第9035号" in dialog.ui.previewEdit.toPlainText()
    assert not dialog.ui.allowGapCheck.isVisible() and not dialog.ui.conflictsView.isVisible()
    assert dialog.ui.importButton.isEnabled()
    dialog.ui.importButton.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert message_log[-1][0] == "information" and "已导入" in message_log[-1][2]
    qtbot.waitUntil(lambda: any(r.number == "9035" for r in main_window.case_list.model.rows_by_id().values()), timeout=10000)


def test_a_tampered_package_is_refused_in_the_dialog(qtbot, main_window, office_package):
    path, _unit, _office = office_package
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x10
    path.write_bytes(bytes(data))
    dialog = open_dialog(qtbot, main_window, path)
    assert "未导入" in dialog.ui.titleLabel.text()
    assert not dialog.ui.importButton.isEnabled()


def test_the_menu_writes_this_units_report(qtbot, main_window, office_package, monkeypatch, tmp_path):
    out = tmp_path / "报送包.zip"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("区政府办公室（报送包）", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    main_window.commands.action("exportPackageAction").trigger()
    qtbot.waitUntil(out.exists, timeout=10000)
    qtbot.waitUntil(lambda: "已导出报送包 第 1 号" in main_window.ui.statusBar.currentMessage(), timeout=10000)


def test_conflicts_are_shown_side_by_side_and_chosen_per_field(qtbot, qtmodeltester, main_window, office_package,
                                                               tmp_path):
    from dataclasses import replace

    from PySide6.QtCore import Qt

    first, unit, office = office_package
    services = main_window.services
    services.exchange.apply(first)
    mine = next(r for r in services.cases.list_rows() if r.number == "9035")
    record = services.cases.get(mine.id)
    services.cases.save(replace(record, title="本单位改的标题", category="本单位改的类别"))
    theirs = next(r for r in office.cases.list_rows() if r.number == "9035")
    office_record = office.cases.get(theirs.id)
    office.cases.save(replace(office_record, title="办公室改的标题", category="办公室改的类别"))
    second = office.exchange.export(unit, tmp_path / "第2号.zip").path

    dialog = open_dialog(qtbot, main_window, second)
    model = dialog.conflicts
    qtmodeltester.check(model)
    assert dialog.ui.conflictsView.isVisible() and model.rowCount() == 2
    by_field = {model.index(n, 1).data(): n for n in range(model.rowCount())}
    row = by_field["标题"]
    assert [model.index(row, c).data() for c in range(5)][2:] == [
        "关于数据交换测试的建议", "本单位改的标题", "办公室改的标题"]
    model.setData(model.index(row, 5), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.ui.importButton.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    after = services.cases.get(mine.id)
    assert (after.title, after.category) == ("办公室改的标题", "本单位改的类别")


def test_the_report_view_lists_every_unit_with_its_packages(qtbot, qtmodeltester, main_window, office_package):
    path, unit, _office = office_package
    main_window.services.exchange.apply(path)
    main_window.commands.action("packageReportsAction").trigger()
    view = main_window.features["packages"]
    assert main_window.ui.viewStack.currentWidget() is view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    qtmodeltester.check(view.model)
    units = [view.model.index(n, 0).data() for n in range(view.model.rowCount())]
    assert any(name.startswith(unit) for name in units)
    assert "个单位" in view.summaryLabel.text()


def test_the_office_writes_every_units_package_into_a_folder(qtbot, main_window, monkeypatch, tmp_path, message_log):
    services = main_window.services
    units = [u.name for u in services.reference.units()][:2]
    for n, name in enumerate(units):
        other = Copy(tmp_path / f"u{n}", Clock(datetime(2024, 3, 1, 9, 0)), name)
        try:
            services.exchange.trust(other.key_file(), "unit", name)
        finally:
            other.close()
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("全部已登记公钥的单位（交办包，每个单位一份）", True))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    main_window.commands.action("exportPackageAction").trigger()
    qtbot.waitUntil(lambda: bool(message_log) and message_log[-1][1] == "导出数据包", timeout=10000)
    assert sorted(p.name.split("_")[1] for p in folder.iterdir()) == sorted(units)
    assert f"写出 {len(units)} 个交办包" in message_log[-1][2]


def _keys_box_answer(qtbot, main_window, monkeypatch, tick: bool) -> bool:
    """Open 数据交换：密钥与登记…, set the deputies' contacts box to ``tick`` and close; returns
    whether the box was ticked when it opened."""
    from PySide6.QtWidgets import QMessageBox

    seen = []

    def answer(box):
        check = box.checkBox()
        seen.append(check.isChecked())
        assert check.text() == "交办包附带代表委员的电话和地址" and check.objectName() == "deputyContactsCheck"
        if check.isChecked() != tick:
            check.click()
        next(b for b in box.buttons() if b.text() == "关闭").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    main_window.commands.action("packageKeysAction").trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    return seen[0]


def test_the_keys_box_chooses_whether_deputies_contacts_travel_in_assignment_packages(qtbot, main_window, tmp_path,
                                                                                      monkeypatch):
    services = main_window.services
    unit_name = services.reference.units()[0].name
    unit = Copy(tmp_path / "unit", Clock(datetime(2024, 3, 1, 9, 0)), unit_name)
    try:
        services.exchange.trust(unit.key_file(), "unit", unit_name)
        unit.exchange.trust(services.exchange.public_key_text(), "office")
        services.cases.save(make_record(number="9036", title="关于代表联系方式的建议",
                                        assignments=(AssignmentRecord(None, unit_name, UnitRole.LEAD),)))
        assert _keys_box_answer(qtbot, main_window, monkeypatch, tick=True) is False  # off by default
        qtbot.waitUntil(services.exchange.deputy_contacts, timeout=10000)
        qtbot.waitUntil(lambda: "附带代表委员的电话和地址" in main_window.ui.statusBar.currentMessage(), timeout=10000)
        unit.exchange.apply(services.exchange.export(unit_name, tmp_path / "交办包.zip").path)
        row = next(r for r in unit.cases.list_rows() if r.number == "9036")
        assert unit.cases.get(row.id).proposers[0].phone == "13900000001"
        # Opened again the box shows the choice kept; unticking it keeps them at the office again.
        assert _keys_box_answer(qtbot, main_window, monkeypatch, tick=False) is True
        qtbot.waitUntil(lambda: not services.exchange.deputy_contacts(), timeout=10000)
    finally:
        unit.close()
