"""The editor's 办理清单 tab: the item's checklist with tick boxes, note, evidence and progress
(gui layer).

A tick is its own record (who, when, note, evidence) written at once through the editor's runner
(queued with every other write), not part of the editor's draft: it never changes the item row, so
it cannot conflict with the item's save.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.checklist import GateAction, tickable
from desktop_app.gui.operations import Refused, checklists
from desktop_app.gui.widgets import message_boxes

ENTRY_ROLE = Qt.ItemDataRole.UserRole
NEW_ITEM_TEXT = "保存后，按当前清单模板和本件的条件（主办/会办、区领导亲自办理、会办单位数）生成办理清单。"


class ItemChecklistWidget(QWidget):
    """``load(item_id)`` after each load or save of the editor. Writes go through ``runner`` (the
    editor's); the runner announces their ``Changes``."""

    def __init__(self, services, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checklistTab")
        self._services = services
        self.runner = runner
        self._service = services.checklists
        self._item_id: int | None = None
        self.view = None
        self._filling = False
        layout = QVBoxLayout(self)
        self.progressLabel = QLabel(self)
        self.progressLabel.setObjectName("progressLabel")
        self.progressLabel.setWordWrap(True)
        layout.addWidget(self.progressLabel)
        self.entryTree = QTreeWidget(self)
        self.entryTree.setObjectName("entryTree")
        self.entryTree.setHeaderLabels(["条目", "完成人", "完成时间", "备注", "佐证"])
        for column, width in enumerate((320, 70, 120, 160)):
            self.entryTree.header().resizeSection(column, width)
        self.entryTree.setAlternatingRowColors(True)
        layout.addWidget(self.entryTree, 1)
        self.descriptionLabel = QLabel(self)
        self.descriptionLabel.setObjectName("descriptionLabel")
        self.descriptionLabel.setWordWrap(True)
        layout.addWidget(self.descriptionLabel)
        row = QHBoxLayout()
        row.addWidget(QLabel("勾选时记录 备注：", self))
        self.noteEdit = QLineEdit(self)
        self.noteEdit.setObjectName("noteEdit")
        self.noteEdit.setPlaceholderText("例如：已电话沟通，代表同意办理方向")
        row.addWidget(self.noteEdit, 2)
        row.addWidget(QLabel("佐证：", self))
        self.evidenceCombo = QComboBox(self)
        self.evidenceCombo.setObjectName("evidenceCombo")
        row.addWidget(self.evidenceCombo, 1)
        self.overrideButton = QPushButton("越过关卡…", self)
        self.overrideButton.setObjectName("overrideButton")
        self.overrideButton.setToolTip("关卡步骤未完成而确需先定稿或办结时，写明理由后越过；理由记入修改记录。")
        row.addWidget(self.overrideButton)
        self.createButton = QPushButton("生成办理清单", self)
        self.createButton.setObjectName("createButton")
        row.addWidget(self.createButton)
        layout.addLayout(row)
        self.overridesLabel = QLabel(self)
        self.overridesLabel.setObjectName("overridesLabel")
        self.overridesLabel.setWordWrap(True)
        layout.addWidget(self.overridesLabel)
        self.entryTree.itemChanged.connect(self._item_changed)
        self.entryTree.currentItemChanged.connect(self._describe)
        self.overrideButton.clicked.connect(self.override_gate)
        self.createButton.clicked.connect(self._create)

    def load(self, item_id: int | None, rebuild: bool = True) -> None:
        """Show the item's checklist; ``rebuild`` False updates the rows in place (inside a
        signal of the tree, whose items must not be deleted then)."""
        self._item_id = item_id
        self.view = self._service.item_checklist(item_id) if item_id is not None else None
        writable = not self._services.read_only
        self.createButton.setVisible(item_id is not None and self.view is None and writable)
        self.overrideButton.setEnabled(self.view is not None and writable and any(
            e.entry.gate is not None for e in self.view.entries))
        self.evidenceCombo.clear()
        self.evidenceCombo.addItem("无", None)
        self._fill_tree(writable, rebuild)
        if self.view is None:
            self.progressLabel.setText(NEW_ITEM_TEXT if item_id is None else
                                       "本件登记时还没有办理清单。点“生成办理清单”按当前模板生成。")
            self.overridesLabel.clear()
            return
        for choice in self.view.evidence:
            self.evidenceCombo.addItem(choice.text, (choice.kind, choice.id))
        v = self.view
        newer = f"（模板已有第 {v.latest_number} 版，可在 设置 → 清单模板 中应用）" if v.outdated else ""
        p = v.progress
        self.progressLabel.setText(
            f"{v.template_name} 第 {v.version_number} 版{newer}　进度 {p.done}/{p.total}　"
            + (f"下一步：{p.next_step}" if p.next_step else "步骤已全部完成"))
        self.overridesLabel.setText("越过关卡记录：" + "；".join(v.overrides) if v.overrides else "")

    def _fill_tree(self, writable: bool, rebuild: bool = True) -> None:
        tree = self.entryTree
        self._filling = True
        shown = {item.data(0, ENTRY_ROLE): item for item in self._tree_items()}
        if not rebuild and self.view is not None and set(shown) == {e.id for e in self.view.entries}:
            for e in self.view.entries:
                self._show_row(shown[e.id], e, writable)
            self._filling = False
            return
        tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        bold = QFont()
        bold.setBold(True)
        for e in (self.view.entries if self.view else ()):
            parent = items.get(e.entry.parent_key)
            item = QTreeWidgetItem(parent if parent is not None else tree)
            item.setData(0, ENTRY_ROLE, e.id)
            item.setToolTip(0, e.entry.description)
            if not tickable(e.entry):
                item.setFont(0, bold)
            self._show_row(item, e, writable)
            items[e.entry.key] = item
        tree.expandAll()
        self._filling = False

    def _show_row(self, item: QTreeWidgetItem, e, writable: bool) -> None:
        gate = f"（{e.entry.gate_text()}）" if e.entry.gate else ""
        due = f"（{e.entry.due_text()}）" if e.entry.due_length is not None else ""
        item.setText(0, e.entry.name + gate + due)
        if not tickable(e.entry):
            return
        flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
        if not writable:
            flags &= ~Qt.ItemFlag.ItemIsEnabled
        item.setFlags(flags)
        item.setCheckState(0, Qt.CheckState.Checked if e.done else Qt.CheckState.Unchecked)
        evidence = {(c.kind, c.id): c.text for c in self.view.evidence}
        item.setText(1, e.done_by if e.done else "")
        item.setText(2, f"{e.done_at:%Y-%m-%d %H:%M}" if e.done and e.done_at else "")
        item.setText(3, e.note if e.done else "")
        item.setText(4, (evidence.get(("contact", e.contact_id)) or evidence.get(("attachment", e.attachment_id))
                         or "") if e.done else "")

    def _tree_items(self):
        stack = [self.entryTree.topLevelItem(i) for i in range(self.entryTree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))

    def item_for(self, name: str) -> QTreeWidgetItem | None:
        """The tree row whose entry is named ``name`` (for tests and keyboard users)."""
        found = self.entryTree.findItems(name, Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive, 0)
        return found[0] if found else None

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0 or self.view is None:
            return
        entry_id = item.data(0, ENTRY_ROLE)
        done = item.checkState(0) == Qt.CheckState.Checked
        held = next((e for e in self.view.entries if e.id == entry_id), None)
        if held is None or held.done == done:
            return
        evidence = self.evidenceCombo.currentData()
        contact_id = evidence[1] if evidence and evidence[0] == "contact" else None
        attachment_id = evidence[1] if evidence and evidence[0] == "attachment" else None
        item_id = self._item_id

        def ticked(result) -> None:
            if isinstance(result, Refused):
                message_boxes.show_warning(self, "办理清单", str(result.error))
            else:
                self.noteEdit.clear()
                self.evidenceCombo.setCurrentIndex(0)
            self._reload(item_id, rebuild=False)

        self._write(checklists.tick(self._services, entry_id, done, self.noteEdit.text().strip(), contact_id,
                                    attachment_id), ticked, lambda: self._reload(item_id, rebuild=False))

    def _write(self, op, on_success, reload) -> None:
        operation = self.runner.run(op, on_success=on_success)
        operation.failed.connect(lambda _error: reload())

    def _reload(self, item_id: int | None, rebuild: bool = True) -> None:
        """Show the item again after a write, unless the editor moved to another item meanwhile."""
        if item_id == self._item_id:
            self.load(item_id, rebuild)

    def _describe(self, current, _previous) -> None:
        if current is None or self.view is None:
            self.descriptionLabel.clear()
            return
        held = next((e for e in self.view.entries if e.id == current.data(0, ENTRY_ROLE)), None)
        self.descriptionLabel.setText(held.entry.description if held else "")

    def override_gate(self) -> None:
        if self.view is None:
            return
        gates = [a for a in GateAction if any(e.entry.gate is a and not e.done for e in self.view.entries)]
        if not gates:
            message_boxes.show_information(self, "越过关卡", "本件没有未完成的关卡步骤，无需越过。")
            return
        action = gates[0]
        missing = "、".join(e.entry.name for e in self.view.entries if e.entry.gate is action and not e.done)
        reason = message_boxes.ask_text(
            self, "越过关卡", f"“{missing}”尚未完成。如确需先{action.label}，请写明理由（记入修改记录）：")
        if reason is None:
            return
        item_id = self._item_id
        self._write(checklists.override_gate(self._services, item_id, action, reason),
                    lambda result: self._after(result, "越过关卡", item_id), lambda: None)

    def _create(self) -> None:
        item_id = self._item_id
        self._write(checklists.create_for_item(self._services, item_id),
                    lambda result: self._after(result, "办理清单", item_id), lambda: None)

    def _after(self, result, title: str, item_id: int | None) -> None:
        if isinstance(result, Refused):
            message_boxes.show_warning(self, title, str(result.error))
            return
        self._reload(item_id)


def install(dialog) -> ItemChecklistWidget:
    """Add the 办理清单 tab to a CaseEditDialog and keep it on the item as loaded or saved."""
    widget = ItemChecklistWidget(dialog.services, dialog.runner, dialog)
    tabs = dialog.ui.sectionTabs
    # Before the read-only 期限 tab, which stays last.
    deadlines = tabs.indexOf(dialog.deadlines.page)
    tabs.insertTab(deadlines if deadlines >= 0 else tabs.count(), widget, "&9 办理清单")
    widget.load(dialog.record.id)
    dialog.case_saved.connect(lambda *_: widget.load(dialog.record.id))
    return widget
