"""Elements shared by the letters (documents layer): letterhead, 文号, title, body with heading
levels, signature and date, 附注, 版记 — placed as GB/T 9704-2012 §7 and §10.1 prescribe."""

from __future__ import annotations

import re

from desktop_app.documents.fonts import BODY, HEI, KAI, TITLE, FontSet
from desktop_app.documents.geometry.page import MM, SIZE_2, SIZE_3, SIZE_4, PageGeometry
from desktop_app.documents.layout import (
    CENTER,
    LEFT,
    RIGHT,
    Line,
    Paragraph,
    Row,
    Run,
    Typesetter,
    grid_slots,
)
from desktop_app.documents.linebreak import EPSILON, breakable, tokenize
from desktop_app.documents.model import LETTERHEAD_FULL, LETTERHEAD_NONE
from desktop_app.documents.render import RED, Composition, Mark, Rule

HEADING_1 = re.compile(r"^[一二三四五六七八九十百]+、")
HEADING_2 = re.compile(r"^[（(][一二三四五六七八九十百]+[）)]")
SENTENCE_END = re.compile(r"[。：:！？]")

LETTERHEAD_TOP = 30 * MM  # 信函格式: 发文机关标志上边缘距页面上边 30 mm
RULE_LENGTH = 170 * MM
RULE_GAP_BELOW_NAME = 4 * MM
BOTTOM_RULE_FROM_EDGE = 20 * MM
THICK, THIN, DOUBLE_GAP = 2.0, 0.75, 1.5
MARK_BELOW_BLOCK_TOP = 35 * MM  # 文件格式 (7.2.3): 发文机关标志上边缘至版心上边缘 35 mm
MARK_MAX_SIZE = 36.0  # a 12-character name such as 上海市崇明区人民政府文件 fills the block at 36 pt
SEPARATOR_GAP = 4 * MM  # 7.2.6: the red rule 4 mm below the 发文字号


def body_paragraph(text: str) -> Paragraph:
    """A paragraph of reply text with its heading level recognised: 一、 in 黑体, （一） in
    楷体 (only the heading sentence when text follows it in the same paragraph), 1. and （1）
    in 仿宋 like the body. Markdown bold markers pasted from elsewhere are dropped."""
    text = text.replace("**", "").strip()
    role = HEI if HEADING_1.match(text) else KAI if HEADING_2.match(text) else None
    if role is None:
        return Paragraph((Run(text),))
    end = SENTENCE_END.search(text)
    if end is None or end.end() == len(text):
        return Paragraph((Run(text, role),))
    return Paragraph((Run(text[: end.end()], role), Run(text[end.end():])))


# Where a title reads well broken: after 会议 (…会议 / 第0035号…), before 关于 (…政府 / 关于…).
GOOD_BREAK_AFTER = ("会议",)
GOOD_BREAK_BEFORE = ("关于",)
# A line never ends with a word that leads into what follows (关于 / 对 …), nor does one start
# with a particle that ends what precedes (的答复).
BAD_LINE_END = ("关于", "对", "对于", "就", "由", "把", "将", "在", "与", "和", "及", "第", "《")
BAD_LINE_START = ("的", "之", "》", "号")


def _break_cost(tokens: list[str], k: int, em: float) -> float:
    """What breaking before ``tokens[k]`` costs, in points of imbalance it is worth."""
    before, after = tokens[k - 1], tokens[k]
    cost = 0.0
    if not breakable(tokens, k):
        return float("inf")
    if before in BAD_LINE_END or after.startswith(BAD_LINE_START):
        cost += 6 * em
    head = "".join(tokens[:k])
    if head.count("《") > head.count("》"):  # inside a book title
        cost += 4 * em
    if before.endswith(GOOD_BREAK_AFTER) or after.startswith(GOOD_BREAK_BEFORE):
        cost -= 3 * em
    return cost


