"""Operations on the database file: integrity check, backup, restore (gui layer)."""

from __future__ import annotations

from desktop_app.gui.operations import Op


def check_integrity(services) -> Op:
    return Op("检查数据库完整性", services.maintenance.check, read=True)


def backup_now(services, *, as_sqlite: bool = False) -> Op:
    """Into the backup folder: on a server a pg_dump file, or (``as_sqlite``) a database file."""
    # A write: it must not copy the file halfway through another window's save.
    maintenance = services.maintenance
    return Op("立即备份", lambda: maintenance.backup_now(as_sqlite=as_sqlite))


def restore(services, path) -> Op:
    maintenance = services.maintenance
    return Op("从备份恢复", lambda: maintenance.restore(path))
