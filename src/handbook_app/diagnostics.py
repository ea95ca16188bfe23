"""Crash reports a support worker can read, with nothing personal in them (Qt-free).

A report names the app's version, the platform and where in the code it failed: the chain of
exception types and the code lines of each frame. It never holds an exception's message, local
variables or any path outside the program, because those can carry a vault's name, a trainee's
records or their user name (`No such file: '/home/lan/nợ.vault'`). Reports go to the app data
folder (beside the program when portable), owner-only; the newest few are kept.

`faulthandler` writes native crashes (a segfault in Qt or SQLCipher) to a file there too, so a
windowed app that dies without Python's help still leaves a trace.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import faulthandler
import locale
import os
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from handbook_app import __version__, app_paths
from handbook_app.private_files import open_private

KEEP_REPORTS = 10
NATIVE_LOG = "native-crash.log"
_PACKAGE_ROOT = Path(__file__).resolve().parent
_native_log: IO | None = None
_native_log_path: Path | None = None


def _frame_file(filename: str) -> str:
    """A frame's file, shown only as far as it tells which code ran (never a user folder)."""
    path = Path(filename)
    try:
        return "handbook_app/" + path.resolve().relative_to(_PACKAGE_ROOT).as_posix()
    except (ValueError, OSError):
        pass
    parts = path.parts
    for marker in ("site-packages", "dist-packages", "_internal", "lib-dynload"):
        if marker in parts:
            return "/".join(parts[parts.index(marker) + 1:])
    return path.name  # the standard library or elsewhere: the file name is enough


def describe_exception(exc: BaseException) -> list[str]:
    """Types and code locations of an exception and its causes; no messages, no variables."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        errno = getattr(current, "errno", None)
        lines.append(f"{kind.__module__}.{kind.__qualname__}" + (f" (errno {errno})" if isinstance(errno, int) else ""))
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {_frame_file(frame.filename)}:{frame.lineno} in {frame.name}")
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        if current is not None:
            lines.append("caused by / while handling:")
    return lines


def environment_lines(extra: dict[str, str] | None = None) -> list[str]:
    lines = [
        f"Trainee Handbook {__version__}",
        f"time (UTC): {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}",
        f"platform: {platform.platform()} ({platform.machine()})",
        f"python: {platform.python_version()} {'frozen bundle' if getattr(sys, 'frozen', False) else 'interpreter'}",
        f"portable: {'yes' if app_paths.is_portable() else 'no'}",
        f"locale: {locale.getlocale()[0] or '-'}",
    ]
    lines += [f"{key}: {value}" for key, value in (extra or {}).items()]
    return lines


def format_report(exc: BaseException, context: str = "", extra: dict[str, str] | None = None) -> str:
    lines = environment_lines(extra)
    if context:
        lines.append(f"where: {context}")
    lines += ["", "The exception's message is left out: it can hold a file name or a record.", ""]
    lines += describe_exception(exc)
    return "\n".join(lines) + "\n"


def reports_dir() -> Path:
    return app_paths.diagnostics_dir()


def write_report(text: str, folder: Path | None = None) -> Path | None:
    """Save a report (owner-only) and keep only the newest few; None when the folder cannot be written."""
    folder = reports_dir() if folder is None else folder
    try:
        app_paths.ensure_dir(folder)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"crash-{stamp}.txt"
        with open_private(path, "w", encoding="utf-8") as out:
            out.write(text)
        old = sorted(folder.glob("crash-*.txt"))[:-KEEP_REPORTS]
        for stale in old:
            stale.unlink(missing_ok=True)
        return path
    except OSError:
        return None


def enable_native_crash_log(folder: Path | None = None) -> Path | None:
    """faulthandler into a file in the diagnostics folder (a windowed app has no stderr to write to)."""
    global _native_log, _native_log_path
    folder = reports_dir() if folder is None else folder
    try:
        app_paths.ensure_dir(folder)
        path = folder / NATIVE_LOG
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        _native_log, _native_log_path = os.fdopen(fd, "a", encoding="utf-8"), path
        faulthandler.enable(file=_native_log, all_threads=True)
        return path
    except (OSError, RuntimeError, ValueError):
        with contextlib.suppress(RuntimeError, ValueError, AttributeError):
            if sys.stderr is not None:
                faulthandler.enable()
        return None


def disable_native_crash_log() -> None:
    """At a clean exit: stop faulthandler and remove the log if nothing was written to it."""
    global _native_log, _native_log_path
    with contextlib.suppress(RuntimeError, ValueError):
        faulthandler.disable()
    if _native_log is None or _native_log_path is None:
        return
    with contextlib.suppress(OSError):
        _native_log.close()
        if _native_log_path.stat().st_size == 0:
            _native_log_path.unlink()
    _native_log = _native_log_path = None


def exc_info_exception(exc_type: type[BaseException], exc: BaseException | None,
                       tb: TracebackType | None) -> BaseException:
    if exc is None:
        exc = exc_type()
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    return exc
