"""Signed exchange packages: one zip file that carries data between the office's copy and a
unit's copy (exchange layer: pure Python and ``cryptography``; no database, no Qt).

A package holds ``manifest.json`` (format version, kind, sender with its public key, addressee,
per-sender sequence number, created time, and the SHA-256 and size of every part), ``signature``
(Ed25519 over the manifest's exact bytes, hex) and the parts under ``parts/``. The signature covers
the manifest and the manifest covers every part, so a changed byte anywhere in the content fails
either the signature, a part's hash or the zip's own CRC.

Reading is bounded before anything is decompressed, as for untrusted workbooks
(``xlsx_bounds``): the file's size, the number of members, the unpacked size, each member's
compression ratio, and member names (only the manifest, the signature and flat names under
``parts/``; nothing that could leave the package when unpacked). Whether the sender's key is
trusted is the caller's question (``services.exchange``); this module only proves that the
package is whole and was signed by the key it names.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop_app.atomic_file import atomic_write

FORMAT = "建议提案办理助手数据包"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "signature"
PART_PREFIX = "parts/"

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
#: JSON and PDFs shrink at most ~20× in a zip; a part far beyond that is a bomb.
MAX_RATIO = 100
RATIO_FREE_BYTES = 1024 * 1024
#: What a damaged zip raises while read (a flipped flag asks for a password or an unknown method).
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError, RuntimeError,
               KeyError)
_PART_NAME = re.compile(r"^parts/[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


class PackageError(ValueError):
    """The file is not a package this copy can accept; ``str()`` is the Chinese reason and what to do."""


@dataclass(frozen=True)
class Party:
    """A sender or addressee: ``role`` "office" or "unit", ``name`` the unit's name (the office's
    own name for the office)."""

    role: str
    name: str

    def label(self) -> str:
        return self.name if self.role == "unit" else f"{self.name}（办公室）"


@dataclass(frozen=True)
class Manifest:
    kind: str
    sender: Party
    sender_key: str  # hex of the raw Ed25519 public key
    addressee: Party
    sequence: int
    created_at: datetime
    parts: dict[str, dict]  # name -> {"sha256": ..., "size": ...}
    format_version: int = FORMAT_VERSION


@dataclass(frozen=True)
class OpenedPackage:
    manifest: Manifest
    parts: dict[str, bytes]
    sha256: str  # of the whole file, to recognise the same file again


# ---- keys ---------------------------------------------------------------------------------------


def new_private_key() -> bytes:
    """A new Ed25519 private key as unencrypted PKCS#8 PEM (kept in a file only this user reads)."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def _private(pem: bytes) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as error:
        raise PackageError("本机的签名密钥文件已损坏，无法签名。请删除该文件后重新生成密钥，并与对方重新核对指纹。") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise PackageError("本机的签名密钥文件不是 Ed25519 密钥，无法签名。请删除该文件后重新生成密钥。")
    return key


def public_key_hex(private_pem: bytes) -> str:
    return _private(private_pem).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def sign(private_pem: bytes, data: bytes) -> str:
    return _private(private_pem).sign(data).hex()


