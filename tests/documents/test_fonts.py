"""Font lookup: official fonts first, unusable files skipped, the shipped font last, and the user
told what was substituted."""

from __future__ import annotations

import shutil

import pytest

from desktop_app.documents import fonts
from desktop_app.documents.fonts import BODY, FONT_DIR_ENV, HEI, SHIPPED_FONT, TITLE, find_fonts
from desktop_app.paths import resources_dir


@pytest.fixture
def font_dir(tmp_path, monkeypatch):
    folder = tmp_path / "fonts"
    folder.mkdir()
    monkeypatch.setenv(FONT_DIR_ENV, str(folder))
    monkeypatch.setattr(fonts, "font_dirs", lambda: [folder])
    fonts.reset_cache()
    yield folder
    fonts.reset_cache()


def shipped():
    return resources_dir() / SHIPPED_FONT[0]


def test_official_font_found_is_not_a_substitute(font_dir):
    shutil.copy(shipped(), font_dir / "simfang.ttf")
    found = find_fonts()
    assert found.choices[BODY].family == "仿宋"
    assert not found.choices[BODY].substituted
    assert found.choices[TITLE].substituted  # no 方正小标宋简体 here
    assert "标题（小标宋）" in found.warning() and "正文（仿宋）" not in found.warning()


def test_damaged_font_file_is_skipped(font_dir):
    (font_dir / "simhei.ttf").write_bytes(b"not a font")
    found = find_fonts()
    assert found.choices[HEI].path == str(shipped())
    assert found.choices[HEI].substituted


def test_users_choice_comes_first_and_is_not_called_a_substitute(font_dir, tmp_path):
    chosen = tmp_path / "my-fangsong.ttc"
    shutil.copy(shipped(), chosen)
    found = find_fonts({BODY: str(chosen)})
    assert found.choices[BODY].path == str(chosen)
    assert not found.choices[BODY].substituted


def test_summary_names_every_role(font_dir):
    summary = find_fonts().summary()
    for label in fonts.ROLE_LABELS.values():
        assert label in summary
