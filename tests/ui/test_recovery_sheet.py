"""Issue 16 #2 in the app: make a recovery sheet, open a "forgotten" vault with its code, a change voids it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from handbook_app.core import records as r
from handbook_app.services import recovery
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock

NEW_PASSPHRASE = "hoa sen nở mùa hè"


def answer_boxes(answers: list[str], seen: list[str]) -> None:
    """Answer the next message boxes in turn, each with the button labelled by the next text."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text() + "\n" + box.informativeText())
            wanted = answers.pop(0) if answers else ""
            for button in box.buttons():
                if button.text() == wanted:
                    button.click()
                    break
            else:
                box.reject()
            if not answers:
                return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def make_sheet(qtbot, window):
    settings = window.workspace.show_key("settings")
    settings.safety_box.sheet_button.click()
    ask = window.safety.passphrase_dialog
    assert ask.isVisible()
    ask.passphrase.setText("wrong passphrase")
    ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert ask.isVisible() and "not right" in ask.error.text()
    assert window.safety.sheet_dialog is None
    ask.passphrase.setText(PASSPHRASE)
    ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    sheet_dialog = window.safety.sheet_dialog
    assert sheet_dialog is not None and sheet_dialog.isVisible() and not ask.isVisible()
    return sheet_dialog


def test_sheet_is_shown_printed_and_opens_a_forgotten_vault(qtbot, window, closed_vault: Path, tmp_path: Path):
    from PySide6.QtPrintSupport import QPrinter

    unlock(qtbot, window, closed_vault)
    window.context.handbook.add(r.Loan(lender="Môi giới", principal=r.Money(90_000_000, "VND")))
    dialog = make_sheet(qtbot, window)
    lines = list(dialog.sheet.lines)
    shown = dialog.code.text()
    assert all(line in shown for line in lines)
    assert dialog.code.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction  # nothing to copy
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_to(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    dialog.close_button.click()
    assert dialog.code.text() == ""  # closing forgets the code

    # The passphrase is "forgotten": the unlock screen's link opens the vault with the code.
    window.lock("manual")
    window.unlock_screen.forgot_button.click()
    recover = window.safety.recover_dialog
    assert recover.isVisible() and str(closed_vault) in recover.file.text()
    wrong = list(lines)
    wrong[1] = ("B" if wrong[1][0] != "B" else "C") + wrong[1][1:]
    recover.code.setPlainText("\n".join(wrong))
    recover.fields.first.setText(NEW_PASSPHRASE)
    recover.fields.second.setText(NEW_PASSPHRASE)
    recover.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert recover.isVisible() and "Line 2" in recover.code_error.text()
    assert window.context.handbook is None
    recover.code.setPlainText("\n".join(lines).lower())
    seen: list[str] = []
    answer_boxes(["Later"], seen)
    recover.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.context.handbook is not None, timeout=15_000)
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert "no longer works" in seen[0] or "cannot open" in seen[0]
    assert window.context.handbook.records(r.Loan)[0].lender == "Môi giới"
    window.lock("manual")
    unlock(qtbot, window, closed_vault, NEW_PASSPHRASE)  # the new passphrase opens it


def test_changing_the_passphrase_says_the_sheet_is_void_and_offers_a_new_one(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    make_sheet(qtbot, window).close_button.click()
    dialog = window.change_passphrase()
    dialog.current.setText(PASSPHRASE)
    dialog.fields.first.setText(NEW_PASSPHRASE)
    dialog.fields.second.setText(NEW_PASSPHRASE)
    seen: list[str] = []
    answer_boxes(["OK", "Make a new sheet"], seen)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=15_000)
    assert "cannot open this vault" in seen[1]
    qtbot.waitUntil(lambda: window.safety.sheet_dialog is not None and window.safety.sheet_dialog.isVisible(),
                    timeout=5_000)
    assert recovery.sheet_state(window.context.handbook) == "current"


def test_quick_exit_closes_the_sheet_and_forgets_the_code(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    dialog = make_sheet(qtbot, window)
    assert dialog.code.text()
    window.quick_exit()
    assert not dialog.isVisible() and dialog.code.text() == "" and dialog.sheet is None
