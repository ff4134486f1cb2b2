"""The letter forms the services make, their names and file names (services layer).

Light on purpose (no database, no ReportLab): the gui names its 打印 menu entries from here at
start-up. The names themselves belong to the documents layer."""

from __future__ import annotations

import re

from desktop_app.documents.model import FORM_LABELS

__all__ = ["FORM_LABELS", "PREVIEW_FORMS", "file_name"]

#: The forms the 打印 menu and the item editor preview, in menu order.
PREVIEW_FORMS = ("reply", "feedback", "co_opinion", "reminder", "extension", "return")


def file_name(form: str, row) -> str:
    """A Windows-safe file name such as 答复函_区二届人大五次会议_0035.pdf; ``row`` anything with
    ``session_name`` and ``number``."""
    name = f"{FORM_LABELS[form]}_{row.session_name}_{row.number}.pdf"
    return re.sub(r'[\\/:*?"<>|]', "_", name)
