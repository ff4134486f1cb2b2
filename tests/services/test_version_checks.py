"""Two editors of one record other than an item — a 整改清单 row, a commitment, a 回头看 entry, a
checklist template, a setting — no longer both save: the second is refused and the first edit kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.enums import ReviewOutcome
from desktop_app.domain.errors import ConflictError
from desktop_app.domain.rectification import RectificationEntry
from desktop_app.services.cases import CaseService
from desktop_app.services.checklist import ChecklistService
from desktop_app.services.followup import FollowupService
from desktop_app.services.rectification import RectificationService
from desktop_app.services.reference import ReferenceService
from desktop_app.services.review import ReviewInput, ReviewService
from tests.services.records import make_record
from tests.services.review_data import build_dataset

STALE = "已被他人（或另一窗口）修改，您的修改没有保存"


def test_a_rectification_row_edited_in_two_windows(ctx):
    service = RectificationService(ctx)
    _c, list_id = service.import_entries("整改清单", [RectificationEntry("一、认识", "问题", "", "措施一")])
    first = second = service.document(list_id).rows[0]  # both windows read version 1

    service.save_row(list_id, replace(first, measures="措施一（甲改）"))
    with pytest.raises(ConflictError, match=STALE):
        service.save_row(list_id, replace(second, measures="措施一（乙改）"))
    with pytest.raises(ConflictError, match=STALE):
        service.delete_row(second.id, second.version)

    assert service.document(list_id).rows[0].measures == "措施一（甲改）"


def test_a_commitment_closed_in_one_window_cannot_be_carried_over_from_another(ctx):
    _c, item_id = CaseService(ctx).save(make_record())
    follow = FollowupService(ctx)
    _c, commitment_id = follow.add_commitment(item_id, "完成路面修补", date(2024, 5, 1))
    seen = follow.commitments(item_id)[0]

    follow.close_commitment(commitment_id, date(2024, 5, 2), "验收单", seen.version)
    with pytest.raises(ConflictError, match=STALE):
        follow.carry_over(commitment_id, 2024, "工程跨年度施工", seen.version)


def test_a_review_entry_saved_by_two_reviewers(ctx):
    build_dataset(ctx)
    review = ReviewService(ctx)
    campaign = review.create_campaign(2024).campaign_id
    entry = review.entries(campaign)[0]

    review.record_review(entry.id, ReviewInput(ReviewOutcome.ON_TRACK, "甲的意见", date(2024, 6, 1)), entry.version)
    with pytest.raises(ConflictError, match=STALE):
        review.record_review(entry.id, ReviewInput(ReviewOutcome.ON_TRACK, "乙的意见", date(2024, 6, 1)), entry.version)

    assert review.entry(entry.id).note == "甲的意见"


def test_a_checklist_template_saved_from_two_editors(ctx):
    checklists = ChecklistService(ctx)
    loaded = checklists.template()
    checklists.save_template(loaded.template_id, loaded.name, "甲改", loaded.entries, based_on=loaded.version_id)
    with pytest.raises(ConflictError, match="已被他人（或另一窗口）另存为新版本"):
        checklists.save_template(loaded.template_id, loaded.name, "乙改", loaded.entries, based_on=loaded.version_id)
    assert checklists.template().description == "甲改"


def test_a_setting_saved_from_two_windows(ctx):
    reference = ReferenceService(ctx)
    _value, never_saved = reference.setting_with_version("report_head")
    reference.set_setting("report_head", "甲", never_saved)
    with pytest.raises(ConflictError, match=STALE):
        reference.set_setting("report_head", "乙", never_saved)  # the other window also read "never saved"
    value, version = reference.setting_with_version("report_head")
    reference.set_setting("report_head", "丙", version)
    with pytest.raises(ConflictError, match=STALE):
        reference.set_setting("report_head", "丁", version)
    assert reference.get_setting("report_head") == "丙" and value == "甲"
