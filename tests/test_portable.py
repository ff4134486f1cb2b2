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


@pytest.fixture
def windows_folders(tmp_path, monkeypatch):
    """Windows as platformdirs sees it (its real Windows rules), with the shell's known folders —
    local and roaming AppData of 张三 — in tmp_path; no data-folder variable set."""
    import platformdirs
    from platformdirs import windows

    profile = tmp_path / "Users" / "张三" / "AppData"
    folders = {"CSIDL_LOCAL_APPDATA": profile / "Local", "CSIDL_APPDATA": profile / "Roaming"}
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(platformdirs, "PlatformDirs", windows.Windows)
    monkeypatch.setattr(windows, "get_win_folder", lambda csidl: str(folders[csidl]))
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    return folders


def test_on_windows_data_goes_to_local_appdata_where_the_uninstaller_looks(windows_folders):
    # %LOCALAPPDATA%\JianyiTiananZhushou: not Roaming (a roaming profile would sync a live SQLite
    # file), and no author folder around it; installer.nsi deletes $LOCALAPPDATA\${APP_ID}.
    local = windows_folders["CSIDL_LOCAL_APPDATA"]
    assert paths.data_dir() == local / "JianyiTiananZhushou"
    assert paths.default_db_path() == local / "JianyiTiananZhushou" / "cases.sqlite"
    assert paths.log_dir() == local / "JianyiTiananZhushou" / "logs"
    assert not windows_folders["CSIDL_APPDATA"].exists()


def test_on_windows_a_portable_copy_keeps_everything_beside_itself(windows_folders, tmp_path, monkeypatch):
    stick = tmp_path / "E盘" / "建议 提案"  # a USB stick, a folder name with a space
    stick.mkdir(parents=True)
    (stick / "portable").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(stick / "desktop-app.exe"))
    assert paths.data_dir() == stick / "data"
    assert paths.backup_dir(paths.default_db_path()).parent == stick / "data" / "backups"
    assert not windows_folders["CSIDL_LOCAL_APPDATA"].exists()  # nothing left on the PC
