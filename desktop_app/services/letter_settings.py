"""The letter settings (设置 → 公文与字体), kept as JSON in the ``setting`` table under ``letters``
(services layer). Every printed document reads them here: the letters, the 整改 and 回头看 reports
and the statistics report; none of those needs the letter service itself.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace

from sqlalchemy.orm import Session as OrmSession

from sqlalchemy import select

from desktop_app.documents.model import Issuer, LetterSettings
from desktop_app.domain.enums import ItemKind, ResultCategory
from desktop_app.services.context import ServiceContext
from desktop_app.services.lookup import our_unit_id, setting_value
from desktop_app.storage.tables import Unit

SETTINGS_KEY = "letters"


def read_letter_settings(s: OrmSession) -> LetterSettings:
    """The stored settings; without a unit name of their own, our unit's name (设置 → 本单位)."""
    settings = settings_from_json(setting_value(s, SETTINGS_KEY))
    if not settings.unit_name:
        unit = s.get(Unit, our_unit_id(s)) if our_unit_id(s) is not None else None
        settings = replace(settings, unit_name=unit.name if unit else "")
    return settings


def issuer_of(s: OrmSession, unit_id: int | None, settings: LetterSettings | None = None) -> Issuer | None:
    """The unit ``unit_id`` as the issuer of a document (its own letterhead, 文号 pattern and 署名).
    Our unit without a 发文机关标志 of its own keeps the one typed in 设置 → 公文与字体."""
    unit = s.get(Unit, unit_id) if unit_id is not None else None
    if unit is None:
        return None
    mark = unit.letterhead_mark or ""
    if not mark and settings is not None and settings.unit_name and unit.id == our_unit_id(s):
        mark = settings.unit_name if settings.unit_name != unit.name else ""
    return Issuer(unit.name, mark, unit.doc_number_pattern or "", unit.signature or "", unit.short_name or "")


def issuer_named(s: OrmSession, name: str, settings: LetterSettings | None = None) -> Issuer | None:
    unit_id = s.execute(select(Unit.id).where(Unit.name == name.strip())).scalar()
    return issuer_of(s, unit_id, settings)


def issuer_of_doc_number(s: OrmSession, doc_number: str, settings: LetterSettings | None = None) -> Issuer | None:
    """The unit whose 文号 pattern has the 机关代字 of ``doc_number`` (崇府发 of 崇府发〔2024〕45号)."""
    prefix = doc_number.split("〔")[0].strip() if "〔" in doc_number else ""
    if not prefix:
        return None
    for unit_id in s.execute(select(Unit.id).order_by(Unit.active.desc(), Unit.sort_order)).scalars():
        issuer = issuer_of(s, unit_id, settings)
        if issuer is not None and issuer.prefix == prefix:
            return issuer
    return None


def letter_settings(ctx: ServiceContext) -> LetterSettings:
    """``read_letter_settings`` in a transaction of its own."""
    with ctx.db.read() as s:
        return read_letter_settings(s)


def settings_to_json(settings: LetterSettings) -> str:
    data = asdict(settings)
    data["category_letters"] = {k.value: v for k, v in settings.category_letters.items()}
    data["title_patterns"] = {k.value: v for k, v in settings.title_patterns.items()}
    return json.dumps(data, ensure_ascii=False)


def settings_from_json(text: str) -> LetterSettings:
    """Letter settings from the stored JSON; missing or unreadable keys keep their defaults so
    that an old or hand-edited value never stops printing."""
    default = LetterSettings()
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return default
    if not isinstance(data, dict):
        return default
    changes = {}
    for key in ("unit_name", "letterhead", "closing"):
        if isinstance(data.get(key), str):
            changes[key] = data[key]
    for key in ("one_letter_per_proposer", "include_co_opinions"):
        if isinstance(data.get(key), bool):
            changes[key] = data[key]
    if isinstance(data.get("letterhead_size"), (int, float)):
        changes["letterhead_size"] = float(data["letterhead_size"])
    if isinstance(data.get("fonts"), dict):
        changes["fonts"] = {str(k): str(v) for k, v in data["fonts"].items() if v}
    letters = dict(default.category_letters)
    for code, letter in (data.get("category_letters") or {}).items():
        try:
            letters[ResultCategory(code)] = str(letter)
        except ValueError:
            continue
    patterns = dict(default.title_patterns)
    for code, pattern in (data.get("title_patterns") or {}).items():
        try:
            patterns[ItemKind(code)] = str(pattern)
        except ValueError:
            continue
    return replace(default, category_letters=letters, title_patterns=patterns, **changes)
