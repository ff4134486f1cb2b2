"""设置: our unit, the user's name and the units list (gui layer).

Our unit lives in the database (it decides 我方角色 and travels with backups); the user's name
lives in the per-user UI settings (it is who this person is on this PC). Changes to the units
list are saved at once, each as one operation; 我的单位 and 我的姓名 are applied on 确定.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

from desktop_app.domain.statistics import RATING_LEAD, RATING_RULES
from desktop_app.gui.dialogs.case_row_editor import setup_table
from desktop_app.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from desktop_app.gui.models.row_table_model import Column, RowTableModel
from desktop_app.gui.operations import settings as setting_ops
from desktop_app.gui.runner import OperationRunner
from desktop_app.gui.widgets import message_boxes
from desktop_app.gui.widgets.completer import set_completion
from desktop_app.gui.widgets.screen_fit import fit_to_screen
from desktop_app.services.dto import Changes, UnitInfo
from desktop_app.services.statistics import RATING_RULE_KEY


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """One line of text with Chinese buttons; None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setOkButtonText("确定")
    dialog.setCancelButtonText("取消")
    dialog.resize(max(dialog.width(), 380), dialog.height())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue().strip()


class SettingsDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._reference = services.reference
        self._read_only = bool(services.read_only)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        fit_to_screen(self)
        self._runner = OperationRunner.for_window(services, self)
        self.model = RowTableModel([
            Column("单位名称", lambda u: u.name),
            Column("简称", lambda u: u.short_name),
            Column("发文机关标志", lambda u: u.letterhead_mark or u.name),
            Column("状态", lambda u: "启用" if u.active else "已停用"),
        ], self)
        setup_table(self.ui.unitsView, self.model)
        self.ui.unitsView.selectionModel().selectionChanged.connect(self._update_buttons)
        self.ui.unitsView.doubleClicked.connect(self.rename_unit)
        self.ui.ourUnitCombo.setInsertPolicy(self.ui.ourUnitCombo.InsertPolicy.NoInsert)
        self.ui.addUnitButton.clicked.connect(self.add_unit)
        self.ui.renameUnitButton.clicked.connect(self.rename_unit)
        self.ui.letterheadButton.clicked.connect(self.edit_letterhead)
        self.ui.toggleActiveButton.clicked.connect(self.toggle_active)
        self.ui.deleteUnitButton.clicked.connect(self.delete_unit)
        self.ui.showInactiveCheck.toggled.connect(self._reload_units)
        self.ui.okButton.clicked.connect(self.accept)
        self.ui.cancelButton.clicked.connect(self.reject)

        self.ui.userNameEdit.setText(services.ui_settings.user_name or "")

        for code, label in RATING_RULES.items():
            self.ui.ratingRuleCombo.addItem(label, code)
        self._initial_rule = self._reference.get_setting(RATING_RULE_KEY, RATING_LEAD)
        self.ui.ratingRuleCombo.setCurrentIndex(max(0, self.ui.ratingRuleCombo.findData(self._initial_rule)))
        self._reload_units()
        our_id = self._reference.our_unit_id()
        self._initial_our_unit = next((u.name for u in self._all_units if u.id == our_id), "")
        self.ui.ourUnitCombo.setEditText(self._initial_our_unit)
        if self._read_only:
            for widget in (self.ui.addUnitButton, self.ui.renameUnitButton, self.ui.toggleActiveButton,
                           self.ui.deleteUnitButton, self.ui.letterheadButton, self.ui.ourUnitCombo,
                           self.ui.ratingRuleCombo):
                widget.setEnabled(False)
            self.ui.unitsHint.setText(f"数据库以只读方式打开，不能修改单位名录和我的单位：{services.read_only_reason}")
        self._update_buttons()

    # ---- units list

    def _reload_units(self, *_args) -> None:
        self._all_units = self._reference.units(include_inactive=True)
        shown = self._all_units if self.ui.showInactiveCheck.isChecked() else [u for u in self._all_units if u.active]
        selected = self._selected()
        self.model.set_rows(shown)
        if selected is not None:
            for position, unit in enumerate(shown):
                if unit.id == selected.id:
                    self.ui.unitsView.selectRow(position)
        set_completion(self.ui.ourUnitCombo, [u.name for u in self._all_units if u.active])
        self._update_buttons()

    def _selected(self) -> UnitInfo | None:
        rows = self.ui.unitsView.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        unit = self._selected()
        editable = not self._read_only
        for button in (self.ui.renameUnitButton, self.ui.toggleActiveButton, self.ui.deleteUnitButton,
                       self.ui.letterheadButton):
            button.setEnabled(editable and unit is not None)
        self.ui.toggleActiveButton.setText("启用(&T)" if unit is not None and not unit.active else "停用(&T)")

    def _write(self, op):
        return self._runner.run(op, on_success=lambda _result: self._reload_units())

    def add_unit(self) -> None:
        name = ask_text(self, "添加单位", "单位全称（如 区交通委）：")
        if name:
            self._write(setting_ops.save_unit(self._services, UnitInfo(0, name), "添加单位"))

    def rename_unit(self, *_args) -> None:
        unit = self._selected()
        if unit is None or self._read_only:
            return
        name = ask_text(self, "重命名单位", f"“{unit.name}”的新名称：", unit.name)
        if name and name != unit.name:
            renamed = replace(unit, name=name)
            self._write(setting_ops.save_unit(self._services, renamed, "重命名单位"))

    def edit_letterhead(self) -> None:
        """The unit's 发文机关标志, 文号 pattern and 署名; a wrong pattern is refused by the save
        with a message saying how to write it."""
        from desktop_app.gui.dialogs.unit_letterhead_dialog import UnitLetterheadDialog

        unit = self._selected()
        if unit is None or self._read_only:
            return
        dialog = UnitLetterheadDialog(unit, self)
        self.letterhead_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.edited() != unit:
            self._write(setting_ops.save_unit(self._services, dialog.edited(), "修改公文抬头"))

    def toggle_active(self) -> None:
        unit = self._selected()
        if unit is None:
            return
        toggled = replace(unit, active=not unit.active)
        self._write(setting_ops.save_unit(self._services, toggled, "启用单位" if toggled.active else "停用单位"))

    def delete_unit(self) -> None:
        unit = self._selected()
        if unit is None:
            return
        if not message_boxes.confirm(self, "删除单位", f"确定从单位名录中删除“{unit.name}”吗？", "删除"):
            return
        self._write(setting_ops.delete_unit(self._services, unit.id))

    # ---- our unit and user name, on 确定

    def accept(self) -> None:
        name = self.ui.ourUnitCombo.currentText().strip()
        unit_id = None
        if name:
            unit = next((u for u in self._all_units if u.name == name), None)
            if unit is None:
                message_boxes.show_warning(
                    self, "设置",
                    f"单位“{name}”不在单位名录中。请从列表中选择，或先在下方“单位名录”中添加。",
                )
                self.ui.ourUnitCombo.setFocus()
                return
            unit_id = unit.id
        self._apply_user_name()
        ops = []
        if not self._read_only and name != self._initial_our_unit:
            ops.append(setting_ops.set_our_unit(self._services, unit_id))
        rule = self.ui.ratingRuleCombo.currentData()
        if not self._read_only and rule != self._initial_rule:
            ops.append(setting_ops.set_rating_rule(self._services, rule))
        self._run_then_close(ops)

    def _run_then_close(self, ops) -> None:
        """Each write in turn (one service call each), then close."""
        if not ops:
            super().accept()
            return
        self._runner.run(ops[0], on_success=lambda _changes: self._run_then_close(ops[1:]))

    def _apply_user_name(self) -> None:
        settings = self._services.ui_settings
        user_name = self.ui.userNameEdit.text().strip()
        if user_name == (settings.user_name or ""):
            return
        settings.user_name = user_name
        if self._services.save_ui_settings is not None:
            self._services.save_ui_settings()
        self._services.announce(Changes.of("setting"))

    @property
    def busy(self) -> bool:
        return self._runner.busy
