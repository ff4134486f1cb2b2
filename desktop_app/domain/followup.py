"""Follow-through rules after the reply (domain layer, pure Python): feedback warnings, the
commitments a reply text promises, and year-end carry-over.

Proposals from the reply text are only suggestions: the user confirms each one before it becomes a
承诺事项, because a sentence with a date is not always a promise.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.enums import CommitmentStatus, Rating

#: Terms that promise without a date; each maps to the day it ends in the reply's year (None: open-ended).
TERMS = ("年底前", "年内", "明年", "下一步", "持续推进", "长期坚持", "逐步")
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
_FULL_DATE = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTH = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月(?:底|份|前|末)?")
_YEAR_END = re.compile(r"(20\d\d)\s*年\s*(?:底|年底|内)")


@dataclass(frozen=True)
class ProposedCommitment:
    """A sentence of the reply that reads like a promise: what, and by when (a date or a term)."""

    description: str
    due_on: date | None = None
    due_term: str = ""


def propose_commitments(text: str, reply_year: int) -> list[ProposedCommitment]:
    """Sentences of ``text`` with a date (2025年6月30日, 2025年6月, 2025年底) or a term (年底前,
    明年, 持续推进 …), in order. A month without a day means its last day; 年底前 / 年内 the end of
    ``reply_year``; 明年 the end of the next year; the other terms have no date."""
    found: list[ProposedCommitment] = []
    for match in _SENTENCE.finditer(text or ""):
        sentence = match.group(0).strip()
        if len(sentence) < 4:
            continue
        due, term = _due_of(sentence, reply_year)
        if due is None and not term:
            continue
        found.append(ProposedCommitment(sentence.rstrip("。；！？"), due, term))
    return found


def _due_of(sentence: str, reply_year: int) -> tuple[date | None, str]:
    m = _FULL_DATE.search(sentence)
    if m:
        day = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is not None:
            return day, ""
    m = _MONTH.search(sentence)
    if m and 1 <= int(m.group(2)) <= 12:
        year, month = int(m.group(1)), int(m.group(2))
        return date(year, month, calendar.monthrange(year, month)[1]), ""
    m = _YEAR_END.search(sentence)
    if m:
        return date(int(m.group(1)), 12, 31), ""
    for term in TERMS:
        if term in sentence:
            if term in ("年底前", "年内"):
                return date(reply_year, 12, 31), term
            if term == "明年":
                return date(reply_year + 1, 12, 31), term
            return None, term
    return None, ""


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def feedback_warnings(attitude: Rating | None, outcome: Rating | None, form_reference: str) -> list[str]:
    """What to tell the user before keeping a feedback form (it is kept anyway)."""
    warnings = []
    if (attitude is not None or outcome is not None) and not (form_reference or "").strip():
        warnings.append(
            "这条评价没有注明代表本人填写的意见表（如表格编号、网上反馈编号或扫描件名称）。"
            "评价必须由代表本人作出，单位不得代填（“被满意”）；请补填意见表出处。"
        )
    return warnings


def carry_over_problem(status: CommitmentStatus, reason: str) -> str | None:
    """Why a commitment cannot be carried into next year's tracking, or None."""
    if status is CommitmentStatus.DONE:
        return "该承诺事项已落实，不需要结转下年。"
    if not (reason or "").strip():
        return "结转下年必须写明理由（例如 资金下年度安排、工程跨年度施工），请填写结转理由。"
    return None


_ISO_START = re.compile(r"^(20\d\d)-(\d{1,2})-(\d{1,2})\s*(.*)$")


def commitment_due(text: str, reply_year: int) -> tuple[date | None, str]:
    """The promised date and term of a commitment typed in one box: ``2025-06-30``,
    ``2025-06-30 持续推进`` (a standing commitment with its next review date), ``2025年6月``,
    ``年底前`` / ``年内`` (the end of ``reply_year``) or ``明年`` (the end of the next year), as
    ``propose_commitments`` reads a reply. The date is None when the text names none (持续推进 alone):
    such a commitment cannot be tracked and must not be kept."""
    text = (text or "").strip()
    m = _ISO_START.match(text)
    if m:
        day = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is not None:
            return day, m.group(4).strip()
    due, term = _due_of(text, reply_year)
    if due is None:
        return None, term or text
    if not term and _FULL_DATE.search(text) is None and _MONTH.search(text) is None:
        term = text  # 2025年底: keep the words the reply used beside the date
    return due, term
