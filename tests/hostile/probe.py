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
    # ru_maxrss is in KB on Linux; the children's figure is the largest finished child (the reader).
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    outcome["peak_mb"] = max(own, child) / 1024
    print(json.dumps(outcome, ensure_ascii=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
