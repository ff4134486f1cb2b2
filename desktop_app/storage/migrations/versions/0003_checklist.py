"""Handling checklist: templates, their versions and entries, each item's checklist and its ticks.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

Seeds the default template of domain.md §5 (3 phases, 9 steps, 11 key points) as version 1 of
“默认办理清单”. Rows are written out literally so that later changes to the domain module cannot
change what this revision seeds. No entry has a due offset: the statutory dates are deadline rules
already, and a unit adds its own offsets (e.g. 办前沟通 within 14 days of 交办) in the editor. Items registered before this revision get no checklist; one can be
applied to them from 清单模板 → 应用到建议提案.
"""

from datetime import datetime
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from desktop_app.storage.migrations import constraint_name

revision: str = "0003"
down_revision: Union[str, Sequence[str], None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TEMPLATE_NAME = "默认办理清单"
TEMPLATE_DESCRIPTION = "五步走：交办签收 → 研究办理 → 沟通答复 → 反馈评价 → 跟踪落实；办前、办中、办后 9 个步骤、11 个要点。"
# (key, parent_key, level, name, description, condition, due_length, due_unit, due_anchor, gate)
DEFAULT_ENTRIES = [
    ('p1', '', 'phase', '办前', '', '', None, 'days', 'assigned_on', ''),
    ('s1', 'p1', 'step', '签收登记', '【交办签收】建议提案已登记，确认我单位角色，填写交办日期。', '', None, 'days', 'assigned_on', ''),
    ('s2', 'p1', 'step', '审核职责', '【交办签收】属我单位职责范围；不属的在签收后 7 个工作日内申请退回并说明理由。', '', None, 'days', 'assigned_on', ''),
    ('k1', 's2', 'point', '7 个工作日内完成职责审核', '不属职责的及时申请退回，不得自行转办。', '', None, 'days', 'assigned_on', ''),
    ('s3', 'p1', 'step', '制定方案', '【研究办理】明确责任领导、承办科室、承办人；设置重点督办、领导领办标记。', '', None, 'days', 'assigned_on', ''),
    ('k2', 's3', 'point', '每件明确责任领导、承办科室、承办人', '', '', None, 'days', 'assigned_on', ''),
    ('s4', 'p1', 'step', '办前沟通', '【研究办理】与领衔代表（委员）沟通并登记日期、方式、内容。', '', None, 'days', 'assigned_on', 'reply_finalised'),
    ('k3', 's4', 'point', '拟稿前先与代表沟通', '', '', None, 'days', 'assigned_on', ''),
    ('p2', '', 'phase', '办中', '', '', None, 'days', 'assigned_on', ''),
    ('s5', 'p2', 'step', '调研协调', '【研究办理】登记调研和协调会；按要求开展联合办理。', '', None, 'days', 'assigned_on', ''),
    ('k4', 's5', 'point', '按要求联合办理（实地调研、现场办公、座谈讨论、专题会议）', '区领导亲自办理件和会办单位超过 4 家的建议提案须联合办理。', '{"co_units_over": 4, "leader_handled": true}', None, 'days', 'assigned_on', ''),
    ('s6', 'p2', 'step', '会办汇总', '【研究办理】主办：收齐全部会办意见；会办：报送我单位的会办意见。', '', None, 'days', 'assigned_on', ''),
    ('k5', 's6', 'point', '1 个月内催齐会办意见并在答复中吸收', '', '{"roles": ["lead"]}', None, 'days', 'assigned_on', ''),
    ('s7', 'p2', 'step', '拟稿审核', '【沟通答复】审核答复稿、办理结果类别、承诺事项时限和公开属性。', '{"roles": ["lead"]}', None, 'days', 'assigned_on', ''),
    ('k6', 's7', 'point', '逐条回应代表提出的问题', '', '{"roles": ["lead"]}', None, 'days', 'assigned_on', ''),
    ('k7', 's7', 'point', '办理结果与内容相符，正在解决、计划解决须有时限承诺', '', '{"roles": ["lead"]}', None, 'days', 'assigned_on', ''),
    ('k8', 's7', 'point', '拟稿时审核公开属性，删除联系方式等信息', '', '{"roles": ["lead"]}', None, 'days', 'assigned_on', ''),
    ('p3', '', 'phase', '办后', '', '', None, 'days', 'assigned_on', ''),
    ('s8', 'p3', 'step', '答复送达', '【沟通答复】负责人签发、盖章，每位代表（委员）一份答复，抄送有关单位。', '{"roles": ["lead"]}', None, 'days', 'assigned_on', ''),
    ('k9', 's8', 'point', '领导签发、加盖公章、按 GB/T 9704 排版、每位联名代表一份', '', '{"roles": ["lead"]}', None, 'days', 'assigned_on', ''),
    ('s9', 'p3', 'step', '反馈跟踪', '【反馈评价】【跟踪落实】登记反馈；不满意的重新办理；跟踪承诺事项直至办结并归档。', '{"roles": ["lead"]}', None, 'days', 'assigned_on', ''),
    ('k10', 's9', 'point', '征询办理态度和结果两项评价，不满意的 1 个月内重新办理', '', '{"roles": ["lead"]}', None, 'days', 'assigned_on', ''),
    ('k11', 's9', 'point', '承诺事项跟踪到办结', '', '{"roles": ["lead"]}', None, 'days', 'assigned_on', ''),
]


def upgrade() -> None:
    template = op.create_table(
        "checklist_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_template")),
        sa.UniqueConstraint("name", name=op.f("uq_checklist_template_name")),
    )
    version = op.create_table(
        "checklist_template_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("saved_by", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["template_id"], ["checklist_template.id"],
                                name=op.f("fk_checklist_template_version_template_id_checklist_template"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_template_version")),
        sa.UniqueConstraint("template_id", "number", name="uq_checklist_template_version_number"),
    )
    op.create_index(op.f("ix_checklist_template_version_template_id"), "checklist_template_version", ["template_id"])
    entry = op.create_table(
        "checklist_template_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        *_entry_columns(),
        sa.ForeignKeyConstraint(["version_id"], ["checklist_template_version.id"],
                                name=constraint_name("fk_checklist_template_entry_version_id_checklist_template_version"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_template_entry")),
        sa.UniqueConstraint("version_id", "key", name="uq_checklist_template_entry_key"),
    )
    op.create_index(op.f("ix_checklist_template_entry_version_id"), "checklist_template_entry", ["version_id"])
    op.create_table(
        "item_checklist",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name=op.f("fk_item_checklist_item_id_item"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["version_id"], ["checklist_template_version.id"],
                                name=op.f("fk_item_checklist_version_id_checklist_template_version"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("item_id", name=op.f("pk_item_checklist")),
    )
    op.create_index(op.f("ix_item_checklist_version_id"), "item_checklist", ["version_id"])
    op.create_table(
        "item_checklist_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        *[c for c in _entry_columns() if c.name != "condition"],
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("done_by", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("attachment_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name=op.f("fk_item_checklist_entry_item_id_item"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"],
                                name=op.f("fk_item_checklist_entry_contact_id_contact"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["attachment_id"], ["attachment.id"],
                                name=op.f("fk_item_checklist_entry_attachment_id_attachment"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_checklist_entry")),
        sa.UniqueConstraint("item_id", "key", name="uq_item_checklist_entry_key"),
    )
    op.create_index(op.f("ix_item_checklist_entry_item_id"), "item_checklist_entry", ["item_id"])
    op.create_table(
        "checklist_tick",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("ticked", sa.Boolean(), nullable=False),
        sa.Column("ticked_at", sa.DateTime(), nullable=False),
        sa.Column("ticked_by", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("attachment_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["entry_id"], ["item_checklist_entry.id"],
                                name=op.f("fk_checklist_tick_entry_id_item_checklist_entry"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_tick")),
    )
    op.create_index(op.f("ix_checklist_tick_entry_id"), "checklist_tick", ["entry_id"])
    op.create_index(op.f("ix_checklist_tick_item_id"), "checklist_tick", ["item_id"])

    seeded_at = datetime(2026, 11, 27)
    op.bulk_insert(template, [{"id": 1, "name": TEMPLATE_NAME, "description": TEMPLATE_DESCRIPTION,
                               "created_at": seeded_at}])
    op.bulk_insert(version, [{"id": 1, "template_id": 1, "number": 1, "saved_at": seeded_at,
                              "saved_by": "系统", "note": "默认模板（domain.md §5）"}])
    keys = ("key", "parent_key", "level", "name", "description", "condition", "due_length", "due_unit",
            "due_anchor", "gate")
    op.bulk_insert(entry, [{"version_id": 1, "position": i, **dict(zip(keys, row))}
                           for i, row in enumerate(DEFAULT_ENTRIES)])


def downgrade() -> None:
    op.drop_table("checklist_tick")
    op.drop_table("item_checklist_entry")
    op.drop_table("item_checklist")
    op.drop_table("checklist_template_entry")
    op.drop_table("checklist_template_version")
    op.drop_table("checklist_template")


def _entry_columns():
    return [
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("parent_key", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("condition", sa.Text(), nullable=False),
        sa.Column("due_length", sa.Integer(), nullable=True),
        sa.Column("due_unit", sa.String(length=20), nullable=False),
        sa.Column("due_anchor", sa.String(length=30), nullable=False),
        sa.Column("gate", sa.String(length=30), nullable=False),
    ]
