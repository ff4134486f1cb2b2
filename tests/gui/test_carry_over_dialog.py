"""跟踪 → 年底结转承诺事项…: pick the year, tick, give reasons, carry in one go."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop_app.domain.deadlines import DeadlineKind
from desktop_app.domain.enums import CommitmentStatus
from desktop_app.gui.carry_over_actions import default_year
from desktop_app.gui.dialogs.carry_over_dialog import CHECK, REASON, CarryOverDialog
from desktop_app.services.deadlines import DeadlineService
from desktop_app.services.followup import FollowupService


@pytest.fixture
def dialog(main_window, demo_ctx):
    followup = FollowupService(demo_ctx)
    if len(followup.year_end_candidates(2024)) < 3:  # the demo promises a few; make sure there are three
        item = followup.commitments()[0].item_id
        for n in range(3):
            followup.add_commitment(item, f"年底前完成第{n + 1}批整治", date(2024, 12, 31))
    menu = main_window.findChild(QMenu, "trackingMenu")
    action = main_window.findChild(QAction, "carryOverAction")
    assert action in menu.actions() and menu.title() == "跟踪(&T)"
    action.trigger()
    found = main_window.findChild(CarryOverDialog)
    assert found.isVisible()
    found.year_spin.setValue(2024)
    yield found
    found.close()


def test_the_year_end_list_is_the_open_commitments_of_that_year(dialog, demo_ctx, qtmodeltester):
    expected = FollowupService(demo_ctx).year_end_candidates(2024)
    assert [r.commitment.id for r in dialog.model.rows] == [c.commitment.id for c in expected]
    assert all(dialog.model.ticked)
    assert f"未落实 {len(expected)} 项，已勾选 {len(expected)} 项，结转 2025 年跟踪" in dialog.summary_label.text()
    qtmodeltester.check(dialog.model)
    assert default_year(date(2024, 12, 20)) == 2024 and default_year(date(2025, 1, 8)) == 2024


def test_carrying_the_ticked_ones_with_their_reasons(dialog, qtbot, demo_ctx, main_window, message_log):
    model = dialog.model
    rows = list(model.rows)
    model.setData(model.index(0, CHECK), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(1, REASON), "工程跨年度施工")
    dialog.reason_edit.setText("资金列入下年度预算")
    assert f"已勾选 {len(rows) - 1} 项" in dialog.summary_label.text()
    dialog.carry_button.click()
    qtbot.waitUntil(lambda: dialog.carried, timeout=10000)
    assert any(kind == "confirm" and "2025 年跟踪" in text for kind, _t, text in message_log)
    by_id = {c.id: c for c in FollowupService(demo_ctx).commitments()}
    assert by_id[rows[0].commitment.id].status is CommitmentStatus.OPEN
    assert by_id[rows[1].commitment.id].carried_reason == "工程跨年度施工"
    for row in rows[1:]:
        carried = by_id[row.commitment.id]
        assert carried.status is CommitmentStatus.CARRIED and carried.carried_to_year == 2025
    assert {by_id[r.commitment.id].carried_reason for r in rows[2:]} == {"资金列入下年度预算"}
    history = main_window.services.cases.history(rows[1].commitment.item_id)
    assert any(h.field == "承诺事项结转" and h.reason == "工程跨年度施工" for h in history)
    # Still tracked next year: on the dashboard in January 2025.
    promised = {r.item_id for r in DeadlineService(demo_ctx).open_deadlines(date(2025, 1, 6))
                if r.kind is DeadlineKind.COMMITMENT}
    assert {r.commitment.item_id for r in rows[1:]} <= promised


def test_a_ticked_row_without_a_reason_stops_the_carry(dialog, demo_ctx, message_log):
    dialog.carry_button.click()
    assert any(kind == "warning" and "没有结转理由" in text for kind, _t, text in message_log)
    assert dialog.isVisible() and not dialog.carried
    assert not [c for c in FollowupService(demo_ctx).commitments() if c.status is CommitmentStatus.CARRIED]
