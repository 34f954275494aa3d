"""Report benchmarks: account report (≤1 s), portfolio over 1,000 accounts (≤10 s), a 20-page
report's size (≤5 MB), and ReportLab alone laying out the same text (the floor).

    uv run python benchmarks/bench_reports.py [--accounts 1000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate
from sqlalchemy import func, select

from accountdesk.core.db.engine import open_database
from accountdesk.core.db.models import Account, Interaction
from accountdesk.core.demo import generate
from accountdesk.core.metrics import Period
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.fonts import LATIN, font_name, register_fonts
from accountdesk.core.reports.textlayout import TextBlock, TextStyle

NOW = datetime(2026, 5, 1, 9, tzinfo=UTC)
TEXT = {
    "en": "Quarterly review with the purchasing team about renewal terms and delivery. " * 3,
    "th": "บริษัทของเรายินดีต้อนรับลูกค้าใหม่ทุกท่านในกรุงเทพมหานครและเชียงใหม่ " * 3,
    "fa": "گزارش ارتباط با مشتری برای حساب شرکت نمونه که از سال ۱۳۹۸ مشتری ما است. " * 3,
}


def _time(fn: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=1000)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    db = open_database(tmp / "bench.db")
    generate(db, accounts=args.accounts, seed=1)
    with db.reader() as s:
        busiest = s.execute(
            select(Interaction.account_id, func.count())
            .group_by(Interaction.account_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()[0]
        n_accounts = s.scalar(select(func.count()).select_from(Account))
    period = Period(date(2025, 5, 1), date(2026, 4, 30))
    print(f"accounts: {n_accounts}")
    for lang in ("en", "th", "fa"):
        t = _time(
            lambda lang=lang: d.account_report(db, busiest, tmp / "a.pdf", lang=lang, now=NOW)
        )
        print(f"account report [{lang}]: {t:.3f} s (target ≤ 1 s)")
    for lang in ("en", "fa"):
        t = _time(
            lambda lang=lang: d.portfolio_report(db, tmp / "p.pdf", period, lang=lang, now=NOW), 1
        )
        print(f"portfolio report over {n_accounts} accounts [{lang}]: {t:.2f} s (target ≤ 10 s)")
    # a 20-page report: text blocks in three scripts
    register_fonts()
    for lang, text in TEXT.items():
        story = [
            TextBlock(text, TextStyle(size=10, space_after=4), lang == "fa") for _ in range(420)
        ]
        doc = SimpleDocTemplate(str(tmp / f"long-{lang}.pdf"))
        t = time.perf_counter()
        doc.build(story)
        ours = time.perf_counter() - t
        style = ParagraphStyle("p", fontName=font_name(LATIN), fontSize=10, leading=14.5)
        floor_doc = SimpleDocTemplate(str(tmp / f"floor-{lang}.pdf"))
        t = time.perf_counter()
        floor_doc.build([Paragraph(text, style) for _ in range(420)])
        floor = time.perf_counter() - t
        size = (tmp / f"long-{lang}.pdf").stat().st_size
        pages = doc.page
        print(
            f"long report [{lang}]: {pages} pages, {size / 1e6:.2f} MB (target ≤ 5 MB), "
            f"our layout {ours:.2f} s, ReportLab Paragraph alone {floor:.2f} s (floor)"
        )


if __name__ == "__main__":
    main()
