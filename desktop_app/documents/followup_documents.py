"""PDFs of the follow-through (documents layer: DTOs in, PDF out; no DB, no Qt): the 承诺事项落实
告知函 (a short letter, built by ``forms.simple``) and the disclosure copy of a reply (the 答复函
layout with the redacted text, one copy, no 抄送)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop_app.documents.builder import DocumentResult, notes_of
from desktop_app.documents.fonts import find_fonts
from desktop_app.documents.forms import reply, simple
from desktop_app.documents.geometry.page import A4_GBT9704
from desktop_app.documents.model import LetterSettings, ReplyLetterData, SimpleLetterData
from desktop_app.documents.render import pdf_bytes, write_pdf


def _compose(kind: str, data, settings: LetterSettings, fonts):
    if kind == "commitment_notice":
        return simple.build(data, settings, fonts, A4_GBT9704)
    # One public copy: never one per co-signer.
    return reply.build_reply_letters(data, replace(settings, one_letter_per_proposer=False), fonts, A4_GBT9704)


def write(path: str | Path, kind: str, data: SimpleLetterData | ReplyLetterData,
          settings: LetterSettings) -> DocumentResult:
    """``kind`` "commitment_notice" (a SimpleLetterData) or "disclosure" (a ReplyLetterData)."""
    fonts = find_fonts(settings.fonts)
    comps = _compose(kind, data, settings, fonts)
    return DocumentResult.of(write_pdf(path, comps, fonts, A4_GBT9704), fonts, notes_of(comps))


def to_bytes(kind: str, data, settings: LetterSettings) -> tuple[bytes, DocumentResult]:
    fonts = find_fonts(settings.fonts)
    comps = _compose(kind, data, settings, fonts)
    data_bytes, result = pdf_bytes(comps, fonts, A4_GBT9704)
    return data_bytes, DocumentResult.of(result, fonts, notes_of(comps))
