"""Forget the source text PySide6 reads on every import.

PySide6 installs an import hook (its `__feature__` support) that calls `inspect.getsource()` on each
module imported after it, to see whether the module mentions PySide6. That fills `linecache` with the
full text of every module the app loads: several MiB that nothing reads again. Clearing it right after
a batch of imports lets the interpreter reuse that memory for the records on screen.
"""

from __future__ import annotations

import linecache


def forget_module_sources() -> None:
    linecache.clearcache()
