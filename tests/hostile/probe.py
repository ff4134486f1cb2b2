"""Read one file as the import does and print, as JSON, the outcome, the time taken and the peak
memory of this process and of the reader's child (``python -m tests.hostile.probe FILE``).

Run in a child of the test, so the peak is the reading's own and nothing a file does can take
the test run down."""

from __future__ import annotations

import json
import resource
import sys
import time


def main(path: str) -> int:
    from desktop_app.exchange.reader import SheetError, read_sheet

    start = time.perf_counter()
    outcome = {"refused": "", "rows": None}
    try:
        sheet = read_sheet(path)
        outcome["rows"] = sheet.rows
    except SheetError as error:
        outcome["refused"] = str(error)
    outcome["seconds"] = time.perf_counter() - start
    # Our own peak from VmHWM: ru_maxrss would carry over the RSS of the (large) test process this
    # one was forked from. The reader child's from ru_maxrss of the children (KB on Linux): it was
    # started from this small process.
    own = _own_peak_kb()
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    outcome["peak_mb"] = max(own, child) / 1024
    print(json.dumps(outcome, ensure_ascii=True))
    return 0


def _own_peak_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
