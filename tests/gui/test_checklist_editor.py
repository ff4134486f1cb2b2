"""清单模板 editor driven through its widgets: add, rename, move (keys and drop), delete, undo, save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.domain.checklist import EntryLevel
from desktop_app.gui.views.checklist_editor_view import ChecklistEditorView
from desktop_app.services.checklist import ChecklistService
from tests.gui.dialog_support import make_services

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def editor(qtbot, ctx, tmp_path, message_log):
    view = ChecklistEditorView(make_services(ctx, tmp_path))
    qtbot.addWidget(view)
    view.show()
    view.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=2000)
    return view


def names_under(view, parent_name):
    parent = next(e for e in view.entries if e.name == parent_name)
    return [e.name for e in view.entries if e.parent_key == parent.key]


def key_of(view, name):
    return next(e.key for e in view.entries if e.name == name)


def press(qtbot, view, key, modifier=Qt.KeyboardModifier.NoModifier):
    view.ui.entryTree.setFocus()
    qtbot.keyClick(view.ui.entryTree, key, modifier)


def test_shows_the_default_template_as_a_tree(editor):
    tree = editor.ui.entryTree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == ["办前", "办中", "办后"]
    assert tree.topLevelItem(0).child(3).text(3) == "须在答复定稿前完成"


def test_add_rename_move_delete_undo_and_save(qtbot, editor, ctx):
    editor.select_key("s4")  # 办前沟通
    editor.ui.addButton.click()
    editor.ui.nameEdit.setText("确认联系方式")
    editor.ui.nameEdit.editingFinished.emit()
    assert names_under(editor, "办前") == ["签收登记", "审核职责", "制定方案", "办前沟通", "确认联系方式"]

    press(qtbot, editor, Qt.Key.Key_Up, CTRL)
    assert names_under(editor, "办前")[3:] == ["确认联系方式", "办前沟通"]
    press(qtbot, editor, Qt.Key.Key_Right, CTRL)  # under 制定方案, as a key point
    moved = next(e for e in editor.entries if e.name == "确认联系方式")
    assert moved.level is EntryLevel.POINT and names_under(editor, "制定方案")[-1] == "确认联系方式"
    press(qtbot, editor, Qt.Key.Key_Left, CTRL)
    assert next(e for e in editor.entries if e.name == "确认联系方式").level is EntryLevel.STEP

    editor.drop_entry(key_of(editor, "确认联系方式"), "p2", "on")  # dragged onto 办中
    assert names_under(editor, "办中")[-1] == "确认联系方式"

    editor.select_key("s9")
    press(qtbot, editor, Qt.Key.Key_Delete)
    assert "反馈跟踪" not in [e.name for e in editor.entries] and "承诺事项跟踪到办结" not in [e.name for e in editor.entries]
    editor.ui.undoButton.click()
    assert names_under(editor, "反馈跟踪") == ["征询办理态度和结果两项评价，不满意的 1 个月内重新办理", "承诺事项跟踪到办结"]
    editor.ui.redoButton.click()
    assert "反馈跟踪" not in [e.name for e in editor.entries]

    editor.select_key("s4")
    editor.ui.dueCheck.setChecked(True)
    assert next(e for e in editor.entries if e.key == "s4").due_length == 14

    editor.ui.noteEdit.setText("补充确认联系方式")
    editor.ui.saveButton.click()
    service = ChecklistService(ctx)
    qtbot.waitUntil(lambda: service.template().number == 2, timeout=5000)
    saved = service.template()
    assert "确认联系方式" in [e.name for e in saved.entries] and "反馈跟踪" not in [e.name for e in saved.entries]
    assert next(e for e in saved.entries if e.key == "s4").due_text() == "交办日期起 14天内"
    qtbot.waitUntil(lambda: "第 2 版" in editor.ui.versionLabel.text(), timeout=5000)
    assert not editor.is_modified()


def test_a_move_past_the_third_level_is_refused_in_the_hint_line(qtbot, editor):
    editor.select_key("k3")  # a key point
    before = editor.entries
    editor.ui.addChildButton.click()
    assert editor.entries == before and "最多三级" in editor.ui.shortcutLabel.text()


def test_a_bad_template_is_not_saved_and_says_why(qtbot, editor, ctx, message_log):
    for key in ("p1", "p2", "p3"):
        editor.select_key(key)
        editor.delete_current()
    editor.ui.addButton.click()
    editor.ui.saveButton.click()
    qtbot.waitUntil(lambda: any(kind == "warning" for kind, *_ in message_log), timeout=5000)
    assert "至少要有一个步骤" in message_log[-1][2]
    assert ChecklistService(ctx).template().number == 1


def test_apply_dialog_previews_each_item_and_applies_to_the_ticked_ones(qtbot, editor, ctx):
    from desktop_app.domain.checklist import Entry, add_entry
    from desktop_app.gui.dialogs.apply_checklist_dialog import ApplyChecklistDialog
    from desktop_app.services.cases import CaseService
    from tests.services.records import make_record

    item_id = CaseService(ctx).save(make_record())[1]
    service = ChecklistService(ctx)
    v = service.template()
    service.save_template(v.template_id, v.name, v.description, add_entry(v.entries, Entry("z1", "归档"), "p3"))
    editor.load_templates()
    dialog = ApplyChecklistDialog(editor._services, editor._runner, editor._version, editor)
    qtbot.addWidget(dialog)
    (row,) = [dialog.itemList.item(i) for i in range(dialog.itemList.count())]
    assert "第1版" in row.text() and "新增 归档" in row.text()
    dialog.findChild(type(dialog.applyButton), "allButton").click()
    dialog.applyButton.click()
    qtbot.waitUntil(lambda: service.item_checklist(item_id).version_number == 2, timeout=5000)


def test_importing_a_broken_file_warns_and_changes_nothing(qtbot, editor, ctx, tmp_path, message_log):
    (tmp_path / "坏.json").write_text("{broken", encoding="utf-8")
    editor.import_path(str(tmp_path / "坏.json"))
    qtbot.waitUntil(lambda: any(kind == "warning" for kind, *_ in message_log), timeout=5000)
    assert "格式已损坏" in message_log[-1][2]
    assert ChecklistService(ctx).template().number == 1
