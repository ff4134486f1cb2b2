"""The editor's 相似件 tab (gui layer): earlier items on the same problem (年年提), with their
session, unit, result, open commitments and what the 回头看 found; one click opens one, and a
user can mark a pair 同一问题 or 不是同一问题 (remembered) or undo that.

At intake (a new item) the list follows the title and content as they are typed; once saved, it
is the item's own list. A tab, not a side panel, so the editor keeps its size on a 1366×768
screen; the tab's title carries the count so that a new item's earlier twins are noticed.
Marks are their own small writes (the item's version does not move), allowed while the editor
holds unsaved edits.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from desktop_app.domain.enums import LinkKind
from desktop_app.gui.dialogs.case_row_editor import setup_table
from desktop_app.gui.models.row_table_model import Column, RowTableModel
from desktop_app.gui.operations import Refused, similarity
from desktop_app.gui.runner import settle
from desktop_app.gui.widgets import message_boxes

#: Alt+- : every letter and digit is already some field's or tab's key in the editor.
TAB_TITLE = "&- 相似件"
#: Typing pauses this long before the list follows the text (ms).
TYPING_PAUSE = 600

COLUMNS = (
    Column("相似度", lambda r: f"{round(r.score * 100)}%" if r.score else "—"),
    Column("关联", lambda r: r.link.label if r.link else ""),
    Column("年度", lambda r: str(r.year)),
    Column("届次", lambda r: r.session_name),
    Column("编号", lambda r: r.number),
    Column("标题", lambda r: r.title),
    Column("主办单位", lambda r: r.lead_units),
    Column("办理结果", lambda r: r.result_label),
    Column("未落实承诺", lambda r: "；".join(r.open_commitments)),
    Column("回头看", lambda r: r.review_label),
)


class SimilarItemsPanel(QWidget):
    """``open_requested(item_id)``: the user asked to open an earlier item."""

    open_requested = Signal(int)
    counted = Signal(int)

    def __init__(self, services, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("similarItemsPanel")
        self._services = services
        self._runner = runner
        self._item_id: int | None = None
        self._draft = ("", "")
        self._asked = 0  # answers to an older question are dropped
        self._stale = False  # a saved item's list, read when the tab is first shown
        self.pending = None  # the read in flight (waited for when the editor closes)
        layout = QVBoxLayout(self)
        self.hintLabel = QLabel(self)
        self.hintLabel.setObjectName("hintLabel")
        self.hintLabel.setWordWrap(True)
        layout.addWidget(self.hintLabel)
        self.model = RowTableModel(COLUMNS, self)
        self.similarTable = QTableView(self)
        self.similarTable.setObjectName("similarTable")
        setup_table(self.similarTable, self.model)
        self.similarTable.doubleClicked.connect(lambda _index: self.open_selected())
        self.similarTable.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.similarTable, 1)
        row = QHBoxLayout()
        self.openButton = self._button("openButton", "打开", "打开选中的件（也可双击）", self.open_selected)
        self.linkButton = self._button("linkButton", "标为同一问题", "两件是同一问题：记入两件的修改记录，年年提报告中归为一组",
                                       lambda: self._mark(LinkKind.SAME))
        self.dismissButton = self._button("dismissButton", "不是同一问题", "不再把这一件列为相似件",
                                          lambda: self._mark(LinkKind.DISMISSED))
        self.unlinkButton = self._button("unlinkButton", "取消关联", "取消“同一问题”的标记", self._unlink)
        self.refreshButton = self._button("refreshButton", "刷新", "重新查找相似件", self.refresh)
        for button in (self.openButton, self.linkButton, self.dismissButton, self.unlinkButton):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.refreshButton)
        layout.addLayout(row)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE)
        self._typing.timeout.connect(self.refresh)
        self._enable()

    def _button(self, name: str, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # ---- what is shown --------------------------------------------------------------------

    def load_item(self, item_id: int | None) -> None:
        """Show the list of a saved item (None: a new item, follow ``text_changed``); a saved
        item's list is read when the tab is shown, not each time an editor opens."""
        self._item_id = item_id
        self._stale = True
        if self.isVisible() or item_id is None:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def text_changed(self, title: str, content: str) -> None:
        """The title or content of a new item was edited: look again after a pause."""
        self._draft = (title.strip(), content.strip())
        if self._item_id is None:
            self._typing.start()

    def refresh(self) -> None:
        if not self._services.connected:
            return
        self._stale = False
        self._asked += 1
        asked = self._asked
        if self._item_id is not None:
            op = similarity.similar_to_item(self._services, self._item_id)
        elif self._draft[0] or self._draft[1]:
            op = similarity.similar_to_text(self._services, *self._draft)
        else:
            self._show([], "录入标题和内容后，这里列出往年提过的相似建议提案。")
            return
        self.pending = self._runner.run(op, on_success=lambda rows: self._answered(asked, rows))

    def _answered(self, asked: int, rows) -> None:
        if asked != self._asked:
            return
        if isinstance(rows, Refused):
            self._show([], str(rows.error))
            return
        if not rows:
            self._show([], "没有找到相似的建议提案。")
            return
        hint = "与本件相似的其他建议提案：已标为“同一问题”的在前，其余最相似的在前。双击打开；两件是同一问题时可标为“同一问题”。"
        if self._item_id is None:
            hint = "往年可能提过同一问题（按已录入的标题和内容查找）：可参考原主办单位和办理结果分办。保存后可标为“同一问题”。"
        self._show(rows, hint)

    def _show(self, rows, hint: str) -> None:
        self.model.set_rows(rows)
        self.hintLabel.setText(hint)
        self.counted.emit(len(rows))
        self._enable()

    def selected(self):
        rows = self.similarTable.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _enable(self) -> None:
        row = self.selected()
        writable = self._item_id is not None and not self._services.read_only
        self.openButton.setEnabled(row is not None)
        self.linkButton.setEnabled(writable and row is not None and row.link is not LinkKind.SAME)
        self.dismissButton.setEnabled(writable and row is not None and row.link is not LinkKind.SAME)
        self.unlinkButton.setEnabled(writable and row is not None and row.link is not None)

    # ---- actions --------------------------------------------------------------------------

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_requested.emit(row.item_id)

    def _mark(self, kind: LinkKind) -> None:
        row = self.selected()
        if row is None or self._item_id is None:
            return
        self.pending = self._runner.run(similarity.link(self._services, self._item_id, row.item_id, kind),
                                        on_success=self._written, initiator=self)

    def _unlink(self) -> None:
        row = self.selected()
        if row is None or self._item_id is None:
            return
        self.pending = self._runner.run(similarity.unlink(self._services, self._item_id, row.item_id),
                                        on_success=self._written, initiator=self)

    def _written(self, result) -> None:
        if isinstance(result, Refused):
            message_boxes.show_warning(self, "无法标记", str(result.error))
        self.refresh()


