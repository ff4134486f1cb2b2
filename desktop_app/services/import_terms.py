"""What the gui shows of an Excel import: the fields a column can map to, the rows' statuses, the
preview rows and the decisions on unknown names (services layer).

Pure data of the exchange layer, named here so that the gui reaches the exchange only through
services; importing this module reads no file and opens no database."""

from __future__ import annotations

from desktop_app.exchange.columns import FIELDS, IGNORED_LABEL
from desktop_app.exchange.report import NameDecision, RowPreview, RowStatus

__all__ = ["FIELDS", "IGNORED_LABEL", "NameDecision", "RowPreview", "RowStatus"]
