"""Turning the data rows of a sheet into cleaned ``ImportedCase`` values and row problems
(exchange layer, pure Python). Duplicates and database comparisons are the service's job."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.enums import RaisedAt
from desktop_app.exchange import cleaning
from desktop_app.exchange.columns import LABEL_OF
from desktop_app.exchange.report import ImportedCase, RowProblem

MAX_TITLE = 300
MAX_NUMBER = 30


@dataclass(frozen=True)
class ParsedRow:
    case: ImportedCase  # with problems: what could be read, to show the row; never to be written
    problems: tuple[RowProblem, ...] = ()


def parse_rows(
    rows: list[list], data_start: int, headers: list[str], mapping: list[str | None],
    default_session: str = "", progress=None, cancelled=None,
) -> tuple[list[ParsedRow], list[RowProblem]]:
    """Returns the parsed rows and the rows skipped (empty, totals, notes)."""
    columns = [(i, key) for i, key in enumerate(mapping) if key]
    present = frozenset(key for _i, key in columns) | ({"session"} if default_session else set())
    header_of = {key: headers[i] or LABEL_OF[key] for i, key in columns}
    parsed: list[ParsedRow] = []
    skipped: list[RowProblem] = []
    # Units, dates and categories repeat down a column: each distinct cell is cleaned once.
    caches: dict[str, dict | None] = {key: None if key in _UNIQUE else {} for _i, key in columns}
    total = len(rows)
    for r in range(data_start, total):
        if progress is not None and r % 2000 == 0:
            if cancelled is not None and cancelled():
                raise InterruptedError
            progress(r, total)
        row = rows[r]
        width = len(row)
        values = {key: row[i] if i < width else None for i, key in columns}
        if not any(values.values()):
            continue
        first = next((v for v in row if v != "" and v is not None), "")
        if type(first) is str and first.lstrip()[:1] in _SKIP_STARTS:
            first = cleaning.text(first)
            if cleaning.is_totals(first):
                skipped.append(RowProblem(r + 1, "", f"合计行“{first[:20]}”，已跳过"))
                continue
            if first.startswith(_NOTE_STARTS):
                skipped.append(RowProblem(r + 1, "", "说明文字，已跳过"))
                continue
        result = _parse(r + 1, values, header_of, present, default_session, caches)
        if result is not None:
            parsed.append(result)
    return parsed, skipped


_SKIP_STARTS = frozenset("合总小共汇注说备")
_NOTE_STARTS = ("注：", "注:", "说明", "备注：")
_CONVERT = {
    "number": cleaning.number, "assigned_on": cleaning.day, "signed_on": cleaning.day,
    "raised_at": cleaning.raised_at, "kind": cleaning.kind,
    "cosigners": cleaning.names, "lead_units": cleaning.names, "co_units": cleaning.names,
    "lead_proposer": cleaning.names,
    "filing": cleaning.filing, "merged_into": cleaning.merged_number,
}


_MISSING = object()
_UNIQUE = frozenset({"number", "title", "content"})


def _parse(row_number, values, header_of, present, default_session, caches) -> ParsedRow | None:
    problems: list[RowProblem] = []

    def fail(key: str, reason: str) -> None:
        problems.append(RowProblem(row_number, header_of.get(key, LABEL_OF[key]), reason))

    clean: dict[str, object] = {}
    for key, value in values.items():
        cache = caches[key]
        out = _MISSING if cache is None else cache.get(value, _MISSING)
        if out is _MISSING:
            try:
                out = _CONVERT.get(key, cleaning.text)(value)
            except cleaning.CellError as error:
                fail(key, str(error))
                continue
            if cache is not None:
                cache[value] = out
        clean[key] = out
    if not problems and not any(v for k, v in clean.items() if k != "raised_at"):
        return None  # only blanks: an empty row (a blank 闭会期间 cell reads as 大会)
    lead = clean.get("lead_proposer", ())
    extra = ()
    if lead:  # several leads in one cell: the first leads, the rest co-sign
        lead, extra = lead[0], lead[1:]
    else:
        lead = ""
    session = clean.get("session") or default_session
    number, title = clean.get("number", ""), clean.get("title", "")
    if not session:
        fail("session", "没有届次。请在表中加一列“届次”，或在导入时选择届次（例如 区二届人大五次会议）")
    if not number:
        fail("number", "编号为空，请填写编号（例如 0035）")
    elif len(number) > MAX_NUMBER:
        fail("number", f"编号超过 {MAX_NUMBER} 个字，请检查是否填错了列")
    if not title:
        fail("title", "标题为空，请填写标题（案由）")
    elif len(title) > MAX_TITLE:
        fail("title", f"标题超过 {MAX_TITLE} 个字，请精简，或把详细内容放在“内容”列")
    if "lead_units" in clean and not clean["lead_units"]:
        # Not a new item without a lead unit, nor an existing one stripped of its lead units.
        fail("lead_units", "没有主办单位。请填写主办单位（例如 区交通委），或删去这一行")
    if problems:
        shown = ImportedCase(row_number, str(session), str(number), str(title), present=present)
        return ParsedRow(shown, tuple(problems))
    cosigners = clean.get("cosigners", ()) + extra
    if lead in cosigners or extra:
        cosigners = tuple(dict.fromkeys(n for n in cosigners if n != lead))
    lead_units = clean.get("lead_units", ())
    co_units = clean.get("co_units", ())
    if lead_units and co_units and set(lead_units) & set(co_units):
        co_units = tuple(u for u in co_units if u not in lead_units)
    case = ImportedCase(
        row_number, str(session), number, str(title), clean.get("kind"), lead, cosigners,
        lead_units, co_units, clean.get("assigned_on"), clean.get("category", ""), clean.get("content", ""),
        present, clean.get("signed_on"), clean.get("raised_at", RaisedAt.PLENARY),
        clean.get("sector", ""), clean.get("filing"),
        "" if clean.get("merged_into", "") == number else clean.get("merged_into", ""),
    )
    return ParsedRow(case)
