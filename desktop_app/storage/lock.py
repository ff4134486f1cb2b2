"""Network-share detection and the ``<db>.lock`` file that names who is writing (storage layer).

SQLite's own locking is unreliable over SMB/NFS and WAL needs shared memory, so a database on a
network path is opened in rollback-journal mode and only by the holder of a lock file. The lock
holds JSON ``{user, host, pid, since}``; it is created with O_EXCL (atomic on SMB and NFSv3+), so
exactly one opener wins. A lock left by a crashed process on the same computer is taken over.
"""

from __future__ import annotations

import json
import ntpath
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.processes import pid_alive

NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ncpfs"}
DRIVE_REMOTE = 4
#: An unreadable lock (its writer died between creating and filling it) older than this is stale.
UNREADABLE_LOCK_GRACE_SECONDS = 30


def is_network_path(path: Path | str, mounts: str | None = None) -> bool:
    """True for a UNC path, a mapped network drive (Windows) or a path on an NFS/SMB mount
    (Linux; ``mounts`` replaces the text of /proc/mounts in tests)."""
    text = str(path)
    if text.startswith(("\\\\?\\", "\\\\.\\")):  # Win32 long-path prefix: UNC\server\share or C:\...
        text = text[4:]
        if text.upper().startswith("UNC\\"):
            return True
    elif text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        return _windows_drive_is_remote(text)
    return _mount_type(Path(text), mounts) in NETWORK_FILESYSTEMS


def _windows_drive_is_remote(text: str) -> bool:
    """A mapped network drive (``Z:\\…``, or a relative path while the current folder is on one).
    ntpath, which is os.path on Windows, so that tests on other systems follow Windows' rules."""
    import ctypes

    drive = ntpath.splitdrive(ntpath.abspath(text))[0]
    if not drive:
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE


def _mount_type(path: Path, mounts: str | None) -> str:
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
    lines = mounts.splitlines()
    target = os.path.realpath(path.parent if not path.is_dir() else path)
    best, best_type = "", ""
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount = parts[1].replace("\\040", " ")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):
            best, best_type = mount, parts[2]
    return best_type


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: datetime | None

    @property
    def who(self) -> str:
        return f"{self.user}（{self.host}）"

    def banner(self) -> str:
        since = f"，自 {self.since:%Y-%m-%d %H:%M} 起" if self.since else ""
        return f"数据库正由 {self.who}使用{since}；您现在只能查看，不能修改。"


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def acquire_lock(db_path: Path, user: str, now: datetime) -> LockHolder | None:
    """Take the lock of ``db_path``; None on success, else who holds it."""
    path = lock_path(db_path)
    me = {"user": user, "host": socket.gethostname(), "pid": os.getpid(), "since": now.isoformat(timespec="seconds")}
    for _attempt in range(2):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = read_lock(path)
            if not _is_stale(path, holder):
                return holder
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(me, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        return None
    return read_lock(path) or LockHolder("另一位用户", "未知计算机", 0, None)


def release_lock(db_path: Path) -> None:
    """Delete the lock if this process holds it (never someone else's)."""
    path = lock_path(db_path)
    holder = read_lock(path)
    if holder and holder.host == socket.gethostname() and holder.pid == os.getpid():
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def held_here(holder: LockHolder) -> bool:
    """The lock was taken on this computer (a live process here is never taken over)."""
    return holder.host == socket.gethostname()


def take_over(db_path: Path, holder: LockHolder) -> bool:
    """Remove the lock of ``db_path`` if it still names ``holder`` (the user confirmed that
    computer no longer uses the file); False when someone else holds it by now."""
    path = lock_path(db_path)
    if read_lock(path) != holder:
        return False
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    return True


def read_lock(path: Path) -> LockHolder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        since = datetime.fromisoformat(data["since"]) if data.get("since") else None
        return LockHolder(str(data["user"]), str(data["host"]), int(data["pid"]), since)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _is_stale(path: Path, holder: LockHolder | None) -> bool:
    if holder is None:
        try:
            age = datetime.now().timestamp() - path.stat().st_mtime
        except FileNotFoundError:
            return True
        return age > UNREADABLE_LOCK_GRACE_SECONDS
    return holder.host == socket.gethostname() and not pid_alive(holder.pid)