def install(dialog) -> SimilarItemsPanel:
    """Add the 相似件 tab to a CaseEditDialog: the saved item's list, or at intake the list that
    follows the title and content; opening an item goes to ``dialog.open_requested``."""
    panel = SimilarItemsPanel(dialog.services, dialog.runner, dialog)
    tabs = dialog.ui.sectionTabs
    deadlines = tabs.indexOf(dialog.deadlines.page)
    tabs.insertTab(deadlines if deadlines >= 0 else tabs.count(), panel, TAB_TITLE)

    def counted(n: int) -> None:
        tabs.setTabText(tabs.indexOf(panel), f"{TAB_TITLE}（{n}）" if n else TAB_TITLE)

    panel.counted.connect(counted)
    panel.open_requested.connect(dialog.open_requested)
    ui = dialog.ui
    follow = lambda *_: panel.text_changed(ui.titleEdit.text(), ui.contentEdit.toPlainText())  # noqa: E731
    ui.titleEdit.textChanged.connect(follow)
    ui.contentEdit.textChanged.connect(follow)
    dialog.case_saved.connect(lambda *_: panel.load_item(dialog.record.id))
    dialog.finished.connect(lambda *_: settle(panel.pending))
    if dialog.record.id is None:
        follow()
    panel.load_item(dialog.record.id)
    return panel
