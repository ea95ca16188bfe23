"""Guide search latency: median and p95 per query (target: <= 16 ms per query).

Run: .venv/bin/python bench/bench_guide_search.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

try:
    import handbook_app  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from handbook_app.guide import GuideIndex, load_guide

QUERIES = [
    ("luong", "vi"), ("lương tối thiểu", "vi"), ("duoc", "vi"), ("ho chieu", "vi"), ("tai nan lao dong", "vi"),
    ("d", "vi"), ("ốm", "vi"), ("賃金", "ja"), ("パスポート", "ja"), ("労災", "ja"), ("妊", "ja"),
    ("overtime", "en"), ("pension refund", "en"), ("departure order", "en"), ("OTIT", None), ("a", None),
]
TARGET_MS = 16.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()

    t0 = time.perf_counter()
    guide = load_guide()
    t1 = time.perf_counter()
    index = GuideIndex(guide)
    t2 = time.perf_counter()
    print(f"load {len(guide.articles())} articles: {(t1 - t0) * 1000:.1f} ms; build index: {(t2 - t1) * 1000:.1f} ms")
    print(f"{'query':<22}{'lang':<6}{'hits':>5}{'median ms':>11}{'p95 ms':>9}")
    worst = 0.0
    for query, lang in QUERIES:
        times = []
        hits = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            hits = index.search(query, lang=lang)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        median = statistics.median(times)
        p95 = times[int(len(times) * 0.95) - 1]
        worst = max(worst, p95)
        print(f"{query:<22}{lang or '*':<6}{len(hits):>5}{median:>11.3f}{p95:>9.3f}")
    print(f"worst p95: {worst:.3f} ms (target {TARGET_MS} ms): {'OK' if worst <= TARGET_MS else 'OVER TARGET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
