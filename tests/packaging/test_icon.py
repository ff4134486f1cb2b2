"""The Windows icon made from resources/icons/app.svg holds every size Windows asks for."""

from __future__ import annotations

import struct

from PySide6.QtGui import QImageReader


def test_icon_has_every_size_and_shows_the_document_the_right_way_up(qapp, make_icon, tmp_path):
    target = make_icon.write_ico(tmp_path / "app.ico")
    reader = QImageReader(str(target), b"ico")
    assert reader.imageCount() == len(make_icon.SIZES)
    sizes = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        side = image.width()
        sizes.append(side)
        assert image.height() == side
        # Red header band at the top (a bottom-up DIB written top-down would show it at the bottom),
        # transparent corner (the icon is not a white square on the desktop).
        top = image.pixelColor(side // 2, int(side * 0.12))
        assert top.red() > 150 and top.green() < 80, (side, top.name())
        assert image.pixelColor(0, side - 1).alpha() == 0
    assert sorted(sizes) == sorted(make_icon.SIZES)
    assert {16, 32, 48, 256} <= set(sizes)


def test_small_sizes_are_bitmaps_and_256_is_png(qapp, make_icon):
    # NSIS and old shell code read only bitmap entries for small icons; 256 px must be PNG to fit.
    data = make_icon.ico_bytes()
    _, kind, count = struct.unpack_from("<HHH", data)
    assert kind == 1 and count == len(make_icon.SIZES)
    for index in range(count):
        side, _, _, _, _, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        blob = data[offset:offset + length]
        assert bits == 32 and len(blob) == length
        if side == 0:
            assert blob.startswith(b"\x89PNG")
        else:
            assert struct.unpack_from("<Iii", blob) == (40, side, 2 * side)
