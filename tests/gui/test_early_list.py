"""The case list at start-up: a file of the current schema shows its rows before the database is
opened (read with plain sqlite3), and the window then works on them as on rows loaded later."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QApplication

from desktop_app import startup
from desktop_app.gui.main_window import MainWindow


def shown_rows() -> int:
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
    return window.case_list.model.rowCount()


def test_every_row_shows_before_the_database_is_opened(real_start, monkeypatch):
    seen = []
    open_for_window = startup.open_for_window

    def opening(*args, **kwargs):
        seen.append(shown_rows())
        return open_for_window(*args, **kwargs)

    monkeypatch.setattr(startup, "open_for_window", opening)
    window = real_start.start(real_start.db_path)
    assert seen == [60]  # the demo's 60 items, before the file was opened
    model = window.case_list.model
    assert model.rowCount() == 60 and window.countLabel.text() == "显示 60 / 60 条"
    # Loaded as any list: the late columns are filled, and a search filters the rows read early.
    assert all(model.row_at(n).checklist_progress is not None for n in range(model.rowCount()))
    title = model.row_at(0).title
    window.case_list.ui.searchEdit.setText(title)
    window.case_list.apply_search()
    assert 1 <= model.rowCount() < 60 and title in {model.row_at(n).title for n in range(model.rowCount())}
    assert not real_start.watch.problems, real_start.watch.problems


def test_rows_read_early_from_a_file_that_then_cannot_be_opened_are_not_shown(real_start, monkeypatch, tmp_path):
    """The file of the current schema reads, but opening it fails (damaged): the user opens
    another file, and the window shows that file's rows only."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop_app.storage.database import open_database

    other = tmp_path / "新台账.sqlite"
    open_database(other).close()  # no items
    opened_paths = []
    real_open = startup._open

    def open_or_fail(path, *args, **kwargs):
        opened_paths.append(path)
        if path == real_start.db_path:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real_open(path, *args, **kwargs)

    def open_other(box):
        next(b for b in box.buttons() if b.objectName() == "openOtherButton").click()
        return 0

    seen = []

    def choose_other(*_args, **_kwargs):
        seen.append(shown_rows())
        return str(other), ""

    monkeypatch.setattr(startup, "_open", open_or_fail)
    monkeypatch.setattr(QMessageBox, "exec", open_other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose_other))
    window = real_start.start(real_start.db_path)
    assert seen == [60]  # the damaged file's rows were shown while the user was asked
    assert opened_paths == [real_start.db_path, other]
    assert window.services.db_path == other
    assert window.case_list.model.rowCount() == 0
    assert window.countLabel.text() == "显示 0 / 0 条"
