"""The start-up ratio "主窗口 / 空白窗口" by instruction count instead of wall-clock time (benchmark,
not a test): unaffected by the load on a shared machine, so a change can be compared before and after.

    uv run python benchmarks/first_paint_instructions.py [--items 2000] [--runs 1] [--keep DIR]

Runs ``benchmarks/bare_window.py`` and ``desktop-app --smoke-test --json --db <demo copy>`` under
``valgrind --tool=callgrind`` and counts the instructions of the same stretch that ``run.py`` times:
from each program's first ``time.perf_counter()`` (the first line of ``bare_window.py``; the module
level of ``bootstrap``, after the interpreter has started and ``python -m`` has imported what comes
before it) to the ``perf_counter()`` right after the window's first ``grab()`` (the first paint).
Callgrind writes a profile part at each call of ``time_perf_counter`` and of ``QWidget::grab``; the
parts of that stretch are summed. Nothing is read from the database before the first paint, so a
small demo database (cached as ``run.py`` caches it) gives the figure of the 100,000-item one.

Needs valgrind (``apt-get install valgrind``); about a minute for both programs. ``--keep DIR`` keeps
the profile parts (``callgrind.app.<pid>.<n>``): ``callgrind_annotate --inclusive=yes`` on them shows
where the instructions go. Prints both counts and their ratio (target ≤ 1.25).
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.run import CACHE, ROOT, _child_env, _demo_database  # noqa: E402

TARGET = 1.25
START = "time_perf_counter"  # CPython's C function behind time.perf_counter()
PAINT = "QWidget::grab(*"  # the smoke test and the bare window both grab the painted window
_PART = re.compile(r"\.(\d+)$")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="主窗口首次绘制 / 空白窗口：valgrind 指令计数")
    parser.add_argument("--items", type=int, default=2000, help="演示数据件数（默认 2000；首次绘制前不读数据库）")
    parser.add_argument("--runs", type=int, default=1, help="每个程序测几次，取中位数（默认 1；计数几乎不变）")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="把 callgrind 的分段结果留在这个文件夹")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("没有找到 valgrind：请先安装（Debian/Ubuntu：apt-get install valgrind）")
    CACHE.mkdir(exist_ok=True)
    env = _child_env()
    env["PYTHONHASHSEED"] = "0"  # the same dict and set layouts each run
    cached = _demo_database(args.items, False, env)
    work = CACHE / "instructions.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(cached, work)
    programs = {
        "bare": [sys.executable, str(HERE / "bare_window.py")],
        "app": [sys.executable, "-m", "desktop_app", "--smoke-test", "--json", "--db", str(work)],
    }
    for command in programs.values():  # bytecode compiled before counting, as an installed app has it
        subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True, timeout=300)
    counts: dict[str, list[tuple[int, int]]] = {name: [] for name in programs}
    for _ in range(args.runs):
        for name, command in programs.items():
            counts[name].append(_count(name, command, env, args.keep))
    bare = statistics.median(started for _before, started in counts["bare"])
    app = statistics.median(started for _before, started in counts["app"])
    print(f"valgrind 指令计数（首次 perf_counter 至首次绘制后的 perf_counter；{args.runs} 次取中位数）：")
    for label, name, value in (("空白 PySide6 窗口", "bare", bare), ("主窗口", "app", app)):
        before = statistics.median(b for b, _started in counts[name])
        print(f"  {label:<16} {value / 1e6:9.1f} M   （此前的解释器启动和导入 {before / 1e6:.1f} M，不计）")
    ratio = app / bare
    print(f"  主窗口 / 空白窗口  {ratio:9.3f} ×  目标 ≤ {TARGET} ×  {'PASS' if ratio <= TARGET else 'FAIL'}")
    return 0


def _count(name: str, command: list[str], env: dict[str, str], keep: Path | None) -> tuple[int, int]:
    """(instructions before the first perf_counter, instructions from it to the first paint)."""
    folder = Path(tempfile.mkdtemp(prefix="callgrind-"))
    try:
        out = folder / f"callgrind.{name}.%p"
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--dump-before={START}", f"--dump-before={PAINT}",
             f"--callgrind-out-file={out}", *command],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=1800)
        if done.returncode != 0:
            raise SystemExit(f"失败：{' '.join(command)}\n{done.stderr[-3000:]}")
        parts = _parts(folder)
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            for part in folder.iterdir():
                shutil.copy2(part, keep / part.name)
        return _first_paint(parts, name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _parts(folder: Path) -> list[tuple[str, int]]:
    """(trigger, instructions) of each profile part, in the order callgrind wrote them."""
    numbered = []
    for path in folder.iterdir():
        match = _PART.search(path.name)
        if match is None:
            continue  # the part at program termination
        trigger, total = "", 0
        with path.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                if line.startswith("desc: Trigger:"):
                    trigger = line.split(":", 2)[2].strip()
                elif line.startswith("totals:"):
                    total = int(line.split()[1])
        numbered.append((int(match.group(1)), trigger, total))
    return [(trigger, total) for _n, trigger, total in sorted(numbered)]


def _first_paint(parts: list[tuple[str, int]], name: str) -> tuple[int, int]:
    """Part 1 ends at the first perf_counter (the clock starts); the stretch ends at the first
    perf_counter after the first grab. Each part holds the instructions since the part before."""
    if not parts or START not in parts[0][0]:
        raise SystemExit(f"{name}：callgrind 没有在 perf_counter 处分段（{parts[:1]}）")
    grabbed = False
    stretch = 0
    for trigger, total in parts[1:]:
        stretch += total
        if PAINT.rstrip("*") in trigger:
            grabbed = True
        elif grabbed and START in trigger:
            return parts[0][1], stretch
    raise SystemExit(f"{name}：没有找到首次绘制（QWidget::grab 之后的 perf_counter）")


if __name__ == "__main__":
    sys.exit(main())
