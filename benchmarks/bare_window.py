"""The bare building block the start-up time is compared with: a PySide6 QMainWindow with an
empty 11-column QTableView, built, shown and painted once the way ``desktop-app --smoke-test`` does.
Prints a JSON object with ``startup_ms`` (from this script's first line to the painted window)."""

import time

_STARTED = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402


class EmptyModel(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 0

    def columnCount(self, parent=QModelIndex()):
        return 11

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


app = QApplication([sys.argv[0]])
window = QMainWindow()
table = QTableView(window)
table.setModel(EmptyModel(table))
window.setCentralWidget(table)
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab()
print(json.dumps({"startup_ms": round((time.perf_counter() - _STARTED) * 1000, 1)}))
