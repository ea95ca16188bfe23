"""Facts updates: verifying and installing a pack with every guide article and every minimum-wage row
(target ≤ 1 s), and loading the facts at start with an installed pack beside the bundled facts (target: no slower).

Run: .venv/bin/python -m bench content
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import handbook_app  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from handbook_app.content.build import build_pack
from handbook_app.content.keys import PublisherKey
from handbook_app.content.store import FactsStore
from handbook_app.resources import bundled_facts_root

INSTALL_TARGET_S = 1.0
# A fresh process that activates the facts and loads the guide, its index and the minimum-wage table.
_START = """
import sys, time
t = time.perf_counter()
from handbook_app.content.store import FactsStore
FactsStore(sys.argv[1]).activate() if sys.argv[1] != "-" else None
from handbook_app.guide.search import default_index
from handbook_app.core.minimum_wage import load_table
default_index(); load_table()
print(time.perf_counter() - t)
"""


def _full_pack(work: Path, key: Ed25519PrivateKey) -> Path:
    folder = work / "publisher"
    for part in ("guide", "data"):
        shutil.copytree(bundled_facts_root() / part, folder / part)
    (folder / "pack.json").write_text(
        '{"id": "bench.full", "version": 1, "published": "2099-01-01", "publisher": "Bench",'
        ' "changes": {"vi": "Tất cả.", "ja": "すべて。", "en": "Everything."}}', encoding="utf-8")
    out = work / "full.thpack"
    build_pack(folder, out, key)
    return out


def _start_time(store_root: str, runs: int = 7) -> float:
    env_python = sys.executable
    times = []
    for _ in range(runs):
        out = subprocess.run([env_python, "-c", _START, store_root], capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def main() -> int:
    key = Ed25519PrivateKey.generate()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pack = _full_pack(work, key)
        size = pack.stat().st_size
        installs = []
        for i in range(5):
            store = FactsStore(work / f"appdata{i}", [PublisherKey("bench", key.public_key())])
            t = time.perf_counter()
            store.install(pack)
            installs.append(time.perf_counter() - t)
        install = statistics.median(installs)
        ok = "ok" if install <= INSTALL_TARGET_S else "OVER"
        print(f"verify + install a full pack ({size / 1024:.0f} KiB): {install * 1000:.0f} ms "
              f"(target ≤ {INSTALL_TARGET_S * 1000:.0f} ms) {ok}")
        bundled = _start_time("-")
        installed = _start_time(str(work / "appdata0"))
        ok = "ok" if installed <= bundled * 1.1 else "SLOWER"
        print(f"load facts at start, median of 7 fresh processes: bundled {bundled * 1000:.0f} ms, "
              f"installed pack {installed * 1000:.0f} ms (target: no slower) {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
