"""Exchange packages between the office's copy and the units' copies (services layer).

This copy's key, the keys it trusts, writing a package for a unit or the office, and importing one:
a preview (new, changed, conflicting, ignored records) and then one transaction after a backup.

**Where the private key lives.** In a file beside the database (``<db>.exchange-key``, readable by
this user only), not in the database: every backup, every copy of the database handed to support
or restored on another PC would otherwise carry the power to sign as this office or unit, and a
restored old backup would bring back an old key. The database keeps only the public key, so a
missing or replaced key file is noticed (a new key is made and the fingerprint must be compared
again by phone). A database moved to a new PC keeps its identity when the key file goes with it.

**Roles.** A copy is the office's when it registers units' keys (``trust --unit``) and a unit's
when it registers the office's key (``trust --office``; its name is the unit chosen in 设置). The
office writes 交办包 to a unit; a unit writes 报送包 to the office and 会办意见包 to a lead unit.
Each package is numbered per sender and addressee: the same number again is a no-op that says so,
an older one is refused, a gap is reported and applied only when the user says so.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from desktop_app.atomic_file import atomic_write
from desktop_app.domain.errors import DomainError, ValidationError
from desktop_app.exchange import package as pkg
from desktop_app.exchange.package import PackageError, Party
from desktop_app.services import checklist
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import Changes
from desktop_app.services.exchange_merge import Conflict, FieldChange, Merger
from desktop_app.services.exchange_records import (
    LEAD_ROLES,
    attachment_part,
    digest,
    ensure_uids,
    item_head,
    links_of,
    office_block,
    rectification_progress_of,
    rectification_rows_for,
    setup_block,
    unit_block,
)
from desktop_app.services.lookup import our_unit_id, put_setting, setting_value
from desktop_app.storage.tables import (
    Assignment,
    Attachment,
    AttachmentContent,
    ExchangeIdentity,
    ExchangePackage,
    ExchangeSent,
    ExchangeTrust,
    Item,
    Unit,
)

ROLE_KEY = "exchange_role"
OFFICE_NAME_KEY = "exchange_office_name"
DEPUTY_CONTACTS_KEY = "exchange_deputy_contacts"  # "1": proposers' phone and address travel in 交办包
DEFAULT_OFFICE_NAME = "区政府办公室"
KIND_ASSIGN, KIND_REPORT, KIND_OPINION = "交办包", "报送包", "会办意见包"
DATA_PART = "data.json"
SETUP_KEY = "__setup__"
RECTIFICATION_KEY = "__rectification__"
TEMPLATE_KEY = "__checklist_template__"
LINKS_KEY = "__links__"


class PackageRefusedError(DomainError):
    """A package this copy does not apply; the message says which check failed and what to do."""


@dataclass(frozen=True)
class KeyInfo:
    public_key: str
    fingerprint: str
    party: Party | None
    key_file: Path
    note: str = ""  # e.g. a new key was made: compare it again


@dataclass(frozen=True)
class TrustInfo:
    role: str
    name: str
    fingerprint: str
    added_at: datetime
    replaced: bool = False


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: str
    addressee: Party
    sequence: int
    items: int
    size: int


@dataclass(frozen=True)
class PackagePreview:
    path: Path
    sha256: str
    kind: str
    sender: Party
    sender_fingerprint: str
    addressee: Party
    sequence: int
    created_at: datetime
    state: str  # "new", "duplicate" or "gap"
    message: str
    missing: tuple[int, ...] = ()
    items: int = 0
    new: tuple[str, ...] = ()
    changed: tuple[FieldChange, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    ignored: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return f"来自 {self.sender.name} 的{self.kind} 第 {self.sequence} 号"


@dataclass(frozen=True)
class ApplyResult:
    state: str  # "applied" or "duplicate"
    message: str
    preview: PackagePreview
    backup_path: str = ""
    changes: Changes = field(default_factory=Changes)


@dataclass(frozen=True)
class UnitReport:
    """One unit's line of the 报送情况 view (office)."""

    unit: str
    trusted: bool
    last_sequence: int | None
    last_created_at: datetime | None
    last_received_at: datetime | None
    last_items: int
    sent_sequence: int | None  # the last 交办包 written for it
    quiet_items: tuple[str, ...]  # its items with no news for ``quiet_days``
    overdue: bool  # a 报送包 was expected (a 交办包 went out after its last report, long enough ago)
    sent_at: datetime | None = None  # when that last 交办包 was written


