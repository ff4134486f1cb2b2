"""The version of a build, read from pyproject.toml, and the Windows version resource (packaging).

Used by the PyInstaller spec (``version_info.txt`` is a template) and by the build script for the
installer's version, so the version is written in one place: ``[project] version``.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "version_info.txt"


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Windows wants four numbers: ``1.2`` → (1, 2, 0, 0); ``1.3.0rc1`` → (1, 3, 0, 0)."""
    numbers = [int(re.match(r"\d*", part).group() or 0) for part in version.split(".")[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))


def file_version(version: str) -> str:
    """``0.1.0`` → ``0.1.0.0`` (NSIS's VIProductVersion)."""
    return ".".join(str(n) for n in version_tuple(version))


def render_version_info(version: str, template: Path = TEMPLATE) -> str:
    return (
        template.read_text(encoding="utf-8")
        .replace("{version_tuple}", repr(version_tuple(version)))
        .replace("{version}", version)
    )


if __name__ == "__main__":
    # `python packaging/build_info.py` prints "VERSION FILE_VERSION" for the build script.
    version = project_version()
    print(version, file_version(version))
    sys.exit(0)
