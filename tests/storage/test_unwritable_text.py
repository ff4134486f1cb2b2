"""Control characters and lone surrogates never reach the database, from whichever editor or import
they come (domain.text at the storage boundary)."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.services.cases import CaseService
from desktop_app.storage.tables import Item, Unit
from tests.services.records import make_record


def test_a_record_is_written_without_control_characters(db):
    with db.write() as s:
        s.add(Unit(name="区\x07交通\x00委"))
    with db.read() as s:
        assert s.execute(select(Unit.name)).scalars().all() == ["区交通委"]


def test_an_editor_save_with_a_control_character_and_a_lone_surrogate_is_stored_clean(ctx):
    _changes, item_id = CaseService(ctx).save(make_record(title="关于\x1b道路\ud800养护的建议", content="第一\x0c段\n第二段"))

    with ctx.db.read() as s:
        item = s.get(Item, item_id)
        assert (item.title, item.content) == ("关于道路养护的建议", "第一段\n第二段")
