"""Running the reading of an untrusted file in a child process with a memory limit (exchange
layer; no Qt).

Whatever a file makes the spreadsheet library do (allocate gigabytes, crash in native code, loop),
it happens in the child: the window's process only waits for a result, a Chinese error, or the
child's end. On Linux and macOS the child's address space is capped (``resource.setrlimit``); on
Windows, where that is not available, ``exchange.xlsx_bounds`` has already bounded the work before
the child starts, and the child still keeps a crash or a timeout out of the window.

The child is a fresh interpreter (``python -m desktop_app.exchange.sandbox``; in the frozen app the
program itself with ``--sandbox-child``, see ``bootstrap.main``), never a fork of the window (Qt
threads) and independent of the caller's main module. Request and result travel as pickles in
two files of a private temporary folder.
"""

from __future__ import annotations

import importlib
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

#: Address space the child may use: the interpreter and the reader (~250 MB) plus the largest
#: workbook the bounds let through.
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024
TIMEOUT_SECONDS = 300.0
CHILD_FLAG = "--sandbox-child"


class ChildFailed(Exception):
    """The child ran out of memory, crashed or timed out; ``reason`` is "memory", "crash" or "timeout"."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


def run_bounded(func: Callable[..., Any], *args, memory_bytes: int = MEMORY_LIMIT_BYTES,
                timeout: float = TIMEOUT_SECONDS) -> Any:
    """``func(*args)`` in a child process: its result, or the exception it raised (raised again
    here), or ``ChildFailed``. ``func`` must be a module-level function; arguments and result
    picklable."""
    folder = Path(tempfile.mkdtemp(prefix="desktop_app_read_"))
    try:
        request, result = folder / "request.pickle", folder / "result.pickle"
        request.write_bytes(pickle.dumps((func.__module__, func.__qualname__, args, memory_bytes)))
        try:
            done = subprocess.run(
                [*child_command(), CHILD_FLAG, str(request), str(result)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                timeout=timeout, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except subprocess.TimeoutExpired as error:
            raise ChildFailed("timeout", f"{timeout:.0f} s") from error
        if not result.is_file():
            detail = f"exit code {done.returncode}: {done.stderr.decode('utf-8', 'replace')[-500:]}"
            raise ChildFailed("memory" if _ran_out(done) else "crash", detail)
        kind, value = pickle.loads(result.read_bytes())
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if kind == "ok":
        return value
    if kind == "memory":
        raise ChildFailed("memory", value)
    raise value


def child_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "desktop_app.exchange.sandbox"]


def _ran_out(done: subprocess.CompletedProcess) -> bool:
    # SIGKILL (an OOM killer), or an abort after a failed allocation in native code.
    text = done.stderr.decode("utf-8", "replace")
    return done.returncode in (-9, -6, 134, 137) or "memory" in text.lower() or "alloc" in text.lower()


def child_main(argv: list[str]) -> int:
    """The child: ``--sandbox-child REQUEST RESULT``. The memory limit is set before anything
    else is imported."""
    request, result = Path(argv[0]), Path(argv[1])
    module, name, args, memory_bytes = pickle.loads(request.read_bytes())
    limit_memory(memory_bytes)
    try:
        outcome = ("ok", getattr(importlib.import_module(module), name)(*args))
    except MemoryError:
        outcome = ("memory", "MemoryError")
    except Exception as error:  # noqa: BLE001 - handed to the parent, which raises it there
        outcome = ("error", error)
    try:
        data = pickle.dumps(outcome)
    except MemoryError:
        data = pickle.dumps(("memory", "MemoryError while saving the result"))
    except Exception as error:  # noqa: BLE001 - an exception that cannot be pickled: its text
        data = pickle.dumps(("error", RuntimeError(str(error))))
    temp = result.with_name(result.name + ".part")
    temp.write_bytes(data)
    temp.replace(result)  # the parent sees a whole result or none
    return 0


def limit_memory(memory_bytes: int) -> None:
    if sys.platform == "win32":
        return
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == CHILD_FLAG:
        sys.exit(child_main(sys.argv[2:]))
    sys.exit("usage: python -m desktop_app.exchange.sandbox --sandbox-child REQUEST RESULT")
