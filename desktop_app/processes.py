"""Is a process still running? Used by the database lock file and the single-instance marker
(no layer: standard library only, imported by storage and gui alike)."""

from __future__ import annotations

import os
import sys


def pid_alive(pid: int) -> bool:
    """True while process ``pid`` runs on this computer. Never ``os.kill`` on Windows: there it
    terminates the process."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        process_query_limited_information, still_active = 0x1000, 259
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == still_active
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
