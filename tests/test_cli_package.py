"""``desktop-app package``: key and fingerprint, trust, export, import with --dry-run and --json,
and the exit codes scripts rely on (0 applied or nothing to do, 1 refused, 3 a decision needed)."""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest

from desktop_app.bootstrap import main
from tests.services.exchange_copies import Clock, Copy
from tests.services.records import make_record

LEAD = "区交通委"


@pytest.fixture(autouse=True)
def home(cli_home):
    return cli_home


@pytest.fixture
def copies(tmp_path):
    clock = Clock(datetime(2024, 3, 1, 9, 0))
    office = Copy(tmp_path / "office", clock, None, units=(LEAD, "区农业农村委"))
    office.cases.save(make_record())
    unit = Copy(tmp_path / "unit", clock, LEAD)
    office.close()
    unit.close()
    return tmp_path / "office" / "cases.sqlite", tmp_path / "unit" / "cases.sqlite"


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    return code, json.loads(out), err


def set_up(capsys, tmp_path, office_db, unit_db):
    code, office_key, _ = run_json(capsys, "package", "key", "--db", str(office_db), "--out", str(tmp_path / "office.key"))
    assert code == 0 and re.fullmatch(r"\d{4}( \d{4}){4}", office_key["fingerprint"])
    code, unit_key, _ = run_json(capsys, "package", "key", "--db", str(unit_db), "--out", str(tmp_path / "unit.key"))
    assert code == 0 and unit_key["fingerprint"] != office_key["fingerprint"]
    code, out, _ = run(capsys, "package", "trust", str(tmp_path / "unit.key"), "--db", str(office_db), "--unit", LEAD)
    assert code == 0 and unit_key["fingerprint"] in out
    code, out, _ = run(capsys, "package", "trust", str(tmp_path / "office.key"), "--db", str(unit_db), "--office")
    assert code == 0 and office_key["fingerprint"] in out


def test_a_round_by_command_line(capsys, tmp_path, copies):
    office_db, unit_db = copies
    set_up(capsys, tmp_path, office_db, unit_db)
    out = tmp_path / "交办包.zip"
    code, exported, _ = run_json(capsys, "package", "export", "--db", str(office_db), "--to", LEAD, "--out", str(out))
    assert code == 0 and exported["kind"] == "交办包" and exported["items"] == 1 and exported["sequence"] == 1

    code, preview, _ = run_json(capsys, "package", "import", str(out), "--db", str(unit_db), "--dry-run")
    assert code == 0 and preview["state"] == "new" and len(preview["new"]) == 1
    assert preview["changed"] == [] and preview["conflicts"] == [] and preview["ignored"] == []
    code, applied, _ = run_json(capsys, "package", "import", str(out), "--db", str(unit_db))
    assert code == 0 and applied["state"] == "applied" and applied["backup"]
    code, again, _ = run(capsys, "package", "import", str(out), "--db", str(unit_db))
    assert code == 0 and "导入过" in again


def test_refusals_exit_1_with_the_reason_in_chinese(capsys, tmp_path, copies):
    office_db, unit_db = copies
    set_up(capsys, tmp_path, office_db, unit_db)
    out = tmp_path / "p.zip"
    run(capsys, "package", "export", "--db", str(office_db), "--to", LEAD, "--out", str(out))
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    out.write_bytes(bytes(data))
    code, _, err = run(capsys, "package", "import", str(out), "--db", str(unit_db))
    assert code == 1 and "未导入" in err
    code, _, err = run(capsys, "package", "import", str(out), "--db", str(office_db))
    assert code == 1 and "未导入" in err


def test_a_gap_needs_a_decision_exit_3_then_allow_gap_applies(capsys, tmp_path, copies):
    office_db, unit_db = copies
    set_up(capsys, tmp_path, office_db, unit_db)
    run(capsys, "package", "export", "--db", str(office_db), "--to", LEAD, "--out", str(tmp_path / "1.zip"))
    run(capsys, "package", "export", "--db", str(office_db), "--to", LEAD, "--out", str(tmp_path / "2.zip"), "--full")
    code, _, err = run(capsys, "package", "import", str(tmp_path / "2.zip"), "--db", str(unit_db))
    assert code == 3 and "缺第 1 号" in err
    code, result, _ = run_json(capsys, "package", "import", str(tmp_path / "2.zip"), "--db", str(unit_db), "--allow-gap")
    assert code == 0 and result["state"] == "applied"
    code, _, err = run(capsys, "package", "import", str(tmp_path / "1.zip"), "--db", str(unit_db))
    assert code == 1 and "早于已导入的第 2 号" in err
