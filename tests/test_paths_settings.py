"""Where the app keeps files, and the UI settings file: redirectable, per database, never a crash."""

from __future__ import annotations

import json
import logging

import pytest

from desktop_app import paths
from desktop_app.settings import CURRENT_VERSION, UiSettings, load_settings, os_user_name, save_settings


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    return tmp_path / "home"


def test_one_environment_variable_redirects_every_file(home):
    assert paths.data_dir() == home
    for path in (paths.default_db_path(), paths.demo_db_path(), paths.settings_path(),
                 paths.log_dir(), paths.backup_dir(home / "cases.sqlite")):
        assert home in path.parents
    assert paths.log_dir().is_dir()


def test_environment_is_read_at_each_call_not_at_import(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "a"))
    first = paths.default_db_path()
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "b"))
    assert paths.default_db_path() != first
    assert paths.default_db_path().parent == tmp_path / "b"


def test_without_the_variable_data_goes_to_the_per_user_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # Linux; Windows uses LOCALAPPDATA
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    folder = paths.data_dir()
    assert folder.name == paths.APP_DIR_NAME
    assert tmp_path in folder.parents


def test_demo_database_is_a_different_file_from_the_real_one(home):
    assert paths.demo_db_path() != paths.default_db_path()
    assert paths.demo_db_path().name == "demo.sqlite"
    assert paths.default_db_path().name == "cases.sqlite"


def test_backups_of_different_databases_never_share_a_folder(home, tmp_path):
    real = paths.backup_dir(paths.default_db_path())
    demo = paths.backup_dir(paths.demo_db_path())
    other = paths.backup_dir(tmp_path / "elsewhere" / "cases.sqlite")  # same name, other folder
    assert len({real, demo, other}) == 3
    assert real.name.startswith("cases-") and demo.name.startswith("demo-")
    assert paths.backup_dir(paths.default_db_path()) == real  # stable


def test_shipped_files_are_found_in_a_checkout_and_in_the_frozen_bundle(tmp_path, monkeypatch):
    # From source: the checkout's resources/ and README (the icon and the bundled font are there).
    assert paths.resource_path("icons/app.svg").is_file()
    assert paths.readme_path().is_file()
    # Frozen: PyInstaller unpacks the data files under sys._MEIPASS (the icon, the letter templates
    # and the bundled font are all looked up here).
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_path("icons/app.svg") == tmp_path / "resources" / "icons" / "app.svg"
    assert paths.readme_path() == tmp_path / "README.md"


def test_the_user_name_is_not_taken_from_the_login_and_the_login_is_only_a_suggestion(monkeypatch):
    monkeypatch.setenv("USER", "zhangsan")
    monkeypatch.setenv("LOGNAME", "zhangsan")
    monkeypatch.setenv("USERNAME", "zhangsan")
    assert UiSettings().user_name == ""  # asked on the first window start
    assert os_user_name() == "zhangsan"


def test_a_login_saved_unasked_by_an_older_version_is_asked_again_and_a_typed_name_is_kept(home, monkeypatch):
    monkeypatch.setenv("USER", "zhangsan")
    monkeypatch.setenv("LOGNAME", "zhangsan")
    monkeypatch.setenv("USERNAME", "zhangsan")
    paths.settings_path().write_text(json.dumps({"version": 2, "user_name": "zhangsan"}), encoding="utf-8")
    assert load_settings().user_name == ""
    paths.settings_path().write_text(json.dumps({"version": 2, "user_name": "张三"}), encoding="utf-8")
    assert load_settings().user_name == "张三"


def test_settings_round_trip(home):
    settings = UiSettings(user_name="李四", window_geometry="AdnQywADAAA=", show_filter_panel=False,
                          last_view="我方主办", view_state={"case_list": {"columns": ["number", "title"]}})
    save_settings(settings)
    loaded = load_settings()
    assert loaded == settings
    assert json.loads(paths.settings_path().read_text(encoding="utf-8"))["user_name"] == "李四"


def test_missing_file_gives_defaults(home):
    assert load_settings() == UiSettings()


def test_broken_file_gives_defaults_with_a_warning_and_keeps_the_file(home, caplog):
    paths.settings_path().write_text("{ not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        settings = load_settings()
    assert settings == UiSettings()
    assert "已损坏" in caplog.text
    assert paths.settings_path().with_name("settings.json.bad").read_text(encoding="utf-8") == "{ not json"


@pytest.mark.parametrize("content", ["[1, 2]", "null", '"text"', b"\xff\xfe\x00garbage"])
def test_any_non_settings_content_gives_defaults(home, content):
    target = paths.settings_path()
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    assert load_settings() == UiSettings()


def test_wrong_value_types_fall_back_per_field(home):
    paths.settings_path().write_text(json.dumps(
        {"version": CURRENT_VERSION, "user_name": "王五", "show_filter_panel": "yes", "view_state": []}
    ), encoding="utf-8")
    settings = load_settings()
    assert settings.user_name == "王五"
    assert settings.show_filter_panel is True
    assert settings.view_state == {}


def test_old_versions_are_upgraded(home):
    paths.settings_path().write_text(json.dumps(
        {"geometry": "R0VP", "state": "U1RBVEU=", "filter_panel_visible": False, "user_name": "赵六"}
    ), encoding="utf-8")
    settings = load_settings()
    assert settings.version == CURRENT_VERSION
    assert (settings.window_geometry, settings.window_state) == ("R0VP", "U1RBVEU=")
    assert settings.show_filter_panel is False
    assert settings.user_name == "赵六"


def test_keys_from_a_newer_version_survive_a_save(home):
    paths.settings_path().write_text(json.dumps(
        {"version": CURRENT_VERSION + 5, "user_name": "钱七", "future_option": {"a": 1}}
    ), encoding="utf-8")
    save_settings(load_settings())
    data = json.loads(paths.settings_path().read_text(encoding="utf-8"))
    assert data["future_option"] == {"a": 1}
    assert data["user_name"] == "钱七"


def test_save_replaces_the_file_without_leaving_temporary_files(home):
    save_settings(UiSettings(user_name="甲"))
    save_settings(UiSettings(user_name="乙"))
    assert load_settings().user_name == "乙"
    assert sorted(p.name for p in home.iterdir() if p.is_file()) == ["settings.json"]
