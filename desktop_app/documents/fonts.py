"""Finding and registering the CJK fonts of official documents (documents layer).

Each typographic role (title 小标宋, body 仿宋, 黑体, 楷体, 宋体) has a list of preferred font files.
On Windows those are the official fonts in the system (and per-user) font folder (方正小标宋简体 and
仿宋_GB2312 first where installed); then the open-licensed fonts shipped in ``resources/fonts``
closest to the role (AR PL SungtiL GB for 小标宋/仿宋/宋体, AR PL KaitiM GB for 楷体, WenQuanYi Micro
Hei for 黑体); then other TrueType CJK fonts of the machine; WenQuanYi Micro Hei is the last resort. ReportLab embeds subsets of TrueType (glyf) fonts only: CFF/OpenType fonts
such as Noto CJK fail to load and are skipped. ``FontSet`` says which file served each role and
whether it is a substitute, so that the user can be warned.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop_app.domain.errors import DomainError
from desktop_app.paths import resources_dir

TITLE = "title"
BODY = "body"
HEI = "hei"
KAI = "kai"
SONG = "song"
BOLD = "bold"  # drawn as 仿宋, filled and stroked: Word's 加粗 of a font without a bold face
ROLES = (TITLE, BODY, HEI, KAI, SONG)

ROLE_LABELS = {
    TITLE: "标题（小标宋）",
    BODY: "正文（仿宋）",
    HEI: "一级标题（黑体）",
    KAI: "二级标题（楷体）",
    SONG: "页码（宋体）",
}

# (file name, family shown to the user); the first entry of a role is the official font.
WINDOWS_FONTS = {
    TITLE: [("方正小标宋简体.ttf", "方正小标宋简体"), ("FZXBSJW.TTF", "方正小标宋简体"),
            ("FZXBSK.TTF", "方正小标宋_GBK"), ("simsun.ttc", "宋体"), ("simhei.ttf", "黑体")],
    BODY: [("仿宋_GB2312.ttf", "仿宋_GB2312"), ("FS_GB2312.ttf", "仿宋_GB2312"),
           ("simfang.ttf", "仿宋"), ("simsun.ttc", "宋体")],
    HEI: [("simhei.ttf", "黑体"), ("msyh.ttc", "微软雅黑")],
    KAI: [("楷体_GB2312.ttf", "楷体_GB2312"), ("KAI_GB2312.ttf", "楷体_GB2312"),
          ("simkai.ttf", "楷体"), ("simfang.ttf", "仿宋")],
    SONG: [("simsun.ttc", "宋体"), ("simfang.ttf", "仿宋")],
}
# Official fonts that count as "not substituted" for each role.
OFFICIAL = {
    TITLE: {"方正小标宋简体", "方正小标宋_GBK"},
    BODY: {"仿宋_GB2312", "仿宋"},
    HEI: {"黑体"},
    KAI: {"楷体_GB2312", "楷体"},
    SONG: {"宋体"},
}
# TrueType CJK fonts found in Linux/macOS distributions, by role preference.
OTHER_FONTS = {
    TITLE: ["uming.ttc", "wqy-zenhei.ttc", "wqy-microhei.ttc"],
    BODY: ["ukai.ttc", "uming.ttc", "wqy-microhei.ttc"],
    HEI: ["wqy-zenhei.ttc", "wqy-microhei.ttc"],
    KAI: ["ukai.ttc", "uming.ttc"],
    SONG: ["uming.ttc", "wqy-microhei.ttc"],
}
# Open-licensed TrueType fonts shipped in resources/fonts, the nearest to each role (a light 宋
# for the title, body and page numbers, a 楷 for 楷体, a sans for 黑体); after the official fonts,
# before whatever else a machine has. The title's 宋 is drawn emboldened, as 小标宋 is heavy.
SHIPPED_SONG = ("fonts/gbsn00lp.ttf", "AR PL SungtiL GB（程序自带）")
SHIPPED_KAI = ("fonts/gkai00mp.ttf", "AR PL KaitiM GB（程序自带）")
SHIPPED_FONT = ("fonts/wqy-microhei.ttc", "文泉驿微米黑（程序自带）")  # the last resort of every role
SHIPPED = {TITLE: SHIPPED_SONG, BODY: SHIPPED_SONG, HEI: SHIPPED_FONT, KAI: SHIPPED_KAI, SONG: SHIPPED_SONG}
EMBOLDEN = {TITLE: 0.025}  # stroke width, in em, of a role drawn in a shipped light face
# Environment variable naming an extra font folder, searched first (tests, portable installs).
FONT_DIR_ENV = "DESKTOP_APP_FONT_DIR"


@dataclass(frozen=True)
class FontChoice:
    """The font that serves one role: ReportLab's registered name, the file, the family shown."""

    role: str
    name: str
    path: str
    family: str
    substituted: bool
    embolden: float = 0.0  # stroke width in em (a light face standing in for a heavy one)


