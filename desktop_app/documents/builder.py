"""The documents layer's entry points: which forms exist, and turning their DTOs into a PDF
(bytes for the preview, or a file written safely) with a report of the fonts used."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.documents.fonts import FontSet, find_fonts
from desktop_app.documents.forms import feedback_form, reply, simple
from desktop_app.documents.geometry.page import A4_GBT9704, PageGeometry
from desktop_app.documents.model import FORM_LABELS, LetterSettings  # noqa: F401  (re-exported)
from desktop_app.documents.render import Composition, pdf_bytes, write_pdf

MAX_NOTES = 10  # a batch of 300 letters says the first few things to check, not 300


@dataclass(frozen=True)
class DocumentResult:
    """What was produced: pages, which fonts served, and what the user should check: ``warning``
    ("" when nothing) holds the font substitutions and the ``notes`` (an issuer's 文号, 署名 or
    title naming another unit)."""

    pages: int
    page_counts: tuple[int, ...]
    fonts: str
    warning: str
    notes: tuple[str, ...] = ()

    @classmethod
    def of(cls, render_result, fonts: FontSet, notes=()) -> DocumentResult:
        """What ``render.write_pdf``/``pdf_bytes`` drew, with the fonts it used."""
        return cls.made(render_result.pages, render_result.page_counts, fonts, notes)

    @classmethod
    def made(cls, pages: int, page_counts: tuple[int, ...], fonts: FontSet, notes=()) -> DocumentResult:
        notes = tuple(dict.fromkeys(notes))[:MAX_NOTES]
        warning = "\n".join(part for part in (*notes, fonts.warning()) if part)
        return cls(pages, page_counts, fonts.summary(), warning, notes)

    @property
    def substituted(self) -> bool:
        return bool(self.warning)


def notes_of(comps: list[Composition]) -> list[str]:
    return [note for comp in comps for note in comp.notes]


def _builders() -> dict[str, Callable]:
    return {
        "reply": reply.build_reply_letters,
        "co_opinion": simple.build,
        "feedback": feedback_form.build,
        "reminder": simple.build,
        "extension": simple.build,
        "return": simple.build,
        "commitment_notice": simple.build,
        "supervision": simple.build,
        "assignment": simple.build,
    }


def compose(form: str, items: list, settings: LetterSettings, fonts: FontSet,
            geometry: PageGeometry = A4_GBT9704) -> list[Composition]:
    build = _builders()[form]
    comps: list[Composition] = []
    for data in items:
        comps += build(data, settings, fonts, geometry)
    return comps


def to_pdf_bytes(form: str, items: list, settings: LetterSettings) -> tuple[bytes, DocumentResult]:
    fonts = find_fonts(settings.fonts)
    comps = compose(form, items, settings, fonts)
    data, result = pdf_bytes(comps, fonts, A4_GBT9704)
    return data, DocumentResult.of(result, fonts, notes_of(comps))


def write_document(path: str | Path, form: str, items: list, settings: LetterSettings,
                   progress=None, cancelled=None) -> DocumentResult:
    """Write the documents of ``items`` into one PDF at ``path`` (temporary name, then renamed)."""
    fonts = find_fonts(settings.fonts)
    comps = compose(form, items, settings, fonts)
    return DocumentResult.of(write_pdf(path, comps, fonts, A4_GBT9704, progress, cancelled), fonts, notes_of(comps))
