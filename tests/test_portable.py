"""Portable mode: a ``portable`` file beside the frozen program keeps every file beside it."""

from __future__ import annotations

import sys

import pytest

from desktop_app import paths


@pytest.fixture
def program(tmp_path, monkeypatch):
    """A frozen program in ``stick/建议提案`` (a USB stick), with no data-folder variable set."""
    folder = tmp_path / "stick" / "建议提案"
    folder.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "desktop-app.exe"))
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # where an installed copy keeps data
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    return folder


def test_marker_file_keeps_database_backups_logs_and_settings_beside_the_program(program):
    (program / "portable").write_text("", encoding="utf-8")
    data = program / "data"
    assert paths.data_dir() == data and data.is_dir()
    assert paths.default_db_path() == data / "cases.sqlite"
    for path in (paths.demo_db_path(), paths.settings_path(), paths.log_dir(),
                 paths.backup_dir(paths.default_db_path())):
        assert data in path.parents


def test_without_the_marker_an_installed_program_uses_the_per_user_folder(program, tmp_path):
    folder = paths.data_dir()
    assert folder.name == paths.APP_DIR_NAME
    assert program not in folder.parents
    assert not (program / "data").exists()


def test_the_environment_variable_wins_over_the_marker(program, tmp_path, monkeypatch):
    (program / "portable").write_text("", encoding="utf-8")
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "elsewhere"))
    assert paths.data_dir() == tmp_path / "elsewhere"
    assert not (program / "data").exists()


def test_a_folder_named_portable_is_not_the_marker(program):
    (program / "portable").mkdir()
    assert paths.data_dir().name == paths.APP_DIR_NAME


def test_running_from_source_ignores_a_marker_beside_the_python_interpreter(program, monkeypatch):
    (program / "portable").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", False)  # sys.executable is python.exe when not frozen
    assert paths.portable_data_dir() is None
    assert paths.data_dir().name == paths.APP_DIR_NAME
