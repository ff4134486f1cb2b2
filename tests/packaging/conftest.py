"""Loading the build tools under packaging/ (plain scripts, not a package: a ``packaging`` package
would shadow the PyPI ``packaging`` library that pytest and PyInstaller import)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load_tool(name: str):
    spec = importlib.util.spec_from_file_location(f"packaging_tools_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build_info():
    return load_tool("build_info")


@pytest.fixture(scope="session")
def make_icon():
    return load_tool("make_icon")
