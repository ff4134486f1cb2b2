"""Statistics under the definitions of domain.md §7: who took part in a contact, and when and where
a public reply was published.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

- ``contact.deputy_present`` (代表参加): 见面率 counts a face-to-face contact only when the deputy or
  a co-signer took part. Rows written before this revision were, by the old definition, contacts
  "with the deputy", so the face-to-face ones (见面, 座谈, 实地调研, 现场办公, 视察) start as 1;
  电话 and 专题会议 start as 0.
- ``reply.published_on`` / ``publication_channel`` / ``publication_address`` (公开发布记录): 公开率
  counts items actually published, not the 公开属性 field. Empty for every existing reply.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: Union[str, Sequence[str], None] = "0009"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

FACE_TO_FACE = ("meeting", "forum", "field_research", "on_site_office", "inspection")


def upgrade() -> None:
    op.add_column("contact", sa.Column("deputy_present", sa.Boolean(), nullable=False, server_default=sa.false()))
    ways = ", ".join(f"'{w}'" for w in FACE_TO_FACE)
    op.execute(f"UPDATE contact SET deputy_present = TRUE WHERE way IN ({ways})")
    op.add_column("reply", sa.Column("published_on", sa.Date(), nullable=True))
    op.add_column("reply", sa.Column("publication_channel", sa.String(100), nullable=False, server_default=""))
    op.add_column("reply", sa.Column("publication_address", sa.String(300), nullable=False, server_default=""))


def downgrade() -> None:
    for table, column in (("reply", "publication_address"), ("reply", "publication_channel"),
                          ("reply", "published_on"), ("contact", "deputy_present")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
