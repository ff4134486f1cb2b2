"""公文抬头: a unit's own 发文机关标志, 文号 pattern and 署名 (gui layer).

Every document prints under the unit that issues it; empty fields fall back to the unit's name
(标志, 署名) and its 简称 (文号 简称〔{年}〕{号}号). The dialog only edits a draft ``UnitInfo``; the
settings dialog saves it as one operation, which checks the pattern.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.gui.forms.ui_unit_letterhead_dialog import Ui_UnitLetterheadDialog
from desktop_app.gui.widgets.screen_fit import fit_to_screen
from desktop_app.services.dto import UnitInfo


class UnitLetterheadDialog(QDialog):
    def __init__(self, unit: UnitInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.unit = unit
        self.ui = Ui_UnitLetterheadDialog()
        self.ui.setupUi(self)
        fit_to_screen(self)
        self.setWindowTitle(f"公文抬头：{unit.name}")
        short = f"{unit.short_name}〔{{年}}〕{{号}}号" if unit.short_name else "按简称生成（尚未填写简称）"
        self.ui.introLabel.setText(
            f"“{unit.name}”出具的答复函、告知函、通知和报告都印在它自己的抬头下。留空的项："
            f"发文机关标志和署名用单位名称，文号格式为 {short}。")
        self.ui.markEdit.setText(unit.letterhead_mark)
        self.ui.patternEdit.setText(unit.doc_number_pattern)
        self.ui.signatureEdit.setText(unit.signature)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def edited(self) -> UnitInfo:
        ui = self.ui
        return replace(self.unit, letterhead_mark=ui.markEdit.text().strip(),
                       doc_number_pattern=ui.patternEdit.text().strip(), signature=ui.signatureEdit.text().strip())
