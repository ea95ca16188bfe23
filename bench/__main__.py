"""`make bench`: run every benchmark and print its figures beside the target."""

import importlib
import pkgutil
import sys
from pathlib import Path

here = Path(__file__).parent
names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
only = sys.argv[1:]
for name in names:
    if only and not any(o in name for o in only):
        continue
    print(f"\n== {name} ==", flush=True)
    importlib.import_module(f"bench.{name}").main()
