"""The build files agree with each other and with the program: names, paths, versions, pins.

Cheap text checks; building and running the frozen app is packaging/check_frozen.py (in .ci/run).
"""

from __future__ import annotations

import ast
import re
import tomllib

from desktop_app import paths

from .conftest import PACKAGING, ROOT

SPEC = (PACKAGING / "desktop-app.spec").read_text(encoding="utf-8")
NSIS = (PACKAGING / "installer.nsi").read_text(encoding="utf-8-sig")
BUILD_PS1 = (PACKAGING / "build.ps1").read_text(encoding="utf-8-sig")
WORKFLOW = (ROOT / ".github" / "workflows" / "windows-installer.yml").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def nsis_defines() -> dict[str, str]:
    return dict(re.findall(r'^\s*!define\s+(\w+)\s+"([^"]*)"', NSIS, flags=re.MULTILINE))


def nsis_section(title_start: str) -> str:
    match = re.search(rf'^Section[^\n]*"{re.escape(title_start)}.*?^SectionEnd', NSIS, flags=re.MULTILINE | re.DOTALL)
    assert match, f"安装脚本中没有以 {title_start} 开头的 Section"
    return match.group()


def test_spec_names_only_files_that_exist():
    named = re.findall(r'ROOT((?:\s*/\s*"[^"]+")+)', SPEC)
    assert named, "spec 应当用 ROOT / ... 指明源文件"
    for chain in named:
        path = ROOT.joinpath(*re.findall(r'"([^"]+)"', chain))
        assert path.exists(), f"spec 引用的 {path.relative_to(ROOT)} 不存在"
    for module in ("build_info", "make_icon", "launcher"):  # the spec's helpers and entry script
        assert module in SPEC and (PACKAGING / f"{module}.py").is_file(), module
    ast.parse(SPEC)  # the spec is Python


def test_build_scripts_name_only_files_that_exist():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for text in (BUILD_PS1, WORKFLOW, ci):
        for name in re.findall(r"(?:\./)?((?:scripts|packaging)[/\\][\w.-]+\.\w+)", text):
            assert (ROOT / name.replace("\\", "/")).is_file(), name


def test_installer_uses_the_programs_names_and_data_folder():
    defines = nsis_defines()
    program = re.search(r'^NAME = "([^"]+)"', SPEC, flags=re.MULTILINE).group(1)
    assert defines["EXE"] == f"{program}.exe"
    assert defines["CLI_EXE"] == f"{program}-cli.exe"
    # The uninstaller removes exactly the folder the program writes to (platformdirs, local, no author).
    assert defines["APP_ID"] == paths.APP_DIR_NAME
    data = nsis_section("un.同时删除我的数据")
    assert r'RMDir /r "$LOCALAPPDATA\${APP_ID}"' in data
    assert rf'RMDir /r "$INSTDIR\{paths.PORTABLE_DATA_DIR}"' in data
    assert rf'Delete "$INSTDIR\{paths.PORTABLE_MARKER}"' in data


def test_uninstaller_keeps_the_users_data_unless_asked():
    assert re.search(r'^Section /o "un.同时删除我的数据', NSIS, flags=re.MULTILINE), "删除数据必须默认不勾选"
    # Silent uninstall keeps data too, unless /DELETEDATA ticks the box; the wizard asks once more.
    # (packaging/wine_check.py runs both in Wine.)
    on_init = re.search(r"^Function un\.onInit.*?^FunctionEnd", NSIS, flags=re.MULTILINE | re.DOTALL).group()
    assert '${GetOptions} $R0 "/DELETEDATA"' in on_init and "SelectSection ${UnSecData}" in on_init
    data = nsis_section("un.同时删除我的数据")
    assert re.search(r"\$\{IfNot\} \$\{Silent\}\s+\$\{AndIf\} \$\{Cmd\} `MessageBox MB_YESNO[^\n]*IDNO`\s+Return", data)
    for section in (nsis_section("un.删除程序"), nsis_section("程序文件")):
        assert "$LOCALAPPDATA" not in section.replace(r"$LOCALAPPDATA\Programs", "")
        assert not re.search(r'RMDir /r "\$INSTDIR"', section), "不能整个删除安装目录：便携版数据可能在里面"


def test_installer_is_per_user_and_chinese():
    assert "RequestExecutionLevel user" in NSIS
    assert "HKLM" not in NSIS and "$PROGRAMFILES" not in NSIS
    assert 'MUI_LANGUAGE "SimpChinese"' in NSIS
    assert "Unicode true" in NSIS
    assert "${RunningX64}" in NSIS and "${AtLeastWin10}" in NSIS


def test_installer_is_64_bit_where_nsis_can_make_one():
    assert re.search(r'^\s*!define TARGET "amd64-unicode"', NSIS, flags=re.MULTILINE)
    assert re.search(r"^Target \$\{TARGET\}", NSIS, flags=re.MULTILINE)


def test_files_with_chinese_text_carry_a_utf8_bom():
    # Without it makensis and Windows PowerShell 5.1 read them in the ANSI code page: garbled Chinese.
    for name in ("installer.nsi", "build.ps1"):
        assert (PACKAGING / name).read_bytes().startswith(b"\xef\xbb\xbf"), name


def test_version_resource_carries_the_project_version(build_info):
    version = PYPROJECT["project"]["version"]
    assert build_info.project_version() == version
    calls: dict[str, list] = {}

    def recorder(name):
        def make(*args, **kwargs):
            calls.setdefault(name, []).append((args, kwargs))
            return name
        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct"]
    eval(build_info.render_version_info(version), {n: recorder(n) for n in names})  # our own template, as PyInstaller evaluates it
    strings = {args[0]: args[1] for args, _ in calls["StringStruct"]}
    assert strings["FileVersion"] == strings["ProductVersion"] == version
    assert strings["ProductName"] == "建议提案办理助手"
    assert strings["OriginalFilename"] == nsis_defines()["EXE"]
    fixed = calls["FixedFileInfo"][0][1]
    assert fixed["filevers"] == fixed["prodvers"] == build_info.version_tuple(version)


def test_windows_wants_four_version_numbers(build_info):
    assert build_info.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert build_info.version_tuple("2") == (2, 0, 0, 0)
    assert build_info.version_tuple("1.3.0rc1") == (1, 3, 0, 0)
    assert build_info.file_version("1.2.3") == "1.2.3.0"


def test_every_build_tool_is_pinned_and_kept_out_of_the_test_environment():
    groups = PYPROJECT["dependency-groups"]
    build = groups["build"]
    assert any(req.startswith("pyinstaller==") for req in build)
    assert all("==" in req for req in build), build
    # `uv run pytest` installs the default group (dev) only: PyInstaller stays out of it.
    assert not any(req.lower().startswith("pyinstaller") for req in groups.get("dev", []))
    nsis = re.search(r"\$NsisVersion = 'v([\d.]+)'", BUILD_PS1).group(1)
    assert f"choco install nsis --version={nsis} " in WORKFLOW
    assert re.search(r'uses: astral-sh/setup-uv@v\d+\s+with:\s+version: "\d+\.\d+\.\d+"', WORKFLOW)
    assert "runs-on: windows-latest" in WORKFLOW and "./packaging/build.ps1" in WORKFLOW
