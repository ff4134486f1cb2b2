"""What the deadlines add to the case list (gui layer): the removable "仅显示看板选中的 N 条"
chip, and the 下一期限 column filled after the rows are shown."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class OnlyIdsChip(QFrame):
    """Shown while the list is limited to a dashboard count; × lifts the limit via
    ``list_view.show_only(None)``."""

    def __init__(self, list_view, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("onlyIdsChip")
        self.setStyleSheet("#onlyIdsChip { background:#e7f5ff; border:1px solid #74c0fc; border-radius:4px; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        self.label = QLabel(self)
        self.label.setObjectName("onlyIdsLabel")
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearOnlyIdsButton")
        self.clear_button.setText("×")
        self.clear_button.setToolTip("取消限制，显示按筛选条件的全部建议提案")
        self.clear_button.clicked.connect(lambda: list_view.show_only(None))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.clear_button)
        self.hide()

    def show_ids(self, ids: frozenset[int] | None, description: str = "") -> None:
        if ids is None:
            self.hide()
            return
        about = f"（{description}）" if description else ""
        self.label.setText(f"仅显示看板选中的 {len(ids)} 条{about}")
        self.show()


def only_ids_chip(list_view) -> OnlyIdsChip:
    return OnlyIdsChip(list_view, list_view.ui.listPane)
