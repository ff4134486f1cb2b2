"""``desktop-app print FORM ITEM --db PATH --out FILE.pdf`` end to end."""

from __future__ import annotations

import json
from datetime import date

from desktop_app.bootstrap import main
from desktop_app.domain.enums import ResultCategory
from desktop_app.services.cases import CaseService
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import ReplyRecord
from desktop_app.storage.database import open_database
from tests.services.records import make_record

from .conftest import read_lines


def make_db(path, fixed_now):
    db = open_database(path)
    ctx = ServiceContext(db=db, user_name=lambda: "测试员", now=lambda: fixed_now)
    reply = ReplyRecord(replied_on=date(2024, 5, 30), result=ResultCategory.SOLVED,
                        body="一、基本情况\n已完成排查。", doc_number="崇交委〔2024〕45号")
    _, item_id = CaseService(ctx).save(make_record(replies=(reply,)))
    db.close()
    return item_id


def test_print_reply_by_session_and_number(tmp_path, fixed_now, capsys):
    db_path = tmp_path / "cases.sqlite"
    make_db(db_path, fixed_now)
    out = tmp_path / "答复函.pdf"
    code = main(["print", "reply", "区二届人大五次会议 0035", "--db", str(db_path), "--out", str(out), "--json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["documents"] == 2  # one letter per proposer
    lines = [line.text for page in read_lines(out) for line in page]
    assert "张建国代表：" in lines and "李秀英代表：" in lines
    assert not list(tmp_path.glob("*.tmp"))  # atomic_write leaves no temporary file


def test_print_by_id_and_other_forms(tmp_path, fixed_now, capsys):
    db_path = tmp_path / "cases.sqlite"
    item_id = make_db(db_path, fixed_now)
    out = tmp_path / "form.pdf"
    assert main(["print", "feedback", str(item_id), "--db", str(db_path), "--out", str(out)]) == 0
    assert "征询意见表" in capsys.readouterr().out
    assert out.exists()


def test_unknown_item_fails_with_a_chinese_hint(tmp_path, fixed_now, capsys):
    db_path = tmp_path / "cases.sqlite"
    make_db(db_path, fixed_now)
    out = tmp_path / "x.pdf"
    assert main(["print", "reply", "区二届人大五次会议 9999", "--db", str(db_path), "--out", str(out)]) == 1
    assert "会次 编号" in capsys.readouterr().err
    assert not out.exists()


def test_print_the_offices_supervision_notice(tmp_path, fixed_now, capsys):
    from desktop_app.services.dto import UnitInfo
    from desktop_app.services.reference import ReferenceService

    db_path = tmp_path / "cases.sqlite"
    db = open_database(db_path)
    ctx = ServiceContext(db=db, user_name=lambda: "测试员", now=lambda: fixed_now)
    _, _item = CaseService(ctx).save(make_record())  # its reply was due 2024-05-20
    reference = ReferenceService(ctx)
    reference.save_unit(UnitInfo(0, "区政府办公室", "崇府办", letterhead_mark="上海市崇明区人民政府办公室"))
    db.close()
    out = tmp_path / "督办通知.pdf"
    args = ["print", "supervision", "区交通委", "--as-of", "2024-06-03", "--db", str(db_path), "--out", str(out)]
    assert main(args) == 1 and "设为区政府办公室" in capsys.readouterr().err  # we are not the office yet
    db = open_database(db_path)
    ctx = ServiceContext(db=db, user_name=lambda: "测试员", now=lambda: fixed_now)
    reference = ReferenceService(ctx)
    reference.set_our_unit(next(u.id for u in reference.units() if u.name == "区政府办公室"))
    db.close()
    assert main(args) == 0
    lines = [line.text.replace(" ", "") for page in read_lines(out) for line in page]
    assert lines[0] == "上海市崇明区人民政府办公室" and "区交通委：" in lines
    assert any(line.startswith("崇府办〔2024〕") for line in lines)
