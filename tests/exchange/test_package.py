"""Exchange packages as files: what is written reads back whole; anything changed, mis-named,
of another format version or oversized is refused with a Chinese reason."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import datetime

import pytest

from desktop_app.exchange import package as pkg

CREATED = datetime(2024, 3, 4, 9, 30)
OFFICE = pkg.Party("office", "区政府办公室")
UNIT = pkg.Party("unit", "区交通委")


@pytest.fixture(scope="module")
def key():
    return pkg.new_private_key()


def build(key, parts=None, **overrides):
    fields = dict(kind="交办包", sender=OFFICE, addressee=UNIT, sequence=3, created_at=CREATED,
                  parts=parts or {"data.json": json.dumps({"items": ["关于优化公交线路的建议"] * 20},
                                                          ensure_ascii=False).encode()},
                  private_pem=key)
    fields.update(overrides)
    return pkg.package_bytes(**fields)


def rezip(data: bytes, change) -> bytes:
    """The package re-zipped with ``change(name, bytes) -> (name, bytes)`` applied to every member."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            name, blob = change(info.filename, src.read(info))
            dst.writestr(name, blob)
    return out.getvalue()


def test_a_written_package_reads_back_with_its_manifest(key, tmp_path):
    path = tmp_path / "交办包.zip"
    digest = pkg.write_package(path, kind="交办包", sender=OFFICE, addressee=UNIT, sequence=7,
                               created_at=CREATED, parts={"data.json": b"{}"}, private_pem=key)
    opened = pkg.open_package(path)
    assert opened.sha256 == digest
    assert opened.manifest.sender == OFFICE and opened.manifest.addressee == UNIT
    assert opened.manifest.sequence == 7 and opened.manifest.created_at == CREATED
    assert opened.manifest.sender_key == pkg.public_key_hex(key)
    assert opened.parts == {"data.json": b"{}"}


def test_every_changed_byte_is_refused_or_changes_nothing_that_is_read(key):
    data = build(key)
    original = pkg.open_package_bytes(data)
    refused = 0
    for offset in range(0, len(data), 3):
        tampered = bytearray(data)
        tampered[offset] ^= 0x41
        try:
            opened = pkg.open_package_bytes(bytes(tampered))
        except pkg.PackageError as error:
            assert re.search(r"[\u4e00-\u9fff]", str(error))
            refused += 1
            continue
        # Only zip bookkeeping that nothing reads (a local header's time stamp ...) may change.
        assert opened.manifest == original.manifest and opened.parts == original.parts
    assert refused > len(data) // 3 * 0.8


def test_a_part_changed_and_rezipped_fails_its_hash(key):
    data = rezip(build(key), lambda n, b: (n, b.replace("公交".encode(), "地铁".encode()) if n.startswith("parts/") else b))
    with pytest.raises(pkg.PackageError, match="校验值不符"):
        pkg.open_package_bytes(data)


def test_a_manifest_changed_after_signing_fails_the_signature(key):
    def readdress(name, blob):
        return name, (blob.replace("区交通委".encode(), "区水务局".encode()) if name == pkg.MANIFEST else blob)

    with pytest.raises(pkg.PackageError, match="签名不符"):
        pkg.open_package_bytes(rezip(build(key), readdress))


def test_a_package_signed_by_another_key_than_it_names_is_refused(key):
    data = build(key)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = archive.read(pkg.MANIFEST)
    other = pkg.sign(pkg.new_private_key(), manifest).encode()
    signed_by_other = rezip(data, lambda n, b: (n, other) if n == pkg.SIGNATURE else (n, b))
    with pytest.raises(pkg.PackageError, match="签名不符"):
        pkg.open_package_bytes(signed_by_other)


@pytest.mark.parametrize("name", ["../../evil.txt", "/etc/passwd", "parts/../../x", "parts\\..\\x", "parts/sub/x.json",
                                  "C:/Windows/x"])
def test_a_member_name_that_could_leave_the_package_is_refused(key, name):
    data = rezip(build(key), lambda n, b: (name if n.startswith("parts/") else n, b))
    with pytest.raises(pkg.PackageError, match="不允许的成员名"):
        pkg.open_package_bytes(data)


@pytest.mark.parametrize(("version", "says"), [(0, "较早版本"), (2, "较新版本")])
def test_a_package_of_another_format_version_is_refused(key, version, says):
    with pytest.raises(pkg.PackageError, match=says):
        pkg.open_package_bytes(build(key, format_version=version))


def test_a_compression_bomb_is_refused_before_it_is_unpacked(key):
    bomb = b"\0" * (20 * 1024 * 1024)
    with pytest.raises(pkg.PackageError, match="压缩炸弹"):
        pkg.open_package_bytes(build(key, parts={"data.json": bomb}))


def test_a_file_that_is_no_zip_is_refused(tmp_path):
    path = tmp_path / "x.zip"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(pkg.PackageError, match="不是数据包"):
        pkg.open_package(path)


def test_the_fingerprint_is_five_groups_of_digits_and_differs_between_keys(key):
    mine = pkg.fingerprint(pkg.public_key_hex(key))
    assert re.fullmatch(r"\d{4}( \d{4}){4}", mine)
    assert mine == pkg.fingerprint(pkg.public_key_hex(key))
    assert mine != pkg.fingerprint(pkg.public_key_hex(pkg.new_private_key()))


def test_a_public_key_file_reads_back(key):
    public = pkg.public_key_hex(key)
    assert pkg.read_public_key_file(pkg.public_key_file_text(public, UNIT)) == public
    with pytest.raises(pkg.PackageError, match="没有找到公钥"):
        pkg.read_public_key_file("指纹：1234")
