"""Nothing typed is thrown away without asking, and Cancel undoes what the dialog added.

A `FormGuard` watches one record dialog: the typed state of its inputs when it opened, the
attachments its record had then, and whether the dialog itself created the record ("Save now and
add attachments"). Esc, Cancel or the window's close button on a changed form ask first; choosing
to discard removes the attachments added in this window and a record it created. When the vault
locks, a form that cannot be saved as a record is kept as a draft inside the vault.

The state is read from the inputs themselves (line edits, text boxes, choices, check boxes), so
every form and every editor kind is covered without each one knowing about drafts.
"""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from handbook_app.core import records as r
from handbook_app.i18n import _

_INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton)


def _inputs(editor: QWidget) -> list[QWidget]:
    found = []
    for child in editor.findChildren(QWidget):
        if isinstance(child, QLineEdit) and isinstance(child.parent(), QComboBox):
            continue  # an editable combo's own line edit: the combo is read instead
        if isinstance(child, QAbstractButton) and not child.isCheckable():
            continue  # push buttons (a date picker) hold no typed state
        if isinstance(child, _INPUTS):
            found.append(child)
    return found


def _read(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return [widget.currentIndex(), widget.currentText()]
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    return None


def _write(widget: QWidget, value: object) -> None:
    if isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox) and isinstance(value, list) and len(value) == 2:
        index = widget.findText(str(value[1]))
        if index < 0 and isinstance(value[0], int) and value[0] < widget.count():
            index = value[0]
        if index >= 0:
            widget.setCurrentIndex(index)
    elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
        widget.setChecked(value)


def snapshot(editors: dict[str, QWidget]) -> dict[str, list]:
    """What is typed in each field, as plain JSON-ready values."""
    return {name: [_read(w) for w in _inputs(editor)] for name, editor in editors.items()}


def apply(editors: dict[str, QWidget], state: dict) -> None:
    """Put a snapshot back (fields that changed shape since are left as they are)."""
    for name, values in state.items():
        editor = editors.get(name)
        if editor is None or not isinstance(values, list):
            continue
        widgets = _inputs(editor)
        if len(widgets) != len(values):
            continue
        for widget, value in zip(widgets, values, strict=True):
            _write(widget, value)


class FormGuard:
    def __init__(self, dialog) -> None:
        self.dialog = dialog
        self.clean: dict | None = None
        self.created = False  # the dialog saved a new record itself (to add attachments)
        self.locking = False
        self.attachments_before = self._attachment_ids()

    def mark_clean(self) -> None:
        self.clean = snapshot(self.dialog.editors)

    def _attachment_ids(self) -> set[int]:
        hb = self.dialog.context.handbook
        record = self.dialog.original
        if hb is None or record is None or record.id is None or record.KIND not in r.ATTACHMENT_OWNERS:
            return set()
        try:
            return {a.id for a in hb.attachments(record) if a.id is not None}
        except Exception:  # noqa: BLE001 - a locked vault: nothing to compare
            return set()

    def typed_changes(self) -> bool:
        return self.clean is not None and snapshot(self.dialog.editors) != self.clean

    def added_attachments(self) -> set[int]:
        return self._attachment_ids() - self.attachments_before

    def is_dirty(self) -> bool:
        return self.typed_changes() or self.created or bool(self.added_attachments())

    # --- Esc, Cancel, close ----------------------------------------------------------------------
    def allow_reject(self) -> bool:
        """True when the dialog may close: nothing changed, a lock is closing it, or the user chose to discard
        (what this window added is removed then)."""
        if self.locking or self.dialog.result() or self.dialog.context.handbook is None or not self.is_dirty():
            return True
        added = self.added_attachments()
        text = _("What you typed in this window will be lost.")
        if self.created:
            text += " " + _("The record saved to add attachments, and its files, are removed too.")
        elif added:
            text += " " + _("The files attached in this window are removed too.")
        if not self._ask(_("Discard the changes?"), text):
            return False
        self.undo_additions(added)
        return True

    def _ask(self, title: str, text: str) -> bool:
        box = QMessageBox(self.dialog)
        box.setObjectName("discardQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(title)
        box.setInformativeText(text)
        discard = box.addButton(_("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(_("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def undo_additions(self, added: set[int] | None = None) -> None:
        hb = self.dialog.context.handbook
        record = self.dialog.original
        if hb is None or record is None:
            return
        changed = False
        with contextlib.suppress(Exception):
            if self.created and record.id is not None:
                hb.delete(type(record), record.id)  # its attachments go with it
                changed = True
            else:
                for attachment_id in sorted(added if added is not None else self.added_attachments()):
                    hb.delete(r.Attachment, attachment_id)
                    changed = True
        if changed:
            from handbook_app.services.changes import Changes

            self.dialog.context.notify(Changes(frozenset({record.KIND, r.Attachment.KIND})))

    # --- lock --------------------------------------------------------------------------------------
    def keep_for_lock(self) -> str:
        """Before a lock: save the form as a record if it can be saved, else keep it as a draft in the vault.
        Returns "saved", "draft" or "" (nothing to keep)."""
        from handbook_app.services.drafts import save_draft

        dialog = self.dialog
        self.locking = True
        if dialog.result() or not dialog.isVisible() or not self.typed_changes():
            return ""
        with contextlib.suppress(Exception):
            if dialog.save_pending():
                return "saved"
        hb = dialog.context.handbook
        if hb is None:
            return ""
        record = dialog.original
        with contextlib.suppress(Exception):
            save_draft(hb, dialog.cls.KIND, record.id if record is not None else None, dialog.windowTitle(),
                       {"fields": snapshot(dialog.editors)})
            return "draft"
        return ""