def split_title(title: str, width, measure: float, em: float = SIZE_2) -> list[str]:
    """Lines of a title: the user's own line breaks, else one line when it fits, else as few lines
    as it needs, broken between words (never 意/见, never after 关于) and as even as the words
    allow (GB/T 9704 §7.3.1: 回行时词意完整、排列对称)."""
    if "\n" in title:
        return [t.strip() for t in title.splitlines() if t.strip()]
    if width(title) <= measure:
        return [title]
    tokens = tokenize(title, words=True)
    widths = [width(t) for t in tokens]
    n = len(tokens)
    if any(w > measure for w in widths):  # a word longer than a line: break between characters
        tokens = tokenize(title)
        widths = [width(t) for t in tokens]
        n = len(tokens)
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    costs = [0.0] + [_break_cost(tokens, k, em) for k in range(1, n)]
    for count in range(2, n + 1):
        target = prefix[n] / count
        # best[j][k]: the cheapest way to set tokens[:k] as j lines, and where its last line starts
        best = [{0: (0.0, -1)}] + [{} for _ in range(count)]
        for j in range(1, count + 1):
            for k in range(1, n + 1):
                if j == count and k != n:
                    continue
                options = []
                for start, (cost, _) in best[j - 1].items():
                    line = prefix[k] - prefix[start]
                    if start >= k or line > measure + EPSILON:
                        continue
                    total = cost + abs(line - target) / 2 + (costs[k] if k < n else 0.0)
                    options.append((total, start))
                if options:
                    best[j][k] = min(options)
        if n in best[count] and best[count][n][0] != float("inf"):
            cuts, k = [], n
            for j in range(count, 0, -1):
                start = best[j][k][1]
                cuts.append("".join(tokens[start:k]))
                k = start
            return cuts[::-1]
    return [title]


def body_paragraphs(text: str) -> list[Paragraph]:
    return [body_paragraph(p) for p in (text or "").splitlines() if p.strip()]


