"""``desktop-app proposals``: the 政协提案 figures of the demo database with their definitions (issue 23)."""

from __future__ import annotations

import json

import pytest

from desktop_app.bootstrap import main


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DESKTOP_APP_HOME", str(tmp_path / "home"))


def test_the_figures_say_how_a_merge_is_counted(capsys, tmp_path):
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    counts = {}
    for mode in ("per_proposal", "per_handling"):
        assert main(["proposals", "--db", str(db), "--merged", mode, "--json"]) == 0
        report = json.loads(capsys.readouterr().out)
        assert report["merged_count"] == mode
        assert all(figure["definition"] for figure in report["overall"].values())
        counts[mode] = report["overall"]["total"]["count"]
        assert report["key_proposals"] and all(k["supervisor"] for k in report["key_proposals"])
    assert counts["per_proposal"] - counts["per_handling"] == 2
    assert main(["proposals", "--db", str(db)]) == 0
    text = capsys.readouterr().out
    assert "并案按" in text and "不立案" in text and "重点提案督办" in text
