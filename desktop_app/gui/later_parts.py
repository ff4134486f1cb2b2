"""Parts of the main window that its first paint does not need, built right after it (gui layer).

Start-up is measured against a bare PySide6 window (``benchmarks/run.py``, ≤ 1.25×): whatever the
first paint does not show waits until the window is on the screen. Such a part is declared on its
owner with ``later_part`` instead of being made in ``__init__``:

    @later_part
    def filter_panel(self) -> FilterPanel:
        panel = FilterPanel()
        swap_in(self.ui.filterPanelPlace, panel)   # a part shown at once has a placeholder
        ...
        return panel

It is built the first time anything asks for it (a cached property), and at the latest by
``build_later_parts(owner)``, which the main window runs right after its first paint (bootstrap),
before the rows arrive and long before a user's first key: every part looks and works as if it had
been made with the window. A part on the screen at once sits in a plain placeholder of the form
(same place, size limits and visibility), so the first paint has the window's final layout.
``built(owner, name)`` tells whether a part exists yet, for code that must not build it (e.g. saving
the layout of a window that closes before the part was needed).
"""

from __future__ import annotations

from functools import cached_property

from PySide6.QtWidgets import QSplitter, QWidget


class later_part(cached_property):  # noqa: N801 - used as a decorator, like cached_property
    """A part of a window built after its first paint: on first use, or by ``build_later_parts``."""


def build_later_parts(owner: object) -> None:
    """Build every ``later_part`` of ``owner`` not built yet."""
    for klass in type(owner).__mro__:
        for name, member in vars(klass).items():
            if isinstance(member, later_part):
                getattr(owner, name)


def built(owner: object, name: str):
    """The part ``name`` of ``owner`` when it has been built, else None (without building it)."""
    return vars(owner).get(name)


def swap_in(placeholder: QWidget, part: QWidget) -> None:
    """Put ``part`` in the place of ``placeholder`` (in a splitter or a layout) with its size limits
    and visibility, and delete the placeholder. ``part`` takes its object name without the
    ``Place`` ending (``filterPanelPlace`` → ``filterPanel``)."""
    part.setObjectName(placeholder.objectName().removesuffix("Place"))
    part.setMinimumSize(placeholder.minimumSize())
    part.setMaximumSize(placeholder.maximumSize())
    parent = placeholder.parentWidget()
    if isinstance(parent, QSplitter):
        # Same geometry, visible and collapsed states as the placeholder (QSplitter.replaceWidget).
        parent.replaceWidget(parent.indexOf(placeholder), part)
    else:
        part.setParent(parent)
        part.setHidden(placeholder.isHidden())
        parent.layout().replaceWidget(placeholder, part)
    placeholder.hide()
    placeholder.deleteLater()
