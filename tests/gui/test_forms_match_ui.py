"""The committed forms are what ``ui/`` generates: a form edited in Designer but not regenerated (or a
generated module edited by hand) fails here, not in front of a user."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "desktop_app" / "gui" / "forms"


def load_build_forms():
    spec = importlib.util.spec_from_file_location("build_forms", ROOT / "scripts" / "build_forms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_forms_are_generated_from_ui(tmp_path):
    assert load_build_forms().build(tmp_path, quiet=True) == 0
    generated = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("ui_*.py")}
    committed = {p.name: p.read_text(encoding="utf-8") for p in FORMS.glob("ui_*.py")}
    assert sorted(generated) == sorted(committed), "a form without its .ui, or a .ui without its form"
    stale = [name for name in sorted(generated) if generated[name] != committed[name]]
    assert not stale, f"run `uv run python scripts/build_forms.py`; out of date: {stale}"
    assert len(generated) == len(list((ROOT / "ui").glob("*.ui")))
