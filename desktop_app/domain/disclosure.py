"""The disclosure copy of a reply (公开文本): contact data removed (domain layer, pure Python).

Replies of public interest are published within 20 working days "with contact details and secrets
removed" (domain.md §2). The removal is automatic but never trusted blindly: the result lists what
was removed so the user reviews it before export. 涉密 items are refused by the service, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MASK = "＊＊＊"

# Longer numbers first: an ID number contains what looks like a phone number.
_ID = re.compile(r"(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)")
_LANDLINE = re.compile(
    r"(?<!\d)(?:[（(]0\d{2,3}[)）]\s*|0\d{2,3}[\s-]?)\d{3,4}[\s-]?\d{4}(?:\s*(?:-|转)\s*\d{1,5})?(?!\d)"
)
# A local 8-digit number is only taken when a phone word comes just before it (电话：59671234).
_LOCAL = re.compile(r"((?:电话|手机|座机|传真|Tel|TEL)\s*[:：]?\s*)(\d{4}[\s-]?\d{4})(?!\d)")
_ADDRESS = re.compile(r"((?:通讯|通信|联系|家庭)?(?:地址|住址)\s*[:：为在]\s*)([^，,。；;\n）)]+)")
# The 联系人/联系电话 附注 line goes whole; inside a paragraph only the name and number go.
_CONTACT_LINE = re.compile(r"^[ \t　]*[（(]?[ \t　]*(?:联系人|联系电话)[^\n]*(?:\n|$)", re.MULTILINE)
_CONTACT_NAME = re.compile(r"(联系人\s*[:：]\s*)([^，,。；;\s）)]{1,10})")


@dataclass(frozen=True)
class Redaction:
    text: str
    removed: tuple[tuple[str, str], ...]  # (what kind, the text removed), in the order found

    def summary(self) -> str:
        if not self.removed:
            return "未发现需删除的联系方式。"
        kinds: dict[str, int] = {}
        for kind, _t in self.removed:
            kinds[kind] = kinds.get(kind, 0) + 1
        return "已删除：" + "，".join(f"{k} {n} 处" for k, n in kinds.items())


def redact(text: str) -> Redaction:
    """``text`` with the 联系人/联系电话 lines, ID numbers, e-mail addresses, phone numbers and
    addresses after 地址/住址 removed."""
    removed: list[tuple[str, str]] = []

    def drop(kind: str, pattern: re.Pattern, value: str, group: int = 0, keep_prefix: bool = False) -> str:
        def replace(match: re.Match) -> str:
            removed.append((kind, match.group(group).strip()))
            if keep_prefix:
                return match.group(1) + MASK
            return "" if kind == "联系人行" else MASK
        return pattern.sub(replace, value)

    out = drop("联系人行", _CONTACT_LINE, text or "")
    out = drop("联系人", _CONTACT_NAME, out, group=2, keep_prefix=True)
    out = drop("身份证号", _ID, out)
    out = drop("电子邮箱", _EMAIL, out)
    out = drop("手机号码", _MOBILE, out)
    out = drop("固定电话", _LANDLINE, out)
    out = drop("电话号码", _LOCAL, out, group=2, keep_prefix=True)
    out = drop("地址", _ADDRESS, out, group=2, keep_prefix=True)
    return Redaction(out.rstrip("\n") + ("\n" if (text or "").endswith("\n") else ""), tuple(removed))
