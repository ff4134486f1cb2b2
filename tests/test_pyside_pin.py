"""Guard of the PySide6 pin: 6.12.0 drops a reference to ``None`` on every Qt call that returns it,
and Python 3.11 aborts in ``none_dealloc`` after a few thousand calls. Upgrade only when this passes
with the new version (``None`` is not immortal before Python 3.12, so the count is meaningful)."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QModelIndex, QObject, QStringListModel


def test_pyside6_is_the_pinned_6_11_series():
    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    assert (major, minor) == (6, 11), f"PySide6 {PySide6.__version__}: the app is pinned to 6.11.x (< 6.12)"


def test_reference_count_of_none_does_not_drift_across_qt_calls(qapp):
    assert sys.version_info < (3, 12), "None is immortal from 3.12 on: this guard would not test anything"
    owner = QObject()
    child = QObject(owner)
    model = QStringListModel(["甲", "乙"])
    calls = 0

    def returns_none_many_times():
        nonlocal calls
        for _ in range(500):
            assert owner.property("未设置的属性") is None
            assert owner.parent() is None
            assert child.findChild(QObject, "不存在") is None
            assert model.data(QModelIndex()) is None
            owner.setObjectName("")
            owner.objectName()
            calls += 5

    returns_none_many_times()  # warm up caches that may keep a few references
    before = sys.getrefcount(None)
    for _ in range(3):
        returns_none_many_times()
    drift = sys.getrefcount(None) - before
    assert calls >= 1000 * 3
    # A broken binding loses one reference per call: thousands. Allow a little noise from the
    # interpreter itself.
    assert abs(drift) < 100, f"sys.getrefcount(None) drifted by {drift} over {calls} Qt calls"
