"""Run slow service calls (key derivation, demo building, re-keying, verifying) off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], object], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        try:
            result = self.fn()
        except Exception as exc:  # reported on the GUI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_running: set[_Signals] = set()


def run_async(
    fn: Callable[[], object],
    on_done: Callable[[object], None],
    on_error: Callable[[Exception], None],
) -> None:
    """Call fn() on a pool thread; on_done/on_error run on the GUI thread afterwards."""
    signals = _Signals()
    _running.add(signals)

    def finish(callback, value):
        _running.discard(signals)
        callback(value)

    signals.done.connect(lambda value: finish(on_done, value))
    signals.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(_Task(fn, signals))


def busy() -> bool:
    return bool(_running)
