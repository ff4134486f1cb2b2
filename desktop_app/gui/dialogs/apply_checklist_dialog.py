"""应用到建议提案: preview what a template version changes in each item's checklist, then apply
it to the items the user ticks (gui layer). Nothing is written before 应用."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.gui.operations import Refused, checklists
from desktop_app.gui.widgets import message_boxes

#: Previews are computed item by item; beyond this many the user narrows the list first.
MAX_PREVIEW = 500


class ApplyChecklistDialog(QDialog):
    """``services`` the app's ``AppServices``; ``runner`` the editor's."""

    def __init__(self, services, runner, version, parent=None):
        super().__init__(parent)
        self.setObjectName("ApplyChecklistDialog")
        self.setWindowTitle(f"应用“{version.name}”第 {version.number} 版")
        self.resize(760, 480)
        self._services, self._runner, self._version = services, runner, version
        self._service = service = services.checklists
        layout = QVBoxLayout(self)
        behind = service.items_behind(version.template_id)
        shown = behind[:MAX_PREVIEW]
        self.previews = service.preview_apply(version.version_id, shown)
        more = f"（共 {len(behind)} 件，先列出前 {MAX_PREVIEW} 件）" if len(behind) > MAX_PREVIEW else ""
        intro = QLabel(
            f"以下建议提案的办理清单来自旧版本或尚未生成{more}。勾选要改用第 {version.number} 版的，"
            "每行列出该件清单将发生的变化；已勾选的条目如保留则勾选记录不变。", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.itemList = QListWidget(self)
        self.itemList.setObjectName("itemList")
        for p in self.previews:
            source = f"第{p.from_number}版" if p.from_number else "尚无清单"
            row = QListWidgetItem(f"{p.label}（{source}）\n    {p.diff.summary()}", self.itemList)
            row.setData(Qt.ItemDataRole.UserRole, p.item_id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
        layout.addWidget(self.itemList, 1)
        choose = QHBoxLayout()
        for name, text, state in (("allButton", "全选", Qt.CheckState.Checked),
                                  ("noneButton", "全不选", Qt.CheckState.Unchecked)):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, s=state: self._check_all(s))
            choose.addWidget(button)
        choose.addStretch(1)
        layout.addLayout(choose)
        buttons = QDialogButtonBox(self)
        self.applyButton = buttons.addButton("应用到勾选的建议提案", QDialogButtonBox.ButtonRole.AcceptRole)
        self.applyButton.setObjectName("applyButton")
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _check_all(self, state) -> None:
        for row in range(self.itemList.count()):
            self.itemList.item(row).setCheckState(state)

    def chosen_ids(self) -> list[int]:
        return [self.itemList.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.itemList.count())
                if self.itemList.item(r).checkState() == Qt.CheckState.Checked]

    def apply(self) -> None:
        ids = self.chosen_ids()
        if not ids:
            message_boxes.show_information(self, "应用清单版本", "请先勾选要改用新版本的建议提案。")
            return
        version_id = self._version.version_id
        def done(result):
            if isinstance(result, Refused):
                message_boxes.show_warning(self, "应用清单版本", str(result.error))
                return
            self.accept()

        self._runner.run(checklists.apply_version(self._services, version_id, ids), on_success=done)
