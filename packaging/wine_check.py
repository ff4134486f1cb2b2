"""The Windows installer installed, upgraded and uninstalled in 64-bit Wine (packaging, Linux).

    uv run --group build python packaging/check_frozen.py   # in CI, on the real bundle (.ci/run)
    uv run python packaging/wine_check.py --fake-bundle     # while editing installer.nsi: seconds

The program cannot run under Wine (the bundle is built on Linux), but everything the installer does
can be watched, in a throwaway Wine prefix under Debian's ``wine64`` (no 32-bit support: hence the
script's ``Target amd64-unicode``). The bundle is copied (hard links) with the Windows build's
``.exe`` names, which the shortcuts and the uninstaller name. Steps, each a passed or failed check:

1. on Windows 7 the installer refuses (exit code 2) and installs nothing;
2. ``setup.exe /S`` on Windows 10: every file of the bundle and the uninstaller land in
   ``%LOCALAPPDATA%\\Programs\\JianyiTiananZhushou\\``; the Start-menu and desktop shortcuts point at
   ``desktop-app.exe``; the per-user uninstall key holds name, version, publisher, icon and
   uninstaller (``reg query`` / ``reg export``); installer and uninstaller ask for no administrator
   rights (``asInvoker``), and nothing goes to HKLM or Program Files;
3. a database, a backup, settings and a log in the data folder, and portable data beside the
   program; the next version's installer over the first: a file it no longer ships is gone, a
   changed file replaced, the key shows the new version, every data file byte for byte the same;
4. ``uninstall.exe /S``: program files, shortcuts and key gone, all data kept;
5. ``/D=`` a folder with Chinese characters and spaces (typed in ``cmd`` as a user would): the
   program, the shortcuts and the key are there;
6. ``uninstall.exe /S /DELETEDATA`` (the switch ticks the wizard's 同时删除我的数据 box, which cannot
   be clicked without a screen): the data folder and the portable data are deleted too.

When Wine is missing it is installed as ``.ci/run`` installs system packages (apt-get, as root or
with password-less sudo); when it still cannot start, that is a failed check, never a silent pass.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path, PureWindowsPath

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_info import file_version, project_version  # after the sys.path line
from checks import Checks, run

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "packaging" / "installer.nsi"
FIXTURES = ROOT / "tests" / "fixtures"
#: What the issue allows the Wine steps to add to CI.
BUDGET_SECONDS = 180
#: The folder a user might type after /D=: Chinese characters and spaces.
CUSTOM_FOLDER = r"C:\建议 提案\办理 助手"
#: .onInit's "Abort": NSIS's exit code for an installation cancelled by the script.
ABORTED = 2


def script_defines() -> dict[str, str]:
    text = SCRIPT.read_text(encoding="utf-8-sig")
    return dict(re.findall(r'^\s*!define\s+(\w+)\s+"([^"]*)"', text, flags=re.MULTILINE))


DEFINES = script_defines()
APP_ID, APP_NAME, EXE, CLI_EXE = DEFINES["APP_ID"], DEFINES["APP_NAME"], DEFINES["EXE"], DEFINES["CLI_EXE"]
UNINSTALLER = DEFINES["UNINSTALLER"]
UNINSTALL_KEY = "HKCU\\" + DEFINES["UNINST_KEY"].replace("${APP_ID}", APP_ID)
LINK = f"{APP_NAME}.lnk"


# --- Wine ---------------------------------------------------------------------------------------

def find_wine() -> Path | None:
    for name in ("wine64", "wine"):
        if found := shutil.which(name):
            return Path(found)
    debian = Path("/usr/lib/wine/wine64")  # Debian's wine64 package; /usr/bin/wine comes with "wine"
    return debian if debian.is_file() else None


def install_wine() -> str:
    """``apt-get install wine64`` as root or with password-less sudo; "" when done, else why not."""
    if shutil.which("apt-get") is None:
        return "这台机器没有 apt-get，请手动安装 64 位 Wine（wine64）"
    if os.geteuid() == 0:
        sudo = []
    elif shutil.which("sudo") and run(["sudo", "-n", "true"]).returncode == 0:
        sudo = ["sudo", "-n"]
    else:
        return "安装 wine64 需要 root 权限或免密码的 sudo：请运行 apt-get install wine64"
    print("  安装 wine64（apt-get）", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = [*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "wine64"]
    result = run(install, env=env, timeout=1200)
    if result.returncode != 0:  # a fresh machine may not have read the package lists yet
        run([*sudo, "apt-get", "update", "-qq"], env=env, timeout=600)
        result = run(install, env=env, timeout=1200)
    return "" if result.returncode == 0 else "apt-get install wine64 失败：\n" + result.stderr[-2000:]


class Wine:
    """One throwaway 64-bit Wine prefix in ``folder``, kept away from the user's own files: its
    home (where Wine links Desktop and Documents) is in ``folder`` too, no Linux menu entries are
    made, no window is ever shown."""

    def __init__(self, binary: Path, folder: Path):
        self.binary = binary
        server = binary.with_name("wineserver")
        self.server = str(server) if server.is_file() else (shutil.which("wineserver") or "wineserver")
        self.folder = folder
        self.prefix = folder / "prefix"
        home = folder / "home"
        home.mkdir(parents=True, exist_ok=True)
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("WINE", "XDG_", "LC_")) and k not in ("DISPLAY", "WAYLAND_DISPLAY", "LANG")}
        self.env.update(
            WINEPREFIX=str(self.prefix), WINEARCH="win64", HOME=str(home), WINEDEBUG="-all",
            WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d",
            # Wine converts command lines and file names with the locale's character set: Chinese
            # needs UTF-8 (C.UTF-8 is on every Debian).
            LANG="C.UTF-8", LC_ALL="C.UTF-8",
        )
        self.local_app_data = self.app_data = self.profile = ""

    def run(self, *arguments: str, timeout: int = 120) -> subprocess.CompletedProcess:
        """Run a program in the prefix and wait for it (not for what it leaves running). Output goes
        to files, not pipes: Wine's own services, started by whichever program comes first, keep
        running with its pipes open."""
        command = [str(self.binary), *arguments]
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            code = subprocess.run(command, stdout=out, stderr=err, env=self.env, timeout=timeout, check=False).returncode
            out.seek(0), err.seek(0)
            # errors="replace": Wine's programs write in a Windows code page.
            return subprocess.CompletedProcess(command, code, out.read().decode(errors="replace"),
                                               err.read().decode(errors="replace"))

    def start(self) -> str:
        """Create the prefix; "" when Wine runs, else what went wrong."""
        try:
            booted = self.run("wineboot", "--init", timeout=180)
            folders = self.run("cmd", "/c", "echo %LOCALAPPDATA%&echo %APPDATA%&echo %USERPROFILE%")
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"{type(error).__name__}: {error}"
        lines = [line.strip() for line in folders.stdout.splitlines() if line.strip()]
        if booted.returncode != 0 or len(lines) != 3 or not all(re.match(r"[A-Z]:\\", line) for line in lines):
            return f"wineboot 退出码 {booted.returncode}\n{booted.stderr[-2000:]}\n{folders.stdout[-500:]}{folders.stderr[-1000:]}"
        self.local_app_data, self.app_data, self.profile = lines
        self.persist()
        return ""

    def persist(self) -> None:
        """Keep the prefix's server running: each program then starts in a tenth of a second, not two."""
        self._server("-p", timeout=60)

    def run_to_the_end(self, *arguments: str, timeout: int = 300) -> subprocess.CompletedProcess:
        """Run a program and wait until every program it started has ended: an NSIS uninstaller
        hands over to a copy of itself in %TEMP% and exits at once. The persistent server would
        never end, so it is stopped first (nothing runs then) and started again after."""
        self.stop()
        result = self.run(*arguments, timeout=timeout)
        self._server("-w", timeout=timeout)
        self.persist()
        return result

    def stop(self) -> None:
        self._server("-k", timeout=60)

    def _server(self, option: str, timeout: int) -> None:
        """A missing or broken wineserver shows in the next check's result, not as a traceback."""
        try:
            subprocess.run([self.server, option], env=self.env, timeout=timeout, check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired):
            pass

    def set_windows_version(self, version: str) -> None:
        self.run("reg", "add", r"HKCU\Software\Wine", "/v", "Version", "/d", version, "/f")

    def unix(self, windows_path: str) -> Path:
        path = PureWindowsPath(windows_path)
        drive = path.drive.rstrip(":").lower()
        base = Path("/") if drive == "z" else self.prefix / f"drive_{drive}"
        return base.joinpath(*path.parts[1:])

    @staticmethod
    def windows(unix_path: Path) -> str:
        return "Z:" + str(unix_path.resolve()).replace("/", "\\")

    def key_exists(self, key: str) -> bool:
        return self.run("reg", "query", key).returncode == 0

    def key_values(self, key: str) -> dict[str, str | int] | None:
        """The values of ``key`` (None when it is missing), read with ``reg export``: ``reg query``
        prints in the console code page, which under C.UTF-8 turns Chinese into '?'."""
        exported = self.folder / "key.reg"
        exported.unlink(missing_ok=True)
        if self.run("reg", "export", key, self.windows(exported), "/y").returncode != 0:
            return None
        return parse_reg(exported.read_bytes().decode("utf-16"))


