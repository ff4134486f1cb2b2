"""The world as it was at the end of a day: an item's deadline facts with every later event taken
out (domain layer, pure Python).

"As of" a date means what was known that day (domain.md §4): a reply, a 不满意 form, a 签收, a
会办意见 sent, a 退回 or 延期 decision, a commitment kept or a checklist step done dated after it had
not happened yet, and a unit assigned after it (调整分办) was not yet handling the item. Only dated
facts can be taken back; the item's status on that day comes from its history (the caller's job).
"""

from __future__ import annotations

from datetime import date

from desktop_app.domain.deadlines import AssignmentFacts, ItemFacts
from desktop_app.domain.enums import ItemStatus


def facts_as_of(facts: ItemFacts, as_of: date, status: ItemStatus | None = None) -> ItemFacts:
    """``facts`` without the events dated after ``as_of``; ``status``: the item's status that day
    when it has changed since (None: unchanged). An item handed over after ``as_of`` had no
    deadline yet: it comes back with nothing to compute them from."""
    status = status or facts.status
    if facts.assigned_on is not None and facts.assigned_on > as_of:
        return ItemFacts(facts.id, facts.kind, status, None)
    # Runs for every open item of an archive: most have nothing dated later, and keep their tuples.
    changes = {}
    if status is not facts.status:
        changes["status"] = status
    if any(_later(a, as_of) for a in facts.assignments):
        changes["assignments"] = tuple(_assignment_as_of(a, as_of) for a in facts.assignments
                                       if a.assigned_on is None or a.assigned_on <= as_of)
    if any(r.replied_on > as_of or (r.published_on is not None and r.published_on > as_of) for r in facts.replies):
        changes["replies"] = tuple(r if r.published_on is None or r.published_on <= as_of else r._replace(published_on=None)
                                   for r in facts.replies if r.replied_on <= as_of)
    if any(d[1] > as_of for d in facts.dissatisfied):
        changes["dissatisfied"] = tuple(d for d in facts.dissatisfied if d[1] <= as_of)
    if any(_later(c, as_of) for c in facts.commitments):
        changes["commitments"] = tuple(
            c if c.closed_on is None or c.closed_on <= as_of else c._replace(closed_on=None)
            for c in facts.commitments if c.made_on is None or c.made_on <= as_of)
    if any(s.done_on is not None and s.done_on > as_of for s in facts.steps):
        changes["steps"] = tuple(s if s.done_on is None or s.done_on <= as_of else s._replace(done_on=None)
                                 for s in facts.steps)
    return facts._replace(**changes) if changes else facts


def _later(facts: tuple, as_of: date) -> bool:
    """Whether any date of ``facts`` (an assignment's or a commitment's) is after ``as_of``."""
    for value in facts:
        if type(value) is date and value > as_of:
            return True
    return False


def _assignment_as_of(a: AssignmentFacts, as_of: date) -> AssignmentFacts:
    changes = {}
    if a.signed_on is not None and a.signed_on > as_of:
        changes["signed_on"] = None
    if a.opinion_sent_on is not None and a.opinion_sent_on > as_of:
        changes["opinion_sent_on"] = None
    if a.return_requested_on is not None and a.return_requested_on > as_of:
        changes.update(return_requested_on=None, return_outcome=None, return_decided_on=None)
    elif a.return_decided_on is not None and a.return_decided_on > as_of:
        changes.update(return_outcome=None, return_decided_on=None)  # asked, not yet decided
    if a.extension_approved_on is not None and a.extension_approved_on > as_of:
        changes.update(extension_months=None, extension_approved_on=None)
    return a._replace(**changes) if changes else a
