"""设置 → 公文与字体: the letter settings kept in the database and the font chosen for each role
(gui layer). Reads and saves through ``services.letters.LetterService``."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from desktop_app.domain.enums import ItemKind, ResultCategory
from desktop_app.gui.forms.ui_letter_settings_dialog import Ui_LetterSettingsDialog
from desktop_app.gui.widgets import message_boxes
from desktop_app.services.letter_forms import (
    LETTERHEAD_FULL,
    LETTERHEAD_NONE,
    LETTERHEAD_PREPRINTED,
    LetterSettings,
    font_problems,
)

LETTERHEADS = [
    (LETTERHEAD_FULL, "信函格式：打印红色单位名称和红色双线"),
    (LETTERHEAD_PREPRINTED, "套打：用预印红头纸，红头位置留空"),
    (LETTERHEAD_NONE, "不用红头：正文从版心顶端开始"),
]
ROLES = ("title", "body", "hei", "kai", "song")


class LetterSettingsDialog(QDialog):
    """``settings`` the current ``LetterSettings``; ``fonts_summary`` which fonts serve now."""

    def __init__(self, settings: LetterSettings, fonts_summary: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_LetterSettingsDialog()
        self.ui.setupUi(self)
        self.original = settings
        ui = self.ui
        for code, label in LETTERHEADS:
            ui.letterheadCombo.addItem(label, code)
        ui.unitNameEdit.setText(settings.unit_name)
        ui.letterheadCombo.setCurrentIndex(max(0, ui.letterheadCombo.findData(settings.letterhead)))
        for category, edit in self._category_edits().items():
            edit.setText(settings.category_letters.get(category, ""))
        ui.suggestionTitleEdit.setText(settings.title_patterns.get(ItemKind.SUGGESTION, ""))
        ui.proposalTitleEdit.setText(settings.title_patterns.get(ItemKind.PROPOSAL, ""))
        ui.closingEdit.setText(settings.closing)
        ui.perProposerCheck.setChecked(settings.one_letter_per_proposer)
        ui.coOpinionsCheck.setChecked(settings.include_co_opinions)
        for role in ROLES:
            edit = getattr(ui, f"{role}FontEdit")
            edit.setText(settings.fonts.get(role, ""))
            getattr(ui, f"{role}FontButton").clicked.connect(lambda _=False, e=edit: self._choose_font(e))
            getattr(ui, f"{role}FontClearButton").clicked.connect(lambda _=False, e=edit: e.clear())
        ui.fontsInfoLabel.setText(f"当前使用：{fonts_summary}" if fonts_summary else "")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        ui.buttonBox.accepted.connect(self._accept)
        ui.buttonBox.rejected.connect(self.reject)

    def _category_edits(self):
        ui = self.ui
        return {ResultCategory.SOLVED: ui.solvedEdit, ResultCategory.SOLVING: ui.solvingEdit,
                ResultCategory.PLANNED: ui.plannedEdit, ResultCategory.REFERENCE: ui.referenceEdit}

    def _choose_font(self, edit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择 TrueType 字体文件", edit.text(),
                                              "TrueType 字体 (*.ttf *.ttc)")
        if path:
            edit.setText(path)

    def settings(self) -> LetterSettings:
        ui = self.ui
        patterns = dict(self.original.title_patterns)
        for kind, edit in ((ItemKind.SUGGESTION, ui.suggestionTitleEdit), (ItemKind.PROPOSAL, ui.proposalTitleEdit)):
            if edit.text().strip():
                patterns[kind] = edit.text().strip()
        fonts = {role: getattr(ui, f"{role}FontEdit").text().strip() for role in ROLES}
        return replace(
            self.original,
            unit_name=ui.unitNameEdit.text().strip(),
            letterhead=ui.letterheadCombo.currentData(),
            category_letters={c: e.text().strip() for c, e in self._category_edits().items()},
            title_patterns=patterns,
            closing=ui.closingEdit.text().strip(),
            one_letter_per_proposer=ui.perProposerCheck.isChecked(),
            include_co_opinions=ui.coOpinionsCheck.isChecked(),
            fonts={role: path for role, path in fonts.items() if path},
        )

    def _accept(self) -> None:
        problems = []
        for kind, edit in (("代表建议", self.ui.suggestionTitleEdit), ("政协提案", self.ui.proposalTitleEdit)):
            try:
                edit.text().format(会次="", 编号="", 标题="")
            except (KeyError, IndexError, ValueError):
                problems.append(f"{kind}标题格式有误：只能使用 {{会次}}、{{编号}}、{{标题}}，花括号要成对。")
        problems += font_problems({role: getattr(self.ui, f"{role}FontEdit").text().strip() for role in ROLES})
        if problems:
            message_boxes.show_warning(self, "无法保存", "\n".join(problems))
            return
        self.accept()