def parse_reg(text: str) -> dict[str, str | int]:
    """The string and DWORD values of the one key in a ``reg export`` file."""
    values: dict[str, str | int] = {}
    for name, string, dword in re.findall(r'^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))\s*$',
                                          text, flags=re.MULTILINE):
        name = re.sub(r"\\(.)", r"\1", name)
        values[name] = int(dword, 16) if dword else re.sub(r"\\(.)", r"\1", string)
    return values


# --- shortcuts ----------------------------------------------------------------------------------

def shortcut_target(data: bytes) -> str:
    """The target of a shell link (.lnk, [MS-SHLLINK]) as a Windows path, from its item-ID list.

    Its LinkInfo holds the path too, but in the ANSI code page of the computer that wrote it (Wine
    under C.UTF-8 turns Chinese into '?'); the item IDs carry each name in UTF-16."""
    if data[:4] != b"\x4c\x00\x00\x00" or not struct.unpack_from("<I", data, 0x14)[0] & 1:
        raise ValueError("不是带 ID 列表的快捷方式文件")
    position = 0x4C + 2
    end = position + struct.unpack_from("<H", data, 0x4C)[0]
    parts: list[str] = []
    while position < end:
        size = struct.unpack_from("<H", data, position)[0]
        if size == 0:
            break
        item = data[position + 2:position + size]
        kind = item[0] & 0x70
        if kind == 0x20:  # a drive: "C:\"
            parts.append(item[1:].split(b"\0")[0].decode("ascii").rstrip("\\"))
        elif kind == 0x30:  # a folder or file
            parts.append(_long_name(item))
        position += size
    return "\\".join(parts)