def verify(public_hex: str, signature_hex: str, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(bytes.fromhex(signature_hex), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(public_hex: str) -> str:
    """Five groups of four digits (about 66 bits of the key's SHA-256), easy to read out in
    Chinese over the phone: "3816 0472 9953 1180 4427"."""
    digest = hashlib.sha256(bytes.fromhex(public_hex)).digest()
    number = int.from_bytes(digest[:12], "big") % 10**20
    digits = f"{number:020d}"
    return " ".join(digits[i:i + 4] for i in range(0, 20, 4))


PUBLIC_KEY_HEADER = "建议提案办理助手 公钥"


def public_key_file_text(public_hex: str, party: Party | None) -> str:
    """The text of an exported public key: what it is, whose, the fingerprint to compare, the key."""
    who = party.label() if party else "（尚未设定本单位）"
    return (f"{PUBLIC_KEY_HEADER}\n单位：{who}\n指纹：{fingerprint(public_hex)}\n公钥：{public_hex}\n")


def read_public_key_file(text: str) -> str:
    """The hex key of a file written by ``public_key_file_text`` (or a bare 64-digit hex key)."""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("公钥："):
            line = line.removeprefix("公钥：").strip()
        if re.fullmatch(r"[0-9a-fA-F]{64}", line):
            return line.lower()
    raise PackageError("该文件中没有找到公钥。请让对方在其程序中用“导出公钥”（desktop-app package key --out）重新生成后发来。")


# ---- writing ------------------------------------------------------------------------------------


def build_manifest_bytes(manifest: Manifest) -> bytes:
    data = {
        "format": FORMAT,
        "format_version": manifest.format_version,
        "kind": manifest.kind,
        "sender": {"role": manifest.sender.role, "name": manifest.sender.name, "key": manifest.sender_key},
        "addressee": {"role": manifest.addressee.role, "name": manifest.addressee.name},
        "sequence": manifest.sequence,
        "created_at": manifest.created_at.isoformat(timespec="seconds"),
        "parts": manifest.parts,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def package_bytes(*, kind: str, sender: Party, addressee: Party, sequence: int, created_at: datetime,
                  parts: dict[str, bytes], private_pem: bytes, format_version: int = FORMAT_VERSION) -> bytes:
    """The bytes of a signed package holding ``parts`` (names without the ``parts/`` prefix)."""
    for name in parts:
        if not _PART_NAME.match(PART_PREFIX + name):
            raise ValueError(f"part name {name!r}")
    manifest = Manifest(
        kind=kind, sender=sender, sender_key=public_key_hex(private_pem), addressee=addressee,
        sequence=sequence, created_at=created_at, format_version=format_version,
        parts={name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)} for name, data in parts.items()},
    )
    manifest_bytes = build_manifest_bytes(manifest)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(SIGNATURE, sign(private_pem, manifest_bytes))
        for name, data in parts.items():
            archive.writestr(PART_PREFIX + name, data)
    return buffer.getvalue()


def write_package(path: Path, **fields) -> str:
    """Write the package to ``path`` atomically; returns its SHA-256."""
    data = package_bytes(**fields)
    with atomic_write(path) as fh:
        fh.write(data)
    return hashlib.sha256(data).hexdigest()


# ---- reading ------------------------------------------------------------------------------------


def open_package(path: Path) -> OpenedPackage:
    """Read and check a package file: bounded, named safely, of this format version, signed by
    the key its manifest names, every part whole. Raises ``PackageError`` (Chinese) otherwise."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise PackageError(f"无法读取数据包文件：{error.strerror or error}。请确认文件存在且没有被其他程序占用。") from error
    if size > MAX_FILE_BYTES:
        raise PackageError(f"数据包文件过大（{size / 1024 / 1024:.0f} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB），"
                           "不像本程序生成的数据包。请向对方核实。")
    data = path.read_bytes()
    return open_package_bytes(data)


def open_package_bytes(data: bytes) -> OpenedPackage:
    damaged = "数据包已损坏或被改动（{}）。请让对方重新导出后再发送，不要修改文件。"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except _ZIP_ERRORS as error:
        raise PackageError("该文件不是数据包（无法作为压缩包打开），可能已损坏或不是本程序导出的 .zip 数据包。") from error
    with archive:
        _check_members(infos)
        manifest_bytes = _read(archive, MANIFEST, MAX_MANIFEST_BYTES, damaged)
        manifest = _parse_manifest(manifest_bytes)
        signature = _read(archive, SIGNATURE, 1024, damaged).decode("ascii", "replace").strip()
        if not verify(manifest.sender_key, signature, manifest_bytes):
            raise PackageError(damaged.format("签名不符：清单在签名后被改动过，或签名不是发件人的密钥所签"))
        listed = {PART_PREFIX + name for name in manifest.parts}
        present = {info.filename for info in infos} - {MANIFEST, SIGNATURE}
        if listed != present:
            extra = sorted(present - listed) or sorted(listed - present)
            raise PackageError(damaged.format(f"内容与清单不一致：{'、'.join(extra[:3])}"))
        parts = {}
        for name, facts in manifest.parts.items():
            blob = _read(archive, PART_PREFIX + name, int(facts.get("size", 0)), damaged)
            if hashlib.sha256(blob).hexdigest() != facts.get("sha256"):
                raise PackageError(damaged.format(f"部件 {name} 的校验值不符"))
            parts[name] = blob
    return OpenedPackage(manifest=manifest, parts=parts, sha256=hashlib.sha256(data).hexdigest())


def _check_members(infos) -> None:
    if len(infos) > MAX_MEMBERS:
        raise PackageError(f"数据包含有 {len(infos)} 个成员，远多于正常的数据包，已拒绝。")
    names = set()
    for info in infos:
        name = info.filename
        if name in names:
            raise PackageError(f"数据包中有重名的成员“{name}”，不是本程序生成的数据包，已拒绝。")
        names.add(name)
        if name not in (MANIFEST, SIGNATURE) and not _PART_NAME.match(name):
            raise PackageError(f"数据包中有不允许的成员名“{name[:100]}”（可能指向数据包以外的位置），已拒绝。"
                               "本程序生成的数据包不会这样，请向对方核实来源。")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        raise PackageError(f"数据包解压后异常庞大（{total / 1024 / 1024:.0f} MB），已拒绝。")
    for info in infos:
        if info.file_size > RATIO_FREE_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageError(f"数据包的成员 {info.filename} 被压缩了 {info.file_size // max(info.compress_size, 1)} 倍，"
                               "像是“压缩炸弹”，已拒绝。")
    if MANIFEST not in names or SIGNATURE not in names:
        raise PackageError("该压缩包缺少数据包清单或签名，不是本程序导出的数据包。")


def _read(archive: zipfile.ZipFile, name: str, limit: int, damaged: str) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError as error:
        raise PackageError(damaged.format(f"缺少成员 {name}")) from error
    if info.file_size > limit:
        raise PackageError(damaged.format(f"成员 {name} 的大小与清单不符"))
    try:
        with archive.open(info) as fh:
            blob = fh.read(limit + 1)
    except _ZIP_ERRORS as error:
        raise PackageError(damaged.format(f"成员 {name} 无法解压")) from error
    if len(blob) > limit:
        raise PackageError(damaged.format(f"成员 {name} 的大小与清单不符"))
    return blob


def _parse_manifest(blob: bytes) -> Manifest:
    bad = "数据包的清单无法读取（{}），该文件可能已损坏，请让对方重新导出。"
    try:
        data = json.loads(blob.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackageError(bad.format("不是有效的 JSON")) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PackageError("该压缩包不是本程序的数据包（清单中没有本程序的格式标记）。")
    version = data.get("format_version")
    if not isinstance(version, int):
        raise PackageError(bad.format("没有格式版本"))
    if version < FORMAT_VERSION:
        raise PackageError(f"该数据包是较早版本的程序按第 {version} 版格式导出的，本程序只读取第 {FORMAT_VERSION} 版。"
                           "请对方升级程序后重新导出。")
    if version > FORMAT_VERSION:
        raise PackageError(f"该数据包是较新版本的程序按第 {version} 版格式导出的，本程序只读取第 {FORMAT_VERSION} 版。"
                           "请先升级本程序，再导入该数据包。")
    try:
        sender, addressee = data["sender"], data["addressee"]
        parts = data["parts"]
        if not isinstance(parts, dict) or not all(isinstance(v, dict) for v in parts.values()):
            raise TypeError("parts")
        manifest = Manifest(
            kind=str(data["kind"]),
            sender=Party(str(sender["role"]), str(sender["name"])),
            sender_key=str(sender["key"]),
            addressee=Party(str(addressee["role"]), str(addressee["name"])),
            sequence=int(data["sequence"]),
            created_at=datetime.fromisoformat(str(data["created_at"])),
            parts=parts,
            format_version=version,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise PackageError(bad.format(f"缺少或写错了 {error}")) from error
    if not re.fullmatch(r"[0-9a-f]{64}", manifest.sender_key) or manifest.sequence < 1:
        raise PackageError(bad.format("发件人公钥或序号无效"))
    for role in (manifest.sender.role, manifest.addressee.role):
        if role not in ("office", "unit"):
            raise PackageError(bad.format(f"未知的身份 {role}"))
    for name in parts:
        if not _PART_NAME.match(PART_PREFIX + str(name)):
            raise PackageError(f"数据包中有不允许的成员名“{str(name)[:100]}”，已拒绝。")
    return manifest
