"""Operations on 承诺事项 and their follow-up (gui layer): one service call each, see ``operations``."""

from __future__ import annotations

from desktop_app.domain.errors import DomainError
from desktop_app.gui.operations import Op


def carry_over_many(services, year: int, chosen) -> Op:
    """Carry the chosen commitments (id → reason) of ``year`` into the next year."""
    service = services.followup
    return Op("结转承诺事项", lambda: service.carry_over_many(year, chosen))


#: What the 反馈与承诺 tab explains itself (a missing date, a closed commitment).
REFUSALS = (DomainError,)


def record_feedback(services, entry) -> Op:
    """``(Changes, FeedbackResult)``."""
    service = services.followup

    def call():
        result = service.record_feedback(entry)
        return result.changes, result

    return Op("录入反馈", call, refusals=REFUSALS)


def record_second_reply(services, item_id: int, replied_on, result, body: str, doc_number: str,
                        commitments=()) -> Op:
    """The reply after re-handling (the next round), with the commitments it makes."""
    service = services.followup
    return Op("登记重新办理后的答复",
              lambda: service.record_second_reply(item_id, replied_on, result, body=body, doc_number=doc_number,
                                                  commitments=list(commitments)),
              refusals=REFUSALS)


def add_commitments(services, item_id: int, commitments) -> Op:
    """``commitments``: ``(description, due_on, due_term)`` each, added together."""
    service = services.followup
    return Op("添加承诺事项", lambda: service.add_commitments(item_id, list(commitments)), refusals=REFUSALS)


def close_commitment(services, commitment_id: int, closed_on, evidence: str, version: int | None = None) -> Op:
    service = services.followup
    return Op("标为已落实", lambda: service.close_commitment(commitment_id, closed_on, evidence, version), refusals=REFUSALS)


def carry_over(services, commitment_id: int, year: int, reason: str, version: int | None = None) -> Op:
    service = services.followup
    return Op("结转下年", lambda: service.carry_over(commitment_id, year, reason, version), refusals=REFUSALS)


def write_commitment_notice(services, commitment_id: int, path) -> Op:
    """Refused with ``OSError`` when the file cannot be written (open elsewhere, say)."""
    letters = services.followup_letters
    return Op("保存落实告知函", lambda: letters.write_commitment_notice(commitment_id, path), read=True,
              refusals=REFUSALS + (OSError,))
