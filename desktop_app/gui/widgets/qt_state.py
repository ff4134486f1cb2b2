"""Qt's saved widget state (bytes) as text for the JSON UI settings (gui layer)."""

from __future__ import annotations

import base64
import binascii

from PySide6.QtCore import QByteArray


def encode_state(state: QByteArray) -> str:
    return base64.b64encode(bytes(state.data())).decode("ascii")


def decode_state(text: str) -> QByteArray:
    """The bytes back; empty (which Qt's ``restore*`` reject harmlessly) when the text is damaged."""
    try:
        return QByteArray(base64.b64decode(text.encode("ascii"), validate=True))
    except (ValueError, binascii.Error):
        return QByteArray()
