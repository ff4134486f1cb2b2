"""Filtering the case list in memory (services layer, pure Python).

Runs on every keystroke over up to 100,000 rows, so each active criterion is one list
comprehension over what the previous ones left, and inactive criteria cost nothing.
"""

from __future__ import annotations

from desktop_app.services.dto import CaseFilter, CaseRow


def filter_rows(rows: list[CaseRow], f: CaseFilter, matched_ids: set[int] | None) -> list[CaseRow]:
    """The rows passing every criterion of ``f``, in their order; ``matched_ids`` is the text
    search result (None: no text criterion). ``f.text`` itself is not looked at here."""
    out = rows
    if f.item_ids is not None:
        only = f.item_ids
        out = [r for r in out if r.id in only]
    if matched_ids is not None:
        out = [r for r in out if r.id in matched_ids]
    if f.session_ids:
        wanted = f.session_ids
        out = [r for r in out if r.session_id in wanted]
    if f.kinds:
        wanted = f.kinds
        out = [r for r in out if r.kind in wanted]
    if f.our_roles:
        wanted = f.our_roles
        out = [r for r in out if r.our_role in wanted]
    if f.unit_ids:
        wanted = f.unit_ids
        out = [r for r in out if not wanted.isdisjoint(r.unit_ids)]
    if f.statuses:
        wanted = f.statuses
        out = [r for r in out if r.status in wanted]
    if f.results:
        wanted = f.results
        out = [r for r in out if r.result in wanted]
    if f.only_key:
        out = [r for r in out if r.is_key]
    if f.only_leader_handled:
        out = [r for r in out if r.is_leader_handled]
    if f.secret is not None:
        secret = f.secret
        out = [r for r in out if r.is_secret is secret]
    if f.assigned_from is not None:
        low = f.assigned_from
        out = [r for r in out if r.assigned_on is not None and r.assigned_on >= low]
    if f.assigned_to is not None:
        high = f.assigned_to
        out = [r for r in out if r.assigned_on is not None and r.assigned_on <= high]
    if f.replied_from is not None:
        low = f.replied_from
        out = [r for r in out if r.replied_on is not None and r.replied_on >= low]
    if f.replied_to is not None:
        high = f.replied_to
        out = [r for r in out if r.replied_on is not None and r.replied_on <= high]
    return list(out) if out is rows else out