class ExchangeService:
    def __init__(self, ctx: ServiceContext, maintenance=None):
        self.ctx = ctx
        self.maintenance = maintenance  # MaintenanceService: the backup taken before an import

    # ---- this copy's key ------------------------------------------------------------------------

    @property
    def key_file(self) -> Path:
        path = self.ctx.db.path
        return path.with_name(path.name + ".exchange-key")

    def identity(self) -> KeyInfo:
        """This copy's key, made on first use (the file and the public key in the database)."""
        note = ""
        path = self.key_file
        if path.exists():
            private = path.read_bytes()
        else:
            private = pkg.new_private_key()
            with atomic_write(path) as fh:
                fh.write(private)
            try:
                os.chmod(path, 0o600)
            except OSError:
                pass
        public = pkg.public_key_hex(private)
        with self.ctx.db.write() as s:
            row = s.execute(select(ExchangeIdentity)).scalars().first()
            if row is None:
                s.add(ExchangeIdentity(public_key=public, created_at=self.ctx.now()))
            elif row.public_key != public:
                note = ("本机的签名密钥与数据库中记录的不同（密钥文件是新生成的或被替换过）。"
                        "请把新的公钥发给对方，并通过电话重新核对指纹。")
                row.public_key, row.created_at = public, self.ctx.now()
            party = self._me(s)
        return KeyInfo(public, pkg.fingerprint(public), party, path, note)

    def public_key_text(self) -> str:
        info = self.identity()
        return pkg.public_key_file_text(info.public_key, info.party)

    def write_public_key(self, out: Path) -> Path:
        """The public key file to send to the other side (with the fingerprint to compare)."""
        with atomic_write(Path(out), "w", encoding="utf-8") as fh:
            fh.write(self.public_key_text())
        return Path(out)

    def _private_key(self) -> bytes:
        self.identity()
        return self.key_file.read_bytes()

    def _me(self, s) -> Party | None:
        role = setting_value(s, ROLE_KEY)
        if role == "office":
            return Party("office", setting_value(s, OFFICE_NAME_KEY, DEFAULT_OFFICE_NAME) or DEFAULT_OFFICE_NAME)
        unit_id = our_unit_id(s)
        unit = s.get(Unit, unit_id) if unit_id is not None else None
        if role == "unit" and unit is not None:
            return Party("unit", unit.name)
        return None

    def _role_for_export(self, s, to: str) -> Party | None:
        """This copy's party for a package to ``to``; a copy whose role is not yet set takes the
        one the package implies (a package to the office is a unit's, to a unit the office's)."""
        if not setting_value(s, ROLE_KEY):
            if to == "office" and our_unit_id(s) is not None:
                put_setting(s, ROLE_KEY, "unit")
            elif to != "office":
                put_setting(s, ROLE_KEY, "office")
        return self._me(s)

    def set_role(self, role: str, office_name: str | None = None) -> Changes:
        if role not in ("office", "unit"):
            raise ValidationError("身份只能是 office（区政府办公室）或 unit（承办单位）。")
        with self.ctx.db.write() as s:
            put_setting(s, ROLE_KEY, role)
            if office_name:
                put_setting(s, OFFICE_NAME_KEY, office_name.strip())
        return Changes.of("setting")

    def deputy_contacts(self) -> bool:
        """Whether deputies' and members' phone and address travel in this office's 交办包."""
        with self.ctx.db.read() as s:
            return setting_value(s, DEPUTY_CONTACTS_KEY) == "1"

    def set_deputy_contacts(self, on: bool) -> Changes:
        with self.ctx.db.write() as s:
            put_setting(s, DEPUTY_CONTACTS_KEY, "1" if on else "0")
        return Changes.of("setting")

    # ---- trusted keys ---------------------------------------------------------------------------

    def trust(self, key_text: str, role: str, name: str = "") -> TrustInfo:
        """Register a unit's key (at the office: ``role`` "unit" and the unit's name) or the office's
        (at a unit: ``role`` "office"). A unit's earlier key is replaced (re-installed PC)."""
        try:
            public = pkg.read_public_key_file(key_text)
        except PackageError as error:
            raise ValidationError(str(error)) from error
        now, user = self.ctx.now(), self.ctx.user_name()
        with self.ctx.db.write() as s:
            own = s.execute(select(ExchangeIdentity.public_key)).scalar()
            if own == public:
                raise ValidationError("这是本机自己的公钥，不能登记为对方的。请使用对方发来的公钥文件。")
            if role == "unit":
                name = (name or "").strip()
                if s.execute(select(Unit.id).where(Unit.name == name)).first() is None:
                    raise ValidationError(f"单位列表中没有“{name}”。请写单位全称，或先在 设置 → 单位 中添加该单位。")
                if not setting_value(s, ROLE_KEY):
                    put_setting(s, ROLE_KEY, "office")
            elif role == "office":
                name = (name or "").strip() or _office_name_in(key_text) or DEFAULT_OFFICE_NAME
                put_setting(s, ROLE_KEY, "unit")
                if our_unit_id(s) is None:
                    raise ValidationError("请先在 设置 中选择本单位，再登记区政府办公室的公钥。")
            else:
                raise ValidationError("请指明登记的是单位（--unit 单位名称）还是区政府办公室（--office）的公钥。")
            other = s.execute(select(ExchangeTrust).where(ExchangeTrust.public_key == public)).scalar_one_or_none()
            if other is not None and (other.role, other.name) != (role, name):
                raise ValidationError(f"该公钥已登记为“{other.name}”的，不能再登记给“{name}”。请核对公钥文件。")
            row = s.execute(select(ExchangeTrust).where(ExchangeTrust.role == role,
                                                        ExchangeTrust.name == name)).scalar_one_or_none()
            replaced = row is not None and row.public_key != public
            if row is None:
                row = ExchangeTrust(role=role, name=name, public_key=public, added_at=now, added_by=user)
                s.add(row)
            else:
                row.public_key, row.added_at, row.added_by = public, now, user
        return TrustInfo(role, name, pkg.fingerprint(public), now, replaced)

    def trusted(self) -> list[TrustInfo]:
        with self.ctx.db.read() as s:
            return [TrustInfo(r.role, r.name, pkg.fingerprint(r.public_key), r.added_at)
                    for r in s.execute(select(ExchangeTrust).order_by(ExchangeTrust.role, ExchangeTrust.name)).scalars()]

    # ---- writing a package ----------------------------------------------------------------------

    def export(self, to: str, out: Path, full: bool = False, sequence: int | None = None,
               attachments: bool = False) -> ExportResult:
        """Write the package for ``to`` (a unit's name, or "office") to ``out``: what changed since
        the last package to it (everything with ``full``). One transaction: the file, its number
        and what it held are recorded together, or nothing is."""
        private = self._private_key()
        now = self.ctx.now()
        with self.ctx.db.write() as s:
            ensure_uids(s)
            me = self._role_for_export(s, to)
            if me is None:
                raise ValidationError("本机尚未设定身份：承办单位请先在 设置 中选择本单位，并登记区政府办公室的公钥"
                                      "（desktop-app package trust 公钥文件 --office）。")
            unit_names = dict(s.execute(select(Unit.id, Unit.name)).all())
            unit_ids = {n: i for i, n in unit_names.items()}
            if to == "office":
                if me is None or me.role != "unit":
                    raise ValidationError("本机不是承办单位的副本：请先在 设置 中选择本单位，并登记区政府办公室的公钥"
                                          "（desktop-app package trust 公钥文件 --office）。")
                office = s.execute(select(ExchangeTrust.name).where(ExchangeTrust.role == "office")).scalar()
                addressee = Party("office", office or DEFAULT_OFFICE_NAME)
                kind = KIND_REPORT
                blocks = self._unit_blocks(s, unit_ids[me.name], None, unit_names)
                blocks.append((RECTIFICATION_KEY, {"rectification": rectification_progress_of(s, unit_ids[me.name])}))
                blocks.append((LINKS_KEY, {"links": links_of(s, self._items_of(s, unit_ids[me.name]), both=False)}))
            else:
                target = unit_ids.get(to.strip())
                if target is None:
                    raise ValidationError(f"单位列表中没有“{to}”。请写单位全称（与 设置 → 单位 中一致）。")
                addressee = Party("unit", to.strip())
                if me is not None and me.role == "unit":
                    if target == unit_ids[me.name]:
                        raise ValidationError("不能给本单位自己写数据包。")
                    kind = KIND_OPINION
                    blocks = self._unit_blocks(s, unit_ids[me.name], target, unit_names)
                else:
                    kind = KIND_ASSIGN
                    contacts = setting_value(s, DEPUTY_CONTACTS_KEY) == "1"
                    blocks = [(item.uid, office_block(s, item, unit_names, contacts))
                              for item in self._items_of(s, target)]
                    blocks.append((RECTIFICATION_KEY, {"rectification": rectification_rows_for(s, target)}))
                    blocks.append((LINKS_KEY, {"links": links_of(s, self._items_of(s, target), both=True)}))
                    blocks += self._withdrawn(s, f"unit:{addressee.name}", {uid for uid, _b in blocks})
                    blocks.append((SETUP_KEY, {"setup": setup_block(s)}))
                    template = checklist.current_template_data(s)
                    if template is not None:
                        blocks.append((TEMPLATE_KEY, {"checklist_template": template}))
            peer = f"{addressee.role}:{addressee.name}"
            sent = dict(s.execute(select(ExchangeSent.item_uid, ExchangeSent.digest)
                                  .where(ExchangeSent.peer == peer)).all())
            payload: dict = {"items": []}
            count = 0
            for uid, block in blocks:
                d = digest(block)
                if not full and sent.get(uid) == d:
                    continue
                if uid == SETUP_KEY:
                    payload["setup"] = block["setup"]
                elif uid == RECTIFICATION_KEY:
                    payload["rectification"] = block["rectification"]
                elif uid == TEMPLATE_KEY:
                    payload["checklist_template"] = block["checklist_template"]
                elif uid == LINKS_KEY:
                    payload["links"] = block["links"]
                else:
                    payload["items"].append(block)
                    count += 1
                row = s.get(ExchangeSent, (peer, uid))
                if row is None:
                    s.add(ExchangeSent(peer=peer, item_uid=uid, digest=d))
                else:
                    row.digest = d
            next_number = (s.execute(select(func.max(ExchangePackage.sequence)).where(
                ExchangePackage.direction == "sent", ExchangePackage.peer_role == addressee.role,
                ExchangePackage.peer_name == addressee.name)).scalar() or 0) + 1
            if sequence is not None and sequence < next_number:
                raise ValidationError(f"编号 {sequence} 已用过，给 {addressee.label()} 的下一个编号至少是 {next_number}。")
            sequence = sequence or next_number
            data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            parts = {DATA_PART: data}
            if attachments:
                wanted = {a["sha256"] for block in payload["items"] for a in block.get("attachments") or ()}
                for sha, blob in s.execute(select(Attachment.sha256, AttachmentContent.data)
                                           .join(AttachmentContent, AttachmentContent.attachment_id == Attachment.id)
                                           .where(Attachment.sha256.in_(wanted))):
                    parts[attachment_part(sha)] = blob
            sha = pkg.write_package(Path(out), kind=kind, sender=me, addressee=addressee, sequence=sequence,
                                    created_at=now.replace(microsecond=0), parts=parts, private_pem=private)
            s.add(ExchangePackage(direction="sent", peer_role=addressee.role, peer_name=addressee.name,
                                  sequence=sequence, kind=kind, created_at=now, handled_at=now,
                                  handled_by=self.ctx.user_name(), file_name=Path(out).name, sha256=sha,
                                  items=count, summary=json.dumps({"items": count}, ensure_ascii=False)))
        return ExportResult(Path(out), kind, addressee, sequence, count, Path(out).stat().st_size)

    def export_all_units(self, folder: Path) -> list[ExportResult]:
        """The office: one 交办包 per unit that has a trusted key, into ``folder``."""
        with self.ctx.db.read() as s:
            names = s.execute(select(ExchangeTrust.name).where(ExchangeTrust.role == "unit")
                              .order_by(ExchangeTrust.name)).scalars().all()
        stamp = self.ctx.now().strftime("%Y%m%d")
        return [self.export(name, Path(folder) / f"交办包_{name}_{stamp}.zip") for name in names]

    @staticmethod
    def _withdrawn(s, peer: str, current: set[str]) -> list[tuple[str, dict]]:
        """Items sent to the unit before that are no longer its (调整分办 after a 退回): told once."""
        blocks = []
        for uid in s.execute(select(ExchangeSent.item_uid).where(ExchangeSent.peer == peer)).scalars().all():
            if uid in current or uid.startswith("__"):
                continue
            item = s.execute(select(Item).where(Item.uid == uid)).scalar_one_or_none()
            if item is None or item.is_secret:
                continue
            blocks.append((uid, {**item_head(s, item), "withdrawn": True}))
        return blocks

    @staticmethod
    def _items_of(s, unit_id: int) -> list[Item]:
        return s.execute(select(Item).join(Assignment, Assignment.item_id == Item.id)
                         .where(Assignment.unit_id == unit_id, Item.is_secret.is_(False))
                         .order_by(Item.id)).scalars().all()

    def _unit_blocks(self, s, unit_id: int, lead_id: int | None, unit_names) -> list[tuple[str, dict]]:
        blocks = []
        for item in self._items_of(s, unit_id):
            if lead_id is not None:
                roles = dict(s.execute(select(Assignment.unit_id, Assignment.role)
                                       .where(Assignment.item_id == item.id)).all())
                if roles.get(lead_id) not in LEAD_ROLES or roles.get(unit_id) in LEAD_ROLES:
                    continue
            blocks.append((item.uid, unit_block(s, item, unit_id, unit_names, only_opinion=lead_id is not None)))
        return blocks

    # ---- importing a package --------------------------------------------------------------------

    def preview(self, path: Path) -> PackagePreview:
        """What importing ``path`` would do; PackageRefusedError when it must not be applied."""
        opened = self._open(path)
        with self.ctx.db.read() as s:
            head = self._check(s, opened, Path(path))
            if head["state"] == "duplicate":
                return PackagePreview(**head)
            report = _merge(Merger(s, self._payload(opened), opened.manifest.sender.role, opened.manifest.sender.name,
                                   apply=False, choices=None, now=self.ctx.now(), user=self.ctx.user_name(),
                                   reason="", receiver=opened.manifest.addressee.name, parts=opened.parts),
                            Path(path))
        return PackagePreview(**head, items=len(self._payload(opened).get("items") or ()), new=tuple(report.new),
                              changed=tuple(report.changed), conflicts=tuple(report.conflicts),
                              ignored=tuple(report.ignored))

    def apply(self, path: Path, choices: dict[str, str] | None = None, allow_gap: bool = False) -> ApplyResult:
        """Import ``path`` in one transaction after a backup. ``choices``: per conflict key (or "*")
        "mine" or "theirs"; ``allow_gap``: apply although earlier packages are missing."""
        preview = self.preview(path)
        if preview.state == "duplicate":
            return ApplyResult("duplicate", preview.message, preview)
        if preview.state == "gap" and not allow_gap:
            raise PackageRefusedError(preview.message + "如确认要先导入这一份，请再次导入并选择“仍然导入”（命令行：--allow-gap）。")
        opened = self._open(path)
        backup_path = str(self.maintenance.backup_now(reason="import")) if self.maintenance is not None else ""
        now, user = self.ctx.now(), self.ctx.user_name()
        manifest = opened.manifest
        with self.ctx.db.write() as s:
            head = self._check(s, opened, Path(path))
            if head["state"] == "duplicate":
                return ApplyResult("duplicate", head["message"], preview)
            reason = f"来自 {manifest.sender.name} 的{manifest.kind} 第 {manifest.sequence} 号"
            report = _merge(Merger(s, self._payload(opened), manifest.sender.role, manifest.sender.name, apply=True,
                                   choices=choices, now=now, user=user, reason=reason,
                                   receiver=manifest.addressee.name, parts=opened.parts), Path(path))
            summary = {"new": len(report.new), "changed": len(report.changed), "conflicts": len(report.conflicts),
                       "ignored": len(report.ignored), "items": preview.items}
            s.add(ExchangePackage(direction="received", peer_role=manifest.sender.role,
                                  peer_name=manifest.sender.name, sequence=manifest.sequence, kind=manifest.kind,
                                  created_at=manifest.created_at, handled_at=now, handled_by=user,
                                  file_name=Path(path).name, sha256=opened.sha256, items=preview.items,
                                  summary=json.dumps(summary, ensure_ascii=False)))
        item_ids = [i for i in report.item_ids if i > 0]
        changes = Changes.of("item", "unit", "session", "proposer", "deadline", "rectification", item_ids=item_ids)
        message = (f"已导入{preview.title}：新增 {len(report.new)} 项，修改 {len(report.changed)} 处，"
                   f"冲突 {len(report.conflicts)} 处，忽略 {len(report.ignored)} 项。")
        return ApplyResult("applied", message, preview, backup_path, changes)

    @staticmethod
    def _open(path: Path) -> pkg.OpenedPackage:
        try:
            return pkg.open_package(Path(path))
        except PackageError as error:
            raise PackageRefusedError(f"数据包“{Path(path).name}”未导入：{error}") from error

    @staticmethod
    def _payload(opened: pkg.OpenedPackage) -> dict:
        try:
            data = json.loads(opened.parts[DATA_PART].decode("utf-8"))
        except (KeyError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise PackageRefusedError("数据包内容无法读取（缺少或损坏 data.json），没有导入任何数据。请让对方重新导出。") from error
        if not isinstance(data, dict):
            raise PackageRefusedError("数据包内容有误，没有导入任何数据。请让对方重新导出。")
        return data

    def _check(self, s, opened: pkg.OpenedPackage, path: Path) -> dict:
        """Trust, addressee and sequence; the preview's head. Raises PackageRefusedError."""
        m = opened.manifest
        name = path.name
        fingerprint = pkg.fingerprint(m.sender_key)
        trusted = s.execute(select(ExchangeTrust).where(ExchangeTrust.public_key == m.sender_key)).scalar_one_or_none()
        if trusted is None:
            raise PackageRefusedError(
                f"数据包“{name}”未导入：它由一把本机没有登记的密钥签名（指纹 {fingerprint}，自称来自 {m.sender.name}）。"
                "如确是对方的新密钥，请先电话核对指纹，再登记其公钥（desktop-app package trust）。")
        if (trusted.role, trusted.name) != (m.sender.role, m.sender.name):
            raise PackageRefusedError(
                f"数据包“{name}”未导入：发件人不符。签名的是登记为“{trusted.name}”的密钥，数据包却自称来自“{m.sender.name}”。")
        me = self._me(s)
        if m.addressee.role == "office":
            ok = me is not None and me.role == "office"
        else:
            ok = me is not None and me.role == "unit" and me.name == m.addressee.name
        if not ok:
            mine = me.label() if me is not None else "（本机尚未设定身份）"
            raise PackageRefusedError(f"数据包“{name}”未导入：收件人不符。它是发给 {m.addressee.label()} 的，本机是 {mine}。"
                                      "请把它转给正确的收件方。")
        expected = {("office", "unit"): (KIND_ASSIGN,), ("unit", "office"): (KIND_REPORT,),
                    ("unit", "unit"): (KIND_OPINION,)}.get((m.sender.role, m.addressee.role), ())
        if m.kind not in expected:
            raise PackageRefusedError(f"数据包“{name}”未导入：{m.sender.label()} 不应发送“{m.kind}”。")
        received = {seq: (at, sha) for seq, at, sha in s.execute(
            select(ExchangePackage.sequence, ExchangePackage.handled_at, ExchangePackage.sha256).where(
                ExchangePackage.direction == "received", ExchangePackage.peer_role == m.sender.role,
                ExchangePackage.peer_name == m.sender.name))}
        head = dict(path=path, sha256=opened.sha256, kind=m.kind, sender=m.sender, sender_fingerprint=fingerprint,
                    addressee=m.addressee, sequence=m.sequence, created_at=m.created_at)
        title = f"来自 {m.sender.name} 的{m.kind} 第 {m.sequence} 号"
        last = max(received, default=0)
        if m.sequence in received:
            at, sha = received[m.sequence]
            if sha and sha != opened.sha256:
                raise PackageRefusedError(
                    f"数据包“{name}”未导入：{title}已于 {at:%Y-%m-%d %H:%M} 导入过另一份内容不同的数据包。"
                    f"对方可能从备份恢复了数据库，编号重复了。请对方重新导出并指定编号从 {last + 1} 开始"
                    f"（desktop-app package export … --full --sequence {last + 1}）。")
            return dict(head, state="duplicate",
                        message=f"{title}已于 {at:%Y-%m-%d %H:%M} 导入过，这次没有再导入（无需处理）。")
        if m.sequence < last:
            raise PackageRefusedError(f"数据包“{name}”未导入：{title}早于已导入的第 {last} 号，内容已过时。"
                                      "请直接导入对方最新的数据包。")
        missing = tuple(range(last + 1, m.sequence))
        if missing:
            listed = "、".join(map(str, missing[:10])) + ("……" if len(missing) > 10 else "")
            return dict(head, state="gap", missing=missing,
                        message=f"{title}之前还缺第 {listed} 号（没有收到或没有导入）。请先向对方索取缺少的数据包。")
        return dict(head, state="new", message=f"{title}，{m.created_at:%Y-%m-%d %H:%M} 生成。")

    # ---- 报送情况 ----------------------------------------------------------------------------

    def unit_reports(self, quiet_days: int = 30, expect_days: int = 7) -> list[UnitReport]:
        """For every unit with items or a key: its last package, items with no news for
        ``quiet_days``, and whether a report is overdue (a 交办包 older than ``expect_days`` not yet
        answered)."""
        today: date = self.ctx.today()
        with self.ctx.db.read() as s:
            trusted = set(s.execute(select(ExchangeTrust.name).where(ExchangeTrust.role == "unit")).scalars())
            units = dict(s.execute(select(Unit.id, Unit.name).order_by(Unit.sort_order, Unit.name)).all())
            packages = s.execute(select(ExchangePackage).where(ExchangePackage.peer_role == "unit")
                                 .order_by(ExchangePackage.sequence)).scalars().all()
            rows = []
            for unit_id, name in units.items():
                got = [p for p in packages if p.peer_name == name and p.direction == "received"]
                sent = [p for p in packages if p.peer_name == name and p.direction == "sent"]
                items = self._items_of(s, unit_id)
                if not got and not sent and name not in trusted and not items:
                    continue
                last = got[-1] if got else None
                last_news = last.handled_at.date() if last else None
                quiet = tuple(f"第{i.number}号 {i.title}" for i in items
                              if i.status not in ("closed", "returned")
                              and (last_news is None or (today - max(last_news, i.updated_at.date())).days >= quiet_days)
                              and (today - i.updated_at.date()).days >= quiet_days)
                last_sent = sent[-1] if sent else None
                overdue = bool(last_sent and (last is None or last.handled_at < last_sent.handled_at)
                               and today - last_sent.handled_at.date() >= timedelta(days=expect_days))
                rows.append(UnitReport(name, name in trusted, last.sequence if last else None,
                                       last.created_at if last else None, last.handled_at if last else None,
                                       last.items if last else 0, last_sent.sequence if last_sent else None,
                                       quiet, overdue, last_sent.handled_at if last_sent else None))
        return rows


def _office_name_in(key_text: str) -> str:
    """The office's name as its public key file states it (单位：区政府办公室（办公室）)."""
    for line in key_text.splitlines():
        line = line.strip()
        if line.startswith("单位：") and line.endswith("（办公室）"):
            return line.removeprefix("单位：").removesuffix("（办公室）").strip()
    return ""


def _merge(merger: Merger, path: Path):
    try:
        return merger.run()
    except PackageError as error:
        raise PackageRefusedError(f"数据包“{path.name}”未导入：{error}") from error
