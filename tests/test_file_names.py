"""Names and paths Windows accepts (``desktop_app.file_names``), with Windows' rules applied on any
system: a name made on Linux still has to open on the unit's Windows PC."""

from __future__ import annotations

import sys

import pytest

from desktop_app.file_names import is_reserved_name, safe_file_name, windows_long_path


@pytest.mark.parametrize("name", ["CON", "con.txt", "NUL.pdf", "Nul.tar.gz", "PRN", "aux.docx", "COM1.xlsx",
                                  "lpt9", "COM0", "COM¹.txt", "LPT³", "CON .txt", "CONIN$", "conout$.log"])
def test_device_names_are_reserved_whatever_follows_the_first_dot(name):
    assert is_reserved_name(name)


@pytest.mark.parametrize("name", ["CONTACT.txt", "console.pdf", "COM10", "LPT", "NULL.docx", "_CON.txt",
                                  "答复函_CON.pdf", "区政协 NUL 提案.pdf", ".con"])
def test_ordinary_names_that_only_resemble_devices_are_not(name):
    assert not is_reserved_name(name)


@pytest.mark.parametrize(("name", "safe"), [
    ("CON.txt", "_CON.txt"),
    ("nul", "_nul"),
    ("com1.pdf", "_com1.pdf"),
    ("答复函.docx", "答复函.docx"),
    ("会议纪要 2024/6/3: 现场*办公?.docx", "会议纪要 2024_6_3_ 现场_办公_.docx"),
    ('他说"好"<可以>|吗.txt', "他说_好__可以__吗.txt"),
    ("第一行\n第二行\t.txt", "第一行_第二行_.txt"),
    ("报告. . .", "报告"),        # Windows would drop them and save "报告"
    ("  答复函.pdf  ", "答复函.pdf"),
    ("CON .txt", "_CON .txt"),
])
def test_a_name_is_made_acceptable_and_keeps_what_it_can(name, safe):
    assert safe_file_name(name) == safe


@pytest.mark.parametrize("name", ["", "   ", "...", "???", "/"])
def test_a_name_with_nothing_left_gets_the_fallback(name):
    assert safe_file_name(name, "附件") == "附件"


def test_a_long_name_is_cut_keeping_its_extension():
    title = "关于进一步加强崇明区农村生活污水处理设施运行维护管理工作的建议" * 4  # 124 characters
    safe = safe_file_name(f"{title}（公开文本）.docx")
    assert len(safe) == 80
    assert safe == title[:75] + ".docx"
    assert len(safe.encode("utf-8")) <= 255  # one name on Linux; Windows counts 255 UTF-16 units


def test_a_long_name_without_a_real_extension_is_cut_as_a_whole():
    assert safe_file_name("说明." + "很长" * 60) == ("说明." + "很长" * 60)[:80]
    assert safe_file_name("a" * 100) == "a" * 80


def test_a_cut_never_leaves_a_trailing_dot_before_the_extension():
    assert safe_file_name("甲" * 74 + ". . .docx") == "甲" * 74 + ".docx"


@pytest.fixture
def on_windows(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")


DEEP_FOLDER = "C:\\Users\\张三\\Documents\\" + "\\".join(f"第{n}层 建议提案办理资料" for n in range(1, 20))


def test_a_path_past_windows_limit_is_opened_in_its_extended_length_form(on_windows):
    path = DEEP_FOLDER + "\\答复函.pdf"
    assert len(path) > 260
    assert windows_long_path(path) == "\\\\?\\" + path


def test_a_long_network_path_gets_the_unc_form(on_windows):
    path = "\\\\fileserver\\办公室\\" + DEEP_FOLDER[3:] + "\\台账.xlsx"
    assert windows_long_path(path) == "\\\\?\\UNC\\fileserver\\办公室\\" + DEEP_FOLDER[3:] + "\\台账.xlsx"


def test_the_extended_form_is_absolute_with_backslashes_and_no_dot_segments(on_windows):
    # Windows takes the \\?\ form literally: "/" and ".." must be resolved before.
    path = DEEP_FOLDER.replace("\\", "/") + "/临时/../答复函.pdf"
    assert windows_long_path(path) == "\\\\?\\" + DEEP_FOLDER + "\\答复函.pdf"


def test_short_and_already_extended_paths_are_left_alone(on_windows):
    assert windows_long_path("C:\\Users\\张三\\答复函.pdf") == "C:\\Users\\张三\\答复函.pdf"
    extended = "\\\\?\\" + DEEP_FOLDER + "\\答复函.pdf"
    assert windows_long_path(extended) == extended


def test_other_systems_have_no_such_limit():
    path = "/home/zhang/" + "很长的文件夹名/" * 40 + "答复函.pdf"
    assert windows_long_path(path) == path
