"""Auto-lock after idle: an app-wide event filter notes input; a timer counts down (KeePassXC's way)."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.InputMethod,
}
COUNTDOWN_S = 60


def _now() -> float:
    """Seconds on a clock that keeps running while the PC sleeps (CLOCK_BOOTTIME on Linux): with the
    plain monotonic clock a laptop closed for an hour could wake up still unlocked. Elsewhere the
    wall clock backs up the monotonic one (see IdleLock.seconds_left)."""
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.monotonic()


class IdleLock(QObject):
    countdown = Signal(int)  # seconds left during the last minute; -1 = hide
    expired = Signal()

    def __init__(self, parent: QObject | None = None, timeout_s: float = 300, tick_ms: int = 1000) -> None:
        super().__init__(parent)
        self.timeout_s = timeout_s
        self._last = _now()
        self._last_wall = time.time()
        self._shown = -1
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        # The app-wide filter is a Python call on every event of every widget: installed only while the
        # countdown runs (a vault is open). Before, it cost a cold start ~35 ms building the start screen.
        self._filtering = False

    def set_timeout(self, seconds: float, tick_ms: int | None = None) -> None:
        self.timeout_s = seconds
        if tick_ms is not None:
            self._timer.setInterval(tick_ms)
        self.touch()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self.touch()
        self._timer.start()
        app = QApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True

    def stop(self) -> None:
        self._timer.stop()
        self._emit(-1)
        app = QApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def touch(self) -> None:
        self._last = _now()
        self._last_wall = time.time()
        if self._shown != -1:
            self._emit(-1)

    def seconds_left(self) -> float:
        idle = _now() - self._last
        wall = time.time() - self._last_wall
        if wall > idle:  # slept on a system whose monotonic clock stops during sleep
            idle = wall
        return self.timeout_s - idle

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() in _INPUT:
            self._last = _now()
            self._last_wall = time.time()
        return False

    def _emit(self, value: int) -> None:
        if value != self._shown:
            self._shown = value
            self.countdown.emit(value)

    def _tick(self) -> None:
        left = self.seconds_left()
        if left <= 0:
            self.stop()
            self.expired.emit()
        elif left <= COUNTDOWN_S:
            self._emit(math.ceil(left))
        else:
            self._emit(-1)
