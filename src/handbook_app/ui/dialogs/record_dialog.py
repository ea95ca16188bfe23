"""The add/edit dialog every record kind uses: fields from forms.FORMS, errors inline beside each field.

Nothing typed is ever lost: a bad amount or date keeps its text and shows why; a vault error
(disk full, file gone) keeps the dialog open with everything in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import fields, replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.core.prefectures import prefectures
from handbook_app.core.validation import ValidationError, validate
from handbook_app.i18n import _, current_locale
from handbook_app.i18n.formatting import ParseError, format_date
from handbook_app.services.changes import Changes
from handbook_app.services.errors import VaultError
from handbook_app.ui import messages
from handbook_app.ui.context import AppContext
from handbook_app.ui.dialogs.forms import EDIT_TITLES, FORMS, LANGUAGES, NEW_TITLES, Field
from handbook_app.ui.lang import follow_language, translate_buttons
from handbook_app.ui.models.debt_models import loan_label
from handbook_app.ui.models.record_model import money
from handbook_app.ui.widgets.date_edit import DateEdit
from handbook_app.ui.widgets.editors import (
    BoolEditor,
    ChoiceEditor,
    ClockEditor,
    DecimalEditor,
    DeductionsEditor,
    IntEditor,
    LanguagesEditor,
    MonthEditor,
    MultilineEditor,
    ScheduleEditor,
    TextEditor,
)
from handbook_app.ui.widgets.field import FieldEditor, error_label
from handbook_app.ui.widgets.money_edit import MoneyEdit


def ref_choices(context: AppContext, kind: str) -> Callable[[], list[tuple[object, str]]]:
    def load() -> list[tuple[object, str]]:
        hb = context.handbook
        if hb is None or not hb.is_open:
            return []
        if kind == "loan":
            return [(x.id, loan_label(x)) for x in hb.records(r.Loan)]
        if kind == "contract":
            return [(x.id, " — ".join(filter(None, (x.employer, format_date(x.start))))) for x in hb.records(r.Contract)]
        if kind == "remittance":
            return [(x.id, f"{format_date(x.date)} — {money(x.sent)}") for x in hb.records(r.Remittance, "date")]
        return []

    return load


def _prefecture_choices() -> list[tuple[object, str]]:
    return [(p.code, p.name(current_locale())) for p in prefectures()]


def _languages() -> list[tuple[object, str]]:
    return list(LANGUAGES.items())


def make_editor(spec: Field, context: AppContext, editors: dict[str, FieldEditor], default: object) -> FieldEditor:
    kind = spec.kind
    if kind == "money":
        fixed = spec.options.get("currency")
        if fixed:
            return MoneyEdit(currency=fixed, currencies=(fixed,), fixed=True)
        return MoneyEdit(currency=default.currency if isinstance(default, r.Money) else "JPY")
    if kind in ("date", "date_opt"):
        return DateEdit(optional=kind == "date_opt")
    if kind == "month":
        return MonthEditor()
    if kind == "month_opt":
        return OptionalMonthEditor()
    if kind in ("decimal", "decimal_opt"):
        return DecimalEditor(optional=kind == "decimal_opt")
    if kind == "percent":
        return DecimalEditor(scale=100)
    if kind in ("int", "int_opt"):
        return IntEditor(optional=kind == "int_opt")
    if kind == "bool":
        return BoolEditor()
    if kind == "choice":
        return ChoiceEditor(spec.options["choices"])
    if kind in ("ref", "ref_opt"):
        return ChoiceEditor(ref_choices(context, spec.options["kind"]), optional=kind == "ref_opt")
    if kind == "prefecture":
        return ChoiceEditor(_prefecture_choices, optional=True)
    if kind in ("language", "language_opt"):
        return ChoiceEditor(_languages, optional=kind == "language_opt")
    if kind == "languages":
        return LanguagesEditor(LANGUAGES)
    if kind == "clock":
        return ClockEditor()
    if kind == "multiline":
        return MultilineEditor(lines=spec.options.get("lines", 3))
    if kind == "deductions":
        return DeductionsEditor(spec.options["choices"])
    if kind == "schedule":
        source = spec.options.get("currency_of")
        return ScheduleEditor(lambda: editors[source].currency() if source in editors else "VND")  # type: ignore[attr-defined]
    return TextEditor()


class OptionalMonthEditor(MonthEditor):
    """A month that may be left empty (an incident's payslip month)."""

    def value(self) -> dt.date | None:  # type: ignore[override]
        if not self.edit.text().strip():
            return None
        return super().value()


def new_defaults(cls: type[r.Record]) -> r.Record:
    """A new record with today's date in its required date fields (not the dataclass's placeholder)."""
    record = cls()
    today = dt.date.today()
    changes = {}
    for spec in FORMS.get(cls, ()):
        if spec.kind == "date":
            changes[spec.name] = today
        elif spec.kind == "month":
            changes[spec.name] = None
    return replace(record, **{k: v for k, v in changes.items() if v is not None}) if changes else record


def default_contract(context: AppContext, month: dt.date | None = None) -> int | None:
    """The contract a new payslip most likely belongs to: the one whose period covers `month` (today's by
    default), else the only contract; None when that is not clear."""
    hb = context.handbook
    if hb is None or not hb.is_open:
        return None
    try:
        contracts = [c for c in hb.records(r.Contract) if c.id is not None]
    except VaultError:
        return None
    month = (month or dt.date.today()).replace(day=1)
    following = (month + dt.timedelta(days=32)).replace(day=1)
    covering = [c for c in contracts
                if (c.start is None or c.start < following) and (c.end is None or c.end >= month)
                and (c.start is not None or c.end is not None)]
    if len(covering) == 1:
        return covering[0].id
    if len(contracts) == 1:
        return contracts[0].id
    return None


WIDTH = 660
# Tallest a record dialog opens: inside a 1280×800 screen with a taskbar and the title bar (and less on a
# smaller screen, see height_limit); a longer form scrolls inside.
MAX_HEIGHT = 720


def height_limit(widget: QWidget) -> int:
    """The tallest a dialog may open on the screen `widget` is on: MAX_HEIGHT, or less on a small screen
    (1024×768: its available height less the title bar)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return MAX_HEIGHT
    return max(360, min(MAX_HEIGHT, screen.availableGeometry().height() - 60))


class RecordDialog(QDialog):
    """Add (record None) or edit a record of `cls`; saves through the Handbook and reports Changes."""

    def __init__(self, cls: type[r.Record], record: r.Record | None, context: AppContext,
                 parent: QWidget | None = None, preset: dict | None = None) -> None:
        super().__init__(parent)
        self.cls = cls
        self.context = context
        self.original = record
        self.base = record if record is not None else new_defaults(cls)
        if record is None and cls is r.Payslip and "contract_id" not in (preset or {}):
            self.base = replace(self.base, contract_id=default_contract(context))
        if record is None and preset:
            self.base = replace(self.base, **preset)
        self.preset = dict(preset or {})
        self.saved_changes: Changes | None = None
        self.setObjectName(f"recordDialog_{cls.KIND}")
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.WindowModal)

        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        self.specs = FORMS[cls]

        layout = QVBoxLayout(self)
        self.general_error = error_label(self, "generalError")
        layout.addWidget(self.general_error)

        host = QWidget()
        form = QFormLayout(host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A tall input (notes, a description) has its label beside its first line, not floating above it.
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form = form
        self.host = host
        values = {f.name: getattr(self.base, f.name) for f in fields(self.base)}
        for spec in self.specs:
            editor = make_editor(spec, context, self.editors, values.get(spec.name))
            editor.setObjectName(f"field_{spec.name}")
            self.editors[spec.name] = editor
            label = QLabel()
            label.setBuddy(editor.focus_widget())
            self.labels[spec.name] = label
            form.addRow(label, editor)
            if not (record is None and spec.kind == "month" and spec.name not in self.preset):
                editor.set_value(values.get(spec.name))
        scroll = QScrollArea(self)
        scroll.setObjectName("formScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll = scroll
        layout.addWidget(scroll, 1)
        from handbook_app.ui.dialogs.wage_fields import add_helpers

        self.helpers = add_helpers(self)  # e.g. hours a day × days a year ÷ 12 beside a contract's hours
        self._conditions = {spec.name: spec.only_when for spec in self.specs if spec.only_when}
        for controller in {key for when in self._conditions.values() for key in when}:
            editor = self.editors[controller]
            if isinstance(editor, ChoiceEditor):
                editor.combo.currentIndexChanged.connect(self.update_applicable)
        self.update_applicable()
        if cls is r.Payslip:  # its own running totals under the net pay (ui/widgets/payslip_totals.py)
            from handbook_app.ui.widgets.payslip_totals import attach_payslip_totals

            self.totals = attach_payslip_totals(self)

        # Attachments: only for a saved record (a new one is saved first, then the section enables).
        self.attachments = None
        self.attachments_box: QGroupBox | None = None
        self.save_first_button: QPushButton | None = None
        if cls.KIND in r.ATTACHMENT_OWNERS:
            from handbook_app.ui.widgets.attachments import AttachmentsPanel

            self.attachments_box = QGroupBox(self)
            self.attachments_box.setObjectName("attachmentsBox")
            box_layout = QVBoxLayout(self.attachments_box)
            box_layout.setContentsMargins(9, 4, 9, 6)
            self.attachments = AttachmentsPanel(context, record, self.attachments_box)
            self.attachments.changed.connect(self.fit_height)
            box_layout.addWidget(self.attachments)
            if record is None:
                # Before the first save the section is one button, so the form keeps the room.
                self.save_first_button = QPushButton(self)
                self.save_first_button.setObjectName("saveFirst")
                self.save_first_button.clicked.connect(self.save_and_continue)
                layout.addWidget(self.save_first_button, 0, Qt.AlignmentFlag.AlignLeft)
                self.attachments_box.hide()
            layout.addWidget(self.attachments_box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.history_button: QPushButton | None = None
        if record is not None:
            self.history_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.HelpRole)
            self.history_button.clicked.connect(self.show_history)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.cancel_by_user)
        layout.addWidget(self.buttons)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)

        follow_language(self, self.retranslate)
        self.retranslate()
        self.resize(WIDTH, self.natural_height())
        self._sized_on_show = False
        context.track(self)
        from handbook_app.ui.dialogs.form_guard import FormGuard

        self.guard = FormGuard(self)  # asks before discarding typed text; drafts on lock

    def showEvent(self, event) -> None:  # noqa: N802
        if not self._sized_on_show:
            # Again when first shown: subclasses add rows (hints) after this class sized the dialog.
            self._sized_on_show = True
            self.resize(self.width(), self.natural_height())
            self.guard.mark_clean()  # what the form held when it opened, presets included
        super().showEvent(event)

    # --- leaving without saving: Esc, Cancel and the window's close button ask first ---------------------
    # Only what the user does asks; reject() and close() from code (a lock, the app closing) never wait on a
    # question (a lock keeps the form through FormGuard.keep_for_lock instead).
    def cancel_by_user(self) -> None:
        """A changed form asks first; discarding removes what this window added."""
        if self.guard.allow_reject():
            self.reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.cancel_by_user()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        if event.spontaneous() and not self.guard.allow_reject():
            event.ignore()
            return
        super().closeEvent(event)

    # --- size ------------------------------------------------------------------------------------
    def natural_height(self) -> int:
        """As tall as the whole form needs (every input at its natural height, nothing scrolled), up to
        height_limit(): then the form scrolls and everything else stays in view."""
        layout = self.layout()
        layout.activate()
        self.host.layout().activate()
        chrome = layout.totalSizeHint().height() - self.scroll.sizeHint().height()
        return min(height_limit(self), chrome + self.host.sizeHint().height())

    def fit_height(self) -> None:
        """Grow (never shrink) to the natural height after something appeared (attachments, a section)."""
        height = self.natural_height()
        if height > self.height():
            self.resize(self.width(), height)

    # --- fields that apply -----------------------------------------------------------------------
    def applies(self, name: str) -> bool:
        """Whether field `name` applies to what is chosen now (a loan's rate only with interest…)."""
        for controller, allowed in self._conditions.get(name, {}).items():
            if self.editors[controller].value() not in allowed:
                return False
        return True

    def update_applicable(self, *_args) -> None:
        """Show only the fields that apply; a hidden field keeps its typing and its errors go away."""
        for name in self._conditions:
            on = self.applies(name)
            editor = self.editors[name]
            if not on:
                editor.set_error(None)
            self.form.setRowVisible(editor, on)
        if self.isVisible():
            self.fit_height()  # a field that appeared gets its room (up to height_limit, then the form scrolls)

    def retranslate(self, *_args) -> None:
        titles = EDIT_TITLES if self.original is not None else NEW_TITLES
        self.setWindowTitle(_(titles.get(self.cls, self.cls.LABEL)))
        for spec in self.specs:
            self.labels[spec.name].setText(_(spec.label))
            self.editors[spec.name].set_accessible_name(_(spec.label))
            self.editors[spec.name].retranslate()
        translate_buttons(self.buttons)
        for helper in getattr(self, "helpers", ()):
            helper.retranslate()
        if self.history_button is not None:
            self.history_button.setText(_("History…"))
        if self.attachments_box is not None:
            self.attachments_box.setTitle(_("Attachments (photos, PDF files, recordings)"))
            self.attachments.retranslate()
        if self.save_first_button is not None:
            self.save_first_button.setText(_("Save now and add attachments"))

    # --- reading the form --------------------------------------------------------------------------
    def collect(self) -> r.Record | None:
        """The record as typed, or None after showing every problem beside its field."""
        for editor in self.editors.values():
            editor.set_error(None)
        self.general_error.hide()
        values: dict[str, object] = {}
        bad = False
        blank = self.cls()
        for name, editor in self.editors.items():
            if not self.applies(name):
                # Not shown for what is chosen (a rate with no interest): saved empty, so nothing stale is
                # printed beside it; the typing stays in the input in case the choice goes back.
                values[name] = getattr(blank, name)
                continue
            try:
                values[name] = editor.value()
            except ParseError:
                bad = True  # the editor shows its own message
        if bad:
            self._focus_first_error()
            return None
        try:
            record = replace(self.base, **values)
        except (TypeError, ValueError) as exc:
            self._show_general(str(exc))
            return None
        problems = validate(record)
        if problems:
            self._show_problems(problems)
            return None
        return record

    def _show_problems(self, problems) -> None:
        general = []
        for problem in problems:
            editor = self.editors.get(problem.field)
            if editor is not None and not editor.error():
                editor.set_error(problem.message)
            elif editor is None:
                general.append(problem.message)
        if general:
            self._show_general("\n".join(general))
        self._focus_first_error()

    def _show_general(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.show()

    def _focus_first_error(self) -> None:
        for editor in self.editors.values():
            if editor.error():
                editor.focus_widget().setFocus()
                return

    def errors(self) -> dict[str, str]:
        out = {name: e.error() for name, e in self.editors.items() if e.error()}
        if self.general_error.isVisibleTo(self):
            out[""] = self.general_error.text()
        return out

    # --- saving ----------------------------------------------------------------------------------
    def save(self) -> bool:
        try:
            return self._save()
        except Exception as exc:  # noqa: BLE001 — never a silent Save: everything typed stays, the reason shows
            self._show_unexpected(exc)
            return False

    def _store(self, record: r.Record) -> Changes:
        hb = self.context.require()
        if self.cls is r.Profile:
            return hb.save_profile(record)  # type: ignore[arg-type]
        return hb.update(record) if self.original is not None else hb.add(record)

    def _show_unexpected(self, exc: Exception) -> None:
        self._show_general(_("This could not be saved: {reason}. Everything you typed is still here.").format(
            reason=str(exc) or type(exc).__name__))

    def _confirm_warnings(self, record: r.Record) -> bool:
        """Ask before saving what looks like a duplicate; True means go ahead."""
        if getattr(self, "_locking", False):
            return True
        warnings = self.context.require().soft_warnings(record)
        if not warnings:
            return True
        return messages.ask(self, _("Check before saving"), "\n".join(warnings), _("Save anyway"), _("Go back"))

    def _checked_store(self, record: r.Record) -> Changes | None:
        """Confirm warnings, then save; problems are shown in the dialog (None = nothing was saved)."""
        if not self._confirm_warnings(record):
            return None
        try:
            hb = self.context.require()
            if not hb.file_present():
                raise VaultError(_("The vault file was moved or deleted while open. Nothing was saved here; "
                                   "save a copy of the vault from the warning in the main window."))
            return self._store(record)
        except ValidationError as exc:
            self._show_problems(exc.problems)
        except VaultError as exc:
            self._show_general(str(exc))
        return None

    def _save(self) -> bool:
        record = self.collect()
        if record is None:
            return False
        if self.original is not None and record == self.original:
            self.accept()
            return True
        changes = self._checked_store(record)
        if changes is None:
            return False
        self.saved_changes = changes
        self.accept()
        self.context.notify(changes)
        return True

    def save_and_continue(self) -> bool:
        """Save a new record without closing, so attachments can be added to it."""
        try:
            return self._save_and_continue()
        except Exception as exc:  # noqa: BLE001 — as in save()
            self._show_unexpected(exc)
            return False

    def _save_and_continue(self) -> bool:
        if self.original is not None:
            return True
        record = self.collect()
        if record is None:
            return False
        changes = self._checked_store(record)
        if changes is None:
            return False
        saved = changes.record if isinstance(changes.record, r.Record) else replace(record, id=changes.ids[0])
        self.guard.created = True  # Cancel now removes this record again (after asking)
        self.original = saved
        self.base = saved
        self.saved_changes = changes
        if self.save_first_button is not None:
            self.save_first_button.hide()
        if self.attachments is not None:
            self.attachments.set_owner(saved)
        if self.attachments_box is not None:
            self.attachments_box.show()
            self.fit_height()
        self.retranslate()
        self.context.notify(changes)
        return True

    def save_pending(self) -> bool:
        """Before a lock: keep what was typed if it can be saved (and differs from what is stored)."""
        if self.result() or not self.isVisible():
            return False
        record = self.collect()
        if record is None or (self.original is not None and record == self.original):
            return False
        # A lock must never wait on a question: keep the typing (a possible duplicate is visible later).
        self._locking = True
        try:
            return self.save()
        finally:
            self._locking = False

    def show_history(self) -> None:
        from handbook_app.ui.dialogs.history_dialog import HistoryDialog

        if self.original is None or self.original.id is None:
            return
        HistoryDialog(self.context, self.cls, self.original.id, self).open()


def open_profile(context: AppContext, parent: QWidget | None = None) -> RecordDialog | None:
    """The trainee's own details (name, birth date, home province…): the evidence pack's cover uses them."""
    hb = context.handbook
    if hb is None or not hb.is_open:
        return None
    try:
        profile = hb.profile()
    except VaultError:
        profile = None
    dialog = RecordDialog(r.Profile, profile, context, parent)
    dialog.open()
    return dialog