@dataclass(frozen=True)
class FontSet:
    choices: dict[str, FontChoice] = field(default_factory=dict)

    def name(self, role: str) -> str:
        return self.choices[role].name

    def stroke(self, role: str) -> float:
        """Stroke width in em to draw ``role`` with (0: filled only)."""
        choice = self.choices.get(role)
        return choice.embolden if choice is not None else 0.0

    def substitutions(self) -> list[FontChoice]:
        return [c for c in self.choices.values() if c.substituted]

    def summary(self) -> str:
        """One line per role, for the preview dialog and the command line."""
        return "；".join(
            f"{ROLE_LABELS[c.role]}：{c.family}{'（替代）' if c.substituted else ''}"
            for c in self.choices.values()
        )

    def warning(self) -> str:
        """A Chinese warning when any role uses a substitute font, else ""."""
        subs = self.substitutions()
        if not subs:
            return ""
        by_family: dict[str, list[str]] = {}
        for c in subs:
            by_family.setdefault(c.family, []).append(ROLE_LABELS[c.role])
        roles = "；".join(f"{'、'.join(labels)}改用{family}" for family, labels in by_family.items())
        return (f"本机缺少公文规定字体：{roles}。打印效果与规范略有不同；"
                "安装方正小标宋简体、仿宋_GB2312 等字体后重新预览即可，或在 设置 → 公文与字体 中指定字体文件。")


def font_dirs() -> list[Path]:
    dirs: list[Path] = []
    extra = os.environ.get(FONT_DIR_ENV)
    if extra:
        dirs.append(Path(extra))
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                 Path.home() / ".local/share/fonts", Path.home() / ".fonts",
                 Path("/Library/Fonts"), Path.home() / "Library/Fonts"]
    return [d for d in dirs if d.is_dir()]


_lock = threading.Lock()
_registered: dict[str, str | None] = {}  # path -> registered name (None: unusable)
_file_index: dict[str, Path] | None = None


def _index() -> dict[str, Path]:
    """Lower-cased file name -> first path found, over every font folder (walked once)."""
    global _file_index
    with _lock:  # the write and read workers may both look for fonts: one walk
        if _file_index is None:
            found: dict[str, Path] = {}
            for folder in font_dirs():
                for root, _dirs, files in os.walk(folder):
                    for name in files:
                        if name.lower().endswith((".ttf", ".ttc")):
                            found.setdefault(name.lower(), Path(root) / name)
            _file_index = found
        return _file_index


def reset_cache() -> None:
    """Forget the font folder index (after the user installed a font, and in tests)."""
    global _file_index
    with _lock:
        _file_index = None


def register(path: str | Path) -> str | None:
    """Register a TrueType font (first face of a collection) once; None when ReportLab cannot
    embed it (CFF outlines, damaged file)."""
    key = str(path)
    with _lock:
        if key in _registered:
            return _registered[key]
        name = "cjk-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        try:
            font = TTFont(name, key, subfontIndex=0) if key.lower().endswith(".ttc") else TTFont(name, key)
            pdfmetrics.registerFont(font)
        except (TTFError, OSError, ValueError, KeyError):
            _registered[key] = None
            return None
        _registered[key] = name
        return name


def _candidates(role: str) -> list[tuple[Path, str]]:
    index = _index()
    found: list[tuple[Path, str]] = []
    if sys.platform == "win32" or os.environ.get(FONT_DIR_ENV):
        for file_name, family in WINDOWS_FONTS[role]:
            path = index.get(file_name.lower())
            if path is not None:
                found.append((path, family))
    shipped, family = SHIPPED[role]
    found.append((resources_dir() / shipped, family))
    for file_name in OTHER_FONTS[role]:
        path = index.get(file_name.lower())
        if path is not None:
            found.append((path, Path(file_name).stem))
    found.append((resources_dir() / SHIPPED_FONT[0], SHIPPED_FONT[1]))
    return found


def find_fonts(overrides: dict[str, str] | None = None) -> FontSet:
    """The font of every role. ``overrides`` maps a role to a font file the user chose in
    设置 → 字体; a chosen file that cannot be used falls back to the search."""
    overrides = overrides or {}
    choices: dict[str, FontChoice] = {}
    for role in ROLES:
        candidates = _candidates(role)
        chosen = overrides.get(role)
        if chosen:
            candidates.insert(0, (Path(chosen), Path(chosen).stem))
        for path, family in candidates:
            name = register(path)
            if name is not None:
                official = family in OFFICIAL[role] or bool(chosen and Path(chosen) == path)
                embolden = EMBOLDEN.get(role, 0.0) if family == SHIPPED[role][1] and not official else 0.0
                choices[role] = FontChoice(role, name, str(path), family, not official, embolden)
                break
        else:
            raise DomainError(
                f"找不到可用的中文字体（{ROLE_LABELS[role]}）：程序自带字体 {SHIPPED_FONT[0]} 缺失，请重新安装程序。"
            )
    return FontSet(choices)
