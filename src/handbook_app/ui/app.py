"""Start the desktop app: `handbook-app-gui [--demo] [--lang vi|ja|en]`.

Cold start stays light: only QtWidgets, the start/unlock screens and the session service load here;
the workspace screens load at unlock, reports only when first opened.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from handbook_app.i18n import LOCALES, set_locale
from handbook_app.resources import resource_path

FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "ipaexg.ttf")


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
    register_fonts(app)
    return app


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="handbook-app-gui")
    parser.add_argument("--demo", action="store_true", help="open the demo vault (passphrase: demo)")
    parser.add_argument("--lang", choices=LOCALES)
    return parser.parse_known_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_app(qt_args)

    from handbook_app.ui.main_window import MainWindow
    from handbook_app.ui.settings import AppSettings

    settings = AppSettings()
    set_locale(args.lang or settings.language)
    from handbook_app.ui.neutral_identity import start_identity

    with start_identity(app, settings.neutral_title):  # the window class is fixed when the first window shows
        window = MainWindow(settings)
        window.show()
    if args.demo:
        window.open_demo()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
