"""Operations: one small factory per use, each wrapping exactly one service call (gui layer).

As Anki's ``CollectionOp``/``QueryOp``: a factory takes the app's services and the call's arguments
on the UI thread and returns an ``Op``; the runner (``gui.runner``) runs it on the database
threads — writes one at a time for every window, ``read`` ones beside them — and sends its
``Changes`` to every view, stamped with the view that asked (``initiator``). A view then writes
``runner.run(cases.delete_case(services, row.id, row.version), on_success=..., initiator=self)``.

Errors take the runner's one error path, except the ``refusals`` a view explains itself next to
the fields (a save refused by a rule): those come back to ``on_success`` as ``Refused``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class Op:
    """``call()`` (or ``call(progress, cancelled)`` when ``reports_progress``) makes the one
    service call; ``title`` names it in the busy dialog and error messages."""

    title: str
    call: Callable[..., Any]
    read: bool = False
    reports_progress: bool = False
    refusals: tuple[type[BaseException], ...] = ()


@dataclass(frozen=True)
class Refused:
    """What ``on_success`` gets instead of a result when the service refused with one of the op's
    ``refusals`` (nothing was written)."""

    error: BaseException
