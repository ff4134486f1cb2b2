"""Benchmark of the documents engine (a separate script, not a test).

    uv run python benchmarks/documents.py [--letters 300] [--json] [--strict]

1. 300 two-page 答复函 into one PDF, and into 300 files, with our engine (GB/T 9704 grid, own line
   breaking) against plain ReportLab (platypus, CJK word wrap) setting the same text in the same
   font on the same pages, measured in the same run: target ≥ 0.8× ReportLab's pages per second.
2. The same against a raw-canvas baseline, the physical limit of ReportLab: the lines our engine
   set, drawn with ``canvas.drawString`` in one font, no layout at all. Targets: layout and drawing
   ≤ 1.5× raw canvas; 300 letters in a fresh process (start-up and imports included, as
   ``desktop-app print`` runs them) ≤ 3× raw canvas in a fresh process.
3. One letter's preview (DTO → PDF bytes → page 1 rendered by pdfium at screen resolution):
   target ≤ 100 ms (median of 10 after one warm-up).
It also counts lines that start with closing punctuation in both outputs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.documents.builder import compose, to_pdf_bytes
from desktop_app.documents.fonts import BODY, find_fonts
from desktop_app.documents.geometry.page import A4_GBT9704 as G
from desktop_app.documents.linebreak import CLOSING
from desktop_app.documents.model import LetterSettings, ReplyLetterData
from desktop_app.documents.render import write_pdf
from desktop_app.domain.enums import ItemKind, ResultCategory

SAMPLE = (ROOT / "tests" / "documents" / "sample_reply.txt").read_text(encoding="utf-8")


def letter(n: int, chars: int = 620) -> ReplyLetterData:
    """A letter of about two pages: the sample text cut to ``chars`` characters, varied per letter."""
    sentences = [s + "。" for s in SAMPLE.replace("\n", "").split("。") if s]
    sentences = sentences[n % 10:] + sentences[:n % 10]
    paragraphs, length, current = [], 0, ""
    for sentence in sentences:
        if length >= chars:
            break
        current += sentence
        length += len(sentence)
        if len(current) > 200:
            paragraphs.append(current)
            current = ""
    paragraphs = "\n".join(paragraphs + ([current] if current else []))
    return ReplyLetterData(
        kind=ItemKind.SUGGESTION, session_name="区二届人大五次会议", number=f"{n + 1:04d}",
        item_title="关于加强农村道路交通安全管理的建议", addressees=("张三代表",), body=paragraphs,
        unit_name="上海市崇明区交通委员会", replied_on=date(2024, 10, 30), result=ResultCategory.SOLVED,
        doc_number=f"崇交委〔2024〕{n + 1}号", cc="区人大常委会代表工作机构，区政府办公室",
    )


def reportlab_story(data: ReplyLetterData, styles):
    from reportlab.platypus import PageBreak, Paragraph

    title, body = styles
    story = [Paragraph("关于对区二届人大五次会议第0035号代表建议的答复", title), Paragraph("张三代表：", body)]
    story += [Paragraph(p, body) for p in data.body.splitlines()]
    story += [Paragraph("上海市崇明区交通委员会", body), Paragraph("2024年10月30日", body), PageBreak()]
    return story


def plain_reportlab(target, letters, font_name: str) -> int:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate

    body = ParagraphStyle("body", fontName=font_name, fontSize=16, leading=G.pitch, firstLineIndent=32,
                          wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=22, alignment=1, firstLineIndent=0)
    pages = []
    doc = SimpleDocTemplate(target, pagesize=(G.width, G.height), leftMargin=G.left, topMargin=G.top,
                            rightMargin=G.width - G.right, bottomMargin=G.height - G.bottom)
    story = []
    for data in letters:
        story += reportlab_story(data, (title, body))
    doc.build(story, onLaterPages=lambda c, d: pages.append(1), onFirstPage=lambda c, d: pages.append(1))
    return len(pages)


def set_lines(comps) -> list[list[tuple[float, float, str]]]:
    """Per page, (x, baseline from the page top, text) of every line our engine set."""
    from desktop_app.documents.render import laid_out_pages

    pages = []
    for comp in comps:
        laid_out, _record = laid_out_pages(comp, G)
        for page in laid_out:
            pages.append([(row.line.x, G.baseline(top, row.line.size), row.line.text)
                          for top, row in page.rows if row.line is not None])
    return pages


def raw_canvas(target, pages, font_name: str) -> int:
    """The lines drawn with ``drawString`` in one font and size: what ReportLab costs at the least."""
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(target), pagesize=(G.width, G.height), pageCompression=1, initialFontName=font_name)
    for lines in pages:
        c.setFont(font_name, 16)
        for x, baseline, text in lines:
            c.drawString(x, G.height - baseline, text)
        c.showPage()
    c.save()
    return len(pages)


FRESH_OURS = """
import sys, time; start = time.perf_counter(); sys.path.insert(0, {root!r}); sys.path.insert(0, {here!r})
from documents import letter
from desktop_app.documents.builder import write_document
from desktop_app.documents.model import LetterSettings
write_document({out!r}, "reply", [letter(n) for n in range({n})], LetterSettings())
"""
FRESH_RAW = """
import sys, json; sys.path.insert(0, {root!r}); sys.path.insert(0, {here!r})
from documents import raw_canvas
from desktop_app.documents.fonts import BODY, register, resources_dir, SHIPPED_SONG
pages = json.load(open({lines!r}, encoding="utf-8"))
raw_canvas({out!r}, pages, register(resources_dir() / SHIPPED_SONG[0]))
"""


def fresh(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def bad_line_starts(path) -> tuple[int, int]:
    import pdfplumber

    bad = pages = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            pages += 1
            for line in page.extract_text_lines():
                if line["text"] and line["text"][0] in CLOSING:
                    bad += 1
    return bad, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

    settings = LetterSettings()
    fonts = find_fonts()
    letters = [letter(n) for n in range(args.letters)]
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        compose("reply", letters[:2], settings, fonts)  # warm-up: font loading, caches

        start = time.perf_counter()
        comps = compose("reply", letters, settings, fonts)
        ours = write_pdf(folder / "ours.pdf", comps, fonts, G)
        ours_one = time.perf_counter() - start

        start = time.perf_counter()
        for n, data in enumerate(letters):
            write_pdf(folder / f"ours_{n}.pdf", compose("reply", [data], settings, fonts), fonts, G)
        ours_many = time.perf_counter() - start

        start = time.perf_counter()
        plain_pages = plain_reportlab(str(folder / "plain.pdf"), letters, fonts.name(BODY))
        plain_one = time.perf_counter() - start

        start = time.perf_counter()
        for n, data in enumerate(letters):
            plain_reportlab(str(folder / f"plain_{n}.pdf"), [data], fonts.name(BODY))
        plain_many = time.perf_counter() - start

        pages = set_lines(comps)
        start = time.perf_counter()
        raw_canvas(folder / "raw.pdf", pages, fonts.name(BODY))
        raw_one = time.perf_counter() - start
        lines_file = folder / "lines.json"
        lines_file.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
        here = str(Path(__file__).resolve().parent)
        ours_fresh = fresh(FRESH_OURS.format(root=str(ROOT), here=here, out=str(folder / "fresh.pdf"), n=args.letters))
        raw_fresh = fresh(FRESH_RAW.format(root=str(ROOT), here=here, lines=str(lines_file),
                                           out=str(folder / "fresh_raw.pdf")))

        ours_bad = bad_line_starts(folder / "ours.pdf")
        plain_bad = bad_line_starts(folder / "plain.pdf")

    import pypdfium2 as pdfium

    sample = letter(0)
    timings = []
    for n in range(11):
        start = time.perf_counter()
        pdf, _ = to_pdf_bytes("reply", [sample], settings)
        document = pdfium.PdfDocument(pdf)
        document[0].render(scale=96 / 72, rev_byteorder=True)
        document.close()
        if n:
            timings.append(time.perf_counter() - start)
    preview_ms = statistics.median(timings) * 1000

    rows = [
        ("一个 PDF：本程序 页/秒", ours.pages / ours_one, plain_pages / plain_one),
        ("逐件文件：本程序 页/秒", ours.pages / ours_many, plain_pages / plain_many),
    ]
    ok = True
    print(f"{args.letters} 封答复函：本程序 {ours.pages} 页，ReportLab 原生排版 {plain_pages} 页")
    for label, mine, theirs in rows:
        ratio = mine / theirs
        passed = ratio >= 0.8
        ok &= passed
        print(f"{label} {mine:7.1f}  ReportLab {theirs:7.1f}  比值 {ratio:4.2f}（目标 ≥ 0.8） {'PASS' if passed else 'FAIL'}")
        results[label] = {"ours": mine, "reportlab": theirs, "ratio": ratio, "pass": passed}
    for label, mine, raw, target in (
        ("排版和绘制 / 原始 canvas（同一进程）", ours_one, raw_one, 1.5),
        (f"命令行 {args.letters} 封（含启动）/ 原始 canvas（新进程）", ours_fresh, raw_fresh, 3.0),
    ):
        ratio = mine / raw
        passed = ratio <= target
        ok &= passed
        print(f"{label}：本程序 {mine:6.2f} s，原始 canvas {raw:6.2f} s，比值 {ratio:4.2f}（目标 ≤ {target}） "
              f"{'PASS' if passed else 'FAIL'}")
        results[label] = {"ours_s": mine, "raw_canvas_s": raw, "ratio": ratio, "pass": passed}
    passed = preview_ms <= 100
    ok &= passed
    print(f"单封预览（生成 + 第 1 页渲染） {preview_ms:6.1f} ms（目标 ≤ 100 ms） {'PASS' if passed else 'FAIL'}")
    print(f"以闭合标点开头的行：本程序 {ours_bad[0]}（{ours_bad[1]} 页），ReportLab CJK 折行 {plain_bad[0]}（{plain_bad[1]} 页）")
    results["preview_ms"] = preview_ms
    results["bad_line_starts"] = {"ours": ours_bad, "reportlab": plain_bad}
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
