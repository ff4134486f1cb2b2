"""Build the one-folder bundle on Linux and check it works the way the Windows build must (packaging).

    uv run --group build python packaging/check_frozen.py

Run by ``.ci/run`` after the tests. Catches what only a frozen app shows: a module PyInstaller did
not see (hidden imports), a data file left behind (Alembic migrations, resources, Qt's Chinese
translations) or a Qt plugin missing. Steps, each counted as a passed or failed check:

1. PyInstaller builds ``packaging/desktop-app.spec`` into ``build/frozen-check/``;
2. the bundle holds every resource, every migration file, ``qtbase_zh_CN.qm`` and the SVG plugins,
   and PyInstaller's own reader accepts the Windows version resource;
3. ``desktop-app --smoke-test`` (offscreen) on a new database, and on a copy of every released
   schema in ``tests/fixtures`` (which it backs up and migrates), then ``desktop-app-cli check``,
   and printing a letter and exporting/importing Excel through ``desktop-app-cli``;
4. portable mode: a ``portable`` file beside the program puts the database in ``data/`` beside it;
5. the log has no error and no missing-translation warning;
6. ``makensis`` compiles ``packaging/installer.nsi`` against this bundle (uncompressed: the script
   is what is checked), warnings as errors;
7. the 64-bit installer of this bundle is installed, upgraded and uninstalled in a throwaway
   ``wine64`` prefix (``wine_check.py``; installs ``wine64`` when missing, fails when Wine cannot
   start; under a minute).

Exit code 0 when all pass. The last line reads ``frozen-check: N passed, M failed``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "frozen-check"
BUNDLE = OUT / "dist" / "desktop-app"
FIXTURES = ROOT / "tests" / "fixtures"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_info import project_version  # after the sys.path line
from checks import Checks, run
from wine_check import check_installer_in_wine, compile_installer


def build(checks: Checks) -> bool:
    started = time.monotonic()
    result = run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "packaging" / "desktop-app.spec"), "--noconfirm",
         "--log-level", "WARN", "--distpath", str(OUT / "dist"), "--workpath", str(OUT / "work")],
        timeout=1800,
    )
    seconds = time.monotonic() - started
    ok = checks.expect(result.returncode == 0, f"PyInstaller 打包（{seconds:.0f} 秒）", result.stdout[-3000:] + result.stderr[-6000:])
    if ok:
        # PyInstaller links some libraries to their copies under PySide6/: count each file once.
        size = sum(f.lstat().st_size for f in BUNDLE.rglob("*") if f.is_file() and not f.is_symlink())
        print(f"  文件夹 {BUNDLE.relative_to(ROOT)}：{size / 2**20:.0f} MB", flush=True)
    return ok


def check_contents(checks: Checks) -> None:
    internal = BUNDLE / "_internal"
    resources = [p.relative_to(ROOT) for p in (ROOT / "resources").rglob("*") if p.is_file()]
    missing = [str(p) for p in resources if not (internal / p).is_file()]
    checks.expect(not missing, f"资源文件齐全（{len(resources)} 个）", "缺少：" + "、".join(missing))
    source = ROOT / "desktop_app" / "storage" / "migrations"
    migrations = [p.relative_to(ROOT) for p in source.rglob("*.py") if "__pycache__" not in p.parts]
    missing = [str(p) for p in migrations if not (internal / p).is_file()]
    checks.expect(not missing, f"数据库迁移文件齐全（{len(migrations)} 个）", "缺少：" + "、".join(missing))
    checks.expect(any(internal.rglob("qtbase_zh_CN.qm")), "Qt 中文翻译 qtbase_zh_CN.qm")
    svg_plugins = [p.name for p in internal.rglob("*qsvg*") if p.parent.name in ("imageformats", "iconengines")]
    checks.expect(len(svg_plugins) >= 2, "Qt 的 SVG 图标插件", f"找到：{svg_plugins}")


def check_version_resource(checks: Checks) -> None:
    """Linux builds ignore the version resource: parse it here with PyInstaller's own reader, so a
    broken template fails now and not on the Windows runner."""
    import types

    import PyInstaller.compat

    # Both are needed only to read or patch an .exe, and exist only on Windows.
    sys.modules.setdefault("pefile", types.ModuleType("pefile"))
    if not hasattr(PyInstaller.compat, "win32api"):
        PyInstaller.compat.win32api = None
    from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file

    try:
        parsed = load_version_info_from_text_file(OUT / "work" / "desktop-app" / "version_info.txt")
        parsed.toRaw()  # what PyInstaller writes into the .exe
        info = str(parsed)
    except (ValueError, AssertionError, TypeError, struct.error) as error:
        info = f"{type(error).__name__}: {error}"
    checks.expect(f"'FileVersion', '{project_version()}'" in info, "Windows 版本资源可被 PyInstaller 读取", info[-2000:])


def frozen_env(home: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DESKTOP_APP_HOME"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if home is not None:
        env["DESKTOP_APP_HOME"] = str(home)
    return env


def smoke(checks: Checks, db: Path | None, home: Path | None, what: str) -> dict | None:
    command = [str(BUNDLE / "desktop-app"), "--smoke-test", "--json"] + (["--db", str(db)] if db else [])
    result = run(command, env=frozen_env(home))
    report = None
    try:
        report = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        pass
    ok = result.returncode == 0 and bool(report and report.get("ok"))
    checks.expect(ok, f"冒烟测试：{what}", f"退出码 {result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return report if ok else None


def cli_check(checks: Checks, db: Path | None, home: Path | None, what: str) -> dict | None:
    command = [str(BUNDLE / "desktop-app-cli"), "check", "--json"] + (["--db", str(db)] if db else [])
    result = run(command, env=frozen_env(home))
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        report = None
    ok = result.returncode == 0 and bool(report and report["schema_version"] == report["app_schema_version"])
    checks.expect(ok, what, f"退出码 {result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return report if ok else None


def check_databases(checks: Checks, home: Path) -> None:
    smoke(checks, home / "new.sqlite", home, "新建数据库")
    for fixture in sorted(FIXTURES.glob("schema_*.sqlite")):
        copy = home / f"{fixture.stem}.sqlite"
        shutil.copyfile(fixture, copy)
        report = smoke(checks, copy, home, f"打开并升级旧版数据库 {fixture.name}")
        if report is not None:
            checks.expect(report["rows"] > 0, f"{fixture.name} 升级后数据仍在（{report['rows']} 件）")
        cli_check(checks, copy, home, f"desktop-app-cli check：{fixture.name} 已是最新结构")
    migrated = list((home / "backups").rglob("*migration*"))
    checks.expect(bool(migrated), "升级前自动备份", "备份目录中没有 migration 备份")


def check_documents_and_excel(checks: Checks, home: Path) -> None:
    """Printing (ReportLab, the shipped font) and Excel (openpyxl, calamine) load modules and files a
    plain start never touches: run them from the bundle on a migrated saved database. Skipped for a
    subcommand this version does not have yet."""
    fixtures = sorted(FIXTURES.glob("schema_*.sqlite"))
    db = home / f"{fixtures[-1].stem}.sqlite"  # migrated by check_databases
    available = run([str(BUNDLE / "desktop-app-cli"), "--help"], env=frozen_env(home)).stdout
    steps = [
        ("print", ["print", "reply", "1", "--out", str(home / "答复函.pdf")], home / "答复函.pdf", "打印答复函 PDF"),
        ("export", ["export", "ledger", str(home / "台账.xlsx")], home / "台账.xlsx", "导出 Excel 台账"),
        ("import", ["import", str(home / "台账.xlsx"), "--dry-run"], None, "预览导入 Excel（导出的台账）"),
    ]
    for command, arguments, made, what in steps:
        if not re.search(rf"\b{command}\b", available):
            print(f"  跳过：{what}（此版本没有 {command} 子命令）", flush=True)
            continue
        result = run([str(BUNDLE / "desktop-app-cli"), *arguments, "--db", str(db), "--json"], env=frozen_env(home))
        try:
            ok = json.loads(result.stdout)["ok"] is True
        except (json.JSONDecodeError, KeyError, TypeError):
            ok = False
        ok = ok and result.returncode == 0 and (made is None or (made.is_file() and made.stat().st_size > 0))
        checks.expect(ok, f"打包后的程序：{what}", f"退出码 {result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")


def check_portable(checks: Checks) -> None:
    marker = BUNDLE / "portable"
    data = BUNDLE / "data"
    shutil.rmtree(data, ignore_errors=True)
    marker.write_text("", encoding="utf-8")
    try:
        report = smoke(checks, None, None, "便携版（程序旁有 portable 文件）")
        if report is not None:
            checks.expect(Path(report["db"]) == data / "cases.sqlite" and (data / "logs").is_dir(),
                          "便携版的数据库和日志在程序文件夹的 data 中", f"实际：{report['db']}")
    finally:
        marker.unlink()
        shutil.rmtree(data, ignore_errors=True)


def check_log(checks: Checks, home: Path) -> None:
    lines = [line for log in (home / "logs").glob("*.log*") for line in log.read_text(encoding="utf-8").splitlines()]
    bad = [line for line in lines if " ERROR " in line or " CRITICAL " in line or "找不到 Qt 翻译文件" in line]
    checks.expect(bool(lines) and not bad, "日志中没有错误和缺少翻译的警告", "\n".join(bad[-20:]))


def check_installer(checks: Checks) -> None:
    if not checks.expect(shutil.which("makensis") is not None, "找到 makensis", "请安装 NSIS：apt-get install nsis"):
        return
    version = project_version()
    icon = OUT / "work" / "desktop-app" / "app.ico"
    target = OUT / f"desktop-app-{version}-setup.exe"
    started = time.monotonic()
    result = compile_installer(BUNDLE, icon, version, target)
    seconds = time.monotonic() - started
    ok = checks.expect(result.returncode == 0 and target.is_file(), f"makensis 编译安装脚本（{seconds:.0f} 秒）",
                       result.stdout[-4000:] + result.stderr[-4000:])
    target.unlink(missing_ok=True)  # an uncompressed Linux-bundle installer is of no use to anyone
    if ok:
        print("==> 在 Wine 中安装、升级和卸载", flush=True)
        check_installer_in_wine(checks, BUNDLE, icon, OUT / "wine", version)


def main() -> int:
    started = time.monotonic()
    checks = Checks()
    print("==> 打包检查：PyInstaller 单文件夹程序", flush=True)
    if build(checks):
        check_contents(checks)
        check_version_resource(checks)
        with tempfile.TemporaryDirectory(prefix="frozen-check-") as folder:
            home = Path(folder)
            check_databases(checks, home)
            check_documents_and_excel(checks, home)
            check_log(checks, home)
        check_portable(checks)
        check_installer(checks)
    print(f"打包检查用时 {time.monotonic() - started:.0f} 秒", flush=True)
    return checks.summary("frozen-check")


if __name__ == "__main__":
    sys.exit(main())
