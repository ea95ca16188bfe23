"""Screenshots for the everyday-flow and language work (issue 16): run offscreen or under Xvfb.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_ux_screenshots.py [which ...]

which: file-dialog, home-actions, dark-home, photo-fitted (default: all). Writes beside this script.
Settings and the demo vault go to a temporary folder, never the user's.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from shot_window import open_window  # noqa: E402

HERE = Path(__file__).resolve().parent


def main(which: list[str]) -> None:
    tmp = Path(tempfile.mkdtemp())
    QStandardPaths.setTestModeEnabled(True)
    from PySide6.QtWidgets import QApplication, QFileDialog

    from handbook_app.i18n import set_locale
    from handbook_app.ui import file_dialogs

    app, win, pump = open_window(tmp, 1280, 800)

    if "file-dialog" in which:
        folder = tmp / "USB"
        folder.mkdir()
        for name in ("so-cua-toi.vault", "bang-luong-11.pdf", "anh-hop-dong.jpg"):
            (folder / name).write_bytes(b"x")
        for lang in ("vi", "ja"):
            set_locale(lang)

            def grab(lang=lang) -> None:
                dialog = QApplication.activeModalWidget()
                if not isinstance(dialog, QFileDialog):
                    QTimer.singleShot(50, grab)
                    return
                dialog.resize(760, 460)
                pump(0.3)
                dialog.grab().save(str(HERE / f"file-dialog-{lang}.png"))
                dialog.reject()

            QTimer.singleShot(50, grab)
            file_dialogs.open_file(win, "…", str(folder), "Vaults (*.vault);;All files (*)")

    needs_vault = {"home-actions", "dark-home", "photo-fitted"} & set(which)
    if "dark-home" in which:
        from handbook_app.ui.palette import dark_palette

        app.setPalette(dark_palette())  # before unlocking: as when Windows starts the app in dark mode
    if needs_vault:
        set_locale("vi")
        win.open_demo(tmp / "demo.vault")
        while win.unlock_screen._busy:
            pump(0.05)
        win.unlock_screen.passphrase.setText("demo")
        win.unlock_screen.unlock_button.click()
        while win.context.handbook is None:
            pump(0.05)
        pump(0.5)
    if "home-actions" in which:
        light = app.palette()
        app.setPalette(app.style().standardPalette())
        for lang in ("vi", "ja"):
            set_locale(lang)
            win.go_to(0)
            pump(0.4)
            home = win.workspace.screens["home"]
            home.grab().save(str(HERE / f"home-actions-{lang}.png"))
        app.setPalette(light)
    if "dark-home" in which:
        set_locale("vi")
        win.go_to(0)
        pump(0.4)
        win.grab().save(str(HERE / "dark-home.png"))
        app.setPalette(app.style().standardPalette())
    if "photo-fitted" in which:
        from handbook_app.ui.dialogs.attachment_viewer import AttachmentViewer

        set_locale("vi")
        import io

        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
        from PySide6.QtGui import QColor, QFont, QImage, QPainter

        from handbook_app.core import records as r

        hb = win.context.handbook
        photo = QImage(4000, 3000, QImage.Format.Format_RGB32)  # a phone photo of a payslip
        photo.fill(QColor("#e9eef2"))
        painter = QPainter(photo)
        painter.fillRect(700, 400, 2600, 2200, QColor("#ffffff"))
        font = QFont(app.font())
        font.setPixelSize(150)
        painter.setFont(font)
        painter.setPen(QColor("#202020"))
        lines = ["給与明細 2026年11月", "基本給  ￥184,800", "残業手当  ￥22,500", "控除合計  ￥58,300",
                 "差引支給額  ￥149,000"]
        for index, line in enumerate(lines):
            painter.drawText(850, 750 + index * 360, line)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        photo.save(buffer, "JPG", 85)
        incident = hb.records(r.Incident)[0]
        hb.add_attachment(incident, io.BytesIO(bytes(data)), "payslip-photo.jpg")
        att = next(a for a in hb.attachments(incident) if a.name == "payslip-photo.jpg")
        del Qt
        viewer = AttachmentViewer(win.context, att, win)
        viewer.show()
        pump(0.5)
        viewer.grab().save(str(HERE / "photo-fitted.png"))
        viewer.reject()
    win.lock("close")


if __name__ == "__main__":
    main(sys.argv[1:] or ["file-dialog", "home-actions", "dark-home", "photo-fitted"])