def _long_name(item: bytes) -> str:
    """A file entry's long name: the UTF-16 text ending its extension block (whose last two bytes
    are an offset), after the 8.3 name and its padding to an even length."""
    short_end = item.index(b"\0", 12) + 1
    start = short_end + (short_end % 2)
    block = item[start:start + struct.unpack_from("<H", item, start)[0]]
    text = block[:-4]  # the offset and the name's terminating NUL
    begin = len(text)
    while begin >= 2 and text[begin - 2:begin] != b"\0\0":
        begin -= 2
    return text[begin:].decode("utf-16-le")


# --- the bundle and the installers --------------------------------------------------------------

def windows_shaped_copy(bundle: Path, target: Path) -> Path:
    """``bundle`` with the Windows build's names (``desktop-app`` → ``desktop-app.exe``), by hard
    links where the disk allows: the real files, at no cost in space or time."""
    shutil.rmtree(target, ignore_errors=True)

    def link(source, destination):
        try:
            os.link(source, destination)
        except OSError:
            shutil.copy2(source, destination)

    shutil.copytree(bundle, target, symlinks=True, copy_function=link)
    for exe in (EXE, CLI_EXE):
        linux_name = target / exe.removesuffix(".exe")
        if linux_name.exists() and not (target / exe).exists():
            linux_name.rename(target / exe)
    return target


