"""Counting passed and failed checks, and running a program for one (packaging tools).

Shared by ``check_frozen.py`` and ``wine_check.py``: each check prints one Chinese line, and the
caller's exit code and last line come from the tally.
"""

from __future__ import annotations

import subprocess


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed: list[str] = []

    def expect(self, ok: bool, what: str, detail: str = "") -> bool:
        if ok:
            self.passed += 1
            print(f"  通过：{what}", flush=True)
        else:
            self.failed.append(what)
            print(f"  失败：{what}" + (f"\n{detail}" if detail else ""), flush=True)
        return ok

    def summary(self, name: str) -> int:
        """Print the failures and the tally line; the exit code."""
        if self.failed:
            print("未通过的检查：" + "；".join(self.failed), flush=True)
        print(f"{name}: {self.passed} passed, {len(self.failed)} failed", flush=True)
        return 1 if self.failed else 0


def run(command: list[str], *, env: dict[str, str] | None = None, timeout: int = 180) -> subprocess.CompletedProcess:
    # errors="replace": Wine's programs write in a Windows code page, not always UTF-8.
    return subprocess.run(command, capture_output=True, text=True, errors="replace", env=env, timeout=timeout,
                          check=False)
