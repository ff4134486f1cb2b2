"""清单模板: edit a checklist template as a tree of phases, steps and key points (gui layer).

The view edits a draft (a tuple of ``domain.checklist.Entry``); every edit is a QUndoCommand that
swaps whole drafts, so undo and redo cover adding, renaming, deleting, moving (buttons, keyboard,
drag and drop) and the detail fields alike. 保存为新版本 writes the draft as a new version in one
service call; items keep their version until 应用到建议提案… moves chosen ones after a preview.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QTreeWidgetItem, QWidget

from desktop_app.domain.calendar import LengthUnit
from desktop_app.domain.checklist import (
    DUE_ANCHORS,
    Condition,
    Entry,
    EntryLevel,
    GateAction,
    RoleFilter,
    add_entry,
    children,
    indent,
    move_down,
    move_entry,
    move_up,
    new_key,
    outdent,
    remove_entry,
    subtree_keys,
)
from desktop_app.domain.deadlines import Anchor
from desktop_app.domain.enums import ItemKind
from desktop_app.gui.forms.ui_checklist_editor_view import Ui_ChecklistEditorView
from desktop_app.gui.operations import Refused, checklists
from desktop_app.gui.runner import OperationRunner
from desktop_app.gui.widgets import message_boxes

KEY_ROLE = Qt.ItemDataRole.UserRole
NEW_NAME = "新条目"


class _DraftCommand(QUndoCommand):
    """Replace the whole draft; undo puts the previous one back."""

    def __init__(self, view: ChecklistEditorView, before, after, text: str, select: str):
        super().__init__(text)
        self._view, self._before, self._after, self._select = view, before, after, select
        self._selected_before = view.current_key()

    def redo(self) -> None:
        self._view._show_entries(self._after, self._select)

    def undo(self) -> None:
        self._view._show_entries(self._before, self._selected_before)


class _DropFilter(QObject):
    """Turns a drop on the tree into a move command (Qt's own move would bypass undo)."""

    def __init__(self, view: ChecklistEditorView):
        super().__init__(view)
        self._view = view

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.Drop:
            return False
        tree = self._view.ui.entryTree
        target = tree.itemAt(event.position().toPoint())
        where = {
            QAbstractItemView.DropIndicatorPosition.OnItem: "on",
            QAbstractItemView.DropIndicatorPosition.AboveItem: "above",
            QAbstractItemView.DropIndicatorPosition.BelowItem: "below",
        }.get(tree.dropIndicatorPosition(), "end")
        source = self._view.current_key()
        if source:
            target_key = target.data(0, KEY_ROLE) if target else ""
            # After the drag has finished: the move rebuilds the tree the drag started from.
            QTimer.singleShot(0, lambda: self._view.drop_entry(source, target_key, where))
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        return True


class ChecklistEditorView(QWidget):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ChecklistEditorView()
        self.ui.setupUi(self)
        self._services = services
        self._service = services.checklists
        self._runner = OperationRunner.for_window(services, self)
        self.undo_stack = QUndoStack(self)
        self._entries: tuple[Entry, ...] = ()
        self._version = None
        self._loading = False
        self._hint = self.ui.shortcutLabel.text()
        self._fill_choices()
        self._connect()
        header = self.ui.entryTree.header()
        for column, width in enumerate((250, 110, 110)):
            header.resizeSection(column, width)
        self.ui.entryTree.viewport().installEventFilter(_DropFilter(self))
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        read_only = bool(services.read_only)
        for widget in (self.ui.saveButton, self.ui.importButton, self.ui.applyButton):
            widget.setEnabled(not read_only)
        self.load_templates()

    # ---- loading

    def load_templates(self, select_id: int | None = None) -> None:
        templates = self._service.templates()
        combo = self.ui.templateCombo
        self._loading = True
        combo.clear()
        for t in templates:
            combo.addItem(t.name + ("（新登记使用）" if t.is_current else ""), t.id)
        wanted = select_id or next((t.id for t in templates if t.is_current), None)
        if wanted is not None:
            combo.setCurrentIndex(combo.findData(wanted))
        self._loading = False
        self._load_version()

    def _load_version(self) -> None:
        template_id = self.ui.templateCombo.currentData()
        if template_id is None:
            return
        self._version = self._service.template(template_id)
        v = self._version
        self.ui.versionLabel.setText(f"第 {v.number} 版 · {v.saved_by} {v.saved_at:%Y-%m-%d %H:%M} 保存")
        self.undo_stack.clear()
        first = v.entries[0].key if v.entries else ""
        self._show_entries(v.entries, first)
        self.undo_stack.setClean()

    @property
    def entries(self) -> tuple[Entry, ...]:
        """The draft as shown."""
        return self._entries

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # ---- the tree

    def _show_entries(self, entries, select: str = "") -> None:
        self._entries = tuple(entries)
        tree = self.ui.entryTree
        self._loading = True
        tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        bold = QFont()
        bold.setBold(True)
        for e in self._entries:
            parent = items.get(e.parent_key)
            item = QTreeWidgetItem(parent if parent is not None else tree)
            item.setText(0, e.name)
            item.setText(1, "" if e.condition.always else e.condition.describe())
            item.setText(2, e.due_text())
            item.setText(3, e.gate_text())
            item.setToolTip(0, e.description)
            item.setData(0, KEY_ROLE, e.key)
            if e.level is EntryLevel.PHASE:
                item.setFont(0, bold)
            items[e.key] = item
        tree.expandAll()
        self._loading = False
        chosen = items.get(select)
        if chosen is not None:
            tree.setCurrentItem(chosen)
        self._show_detail()
        self._update_buttons()

    def current_key(self) -> str:
        item = self.ui.entryTree.currentItem()
        return item.data(0, KEY_ROLE) if item is not None else ""

    def select_key(self, key: str) -> None:
        self._commit_form()
        for item in self._tree_items():
            if item.data(0, KEY_ROLE) == key:
                self.ui.entryTree.setCurrentItem(item)
                return

    def _tree_items(self):
        tree = self.ui.entryTree
        stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            yield item
            stack[0:0] = [item.child(i) for i in range(item.childCount())]

    def _current(self) -> Entry | None:
        key = self.current_key()
        return next((e for e in self._entries if e.key == key), None)

    def _push(self, after, text: str, select: str = "") -> None:
        if tuple(after) == self._entries:
            return
        self.undo_stack.push(_DraftCommand(self, self._entries, tuple(after), text, select or self.current_key()))

    def _try(self, text: str, change, select: str = "") -> None:
        """Apply ``change(entries)``; a refused move says why in the hint line, not a dialog."""
        self._commit_form()
        try:
            after = change(self._entries)
        except ValueError as error:
            self._refuse(str(error))
            return
        self.ui.shortcutLabel.setText(self._hint)
        self._push(after, text, select)

    def _refuse(self, message: str) -> None:
        QApplication.beep()
        self.ui.shortcutLabel.setText(f"<span style='color:#b91c1c'>{message}</span>")

    # ---- edits (each one undoable)

    def add_sibling(self) -> None:
        current = self._current()
        entry = Entry(new_key(), NEW_NAME)
        if current is None:
            self._try("添加条目", lambda es: add_entry(es, entry, ""), entry.key)
        else:
            index = children(self._entries, current.parent_key).index(current) + 1
            self._try("添加条目", lambda es: add_entry(es, entry, current.parent_key, index), entry.key)
        self._edit_name()

    def add_child(self) -> None:
        current = self._current()
        if current is None:
            return self.add_sibling()
        if current.level is EntryLevel.POINT:
            self._refuse("要点下不能再添加下级（清单最多三级）。")
            return None
        entry = Entry(new_key(), NEW_NAME)
        self._try("添加下级条目", lambda es: add_entry(es, entry, current.key), entry.key)
        self._edit_name()
        return None

    def delete_current(self) -> None:
        current = self._current()
        if current is None:
            return
        siblings = [e for e in self._entries if e.key not in subtree_keys(self._entries, current.key)]
        following = next((e.key for e in self._entries[self._entries.index(current) + 1:] if e in siblings), "")
        self._try(f"删除“{current.name}”", lambda es: remove_entry(es, current.key), following)

    def move_current(self, how: str) -> None:
        current = self._current()
        if current is None:
            return
        change = {"up": move_up, "down": move_down, "indent": indent, "outdent": outdent}[how]
        label = {"up": "上移", "down": "下移", "indent": "降级", "outdent": "升级"}[how]
        self._try(f"{label}“{current.name}”", lambda es: change(es, current.key), current.key)

    def drop_entry(self, key: str, target_key: str, where: str) -> None:
        """A drag of ``key`` dropped ``on`` / ``above`` / ``below`` ``target_key`` (or at the end)."""
        target = next((e for e in self._entries if e.key == target_key), None)
        moving = next((e for e in self._entries if e.key == key), None)
        if moving is None or key == target_key:
            return
        if target is None or where == "end":
            parent, index = "", len(children(self._entries, ""))
        elif where == "on":
            parent, index = target.key, len(children(self._entries, target.key))
        else:
            parent = target.parent_key
            index = children(self._entries, parent).index(target) + (1 if where == "below" else 0)
        self._try(f"移动“{moving.name}”", lambda es: move_entry(es, key, parent, index), key)

    def rename_current(self, name: str) -> None:
        self.ui.nameEdit.setText(name)
        self._commit_form()

    def _edit_name(self) -> None:
        self.ui.nameEdit.setFocus()
        self.ui.nameEdit.selectAll()

    # ---- the detail form

    def _fill_choices(self) -> None:
        # Codes as item data: Qt hands str-based enums back as plain str.
        for anchor in DUE_ANCHORS:
            self.ui.dueAnchorCombo.addItem(anchor.label, anchor.value)
        for unit in (LengthUnit.DAYS, LengthUnit.WORKING_DAYS, LengthUnit.MONTHS):
            self.ui.dueUnitCombo.addItem(unit.label, unit.value)
        self.ui.gateCombo.addItem("无", "")
        for action in GateAction:
            self.ui.gateCombo.addItem(f"须在{action.label}前完成", action.value)

    def _show_detail(self) -> None:
        e = self._current()
        ui = self.ui
        self._loading = True
        ui.detailPane.setEnabled(e is not None)
        e = e or Entry("", "")
        ui.nameEdit.setText(e.name)
        ui.levelLabel.setText(e.level.label if e.key else "")
        ui.descriptionEdit.setPlainText(e.description)
        c = e.condition
        ui.suggestionCheck.setChecked(ItemKind.SUGGESTION in c.kinds)
        ui.proposalCheck.setChecked(ItemKind.PROPOSAL in c.kinds)
        ui.leadRoleCheck.setChecked(RoleFilter.LEAD in c.roles)
        ui.coRoleCheck.setChecked(RoleFilter.CO in c.roles)
        ui.leaderHandledCheck.setChecked(c.leader_handled)
        ui.keyItemCheck.setChecked(c.key_item)
        ui.coUnitsCheck.setChecked(c.co_units_over is not None)
        ui.coUnitsSpin.setValue(4 if c.co_units_over is None else c.co_units_over)
        ui.dueCheck.setChecked(e.due_length is not None)
        ui.dueLengthSpin.setValue(14 if e.due_length is None else e.due_length)
        ui.dueUnitCombo.setCurrentIndex(max(0, ui.dueUnitCombo.findData(e.due_unit.value)))
        ui.dueAnchorCombo.setCurrentIndex(max(0, ui.dueAnchorCombo.findData(e.due_anchor.value)))
        ui.gateCombo.setCurrentIndex(max(0, ui.gateCombo.findData(e.gate.value if e.gate else "")))
        self._loading = False
        self._update_due_fields()

    def _form_entry(self, e: Entry) -> Entry:
        ui = self.ui
        kinds = {k for k, box in ((ItemKind.SUGGESTION, ui.suggestionCheck), (ItemKind.PROPOSAL, ui.proposalCheck))
                 if box.isChecked()}
        roles = {r for r, box in ((RoleFilter.LEAD, ui.leadRoleCheck), (RoleFilter.CO, ui.coRoleCheck)) if box.isChecked()}
        condition = Condition(
            frozenset(kinds), frozenset(roles), ui.leaderHandledCheck.isChecked(), ui.keyItemCheck.isChecked(),
            ui.coUnitsSpin.value() if ui.coUnitsCheck.isChecked() else None,
        )
        due = ui.dueCheck.isChecked()
        return Entry(
            e.key, ui.nameEdit.text().strip() or e.name, e.level, e.parent_key,
            ui.descriptionEdit.toPlainText().strip(), condition,
            ui.dueLengthSpin.value() if due else None,
            LengthUnit(ui.dueUnitCombo.currentData()) if due else LengthUnit.DAYS,
            Anchor(ui.dueAnchorCombo.currentData()) if due else DUE_ANCHORS[0],
            GateAction(ui.gateCombo.currentData()) if ui.gateCombo.currentData() else None,
        )

    def _commit_form(self, *_args) -> None:
        """Turn what the form shows into an undoable edit of the selected entry."""
        if self._loading:
            return
        e = self._current()
        if e is None:
            return
        changed = self._form_entry(e)
        if changed != e:
            text = f"重命名为“{changed.name}”" if changed.name != e.name else f"修改“{e.name}”"
            self._push(tuple(changed if x.key == e.key else x for x in self._entries), text, e.key)

    def _update_due_fields(self) -> None:
        on = self.ui.dueCheck.isChecked()
        for widget in (self.ui.dueAnchorCombo, self.ui.dueLengthSpin, self.ui.dueUnitCombo):
            widget.setEnabled(on)
        self.ui.coUnitsSpin.setEnabled(self.ui.coUnitsCheck.isChecked())

    def _update_buttons(self) -> None:
        has = self._current() is not None
        for button in (self.ui.addChildButton, self.ui.deleteButton, self.ui.upButton, self.ui.downButton,
                       self.ui.indentButton, self.ui.outdentButton):
            button.setEnabled(has)

    # ---- wiring

    def _connect(self) -> None:
        ui = self.ui
        ui.templateCombo.currentIndexChanged.connect(self._template_chosen)
        ui.entryTree.currentItemChanged.connect(self._selection_changed)
        ui.nameEdit.editingFinished.connect(self._commit_form)
        # The description has no editingFinished: leaving it (e.g. clicking the tree) commits it.
        ui.descriptionEdit.installEventFilter(self)
        for box in (ui.suggestionCheck, ui.proposalCheck, ui.leadRoleCheck, ui.coRoleCheck, ui.leaderHandledCheck,
                    ui.keyItemCheck, ui.coUnitsCheck, ui.dueCheck):
            box.toggled.connect(self._commit_form)
        for spin in (ui.coUnitsSpin, ui.dueLengthSpin):
            spin.editingFinished.connect(self._commit_form)
        for combo in (ui.dueUnitCombo, ui.dueAnchorCombo, ui.gateCombo):
            combo.activated.connect(self._commit_form)
        ui.dueCheck.toggled.connect(self._update_due_fields)
        ui.coUnitsCheck.toggled.connect(self._update_due_fields)
        ui.addButton.clicked.connect(self.add_sibling)
        ui.addChildButton.clicked.connect(self.add_child)
        ui.deleteButton.clicked.connect(self.delete_current)
        ui.upButton.clicked.connect(lambda: self.move_current("up"))
        ui.downButton.clicked.connect(lambda: self.move_current("down"))
        ui.indentButton.clicked.connect(lambda: self.move_current("indent"))
        ui.outdentButton.clicked.connect(lambda: self.move_current("outdent"))
        ui.undoButton.clicked.connect(self._undo)
        ui.redoButton.clicked.connect(self._redo)
        self.undo_stack.canUndoChanged.connect(ui.undoButton.setEnabled)
        self.undo_stack.canRedoChanged.connect(ui.redoButton.setEnabled)
        ui.undoButton.setEnabled(False)
        ui.redoButton.setEnabled(False)
        ui.saveButton.clicked.connect(self.save)
        ui.importButton.clicked.connect(self.import_file)
        ui.exportButton.clicked.connect(self.export_file)
        ui.applyButton.clicked.connect(self.apply_to_items)
        ui.closeButton.clicked.connect(self.close)
        for keys, slot in (
            ("Ctrl+Up", lambda: self.move_current("up")),
            ("Ctrl+Down", lambda: self.move_current("down")),
            ("Ctrl+Left", lambda: self.move_current("outdent")),
            ("Ctrl+Right", lambda: self.move_current("indent")),
            ("Ins", self.add_sibling),
            ("Ctrl+Ins", self.add_child),
            ("Del", self.delete_current),
            ("F2", self._edit_name),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            ui.entryTree.addAction(action)
        for keys, slot in ((QKeySequence.StandardKey.Undo, self._undo), (QKeySequence.StandardKey.Redo, self._redo),
                           (QKeySequence.StandardKey.Save, self.save)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.ui.descriptionEdit and event.type() == QEvent.Type.FocusOut:
            self._commit_form()
        return super().eventFilter(watched, event)

    def _undo(self) -> None:
        self._commit_form()
        self.undo_stack.undo()

    def _redo(self) -> None:
        self.undo_stack.redo()

    def _selection_changed(self, _current, _previous) -> None:
        if self._loading:
            return
        self._show_detail()
        self._update_buttons()

    def _template_chosen(self) -> None:
        if self._loading:
            return
        if self.is_modified() and not message_boxes.confirm(
                self, "清单模板", "当前模板有未保存的修改，切换模板将放弃这些修改。要切换吗？", "放弃修改并切换"):
            self._loading = True
            self.ui.templateCombo.setCurrentIndex(self.ui.templateCombo.findData(self._version.template_id))
            self._loading = False
            return
        self._load_version()

    # ---- save, apply, files

    def save(self) -> None:
        self._commit_form()
        v = self._version
        if v is None or self._services.read_only:
            return
        entries, note = self._entries, self.ui.noteEdit.text().strip()
        self._runner.run(checklists.save_template(self._services, v.template_id, v.name, v.description, entries, note,
                                                  based_on=v.version_id), on_success=self._saved)

    def _saved(self, result) -> None:
        if isinstance(result, Refused):
            message_boxes.show_warning(self, "清单模板未保存", str(result.error))
            return
        self.ui.noteEdit.clear()
        self.load_templates(self._version.template_id)
        behind = len(self._service.items_behind(self._version.template_id))
        if behind:
            self.ui.shortcutLabel.setText(
                f"已保存为第 {self._version.number} 版。已有的 {behind} 件建议提案仍按原版本办理；"
                "需要时点“应用到建议提案…”预览并应用。")

    def apply_to_items(self) -> None:
        from desktop_app.gui.dialogs.apply_checklist_dialog import ApplyChecklistDialog

        if self._version is None:
            return
        if self.is_modified():
            message_boxes.show_information(self, "清单模板", "请先保存修改（保存为新版本），再应用到建议提案。")
            return
        ApplyChecklistDialog(self._services, self._runner, self._version, self).exec()

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, "导入清单模板", "", "清单模板 (*.json)")
        if path:
            self.import_path(path)

    def import_path(self, path: str) -> None:
        def done(result):
            if isinstance(result, Refused):
                message_boxes.show_warning(self, "清单模板未导入", str(result.error))
                return
            version = self._service.template(version_id=result[1])
            self.load_templates(version.template_id)
            message_boxes.show_information(self, "清单模板", f"已导入“{version.name}”第 {version.number} 版。")

        self._runner.run(checklists.import_template(self._services, path), on_success=done)

    def export_file(self) -> None:
        if self._version is None:
            return
        if self.is_modified():
            message_boxes.show_information(self, "清单模板", "导出的是已保存的版本；未保存的修改不会导出。")
        path, _filter = QFileDialog.getSaveFileName(
            self, "导出清单模板", f"{self._version.name}（第{self._version.number}版）.json", "清单模板 (*.json)")
        if path:
            if not path.lower().endswith(".json"):
                path += ".json"
            self._runner.run(checklists.export_template(self._services, self._version.version_id, path))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._commit_form()
        if self.is_modified() and not message_boxes.confirm(
                self, "清单模板", "清单模板有未保存的修改，关闭将放弃这些修改。要关闭吗？", "放弃修改并关闭"):
            event.ignore()
            return
        if self.is_modified():
            self._load_version()
        super().closeEvent(event)
