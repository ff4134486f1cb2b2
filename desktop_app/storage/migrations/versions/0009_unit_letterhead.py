"""Each unit in the units list has its own letterhead: 发文机关标志, 文号 pattern and 署名.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04

Documents print under the unit that issues them (a reply signed by 区水务局 under 区水务局's
letterhead, not under the unit chosen in 设置). Three text columns, empty by default: an empty
发文机关标志 or 署名 means the unit's name, an empty 文号 pattern means 简称〔{年}〕{号}号.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: Union[str, Sequence[str], None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

COLUMNS = (("letterhead_mark", 100), ("doc_number_pattern", 100), ("signature", 100))


def upgrade() -> None:
    for name, length in COLUMNS:
        op.add_column("unit", sa.Column(name, sa.String(length), nullable=False, server_default=""))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+, PostgreSQL), not a batch: rebuilding ``unit`` would
    # drop the table every assignment points at.
    for name, _length in COLUMNS:
        op.execute(f"ALTER TABLE unit DROP COLUMN {name}")
