"""What the bundle leaves out: PyInstaller collects whole packages; the app needs a fraction.

Each rule names what it drops and why. `make bundle` runs the smoke test after trimming, so a rule
that drops something needed fails the build rather than a trainee's PC.
"""

from __future__ import annotations

from pathlib import PurePath

# Babel's CLDR data: the three languages of the app and their common root (plus global.dat).
BABEL_LOCALES = {"root", "en", "vi", "ja"}
# Qt plugins by folder: None keeps the whole folder; a set keeps the named plugins only.
QT_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"qxcb", "qoffscreen", "qwindows", "qminimal", "qcocoa"},
    "imageformats": {"qjpeg", "qgif", "qico", "qwebp"},  # photos; icons are drawn in code, so no SVG
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},  # IMEs
    "printsupport": None,
    "styles": None,
    "xcbglintegrations": None,
    # not listed, so dropped: iconengines (SVG), platformthemes (GTK theme, portal), wayland-* (xcb runs under XWayland),
    # generic (evdev), tls and networkinformation (no network), egl*, sqldrivers, qml*, designer…
}
# Qt's own translations: Japanese only (Qt has no Vietnamese catalogue, English is built in).
QT_TRANSLATIONS = {"qt_ja.qm", "qtbase_ja.qm"}
# Qt libraries nothing of ours loads (pulled in by plugins or hooks that are dropped above).
QT_LIBS_DROPPED = ("Qt6Qml", "Qt6Quick", "Qt6Network", "Qt6OpenGL", "Qt6Pdf", "Qt6VirtualKeyboard",
                   "Qt6WaylandClient", "Qt6WaylandEglClientHwIntegration", "Qt6WlShellIntegration",
                   "Qt6EglFS", "Qt6Svg", "QtQml", "QtNetwork", "QtOpenGL",
                   # Windows: Mesa's software OpenGL (~20 MiB) and the Direct3D shader compiler serve OpenGL and
                   # Qt Quick; widgets paint with the raster engine
                   "opengl32sw", "d3dcompiler_47")


def _parts(dest: str) -> tuple[str, ...]:
    return PurePath(dest.replace("\\", "/")).parts


def _plugin_name(filename: str) -> str:
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_binary(dest: str) -> bool:
    parts = _parts(dest)
    name = parts[-1]
    if "plugins" in parts:
        folder = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) - 1 else ""
        if folder not in QT_PLUGINS:
            return False
        wanted = QT_PLUGINS[folder]
        return wanted is None or _plugin_name(name) in wanted
    stem = name.split(".")[0].removeprefix("lib")
    return not any(stem == lib or stem.startswith(lib + ".") for lib in QT_LIBS_DROPPED)


def _is_library(name: str) -> bool:
    return ".so" in name or name.lower().endswith((".dll", ".dylib", ".pyd"))


def keep_data(dest: str) -> bool:
    parts = _parts(dest)
    name = parts[-1]
    if _is_library(name) and not keep_binary(dest):  # symlinks to dropped libraries come as data
        return False
    if "locale-data" in parts and "babel" in parts:
        return name.split(".")[0] in BABEL_LOCALES
    if "translations" in parts and "PySide6" in parts:
        return name in QT_TRANSLATIONS
    if "plugins" in parts and "PySide6" in parts:
        return keep_binary(dest)
    return not name.endswith((".pyi", ".po", ".pot"))


def _is_candidate(dest: str) -> bool:
    """Libraries that are only there because something imports them (not Python modules, not plugins)."""
    parts = _parts(dest)
    if parts[-1].startswith(("libpython", "python3")):  # the bootloader loads it by name
        return False
    if ".cpython-" in parts[-1] or ".abi3." in parts[-1] or parts[-1].endswith(".pyd"):
        return False  # a Python extension module (e.g. _cffi_backend): imported by Python, not by the linker
    return len(parts) == 1 or parts[:-1] == ("PySide6", "Qt", "lib")


def drop_orphans(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drop libraries that no kept binary imports any more (the GTK stack came with the GTK theme).

    PyInstaller collected each dropped plugin's dependencies before the filter ran; this pass removes
    them by following the import tables of what is left, until nothing changes. Linux only: on
    Windows the bootloader and the Python DLLs load libraries this pass cannot see.
    """
    from PyInstaller.depend.bindepend import get_imports

    imports: dict[str, set[str]] = {}
    for dest, src, _kind in binaries:
        try:
            # (name, resolved path) pairs in PyInstaller 6; bare names in older releases
            imports[dest] = {PurePath(n[0] if isinstance(n, tuple) else n).name for n in get_imports(src)}
        except Exception:  # not an ELF file (a symlink entry, a data file): it imports nothing
            imports[dest] = set()
    kept = list(binaries)
    while True:
        needed = set().union(*(imports[d] for d, _s, _k in kept))
        left = [e for e in kept if not _is_candidate(e[0]) or PurePath(e[0]).name in needed]
        if len(left) == len(kept):
            return kept
        kept = left
