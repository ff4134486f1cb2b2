"""Exchange packages between the office's copy and the units' copies (issue 19).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05

Records a package carries get a stable global id (``uid``, a UUID as 32 hex digits) so that the
same item, proposer, assignment, contact, reply, feedback form and commitment is recognised in
every copy; existing rows get one here. The column is nullable and unique: rows written by a bulk
insert that does not know it get theirs when a package is next written (``services.exchange``).

New tables: this copy's public key (the private key is a file beside the database, see
``services.exchange_keys``), the keys it trusts (units' at the office, the office's at a unit),
every package sent and received with its per-sender sequence number, the owned values last
received from each sender (to tell a conflict from a plain change) and what was last sent to each
addressee (so that a package carries only what changed).
"""

import uuid
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: Union[str, Sequence[str], None] = "0012"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

UID_TABLES = ("item", "proposer", "assignment", "contact", "reply", "feedback", "commitment")


def upgrade() -> None:
    conn = op.get_bind()
    for table in UID_TABLES:
        op.add_column(table, sa.Column("uid", sa.String(32), nullable=True))
        ids = [row[0] for row in conn.execute(sa.text(f"SELECT id FROM {table}"))]
        if ids:
            conn.execute(sa.text(f"UPDATE {table} SET uid = :uid WHERE id = :id"),
                         [{"uid": uuid.uuid4().hex, "id": i} for i in ids])
        op.create_index(f"ix_{table}_uid", table, ["uid"], unique=True)

    op.create_table(
        "exchange_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_identity")),
    )
    op.create_table(
        "exchange_trust",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(50), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_trust")),
        sa.UniqueConstraint("public_key", name=op.f("uq_exchange_trust_public_key")),
        sa.UniqueConstraint("role", "name", name="uq_exchange_trust_role_name"),
    )
    op.create_table(
        "exchange_package",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(10), nullable=False),
        sa.Column("peer_role", sa.String(10), nullable=False),
        sa.Column("peer_name", sa.String(100), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=False),
        sa.Column("handled_by", sa.String(50), nullable=False, server_default=""),
        sa.Column("file_name", sa.String(255), nullable=False, server_default=""),
        sa.Column("sha256", sa.String(64), nullable=False, server_default=""),
        sa.Column("items", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("summary", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_package")),
        sa.UniqueConstraint("direction", "peer_role", "peer_name", "sequence", name="uq_exchange_package_sequence"),
    )
    op.create_table(
        "exchange_base",
        sa.Column("peer", sa.String(120), nullable=False),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("uid", sa.String(32), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("peer", "entity", "uid", name=op.f("pk_exchange_base")),
    )
    op.create_table(
        "exchange_sent",
        sa.Column("peer", sa.String(120), nullable=False),
        sa.Column("item_uid", sa.String(32), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("peer", "item_uid", name=op.f("pk_exchange_sent")),
    )


def downgrade() -> None:
    for table in ("exchange_sent", "exchange_base", "exchange_package", "exchange_trust", "exchange_identity"):
        op.drop_table(table)
    for table in UID_TABLES:
        op.drop_index(f"ix_{table}_uid", table_name=table)
        op.execute(f"ALTER TABLE {table} DROP COLUMN uid")
