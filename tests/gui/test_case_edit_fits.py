"""The item editor fits a 1366×768 laptop (a maximised window gets about 1366×728) on every tab,
with 保存 and 关闭 on screen and room for the 反馈与承诺 tables."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTableView, QWidget

from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog
from desktop_app.services.followup import FollowupService

SCREEN = QRect(0, 0, 1366, 728)
TITLE_BAR = 32  # Windows' caption, which the offscreen platform does not draw


def fullest_item(services) -> int:
    """The demo item with the most feedback, commitments and replies."""
    followup = FollowupService(services.cases.ctx)

    def weight(row):
        return (len(followup.feedback(row.id)) + len(followup.commitments(row.id)),
                len(services.cases.get(row.id).history))

    return max(services.cases.list_rows(), key=weight).id


def rows_shown(view: QTableView) -> float:
    return view.viewport().height() / max(view.verticalHeader().defaultSectionSize(), 1)


def test_every_tab_fits_a_1366_by_768_laptop_with_its_buttons_visible(qtbot, services, message_log):
    dialog = CaseEditDialog(services, fullest_item(services))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # Maximised on the laptop: the whole free area minus the title bar.
    frame, inner = dialog.frameGeometry(), dialog.geometry()
    left, top = inner.left() - frame.left(), inner.top() - frame.top()
    right, bottom = frame.right() - inner.right(), frame.bottom() - inner.bottom()
    dialog.setGeometry(left, TITLE_BAR + top, SCREEN.width() - left - right,
                       SCREEN.height() - TITLE_BAR - top - bottom)
    tabs = dialog.ui.sectionTabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()  # the tab laid out
        name = tabs.tabText(index)
        hint, minimum = dialog.sizeHint(), dialog.minimumSizeHint()
        assert minimum.width() <= SCREEN.width() and minimum.height() + TITLE_BAR <= SCREEN.height(), name
        assert hint.width() <= SCREEN.width() and hint.height() + TITLE_BAR <= SCREEN.height(), name
        assert SCREEN.contains(dialog.frameGeometry()), name
        for button in (dialog.ui.saveButton, dialog.ui.closeButton):
            assert button.isVisible(), name
            where = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size()).translated(dialog.geometry().topLeft())
            assert SCREEN.contains(where), name
    tabs.setCurrentWidget(dialog.followup.page)
    parts = dialog.followup.parts
    parts.setCurrentIndex(0)
    QApplication.processEvents()  # the tab laid out
    assert rows_shown(dialog.followup.feedback_view) >= 4
    parts.setCurrentIndex(1)
    QApplication.processEvents()  # the tab laid out
    assert rows_shown(dialog.followup.commitment_view) >= 4


def test_the_editor_opens_no_larger_than_the_screen(qtbot, services, message_log):
    dialog = CaseEditDialog(services, fullest_item(services))
    qtbot.addWidget(dialog)
    free = dialog.screen().availableGeometry()
    assert dialog.width() <= free.width() and dialog.height() + TITLE_BAR <= free.height()
    assert dialog.height() + TITLE_BAR <= SCREEN.height()


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def visible_mnemonics(dialog: CaseEditDialog) -> list[str]:
    """Every Alt key the dialog offers at once: the tab titles, the buttons and labels showing."""
    tabs = dialog.ui.sectionTabs
    keys = [mnemonic(tabs.tabText(i)) for i in range(tabs.count())]
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible() or widget is tabs:
            continue
        if isinstance(widget, (QAbstractButton, QLabel)):
            keys.append(mnemonic(widget.text()))
        elif isinstance(widget, QGroupBox):
            keys.append(mnemonic(widget.title()))
    for inner in dialog.findChildren(type(tabs)):
        if inner is not tabs and inner.isVisible():
            keys += [mnemonic(inner.tabText(i)) for i in range(inner.count())]
    return [k for k in keys if k]


def test_every_tab_has_an_alt_key_and_no_key_is_offered_twice(qtbot, services, message_log):
    dialog = CaseEditDialog(services, fullest_item(services))
    qtbot.addWidget(dialog)
    dialog.show()
    tabs = dialog.ui.sectionTabs
    assert [mnemonic(tabs.tabText(i)) for i in range(tabs.count())] == list("123456789-0")
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        keys = visible_mnemonics(dialog)
        assert len(keys) == len(set(keys)), (tabs.tabText(index), sorted(k for k in keys if keys.count(k) > 1))
