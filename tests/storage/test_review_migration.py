"""Migration 0004 (回头看): a database of schema 0003 gains empty campaign tables that work, and
the saved 0004 database keeps its campaign and reviews."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from desktop_app.domain.enums import ReviewCategory, ReviewOutcome
from desktop_app.services.context import ServiceContext
from desktop_app.services.review import ReviewInput, ReviewService
from desktop_app.storage import tables as t
from desktop_app.storage.database import open_database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DAY = datetime(2024, 6, 3, 9, 30)


def test_a_0003_database_gets_review_tables_and_a_campaign_can_be_built(tmp_path):
    copy = tmp_path / "cases.db"
    shutil.copyfile(FIXTURES / "schema_0003.sqlite", copy)
    db = open_database(copy, network=False, backup_dir=tmp_path / "backups", now=lambda: DAY)
    try:
        service = ReviewService(ServiceContext(db, lambda: "张三", lambda: DAY))
        assert service.campaigns() == []
        built = service.create_campaign(2024)
        entries = service.entries(built.campaign_id)
        # 第15号 is 正在解决 with its open commitment 2024年底前完成城关小学扩建设计.
        assert [(e.category, e.number) for e in entries] == [(ReviewCategory.IN_PROGRESS, "第15号"),
                                                             (ReviewCategory.COMMITMENT, "第15号")]
        service.record_review(entries[0].id, ReviewInput(ReviewOutcome.ON_TRACK, "已完成设计招标", date(2024, 6, 1)))
        assert service.progress(built.campaign_id).overall.reviewed == 1
    finally:
        db.close()


def test_the_saved_0004_database_keeps_its_reviews(tmp_path):
    copy = tmp_path / "cases.db"
    shutil.copyfile(FIXTURES / "schema_0004.sqlite", copy)
    db = open_database(copy, network=False, backup_dir=tmp_path / "backups", now=lambda: DAY)
    try:
        with db.read() as s:
            entry = s.scalars(select(t.ReviewEntry).where(t.ReviewEntry.key == "in_progress:1")).one()
            assert (entry.outcome, entry.reviewed_on, entry.tell_deputy) == ("changed", date(2024, 11, 5), True)
        service = ReviewService(ServiceContext(db, lambda: "张三", lambda: DAY))
        [campaign] = service.campaigns()
        assert (campaign.year, campaign.total, campaign.reviewed) == (2024, 2, 1)
    finally:
        db.close()