def compile_installer(bundle: Path, icon: Path, version: str, out: Path) -> subprocess.CompletedProcess:
    """makensis for 64-bit Windows, uncompressed (lzma takes minutes and it is the script that is
    checked), warnings as errors."""
    makensis = shutil.which("makensis") or "makensis"
    return run([makensis, "-V2", "-WX", "-DTARGET=amd64-unicode", "-DNO_COMPRESSION", f"-DVERSION={version}",
                f"-DFILE_VERSION={file_version(version)}",
                f"-DBUNDLE_DIR={bundle}", f"-DAPP_ICON={icon}", f"-DOUTFILE={out}", str(SCRIPT)], timeout=600)


def file_sizes(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, int]:
    """Every file under ``folder`` (links followed: makensis copies what they point at) and its size."""
    sizes = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and not relative.startswith(skip):
            sizes[relative] = path.stat().st_size
    return sizes


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def asks_for_no_administrator(exe: Path) -> bool:
    return b'requestedExecutionLevel level="asInvoker"' in exe.read_bytes()


# --- the steps ----------------------------------------------------------------------------------

class InstallerInWine:
    def __init__(self, checks: Checks, wine: Wine, version: str, bundle: Path):
        self.checks, self.wine, self.version, self.bundle = checks, wine, version, bundle
        self.default_folder = f"{wine.local_app_data}\\Programs\\{APP_ID}"
        self.data = wine.unix(f"{wine.local_app_data}\\{APP_ID}")
        self.links = (wine.unix(f"{wine.app_data}\\Microsoft\\Windows\\Start Menu\\Programs\\{LINK}"),
                      wine.unix(f"{wine.profile}\\Desktop\\{LINK}"))

    def expect(self, ok: bool, what: str, detail: str = "") -> bool:
        return self.checks.expect(ok, f"Wine：{what}", detail)

    def install(self, installer: Path, folder: str | None = None) -> subprocess.CompletedProcess:
        if folder is None:
            return self.wine.run(self.wine.windows(installer), "/S", timeout=300)
        # NSIS reads /D= from the raw command line, last and unquoted: typed in cmd as a user would
        # (Wine would quote an argument holding spaces).
        return self.wine.run("cmd", "/c", f"{self.wine.windows(installer)} /S /D={folder}", timeout=300)

    def uninstall(self, folder: str, *switches: str) -> subprocess.CompletedProcess:
        return self.wine.run_to_the_end(f"{folder}\\{UNINSTALLER}", "/S", *switches)

    def refuses_windows_7(self, installer: Path) -> None:
        self.wine.set_windows_version("win7")
        result = self.install(installer)
        self.wine.set_windows_version("win10")
        self.expect(result.returncode == ABORTED and not self.wine.unix(self.default_folder).exists()
                    and not self.wine.key_exists(UNINSTALL_KEY),
                    "Windows 7 上安装程序拒绝安装（退出码 2，未装任何文件）", f"退出码 {result.returncode}")

    def installed(self, installer: Path, folder: str, version: str, what: str, *, bundle: Path | None = None,
                  skip: tuple[str, ...] = ()) -> bool:
        """Files, shortcuts and key of a finished installation into ``folder``."""
        result = self.install(installer, None if folder == self.default_folder else folder)
        if not self.expect(result.returncode == 0, f"{what}：静默安装（退出码 0）",
                           f"退出码 {result.returncode}\n{result.stdout[-2000:]}{result.stderr[-2000:]}"):
            return False
        program = self.wine.unix(folder)
        expected = file_sizes(bundle or self.bundle) | {UNINSTALLER: -1}
        found = file_sizes(program, skip)
        wrong = sorted(name for name in expected.keys() | found.keys()
                       if name not in found or name not in expected or expected[name] not in (-1, found[name]))
        self.expect(not wrong, f"{what}：{len(expected)} 个程序文件都在 {folder}", "不符：" + "、".join(wrong[:20]))
        self.shortcuts_point_at(folder, what)
        self.key_holds(folder, version, what)
        return True

    def shortcuts_point_at(self, folder: str, what: str) -> None:
        target = f"{folder}\\{EXE}"
        found = {}
        for link in self.links:
            try:
                found[link.parent.name] = shortcut_target(link.read_bytes())
            except (OSError, ValueError, IndexError, struct.error, UnicodeDecodeError) as error:
                found[link.parent.name] = f"{type(error).__name__}: {error}"
        self.expect(all(t.lower() == target.lower() for t in found.values()),
                    f"{what}：开始菜单和桌面快捷方式指向 {target}", f"实际：{found}")

    def key_holds(self, folder: str, version: str, what: str) -> None:
        values = self.wine.key_values(UNINSTALL_KEY) or {}
        expected = {
            "DisplayName": APP_NAME, "DisplayVersion": version, "Publisher": DEFINES["PUBLISHER"],
            "DisplayIcon": f"{folder}\\{EXE},0", "InstallLocation": folder,
            "UninstallString": f'"{folder}\\{UNINSTALLER}"', "QuietUninstallString": f'"{folder}\\{UNINSTALLER}" /S',
        }
        wrong = {name: values.get(name) for name, value in expected.items() if values.get(name) != value}
        self.expect(self.wine.key_exists(UNINSTALL_KEY) and not wrong,
                    f"{what}：卸载信息（{UNINSTALL_KEY}）的名称、版本 {version}、发布者、图标和卸载程序",
                    f"不符：{wrong}\n读到：{values}")

    def no_administrator_rights(self, installer: Path) -> None:
        uninstaller = self.wine.unix(f"{self.default_folder}\\{UNINSTALLER}")
        hklm = UNINSTALL_KEY.replace("HKCU\\", "HKLM\\")
        machine_wide = [p for top in ("Program Files", "Program Files (x86)", "ProgramData")
                        for p in (self.wine.prefix / "drive_c" / top).glob("*") if p.name in (APP_ID, APP_NAME)]
        self.expect(asks_for_no_administrator(installer) and asks_for_no_administrator(uninstaller)
                    and not self.wine.key_exists(hklm) and not machine_wide,
                    "安装和卸载程序不要求管理员权限（asInvoker），没有写 HKLM 和 Program Files", f"{machine_wide}")

    def put_user_data(self, program: Path) -> dict[str, str]:
        """A database, a backup, settings and a log in the data folder, portable data beside the
        program; their fingerprint."""
        database = sorted(FIXTURES.glob("schema_*.sqlite"))[-1].read_bytes()
        files = {
            self.data / "cases.sqlite": database,
            self.data / "backups" / "cases-0123456789ab" / "cases-2024-06-03.sqlite": database,
            self.data / "settings.json": '{"version": 1, "user_name": "张三"}'.encode(),
            self.data / "logs" / "desktop-app.log": "2024-06-03 09:30:00 INFO 启动\n".encode(),
            program / "portable": b"",
            program / "data" / "cases.sqlite": database,
        }
        for path, content in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        return self.user_data(program)

    def user_data(self, program: Path) -> dict[str, str]:
        portable = {f"程序旁/{k}": v for k, v in fingerprint(program).items() if k == "portable" or k.startswith("data/")}
        return fingerprint(self.data) | portable

    def upgraded(self, previous: Path, previous_bundle: Path, current: Path, dropped: str, changed: str) -> None:
        folder = self.default_folder
        program = self.wine.unix(folder)
        if not self.installed(previous, folder, f"{self.version}-previous", "安装旧版", bundle=previous_bundle):
            return
        self.no_administrator_rights(previous)
        data = self.put_user_data(program)
        if not self.installed(current, folder, self.version, "升级到新版", skip=("data/", "portable")):
            return
        self.expect(not (program / dropped).exists() and sha256(program / changed) == sha256(self.bundle / changed),
                    "升级：新版不再包含的文件已删除，改动的文件已替换", f"{dropped} 仍在，或 {changed} 仍是旧版")
        self.expect(self.user_data(program) == data, f"升级：数据文件夹和便携数据原样保留（{len(data)} 个文件）")

        self.uninstall(folder)
        left = sorted(p.relative_to(program).as_posix() for p in program.rglob("*") if p.is_file()) if program.exists() else []
        self.expect(all(name == "portable" or name.startswith("data/") for name in left),
                    "静默卸载：程序文件已删除，只留下程序旁的便携数据", "剩下：" + "、".join(left[:20]))
        self.expect(not any(link.exists() for link in self.links) and not self.wine.key_exists(UNINSTALL_KEY),
                    "静默卸载：快捷方式和卸载信息已删除")
        self.expect(self.user_data(program) == data, "静默卸载：数据文件夹和便携数据原样保留")

    def custom_folder_then_delete_data(self, current: Path) -> None:
        if not self.installed(current, CUSTOM_FOLDER, self.version, f"安装到 /D={CUSTOM_FOLDER}"):
            return
        program = self.wine.unix(CUSTOM_FOLDER)
        self.put_user_data(program)
        result = self.uninstall(CUSTOM_FOLDER, "/DELETEDATA")
        self.expect(result.returncode == 0 and not self.data.exists() and not program.exists()
                    and not self.wine.key_exists(UNINSTALL_KEY),
                    "卸载时选择“同时删除我的数据”（/DELETEDATA）：数据文件夹、便携数据和程序文件夹都已删除",
                    f"数据文件夹仍在：{self.data.exists()}；程序文件夹仍在：{program.exists()}")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def check_installer_in_wine(checks: Checks, bundle: Path, icon: Path, work: Path, version: str) -> None:
    """Every step above, on ``bundle``; ``work`` (on the bundle's disk, for hard links) is emptied."""
    started = time.monotonic()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    binary = find_wine()
    if binary is None:
        problem = install_wine()
        binary = find_wine()
        if binary is None:
            checks.expect(False, "Wine：找到 64 位 Wine（wine64）",
                          f"{problem or '安装后仍找不到 wine64'}；安装程序未在 Wine 中检查。")
            return
    wine = Wine(binary, work / "wine")
    try:
        problem = wine.start()
        if not checks.expect(not problem, f"Wine 能启动（{binary}，{time.monotonic() - started:.0f} 秒）",
                             f"{problem}\n安装程序未在 Wine 中检查。"):
            return
        current_bundle = windows_shaped_copy(bundle, work / "bundle")
        previous_bundle = windows_shaped_copy(bundle, work / "previous-bundle")
        dropped, changed = "_internal/dropped_in_the_next_version.txt", CLI_EXE
        (previous_bundle / dropped).write_text("旧版有、新版没有的文件\n", encoding="utf-8")
        (previous_bundle / changed).unlink()  # a hard link: never write through it into the bundle
        (previous_bundle / changed).write_bytes(b"previous version\n")
        current, previous = work / f"desktop-app-{version}-setup.exe", work / "desktop-app-previous-setup.exe"
        for source, out, label in ((current_bundle, current, version), (previous_bundle, previous, f"{version}-previous")):
            result = compile_installer(source, icon, label, out)
            if not checks.expect(result.returncode == 0 and out.is_file(), f"Wine：makensis 生成 64 位安装程序 {out.name}",
                                 result.stdout[-3000:] + result.stderr[-3000:]):
                return
        steps = InstallerInWine(checks, wine, version, current_bundle)
        steps.refuses_windows_7(current)
        steps.upgraded(previous, previous_bundle, current, dropped, changed)
        steps.custom_folder_then_delete_data(current)
    finally:
        wine.stop()
        shutil.rmtree(work, ignore_errors=True)
        seconds = time.monotonic() - started
        checks.expect(seconds <= BUDGET_SECONDS, f"Wine 检查用时 {seconds:.0f} 秒（上限 {BUDGET_SECONDS} 秒）")


def fake_bundle(folder: Path) -> tuple[Path, Path]:
    """A bundle of a few small files with the Linux build's names, and an icon: for editing the script."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_icon import write_ico

    bundle = folder / "desktop-app"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    for name, text in (("desktop-app", "gui"), ("desktop-app-cli", "cli"), ("_internal/base_library.zip", "zip"),
                       ("_internal/PySide6/Qt6Core.dll", "qt")):
        (bundle / name).write_text(text * 100, encoding="utf-8")
    return bundle, write_ico(folder / "app.ico")


def main(arguments: list[str]) -> int:
    checks = Checks()
    version = project_version()
    if arguments != ["--fake-bundle"]:
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="wine-check-") as folder:
        bundle, icon = fake_bundle(Path(folder))
        check_installer_in_wine(checks, bundle, icon, Path(folder) / "work", version)
    return checks.summary("wine-check")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
