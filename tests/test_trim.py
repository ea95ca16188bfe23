"""The bundle's trim rules keep what the app loads and drop the rest, on Linux and Windows names alike."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "packaging"))

from trim import keep_binary, keep_data  # noqa: E402


def test_qt_plugins_kept_and_dropped() -> None:
    for dest in ("PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                 "PySide6\\plugins\\platforms\\qwindows.dll", "PySide6/Qt/plugins/imageformats/libqjpeg.so",
                 "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
                 "PySide6\\plugins\\printsupport\\windowsprintersupport.dll"):
        assert keep_binary(dest), dest
    for dest in ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
                 "PySide6/Qt/plugins/tls/libqopensslbackend.so", "PySide6/Qt/plugins/imageformats/libqsvg.so",
                 "PySide6\\plugins\\networkinformation\\qnetworklistmanager.dll"):
        assert not keep_binary(dest), dest


def test_unused_qt_libraries_dropped_on_both_systems() -> None:
    assert not keep_binary("PySide6/Qt/lib/libQt6Network.so.6")
    assert not keep_binary("libQt6Network.so.6")
    assert not keep_binary("PySide6\\Qt6Network.dll")
    assert not keep_binary("PySide6\\opengl32sw.dll")
    assert keep_binary("PySide6/Qt/lib/libQt6Widgets.so.6") and keep_binary("PySide6\\Qt6Widgets.dll")
    assert keep_binary("sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so")


def test_babel_and_qt_translations_keep_our_languages_only() -> None:
    kept = [n for n in ("vi", "ja", "en", "root", "fr", "en_GB", "zh_Hant")
            if keep_data(f"babel/locale-data/{n}.dat")]
    assert kept == ["vi", "ja", "en", "root"]
    assert keep_data("babel/global.dat")
    assert keep_data("PySide6/Qt/translations/qtbase_ja.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert keep_data("handbook_app/resources/fonts/ipaexg.ttf")
    assert keep_data("handbook_app/resources/fonts/BIZUDGothic-Bold.ttf")
    assert not keep_data("handbook_app/translations/vi/LC_MESSAGES/messages.po")


def test_python_extension_modules_are_never_taken_for_orphan_libraries():
    """_cffi_backend sits at the top of the bundle and no library links it: Python imports it (cryptography's
    Rust core does), so dropping it broke witness checks, facts updates and PDF passwords in the bundle."""
    from trim import _is_candidate

    assert not _is_candidate("_cffi_backend.cpython-311-x86_64-linux-gnu.so")
    assert not _is_candidate("_cffi_backend.cp311-win_amd64.pyd")
    assert _is_candidate("libgtk-3.so.0")
