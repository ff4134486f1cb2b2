"""The newest 政协 session of the demo database in the CPPCC's terms (services layer, used after
``demo.fill_demo``): every proposal 立案 by the 提案委员会 but one 不立案 意见 (转有关部门参考, with a
reply date the office set), one 并案 of three proposals under a replied lead, 重点提案 with their
督办领导, and contact persons for the 集体提案. Counts of items stay as ``fill_demo`` made them."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from desktop_app.domain.enums import Body, FilingDecision, ItemKind, ItemStatus, ProposerType
from desktop_app.services.context import ServiceContext
from desktop_app.services.merged import take_lead_state
from desktop_app.storage.tables import History, Item, Proposer, Reply, Session

SUPERVISORS = ("区政协主席刘明", "区政协副主席陈红", "区政协副主席周建华")
CONTACTS = {"民革区委": "孙立", "民盟区委": "沈怡", "农工党区委": "黄伟", "九三学社区委": "顾敏",
            "区工商联": "施洁", "区妇联": "陆霞", "经济界别": "朱磊", "区政协社会和法制委员会": "倪涛"}
_REPLIED = {s.value for s in (ItemStatus.REPLIED, ItemStatus.FEEDBACK, ItemStatus.REHANDLING,
                              ItemStatus.TRACKING, ItemStatus.CLOSED)}


def add_demo_proposals(ctx: ServiceContext) -> None:
    now = ctx.now()
    with ctx.db.write() as s:
        session = s.execute(select(Session).where(Session.body == Body.CPPCC.value)
                            .order_by(Session.year.desc())).scalars().first()
        if session is None:
            return
        items = list(s.execute(select(Item).where(Item.session_id == session.id,
                                                  Item.kind == ItemKind.PROPOSAL.value)
                               .order_by(Item.number)).scalars())
        if not items or any(i.filing for i in items):
            return
        decided = (session.opened_on or now.date()) + timedelta(days=10)
        for item in items:
            item.filing, item.filed_on = FilingDecision.FILED.value, min(decided, item.assigned_on or decided)
        replied = {i for (i,) in s.execute(select(Reply.item_id).where(Reply.finalised.is_(True)))}
        answered = [i for i in items if i.status in _REPLIED and i.id in replied and not i.is_secret]
        waiting = [i for i in items if i.status not in _REPLIED and not i.is_secret and i.id not in replied]
        notes = []
        if waiting:  # the 不立案 意见: kept, sent to the units for reference, answered by a set day
            opinion = waiting[-1]
            opinion.filing = FilingDecision.NOT_FILED.value
            opinion.reference_due_on = now.date() + timedelta(days=20)
            notes.append((opinion, "立案情况", "立案", "不立案"))
        if len(answered) >= 3:  # one 并案: a replied lead, two proposals handled with it
            lead, *merged = answered[:3]
            for other in merged:
                other.merged_into_id = lead.id
                take_lead_state(s, other, lead, "演示数据", now)
                notes.append((other, "并入提案", "", f"第{lead.number}号"))
        keys = [i for i in items if i.filing == FilingDecision.FILED.value and i.merged_into_id is None][:3]
        for n, item in enumerate(keys):
            if not item.is_key:
                item.is_key = True
                notes.append((item, "重点督办", "否", "是"))
            item.supervisor = SUPERVISORS[n % len(SUPERVISORS)]
        others = s.execute(select(Item).where(Item.kind == ItemKind.PROPOSAL.value, Item.is_key.is_(True),
                                              Item.supervisor == "")).scalars()
        for n, item in enumerate(others):  # every 重点提案 has its 督办领导
            item.supervisor = SUPERVISORS[n % len(SUPERVISORS)]
        for item, label, old, new in notes:
            s.add(History(item_id=item.id, entity="item", entity_id=item.id, field=label, old_value=old,
                          new_value=new, changed_by="演示数据", changed_at=now, reason=""))
        for proposer in s.execute(select(Proposer).where(Proposer.body == Body.CPPCC.value)).scalars():
            if ProposerType(proposer.proposer_type).is_collective and not proposer.contact_person:
                proposer.contact_person = CONTACTS.get(proposer.name, "")
