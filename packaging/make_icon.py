"""Render ``resources/icons/app.svg`` into a multi-size Windows ``.ico`` (packaging tool).

``uv run python packaging/make_icon.py OUT.ico``. The PyInstaller spec calls ``write_ico`` so the
icon always follows the SVG; nothing generated is committed.

Qt's own ICO writer stores one image per file, and Windows picks the closest size from the file
(16 px in lists, 32/48 px on the desktop, 256 px in large views), so the file is written here:
small sizes as 32-bit DIBs with an AND mask (what every Windows tool and NSIS read), 256 px as PNG
(the only way to fit it, supported since Windows Vista).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
SIZES = (16, 20, 24, 32, 40, 48, 64, 256)


def render(svg: Path, size: int):
    """The SVG drawn into a transparent ``size`` × ``size`` QImage (straight ARGB32)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"无法读取图标文件 {svg}：请检查它是有效的 SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    # ICO bitmaps carry straight (not premultiplied) alpha.
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def _dib(image) -> bytes:
    """A 32-bit bottom-up DIB with an AND mask: BITMAPINFOHEADER, BGRA rows, 1-bit mask rows."""
    size = image.width()
    stride = size * 4
    # Format_ARGB32 is B, G, R, A in memory on little-endian machines: the DIB byte order.
    pixels = bytes(image.constBits())[: stride * size]
    rows = [pixels[y * stride:(y + 1) * stride] for y in range(size)]
    mask_stride = ((size + 31) // 32) * 4
    mask_rows = []
    for row in rows:
        bits = bytearray(mask_stride)
        for x in range(size):
            if row[x * 4 + 3] == 0:  # fully transparent: masked out for renderers that ignore alpha
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    body = b"".join(reversed(rows)) + b"".join(reversed(mask_rows))
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(body), 0, 0, 0, 0)
    return header + body


def _png(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("无法把图标编码为 PNG：Qt 的 PNG 支持缺失")
    buffer.close()
    return bytes(data)


def ico_bytes(svg: Path = SVG, sizes: tuple[int, ...] = SIZES) -> bytes:
    images = [(size, _png(render(svg, size)) if size >= 256 else _dib(render(svg, size))) for size in sizes]
    directory = struct.pack("<HHH", 0, 1, len(images))
    offset = len(directory) + 16 * len(images)
    entries, payload = [], []
    for size, blob in images:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset))
        payload.append(blob)
        offset += len(blob)
    return directory + b"".join(entries) + b"".join(payload)


def write_ico(target: Path, svg: Path = SVG) -> Path:
    """Write the icon to ``target`` (folders created); needs no display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - fonts/painting need it
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(ico_bytes(svg))
    return target


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("用法：uv run python packaging/make_icon.py 输出文件.ico")
    print(write_ico(Path(sys.argv[1])))
