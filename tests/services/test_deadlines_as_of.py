"""The deadline service on a day before today: the dashboard, the item's deadlines and the status
an item had that day, read from its history."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from desktop_app.domain.deadlines import Bucket, DeadlineKind
from desktop_app.domain.enums import ItemStatus, ResultCategory
from desktop_app.services import deadline_reads, fields
from desktop_app.services.deadlines import DeadlineService
from desktop_app.services.dto import ReplyRecord
from tests.services.records import make_record

# Today is 2024-06-03 (the tests' clock). 交办 2024-02-20: the reply is due 2024-05-20.
BEFORE_REPLY = date(2024, 5, 1)


def replied_and_closed(ctx, cases) -> int:
    """An item answered on 2024-05-10 and 办结 on 2024-05-25."""
    item_id = cases.save(make_record(replies=(ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED),)))[1]
    with ctx.db.engine.begin() as conn:  # past the services: as the history of an older version left it
        conn.execute(text("UPDATE reply SET finalised = TRUE"))
        conn.execute(text(f"UPDATE item SET status = 'closed' WHERE id = {int(item_id)}"))
        conn.execute(text("INSERT INTO history (item_id, entity, entity_id, field, old_value, new_value, changed_by,"
                          f" changed_at, reason) VALUES ({int(item_id)}, 'item', {int(item_id)}, '状态', '已答复', '办结',"
                          " '测试员', '2024-05-25 16:00:00.000000', '')"))
    return item_id


def replies_open(board) -> set[int]:
    return {i for (kind, _bucket), ids in board.by_kind.items() if kind is DeadlineKind.REPLY for i in ids}


def test_the_dashboard_of_a_past_day_shows_what_was_open_then_and_today_stays_as_it_is(ctx, cases):
    deadlines = DeadlineService(ctx)
    item_id = replied_and_closed(ctx, cases)
    assert item_id not in set().union(*deadlines.dashboard(only_our_unit=False).by_bucket.values())

    then = deadlines.dashboard(BEFORE_REPLY, only_our_unit=False)

    assert then.by_kind[(DeadlineKind.REPLY, Bucket.LATER)] == {item_id}  # due in 19 days, not yet answered
    [row] = [r for r in deadlines.open_deadlines(BEFORE_REPLY) if r.kind is DeadlineKind.REPLY]
    assert (row.due_on, row.days_left) == (date(2024, 5, 20), 19)
    # After the reply, the reply is no longer due; the item was open until its 办结 on 2024-05-25,
    # with the co-unit's opinion (never recorded) overdue.
    day_before = deadlines.dashboard(date(2024, 5, 24), only_our_unit=False)
    assert replies_open(day_before) == set()
    assert day_before.by_kind[(DeadlineKind.OPINION, Bucket.OVERDUE)] == {item_id}
    assert item_id not in set().union(*deadlines.dashboard(only_our_unit=False).by_bucket.values())


def test_an_items_deadlines_as_of_a_past_day(ctx, cases):
    deadlines = DeadlineService(ctx)
    item_id = replied_and_closed(ctx, cases)
    reply = {r.kind: r for r in deadlines.item_deadlines(item_id, BEFORE_REPLY)}[DeadlineKind.REPLY]
    assert reply.is_open and reply.done_on is None
    reply = {r.kind: r for r in deadlines.item_deadlines(item_id)}[DeadlineKind.REPLY]
    assert reply.done_on == date(2024, 5, 10)


def test_the_status_of_a_past_day_is_what_the_first_later_change_changed_from(ctx, cases):
    item_id = replied_and_closed(ctx, cases)
    with ctx.db.read() as s:
        conn = s.connection().connection.dbapi_connection
        scope = f"item.id = {item_id}"
        assert deadline_reads.statuses_on(conn, date(2024, 5, 24), scope) == {item_id: ItemStatus.REPLIED}
        assert deadline_reads.statuses_on(conn, date(2024, 5, 25), scope) == {}


def test_the_history_label_of_the_status_is_the_one_the_services_write():
    assert ("status", deadline_reads.STATUS_FIELD, ItemStatus) in fields.ITEM_FIELDS
