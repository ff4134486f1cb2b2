"""Does a document agree with the unit that issues it? (documents layer, pure)

A document prints under its issuer's letterhead; its 文号, 署名, title and 发文机关标志 should all
name that same unit. A 区交通委文件 numbered 崇府发 with a title 区人民政府关于… would go out
wrong, so each disagreement is told to the user (beside the font report) before printing.
"""

from __future__ import annotations

import re

from desktop_app.documents.model import Issuer

FIX = "请核对文号和署名，或在 设置 → 单位名录 中核对该单位的发文机关标志、文号格式和署名。"
# A title that starts with its issuer: 区人民政府关于…, 上海市崇明区人民政府办理…的报告.
_TITLE_ISSUER = re.compile(r"^(\S{1,16}?(?:人民政府|政府|委员会|办公室|委|局|镇|街道|乡))(?=关于|办理|对)")


def _same_unit(text: str, issuer: Issuer) -> bool:
    text = text.strip().removesuffix("文件")
    return any(text == name or name.endswith(text) or text.endswith(name) for name in issuer.names if name)


def disagreements(issuer: Issuer | None, doc_number: str = "", signature: str = "", title: str = "",
                  mark: str = "") -> list[str]:
    """One Chinese sentence for each element that names another unit than ``issuer``."""
    if issuer is None:
        return []
    found = []
    number = doc_number.strip()
    if number and issuer.prefix and "〔" in number and number.split("〔")[0].strip() != issuer.prefix:
        found.append(f"文号“{number}”的机关代字不是发文单位{issuer.name}的“{issuer.prefix}”。")
    if signature.strip() and not _same_unit(signature, issuer):
        found.append(f"署名“{signature.strip()}”与发文单位{issuer.name}（署名“{issuer.signed}”）不一致。")
    named = _TITLE_ISSUER.match(title.strip())
    if named and not _same_unit(named.group(1), issuer):
        found.append(f"标题以“{named.group(1)}”开头，发文单位却是{issuer.name}。")
    if mark.strip() and not _same_unit(mark, issuer):
        found.append(f"发文机关标志“{mark.strip()}”与发文单位{issuer.name}不一致。")
    if found:
        found[-1] += FIX
    return found
