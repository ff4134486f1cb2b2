"""Deadlines: the rules (期限规则), the official holiday table and the years it covers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Seeds the default rules of domain.md §3 and the holidays and 调休 make-up days the
``chinesecalendar`` package knows (imported here, lazily: a missing package leaves the table empty
and every due date flagged 未含节假日安排 until the years are entered in 设置 → 节假日). Codes are
written out literally so that later changes to the domain enums cannot change what this revision
seeds.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# (kind, item_kind, anchor, length, unit, roll_forward, note)
DEFAULT_RULES = [
    ("return", "", "signed_on", 7, "working_days", False, "签收后 7 个工作日内可申请退回"),
    ("opinion", "", "signed_on", 1, "months", True, "会办单位签收（未签收按交办）后 1 个月内送会办意见"),
    ("reply", "suggestion", "assigned_on", 3, "months", True, "交办之日起 3 个月内答复"),
    ("reply", "proposal", "assigned_on", 3, "months", True, "交办之日起 3 个月内答复"),
    ("extension_cap", "", "reply_due", 3, "months", True, "经批准可延期，最多再延 3 个月"),
    ("second_reply", "", "feedback_on", 1, "months", True, "不满意的反馈之日起 1 个月内重新答复"),
    ("publication", "", "replied_on", 20, "working_days", False, "答复后 20 个工作日内公开"),
    ("commitment", "", "promised_on", 0, "days", False, "承诺事项按答复中承诺的日期"),
    ("rectification", "", "deadline_on", 0, "days", False, "整改清单所列期限"),
]

HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


def upgrade() -> None:
    calendar_day = op.create_table(
        "calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_day")),
    )
    calendar_year = op.create_table(
        "calendar_year",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_calendar_year")),
    )
    deadline_rule = op.create_table(
        "deadline_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("item_kind", sa.String(length=20), nullable=False),
        sa.Column("anchor", sa.String(length=30), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("roll_forward", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadline_rule")),
        sa.UniqueConstraint("kind", "item_kind", name="uq_deadline_rule_kind_item_kind"),
    )
    keys = ("kind", "item_kind", "anchor", "length", "unit", "roll_forward", "note")
    op.bulk_insert(deadline_rule, [dict(zip(keys, rule)) for rule in DEFAULT_RULES])
    days, years = _package_calendar()
    if days:
        op.bulk_insert(calendar_day, days)
        op.bulk_insert(calendar_year, [{"year": y, "source": "chinese-calendar"} for y in years])


def downgrade() -> None:
    op.drop_table("deadline_rule")
    op.drop_table("calendar_year")
    op.drop_table("calendar_day")


def _package_calendar():
    try:
        from chinese_calendar.constants import holidays, workdays
    except ImportError:
        return [], []
    days = [{"day": d, "kind": "holiday", "name": HOLIDAY_NAMES.get(n, n)} for d, n in holidays.items()]
    days += [{"day": d, "kind": "makeup", "name": HOLIDAY_NAMES.get(n, n)} for d, n in workdays.items()]
    return sorted(days, key=lambda r: r["day"]), sorted({r["day"].year for r in days})
