"""Start the desktop app: `handbook-app-gui [--demo] [--lang vi|ja|en]`.

Cold start stays light: only QtWidgets, the start/unlock screens and the session service load here;
the workspace screens load at unlock, reports only when first opened.
"""

from __future__ import annotations

import argparse
import struct
import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from handbook_app.i18n import LOCALES, set_locale
from handbook_app.resources import resource_path
from handbook_app.ui.storage import configure_qsettings
from handbook_app.ui.termination import close_on_signals

FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "ipaexg.ttf")
# The bold of the Japanese face (IPAex Gothic has none): BIZ UDGothic Bold, added under IPAex Gothic's family name
# so that bold Japanese text gets a real bold and regular text stays in IPAex Gothic (see ui/font_family.py).
JAPANESE_BOLD_FILE, JAPANESE_REGULAR_FILE = "BIZUDGothic-Bold.ttf", "ipaexg.ttf"
_japanese_bold_added = False


def add_japanese_bold() -> bool:
    """Add the bold Japanese face once per process (Qt's font database is global); False if it is missing."""
    global _japanese_bold_added
    if not _japanese_bold_added:
        from PySide6.QtCore import QByteArray

        from handbook_app.ui.font_family import as_bold_of

        try:
            data = as_bold_of(resource_path("fonts", JAPANESE_BOLD_FILE).read_bytes(),
                              resource_path("fonts", JAPANESE_REGULAR_FILE).read_bytes())
        except (OSError, ValueError, struct.error):
            return False  # a damaged or missing file: Qt thickens the regular face as before
        _japanese_bold_added = QFontDatabase.addApplicationFontFromData(QByteArray(data)) >= 0
    return _japanese_bold_added


def register_fonts(app: QApplication) -> list[str]:
    """Register the bundled fonts and make them the app font, so vi and ja render on a bare machine."""
    families: list[str] = []
    for name in FONT_FILES:
        try:
            font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        except FileNotFoundError:
            continue
        if font_id >= 0:
            families.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families)
    add_japanese_bold()
    if families:
        font = QFont(app.font())
        font.setFamilies(families + [f for f in app.font().families() if f not in families])
        app.setFont(font)
    return families


def make_app(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication([sys.argv[0] if sys.argv else "handbook-app", *(argv or [])])
    app.setOrganizationName("TraineeHandbook")
    app.setApplicationName("TraineeHandbook")
    configure_qsettings()
    register_fonts(app)
    return app


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="handbook-app-gui")
    parser.add_argument("--demo", action="store_true", help="open the demo vault (passphrase: demo)")
    parser.add_argument("--lang", choices=LOCALES)
    return parser.parse_known_args(list(argv))


def _env_locale() -> str:
    import os

    value = os.environ.get("HANDBOOK_LANG", "")[:2].lower()
    return value if value in LOCALES else "en"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; an unexpected error anywhere leaves a report and a message, never silence."""
    from handbook_app import diagnostics
    from handbook_app.ui import crash_report

    diagnostics.enable_native_crash_log()
    try:
        return _run(argv, crash_report.install)
    except Exception as exc:  # noqa: BLE001 - everything a user would otherwise never hear about
        crash_report.report_startup_failure(exc)
        return 1
    finally:
        diagnostics.disable_native_crash_log()


def _run(argv: Sequence[str] | None, install_hook) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    from handbook_app.ui.display import display_problem

    if display_problem():
        set_locale(args.lang or _env_locale())
        print(display_problem(), file=sys.stderr)
        return 1
    app = make_app(qt_args)
    install_hook()  # an uncaught error in a slot or thread: a saved report and one translated message

    from handbook_app.services.content import activate_facts
    from handbook_app.ui.main_window import MainWindow
    from handbook_app.ui.settings import AppSettings

    settings = AppSettings()
    set_locale(args.lang or settings.language)
    activate_facts()  # an installed facts update replaces the bundled guide, minimum wages and fee limits
    from handbook_app.ui.neutral_identity import start_identity

    with start_identity(app, settings.neutral_title):  # the window class is fixed when the first window shows
        window = MainWindow(settings)
        close_on_signals(app)  # a logout or kill closes like the window's close button: locked, settings saved
        window.show()
    if args.demo:
        window.open_demo()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
