"""并案: proposals merged under a lead proposal follow its handling (services layer, inside the
caller's transaction). Their status and result are the lead's, so that the list, the deadlines and
the statistics see one handling; each keeps its own number, proposers and history."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.domain.enums import ItemKind, ItemStatus
from desktop_app.services.fields import member_or_none
from desktop_app.storage.tables import History, Item


def group_ids(s, item_id: int) -> list[int]:
    """The 并案 group ``item_id`` belongs to: its lead first, then the proposals merged into it (in
    number order); ``[item_id]`` for an item not merged."""
    lead_id = s.scalar(select(Item.merged_into_id).where(Item.id == item_id)) or item_id
    return [lead_id, *s.scalars(select(Item.id).where(Item.merged_into_id == lead_id).order_by(Item.number, Item.id))]


def follow_lead(s, lead: Item, user: str, now) -> list[int]:
    """Give every proposal merged into ``lead`` the lead's status and result; returns the ids of
    those that changed (history says why)."""
    if lead.kind != ItemKind.PROPOSAL.value or lead.merged_into_id is not None:
        return []  # only 政协提案 are merged, one level deep: nothing can follow this one
    changed = []
    for item in s.execute(select(Item).where(Item.merged_into_id == lead.id)).scalars():
        if take_lead_state(s, item, lead, user, now):
            changed.append(item.id)
    return changed


def take_lead_state(s, item: Item, lead: Item, user: str, now) -> bool:
    if item.status == lead.status and item.result == lead.result:
        return False
    if item.status != lead.status:
        old = member_or_none(ItemStatus, item.status)
        new = member_or_none(ItemStatus, lead.status)
        s.add(History(item_id=item.id, entity="item", entity_id=item.id, field="状态",
                      old_value=old.label if old else "", new_value=new.label if new else "", changed_by=user,
                      changed_at=now, reason=f"并案：随主提案第{lead.number}号办理"))
    item.status, item.result = lead.status, lead.result
    item.updated_at = now
    return True
