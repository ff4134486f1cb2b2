"""Alembic environment: runs on the connection handed over by ``migrations.upgrade`` (storage layer)."""

from __future__ import annotations

from alembic import context

from desktop_app.storage.migrations import include_name
from desktop_app.storage.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("迁移须通过 desktop_app.storage.migrations.upgrade() 运行，需提供数据库连接。")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=True,
    # SQLite DDL is transactional here because database.py issues BEGIN itself.
    transactional_ddl=True,
    include_name=include_name,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