class LetterComposer:
    """Builds one letter's composition step by step."""

    def __init__(self, fonts: FontSet, geometry: PageGeometry, title: str):
        self.fonts = fonts
        self.g = geometry
        self.ts = Typesetter(fonts, geometry)
        self.rows: list[Row] = []
        self.marks: list[Mark] = []
        self.rules: list[Rule] = []
        self.record: list[Row] = []
        self.title = title
        self.first_top = geometry.top  # top of the first flowing row on page 1
        self.notes: list[str] = []  # what the user should check before sending it
        self._keep = 0

    # ---- page 1 header ---------------------------------------------------------------------

    def letterhead(self, mode: str, unit_name: str, size: float = 0.0) -> None:
        """信函格式: unit name in red 小标宋 30 mm from the top, red double rule (thick over
        thin) 4 mm below it and another (thin over thick) 20 mm above the bottom edge, 170 mm
        long. 套打 leaves the same space blank; ``none`` starts at the text block."""
        if mode == LETTERHEAD_NONE:
            self.first_top = self.g.top
            return
        g = self.g
        mark, size = self._fitted_mark(unit_name, size, LETTERHEAD_TOP, g.width / 2)
        rule_y = LETTERHEAD_TOP + size + RULE_GAP_BELOW_NAME
        x0 = (g.width - RULE_LENGTH) / 2
        if mode == LETTERHEAD_FULL:
            self.marks.append(mark)
            self.rules += [
                Rule(x0, x0 + RULE_LENGTH, rule_y, THICK, RED),
                Rule(x0, x0 + RULE_LENGTH, rule_y + THICK / 2 + DOUBLE_GAP + THIN / 2, THIN, RED),
            ]
            bottom = g.height - BOTTOM_RULE_FROM_EDGE
            self.rules += [
                Rule(x0, x0 + RULE_LENGTH, bottom - THICK / 2 - DOUBLE_GAP - THIN / 2, THIN, RED),
                Rule(x0, x0 + RULE_LENGTH, bottom, THICK, RED),
            ]
        # 文号 sits 7/8 of a 3号 character's height below the rule (GB/T 9704 §10.1).
        rule_bottom = rule_y + THICK / 2 + DOUBLE_GAP + THIN
        em_top = rule_bottom + SIZE_3 * 7 / 8
        self.first_top = em_top - (g.pitch - SIZE_3) / 2

    def _fitted_mark(self, name: str, size: float, top: float, centre: float) -> tuple[Mark, float]:
        """The unit's name centred on ``centre`` in red 小标宋 no wider than the block, with its size."""
        g = self.g
        if size <= 0:
            size = min(MARK_MAX_SIZE, g.block_width / max(len(name), 1))
        tracking = min(size * 0.2, (g.block_width - len(name) * size) / max(len(name) - 1, 1))
        return Mark(name, TITLE, size, centre, top, CENTER, RED, tracking=max(tracking, 0)), size

    def document_head(self, mode: str, mark_text: str, number: str, size: float = 0.0) -> None:
        """文件格式 版头 (GB/T 9704 7.2): 发文机关标志 in red 小标宋 centred 35 mm below the block's
        top edge, the 发文字号 centred two blank lines below it, a red rule as wide as the block
        4 mm below the 文号; the title then starts two blank lines below the rule (7.3.1).
        套打 prints only the 文号 (the paper carries the mark and the rule); ``none`` leaves
        the page to the caller."""
        if mode == LETTERHEAD_NONE:
            self.first_top = self.g.top
            return
        g = self.g
        # Centred on the text block (28 mm left, 26 mm right margin), like the title and the rule.
        centre = g.left + g.block_width / 2
        top = g.top + MARK_BELOW_BLOCK_TOP
        mark, size = self._fitted_mark(mark_text, size, top, centre)
        if mode == LETTERHEAD_FULL and mark_text:
            self.marks.append(mark)  # first in the content, so that copied text reads in order
        number_top = top + size + 2 * g.pitch + (g.pitch - SIZE_3) / 2  # em top on the third line
        if number:
            self.marks.append(Mark(number, BODY, SIZE_3, centre, number_top, CENTER,
                                   tracking=self.ts.tracking(SIZE_3, True)))
        rule_y = number_top + SIZE_3 + SEPARATOR_GAP + THICK / 2
        if mode == LETTERHEAD_FULL:
            self.rules.append(Rule(g.left, g.right, rule_y, THICK, RED))
        self.first_top = rule_y + THICK / 2 + 2 * g.pitch

    def category_mark(self, letter: str) -> None:
        """The result category (A–D) at the top right of page 1, above the letterhead."""
        if letter:
            self.marks.append(Mark(letter, HEI, SIZE_3, self.g.right, 18 * MM, RIGHT))

    def doc_number(self, number: str, signer: str = "") -> None:
        """信函格式 (GB/T 9704 §10.1): the 文号 flush with the block's right edge on the first row
        under the rule; a 签发人 (name in 楷体) flush left on the same row, where a 信函 puts what
        it marks besides (份号、密级), so that the title keeps its place two rows below."""
        if not number and not signer:
            return
        right = self.ts.set_paragraph(Paragraph((Run(number),), indent=0, align=RIGHT)) if number else []
        left = self.ts.set_paragraph(Paragraph((Run("签发人："), Run(signer, KAI)), indent=0, align=LEFT)) \
            if signer else []
        if right:
            self.rows.append(Row(right[0], fixed=True, beside=left[0] if left else None))
        else:
            self.rows.append(Row(left[0], fixed=True))

    # ---- flowing text ----------------------------------------------------------------------

    def blank(self, count: int = 1) -> None:
        self.rows += [Row(None, fixed=True) for _ in range(count)]

    def title_lines(self, title: str) -> None:
        """The title centred in 2号 小标宋. A title too long for one line is split where the words
        allow (GB/T 9704: 回行时词意完整、排列对称), else as the line breaker decides."""
        for part in split_title(title, lambda t: self.ts.width(t, TITLE, SIZE_2, 0.0), self.g.block_width):
            para = Paragraph((Run(part, TITLE),), size=SIZE_2, indent=0, align=CENTER, grid=False)
            self.rows += [Row(line, fixed=True) for line in self.ts.set_paragraph(para)]

    def paragraph(self, para: Paragraph, keep: int | None = None) -> None:
        self.rows += self.ts.rows(para, keep)

    def text(self, text: str, **kw) -> None:
        self.paragraph(Paragraph((Run(text),), **kw))

    def signature(self, unit_name: str, date_text: str, seal_rows: int = 2) -> None:
        """发文机关署名 centred over 成文日期, the date four characters in from the right; the last
        two lines of text above stay on the same page (the seal must touch the text)."""
        self._keep += 1
        keep = self._keep
        tail = [r for r in self.rows[-2:] if r.line is not None]
        for row in tail:
            row.keep = keep
        track = self.ts.tracking(SIZE_3, True)
        cell = self.ts.cell(SIZE_3, True)
        date_width = self.ts.width(date_text, BODY, SIZE_3, track)
        date_x = self.g.right - 4 * cell - date_width
        centre = date_x + (date_width - track) / 2
        for _ in range(seal_rows):
            self.rows.append(Row(None, keep=keep, fixed=True))
        if unit_name:
            width = self.ts.width(unit_name, BODY, SIZE_3, track)
            x = max(self.g.left, centre - (width - track) / 2)
            self.rows.append(Row(Line([(unit_name, BODY)], SIZE_3, x, width, width, track, LEFT, True), keep))
        self.rows.append(Row(Line([(date_text, BODY)], SIZE_3, date_x, date_width, date_width, track, LEFT, True), keep))

    def note(self, text: str) -> None:
        """附注 under the date: two characters in, in parentheses; kept on the date's page."""
        keep = self.rows[-1].keep if self.rows else None
        self.paragraph(Paragraph((Run(f"（{text}）"),), indent=2, hanging=2), keep=keep)

    def copy_to(self, cc: str) -> None:
        """版记 抄送 line(s): 4号仿宋, one character in on both sides, wrapped lines aligned after
        the colon, ending with 。"""
        cc = cc.strip().rstrip("。，,;；")
        if not cc:
            return
        para = Paragraph((Run(f"抄送：{cc}。"),), size=SIZE_4, indent=0, hanging=3, left=1, right=1,
                         align="justify", grid=False)
        self.record = [Row(line) for line in self.ts.set_paragraph(para)] + self.record

    def printed_by(self, office: str, day: str) -> None:
        """版记 印发机关 (one character in from the left) and 印发日期 + 印发 (one character in from
        the right) on the 版记's last row (GB/T 9704 §7.4.3)."""
        if not office.strip() and not day:
            return
        left = self.ts.set_paragraph(Paragraph((Run(office.strip()),), size=SIZE_4, indent=0, left=1,
                                               align=LEFT, grid=False))
        right = self.ts.set_paragraph(Paragraph((Run(f"{day}印发" if day else ""),), size=SIZE_4, indent=0,
                                                right=1, align=RIGHT, grid=False))
        self.record.append(Row(left[0] if left else None, beside=right[0] if right else None))

    # ---- result ----------------------------------------------------------------------------

    def composition(self, number_first_page: bool, record_rules: bool = True) -> Composition:
        """The document: a 信函 passes ``number_first_page=False, record_rules=False``."""
        g = self.g
        first = grid_slots(self.first_top, g.pitch, g.bottom)
        slots = grid_slots(g.top, g.pitch, g.bottom)
        return Composition(self.title, self.rows, first, slots, list(self.marks), list(self.rules),
                           list(self.record), number_first_page, record_rules, author="", notes=list(self.notes))
