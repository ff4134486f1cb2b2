"""An item's checklist packed into one value reads back exactly as it was written."""

from datetime import datetime

from desktop_app.domain import checklist_state as packed
from desktop_app.domain.calendar import LengthUnit
from desktop_app.domain.checklist import Condition, Entry, EntryLevel, GateAction
from desktop_app.domain.deadlines import Anchor


def test_entries_and_their_state_read_back_the_same():
    own = Entry("s4", "办前沟通", EntryLevel.STEP, "p1", "", Condition(), 14, LengthUnit.WORKING_DAYS,
                Anchor.ASSIGNED, GateAction.REPLY_FINALISED)
    states = [
        packed.EntryState(7, 0, 11),
        packed.EntryState(7, 1, 12, True, datetime(2024, 3, 4, 10, 0), "张三", "已登记"),
        packed.EntryState(7, 5, packed.own_text(own), True, datetime(2024, 4, 10, 17, 0, 5, 123456), "李四",
                          "", 3, 9),
        packed.EntryState(7, 6, 13, False, None, "", "待补材料"),
    ]
    text = packed.pack(states)
    assert packed.unpack(text, 7) == states
    assert packed.own_entry(packed.unpack(text, 7)[2].ref) == own
    assert text.count("张三") == 1  # names are kept once per item
    assert packed.pack([]) == "" and packed.unpack("", 7) == []


def test_an_entry_id_names_its_item_and_place():
    entry_id = packed.entry_id(100_000, 21)
    assert packed.item_of(entry_id) == 100_000 and packed.slot_of(entry_id) == 21
    assert packed.entry_id(1, 0) != packed.entry_id(0, 1)
