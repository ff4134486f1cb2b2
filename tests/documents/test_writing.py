"""A PDF batch that fails or is cancelled part way leaves the user's old file as it was and no
temporary file beside it."""

from __future__ import annotations

import pytest

from desktop_app.documents.builder import write_document

from .conftest import reply_data

OLD = b"old contents the user already has"


def left_behind(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_pdf_batch_failing_mid_document_keeps_the_old_pdf(tmp_path, settings):
    path = tmp_path / "答复函.pdf"
    path.write_bytes(OLD)

    def progress(done, _total):
        if done == 1:
            raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        write_document(path, "reply", [reply_data(), reply_data()], settings, progress=progress)
    assert path.read_bytes() == OLD
    assert left_behind(tmp_path) == ["答复函.pdf"]


def test_a_cancelled_pdf_batch_writes_nothing(tmp_path, settings):
    path = tmp_path / "答复函.pdf"
    result = write_document(path, "reply", [reply_data(), reply_data()], settings, cancelled=lambda: True)
    assert result.pages == 0
    assert left_behind(tmp_path) == []
