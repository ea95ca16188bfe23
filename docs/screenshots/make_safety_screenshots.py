"""Screenshots of the create-vault dialog (with its folder) and the recovery sheet (screen and PDF page).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_safety_screenshots.py [OUT_DIR]

Writes create-vault-vi.png, recovery-sheet-vi.png, recovery-sheet-ja.png and recovery-sheet-pdf.png
(the PDF page, through pdftoppm when it is installed) to OUT_DIR (default: beside this script). The
vault is a throwaway one in a temporary folder; settings never touch the user's.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from shot_window import open_window  # noqa: E402

HERE = Path(__file__).resolve().parent


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    QStandardPaths.setTestModeEnabled(True)
    from handbook_app.i18n import set_locale
    from handbook_app.services import recovery, session, vault_folder

    # Show the folder a trainee named Lan would see on Linux (nothing is written there).
    vault_folder.documents_dir = lambda: Path("/home/lan/Documents")
    app, win, pump = open_window(tmp, 1280, 800)

    set_locale("vi")
    dialog = win.create_vault()
    dialog.path.setText("so tay cua toi")
    dialog.trainee_name.setText("Nguyễn Thị Lan")
    pump(0.3)
    dialog.grab().save(str(out / "create-vault-vi.png"))
    dialog.reject()

    path = tmp / "so tay cua toi.vault"
    hb = session.create(path, "ba con mèo nhỏ trắng")
    sheet = recovery.make_sheet(hb, "ba con mèo nhỏ trắng")
    hb.lock()
    shown_path = "/home/lan/Documents/TraineeHandbook/so tay cua toi.vault"  # where it would be for Lan
    sheet = dataclasses.replace(sheet, vault_path=shown_path)
    for lang in ("vi", "ja"):
        set_locale(lang)
        shown = win.safety.show_sheet(sheet)
        pump(0.3)
        shown.grab().save(str(out / f"recovery-sheet-{lang}.png"))
        shown.reject()
    pdf = tmp / "sheet.pdf"
    pdf.write_bytes(recovery.sheet_pdf(sheet))
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(pdf), str(out / "recovery-sheet-pdf")],
                       check=True)
    win.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
