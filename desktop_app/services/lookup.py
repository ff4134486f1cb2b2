"""Finding rows inside a service's transaction (services layer): any row by key or a NotFoundError
that says what to do, sessions, units and proposers by the name a user typed (creating the missing
ones), and the settings table's values."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from desktop_app.domain.enums import Body, ItemKind, Level, ProposerType
from desktop_app.domain.errors import ConflictError, NotFoundError
from desktop_app.storage.tables import Item, Proposer, Session, Setting, Unit

T = TypeVar("T")

OUR_UNIT_KEY = "our_unit_id"


def check_and_bump(record, expected: int | None, what: str) -> None:
    """The optimistic lock of a record other than an item (rectification rows, commitments, 回头看
    entries, settings): refuse the save when ``expected`` — the version the editor read — is no
    longer the record's, else raise the version. ``expected`` None: a caller that read nothing
    to compare (a new value, a batch), which still raises the version."""
    if expected is not None and (record.version or 1) != expected:
        raise ConflictError(
            f"该{what}已被他人（或另一窗口）修改，您的修改没有保存。请重新载入（刷新）后再修改。")
    record.version = (record.version or 1) + 1


def get_or_raise(s: OrmSession, table: type[T], key, gone: str) -> T:
    """The ``table`` row with primary key ``key``; a NotFoundError with ``gone`` (what happened and
    what to do, in Chinese) when another window or user deleted it meanwhile."""
    row = s.get(table, key)
    if row is None:
        raise NotFoundError(gone)
    return row


def setting_value(s: OrmSession, key: str, default: str = "") -> str:
    row = s.get(Setting, key)
    return default if row is None else (row.value or "")


def put_setting(s: OrmSession, key: str, value: str, expected_version: int | None = None) -> None:
    """Insert or update one row of the settings table (business configuration, in the database);
    ``expected_version``: the version the editor read (``setting_version``), checked."""
    row = s.get(Setting, key)
    if row is None:
        if expected_version:
            raise ConflictError("该设置已被他人（或另一窗口）删除，您的修改没有保存。请重新打开设置。")
        s.add(Setting(key=key, value=value))
    else:
        # Read as never saved (0), now saved by someone else: that is a conflict too.
        check_and_bump(row, -1 if expected_version == 0 else expected_version, "设置")
        row.value = value


def setting_version(s: OrmSession, key: str) -> int:
    """The version of setting ``key`` (0 when it was never saved), to hand back to ``put_setting``."""
    row = s.get(Setting, key)
    return 0 if row is None else (row.version or 1)


def is_office(unit_name: str) -> bool:
    """Whether the unit is the government office (区政府办公室, 上海市崇明区人民政府办公室 …), which
    assigns and chases rather than handles: its letters and reports go to the 区人民政府 or to units."""
    return "政府办公室" in unit_name


def our_unit_id(s: OrmSession) -> int | None:
    value = s.get(Setting, OUR_UNIT_KEY)
    if value is None or not (value.value or "").strip().isdigit():
        return None
    return int(value.value)


def find_session(s: OrmSession, name: str) -> Session | None:
    name = (name or "").strip()
    if not name:
        return None
    return s.execute(select(Session).where(Session.name == name)).scalar_one_or_none()


def session_level(name: str) -> Level:
    if name.startswith("全国"):
        return Level.NATIONAL
    if name.startswith("市"):
        return Level.CITY
    return Level.DISTRICT


def session_year(name: str, now: datetime) -> int:
    found = re.search(r"(19|20)\d\d", name)
    return int(found.group(0)) if found else now.year


def find_or_create_session(
    s: OrmSession, session_id: int | None, name: str, kind: ItemKind, now: datetime,
    created: set[str] | None = None,
) -> Session:
    """The session chosen by id, else by name; a new one otherwise, with the body of ``kind``
    and the year found in the name (or this year). The id wins over a (possibly stale) name.
    ``created`` (for every find_or_create_*) collects the kind of data created, for ``Changes``."""
    name = (name or "").strip()
    if session_id is not None:
        session = s.get(Session, session_id)
        if session is not None:
            return session
    session = find_session(s, name)
    if session is None:
        session = Session(
            name=name, body=kind.body.value, level=session_level(name).value,
            year=session_year(name, now),
        )
        s.add(session)
        s.flush()
        _created(created, "session")
    return session


def find_or_create_unit(s: OrmSession, unit_id: int | None, name: str, created: set[str] | None = None) -> Unit:
    """The unit chosen by id (even if renamed since), else by name; created when unknown."""
    name = (name or "").strip()
    if unit_id is not None:
        unit = s.get(Unit, unit_id)
        if unit is not None:
            return unit
    unit = s.execute(select(Unit).where(Unit.name == name)).scalar_one_or_none()
    if unit is None:
        unit = Unit(name=name, short_name="", active=True, sort_order=0)
        s.add(unit)
        s.flush()
        _created(created, "unit")
    return unit


def find_or_create_proposer(s: OrmSession, link, body: Body, created: set[str] | None = None) -> Proposer:
    """The proposer of a ProposerLink: by id (even if renamed since), else by name within the
    body; created (with the link's type and details) when unknown."""
    name = link.name.strip()
    if link.proposer_id is not None:
        proposer = s.get(Proposer, link.proposer_id)
        if proposer is not None:
            return proposer
    proposer = s.execute(
        select(Proposer).where(Proposer.name == name, Proposer.body == body.value)
    ).scalar_one_or_none()
    if proposer is None:
        proposer = Proposer(
            name=name, body=body.value, proposer_type=ProposerType(link.proposer_type).value,
            delegation=link.delegation or "", phone=link.phone or "", address=link.address or "",
            email="", note="", contact_person=getattr(link, "contact_person", "") or "",
        )
        s.add(proposer)
        s.flush()
        _created(created, "proposer")
    return proposer


def _created(created: set[str] | None, kind: str) -> None:
    if created is not None:
        created.add(kind)


def find_item_id(s: OrmSession, text: str) -> int:
    """The id of the item named by ``text``: "会次 编号" (e.g. 区二届人大五次会议 0035, or
    区二届人大五次会议第0035号 as printed on the letter) or an id."""
    text = (text or "").strip()
    if text.isdigit() and s.get(Item, int(text)) is not None:
        return int(text)
    parts = text.rsplit(None, 1)
    joined = re.fullmatch(r"(.+?)第(\w+)号", text)
    if len(parts) < 2 and joined:
        parts = [joined.group(1), joined.group(2)]
    if len(parts) == 2:
        session_name, number = parts
        number = number.removeprefix("第").removesuffix("号")
        item_id = s.execute(
            select(Item.id).join(Session, Session.id == Item.session_id)
            .where(Session.name == session_name, Item.number == number)
        ).scalar_one_or_none()
        if item_id is not None:
            return item_id
    raise NotFoundError(
        f"找不到“{text}”：请写成“会次 编号”（例如 区二届人大五次会议 0035）或建议提案的编号 id。"
    )
