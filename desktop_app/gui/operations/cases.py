"""Operations on items and the case list (gui layer): one service call each, see ``operations``."""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop_app.gui.operations import Op
from desktop_app.services import files

#: What the case editor explains itself (next to the fields) instead of the error dialog.
SAVE_REFUSALS = (ValidationError, ConflictError, NotFoundError)


def save_case(services, record) -> Op:
    cases = services.cases
    return Op("保存", lambda: cases.save(record), refusals=SAVE_REFUSALS)


def finalise_reply(services, record, round_: int = 1, override_reason: str = "") -> Op:
    cases = services.cases
    return Op("定稿", lambda: cases.finalise_reply(record, round_, override_reason), refusals=SAVE_REFUSALS)


def unfinalise_reply(services, record, round_: int, reason: str) -> Op:
    cases = services.cases
    return Op("取消定稿", lambda: cases.unfinalise_reply(record, round_, reason), refusals=SAVE_REFUSALS)


def delete_case(services, item_id: int, version: int, title: str = "删除建议提案") -> Op:
    """Refused (ConflictError) when the item changed since ``version`` was read."""
    cases = services.cases
    return Op(title, lambda: cases.delete(item_id, version))


def load_rows(services, search_text: str) -> Op:
    """Every list row, with the ids the search box matches (None without a search)."""
    cases = services.cases

    def call():
        rows, matched = cases.rows_and_matches(search_text)
        return rows, search_text, matched

    return Op("载入建议提案列表", call, read=True)


def changed_rows(services, item_ids: frozenset[int], search_text: str) -> Op:
    """The rows of ``item_ids`` read again with the search's matches (one snapshot), and their
    下一期限."""
    cases, deadlines = services.cases, services.deadlines

    def call():
        rows, matched = cases.rows_and_matches(search_text, ids=item_ids)
        return rows, deadlines.next_deadlines(item_ids=item_ids), search_text, matched

    return Op("更新建议提案列表", call, read=True)


def late_column(title: str, compute) -> Op:
    """A late column's values (下一期限, 进度) for the rows loaded: ``compute`` makes the bulk call."""
    return Op(title, compute, read=True)


def attachment_to_temp(services, attachment_id: int) -> Op:
    """The path of a temporary copy of a stored attachment, to open with the system's program."""
    cases = services.cases
    return Op("打开附件", lambda: cases.attachment_to_temp(attachment_id), read=True)


def save_attachment(services, attachment_id: int, target) -> Op:
    cases = services.cases
    return Op("附件另存为", lambda: cases.save_attachment(attachment_id, target), read=True)


def copy_new_attachment(source, target) -> Op:
    """附件另存为 for a file added in the editor and not saved yet: a copy of the file itself."""
    return Op("附件另存为", lambda: files.save_copy(target, Path(source)), read=True)
