"""Reports: choose what goes into a PDF, preview it in memory, save it or print it, and see every
earlier handover.

The PDF is made by services.reports (ReportLab stays behind the service); page images for the preview
and for printing come from services.report_preview (Poppler's pdftoppm through pipes, no temp file).
A saved or printed PDF is recorded in the audit chain as a handover; a preview records nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.i18n import LANGUAGE_NAMES, N_, _
from handbook_app.i18n.formatting import (
    ParseError,
    format_date,
    format_datetime,
    format_month,
    join_sentences,
)
from handbook_app.services.changes import Changes
from handbook_app.services.errors import VaultError
from handbook_app.services.report_preview import (
    HandoverRow,
    PreviewDocument,
    RenderError,
    handovers,
    rasteriser_available,
    record_print,
)
from handbook_app.services.reports import (
    REPORT_KINDS,
    SECTIONS,
    ReportCancelled,
    ReportOptions,
    ReportResult,
    export_report,
    preview_report,
)
from handbook_app.ui import file_dialogs, messages
from handbook_app.ui.context import AppContext
from handbook_app.ui.models.record_model import money
from handbook_app.ui.palette import warning_box_style
from handbook_app.ui.screens.base import Screen
from handbook_app.ui.widgets.date_edit import DateEdit
from handbook_app.ui.widgets.field import error_label
from handbook_app.ui.worker import run_async

LANG_CODES = ("vi", "ja", "en")
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PRINT_DPI = 150
# The records a user can leave out, as groups in the list (kind, group title).
RECORD_GROUPS = (
    (r.Incident, N_("Incidents")),
    (r.Payslip, N_("Payslips")),
    (r.Remittance, N_("Remittances")),
    (r.Attachment, N_("Attachments")),
)
HANDOVER_HEADERS = (N_("When"), N_("What"), N_("Pages"), N_("Given to"), N_("Password"), N_("SHA-256 of the file"))
HANDOVER_KINDS = {"pdf": N_("PDF saved"), "print": N_("Printed"), "json": N_("JSON export")}


class _Bridge(QObject):
    """Carries progress from the worker thread to the GUI thread (queued signal)."""

    progress = Signal(int, int)


class ReportsScreen(Screen):
    TITLE = N_("Reports")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("reportsScreen")
        self._bridge = _Bridge(self)
        self._bridge.progress.connect(self._on_progress)
        self._cancel = False
        self._busy = False
        self._generation = 0  # bumped on lock: a late result from before the lock is dropped
        self.progress_dialog: QProgressDialog | None = None
        self.preview_dialog = None
        self.last_result: ReportResult | None = None
        self.last_preview: PreviewDocument | None = None
        self._handovers: list[HandoverRow] = []
        self._status: tuple[str, dict] | None = None  # (message id, values): re-set on language change
        self._build()
        self.retranslate()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        outer.addWidget(self.heading)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        scroll.setWidget(body)
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        outer.addWidget(scroll, 1)

        # what: report, languages, period
        self.what_group = QGroupBox(body)
        form = QFormLayout(self.what_group)
        self.kind_combo = QComboBox(self.what_group)
        self.kind_combo.setObjectName("reportKind")
        for key in REPORT_KINDS:
            self.kind_combo.addItem("", key)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.lang1 = QComboBox(self.what_group)
        self.lang1.setObjectName("firstLanguage")
        self.lang2 = QComboBox(self.what_group)
        self.lang2.setObjectName("secondLanguage")
        for code in LANG_CODES:
            self.lang1.addItem(LANGUAGE_NAMES[code], code)
            self.lang2.addItem(LANGUAGE_NAMES[code], code)
        self.lang2.addItem("", "")  # only one language
        self.lang1.setCurrentIndex(self.lang1.findData("vi"))
        self.lang2.setCurrentIndex(self.lang2.findData("ja"))
        self.lang1.currentIndexChanged.connect(self._langs_changed)
        self.lang2.currentIndexChanged.connect(self._langs_changed)
        self.date_from = DateEdit(optional=True, parent=self.what_group)
        self.date_from.setObjectName("dateFrom")
        self.date_to = DateEdit(optional=True, parent=self.what_group)
        self.date_to.setObjectName("dateTo")
        self.kind_label, self.lang1_label, self.lang2_label = QLabel(), QLabel(), QLabel()
        self.from_label, self.to_label = QLabel(), QLabel()
        self.kind_label.setBuddy(self.kind_combo)
        self.lang1_label.setBuddy(self.lang1)
        self.lang2_label.setBuddy(self.lang2)
        self.from_label.setBuddy(self.date_from.edit)
        self.to_label.setBuddy(self.date_to.edit)
        self.lang_hint = QLabel(self.what_group)
        self.lang_hint.setWordWrap(True)
        self.lang_hint.setObjectName("hint")
        form.addRow(self.kind_label, self.kind_combo)
        form.addRow(self.lang1_label, self.lang1)
        form.addRow(self.lang2_label, self.lang2)
        form.addRow(self.lang_hint)
        form.addRow(self.from_label, self.date_from)
        form.addRow(self.to_label, self.date_to)
        left.addWidget(self.what_group)

        # sections of the evidence pack
        self.sections_group = QGroupBox(body)
        grid = QGridLayout(self.sections_group)
        self.section_boxes: dict[str, QCheckBox] = {}
        for i, key in enumerate(SECTIONS):
            box = QCheckBox(self.sections_group)
            box.setObjectName(f"section_{key}")
            box.setChecked(True)
            self.section_boxes[key] = box
            grid.addWidget(box, i // 2, i % 2)
        left.addWidget(self.sections_group)

        # privacy
        self.privacy_group = QGroupBox(body)
        privacy = QVBoxLayout(self.privacy_group)
        self.mask_box = QCheckBox(self.privacy_group)
        self.mask_box.setObjectName("maskThirdParties")
        self.hide_name_box = QCheckBox(self.privacy_group)
        self.hide_name_box.setObjectName("hideName")
        self.images_box = QCheckBox(self.privacy_group)
        self.images_box.setObjectName("images")
        self.images_box.setChecked(True)
        self.full_images_box = QCheckBox(self.privacy_group)
        self.full_images_box.setObjectName("fullImages")
        self.images_box.toggled.connect(self._images_toggled)
        for box in (self.mask_box, self.hide_name_box, self.images_box, self.full_images_box):
            privacy.addWidget(box)
        self.free_text_note = QLabel(self.privacy_group)
        self.free_text_note.setWordWrap(True)
        self.free_text_note.setObjectName("hint")
        privacy.addWidget(self.free_text_note)
        left.addWidget(self.privacy_group)

        # password and recipient
        self.protect_group = QGroupBox(body)
        protect = QFormLayout(self.protect_group)
        self.password = QLineEdit(self.protect_group)
        self.password.setObjectName("pdfPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit(self.protect_group)
        self.password_again.setObjectName("pdfPasswordAgain")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_password = QToolButton(self.protect_group)
        self.show_password.setObjectName("pdfPasswordShow")
        self.show_password.setCheckable(True)
        self.show_password.toggled.connect(self._show_password)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.show_password)
        self.password_error = error_label(self.protect_group, "passwordError")
        self.recipient = QLineEdit(self.protect_group)
        self.recipient.setObjectName("recipient")
        self.password_label, self.again_label, self.recipient_label = QLabel(), QLabel(), QLabel()
        self.password_label.setBuddy(self.password)
        self.again_label.setBuddy(self.password_again)
        self.recipient_label.setBuddy(self.recipient)
        protect.addRow(self.password_label, row)
        protect.addRow(self.again_label, self.password_again)
        protect.addRow(self.password_error)
        protect.addRow(self.recipient_label, self.recipient)
        for edit in (self.password, self.password_again):
            edit.textChanged.connect(self._password_edited)
        left.addStretch(1)

        # records to include
        self.records_group = QGroupBox(body)
        records = QVBoxLayout(self.records_group)
        self.records_hint = QLabel(self.records_group)
        self.records_hint.setWordWrap(True)
        self.records_tree = QTreeWidget(self.records_group)
        self.records_tree.setObjectName("records")
        self.records_tree.setHeaderHidden(True)
        self.records_tree.setMinimumHeight(220)
        self.records_tree.itemChanged.connect(self._record_toggled)
        records.addWidget(self.records_hint)
        records.addWidget(self.records_tree, 1)
        right.addWidget(self.records_group, 3)
        right.addWidget(self.protect_group)

        # earlier handovers
        self.handovers_group = QGroupBox(body)
        hlayout = QVBoxLayout(self.handovers_group)
        self.handovers_empty = QLabel(self.handovers_group)
        self.handovers_empty.setWordWrap(True)
        self.handovers_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.handover_list = QTreeWidget(self.handovers_group)
        self.handover_list.setObjectName("handovers")
        self.handover_list.setColumnCount(len(HANDOVER_HEADERS))
        self.handover_list.setRootIsDecorated(False)
        self.handover_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.handover_list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.handover_list.setMinimumHeight(150)
        hlayout.addWidget(self.handovers_empty)
        hlayout.addWidget(self.handover_list, 1)
        right.addWidget(self.handovers_group, 2)

        # the warning, the actions and the outcome stay in view below the scrolling choices
        self.warning = QLabel(self)
        self.warning.setObjectName("pdfWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(warning_box_style())
        outer.addWidget(self.warning)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("previewButton")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printButton")
        self.print_button.setEnabled(rasteriser_available())
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_report)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        outer.addWidget(self.status)
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save, context=ctx)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_report, context=ctx)

    # ------------------------------------------------------------------ texts
    def retranslate(self, *_args: object) -> None:
        self.heading.setText("<h2>{}</h2>".format(_("Reports")))
        self.what_group.setTitle(_("What to make"))
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, _(REPORT_KINDS[self.kind_combo.itemData(i)]))
        self.kind_combo.setAccessibleName(_("Report"))
        self.kind_label.setText(_("Report:"))
        self.lang1_label.setText(_("First language:"))
        self.lang2_label.setText(_("Second language:"))
        self.lang2.setItemText(self.lang2.count() - 1, _("(none — one language only)"))
        self.lang1.setAccessibleName(_("First language"))
        self.lang2.setAccessibleName(_("Second language"))
        self.lang_hint.setText(_("Every label is printed in both languages; money and dates are written the way "
                                 "the first language writes them."))
        self.from_label.setText(_("From:"))
        self.to_label.setText(_("To:"))
        self.date_from.edit.setAccessibleName(_("Period from (empty: from the first record)"))
        self.date_to.edit.setAccessibleName(_("Period to (empty: up to today)"))
        self.date_from.retranslate()
        self.date_to.retranslate()
        self.sections_group.setTitle(_("Sections"))
        for key, box in self.section_boxes.items():
            box.setText(_(SECTIONS[key]))
        self.privacy_group.setTitle(_("Privacy"))
        self.mask_box.setText(_("Hide names and addresses of other people"))
        self.mask_box.setToolTip(_("Witnesses, people involved, guarantors, relatives who lent money, recipients "
                                   "of transfers and the employer's address. Employers and organisations are "
                                   "always shown."))
        self.hide_name_box.setText(_("Leave out my name"))
        self.images_box.setText(_("Include small pictures of image attachments"))
        self.full_images_box.setText(_("Also each image at full page width"))
        # the record list is beside these choices (to the right, or below in a narrow window): name it, not a side
        self.free_text_note.setText(_("Descriptions and notes are printed as written. To keep a name out of them, "
                                      "untick the record under “{records}” or edit it first.").format(
            records=_("Records in the report")))
        self.protect_group.setTitle(_("Password and handover"))
        self.password_label.setText(_("PDF password (optional):"))
        self.again_label.setText(_("The same again:"))
        self.password.setAccessibleName(_("PDF password"))
        self.password_again.setAccessibleName(_("PDF password again"))
        self.password.setPlaceholderText(_("Empty: no password"))
        self.show_password.setText(_("Show"))
        self.show_password.setAccessibleName(_("Show the password"))
        self.recipient_label.setText(_("Given to:"))
        self.recipient.setAccessibleName(_("To whom the PDF is given"))
        self.recipient.setPlaceholderText(_("for example: the union, a lawyer (kept in the history)"))
        self.records_group.setTitle(_("Records in the report"))
        self.records_hint.setText(_("Untick what should stay private. Attachments of a record that is left out "
                                    "are left out too."))
        self.records_tree.setAccessibleName(_("Records in the report; untick to leave out"))
        self.handovers_group.setTitle(_("Earlier handovers"))
        self.handovers_empty.setText(_("No PDF has been saved or printed from this record yet."))
        self.handover_list.setHeaderLabels([_(h) for h in HANDOVER_HEADERS])
        self.handover_list.setAccessibleName(_("Earlier handovers"))
        self.preview_button.setText(_("Preview"))
        self.preview_button.setAccessibleName(_("Preview the report"))
        self.preview_button.setToolTip(_("See the pages here first. Nothing is saved or recorded."))
        self.save_button.setText(_("Save PDF…"))
        self.save_button.setAccessibleName(_("Save the report as a PDF file"))
        self.save_button.setToolTip(_("Choose where to save the PDF (Ctrl+S). The handover is recorded in the "
                                      "history."))
        self.print_button.setText(_("Print…"))
        self.print_button.setAccessibleName(_("Print the report"))
        if rasteriser_available():
            self.print_button.setToolTip(_("Print on paper (Ctrl+P). The handover is recorded in the history."))
        else:
            self.print_button.setToolTip(_("Printing needs the program pdftoppm (Poppler), which is not installed. "
                                           "Save the PDF and print it from a PDF reader instead."))
        self._fill_record_labels()
        self._fill_handovers()
        self._update_warning()
        self._show_status()

    def _update_warning(self) -> None:
        text = _("The PDF is not protected by the vault: anyone who gets the file can read it. Give it only to "
                 "someone you trust, and delete copies you no longer need.")
        if self.password.text():
            text = join_sentences([text, _("With a password, the file can only be opened with it: give the password "
                                           "separately, for example by phone, never in the same message as the file.")])
        self.warning.setText(text)

    # ------------------------------------------------------------------ reactions
    def _kind_changed(self, _index: int = 0) -> None:
        evidence = self.kind_combo.currentData() == "evidence"
        self.sections_group.setEnabled(evidence)
        self.images_box.setEnabled(evidence)
        self.full_images_box.setEnabled(evidence and self.images_box.isChecked())

    def _images_toggled(self, on: bool) -> None:
        self.full_images_box.setEnabled(on and self.images_box.isEnabled())
        if not on:
            self.full_images_box.setChecked(False)

    def _langs_changed(self, _index: int = 0) -> None:
        first = self.lang1.currentData()
        if self.lang2.currentData() == first:  # the same twice: put the usual partner second
            self.lang2.blockSignals(True)
            self.lang2.setCurrentIndex(self.lang2.findData("vi" if first == "ja" else "ja"))
            self.lang2.blockSignals(False)

    def _show_password(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password.setEchoMode(mode)
        self.password_again.setEchoMode(mode)

    def _password_edited(self, _text: str = "") -> None:
        self.password_error.hide()
        self._update_warning()

    def _record_toggled(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.last_preview = None

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        self._load_records()
        self._load_handovers()

    def on_changed(self, changes: Changes) -> None:
        if self.context.handbook is None:
            return
        if changes.touches("audit"):
            self._load_handovers()
        if changes.touches(*(cls.KIND for cls, _title in RECORD_GROUPS)):
            self._load_records()

    def _load_records(self) -> None:
        hb = self.context.handbook
        excluded = self.excluded()
        self.records_tree.blockSignals(True)
        self.records_tree.clear()
        if hb is None:
            self.records_tree.blockSignals(False)
            return
        for cls, title in RECORD_GROUPS:
            try:
                items = hb.records(cls, "id")
            except VaultError:
                items = []
            group = QTreeWidgetItem(self.records_tree)
            group.setData(0, KIND_ROLE, cls.KIND)
            group.setData(0, ID_ROLE, title)
            group.setFlags(group.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            for rec in items:
                child = QTreeWidgetItem(group)
                child.setData(0, KIND_ROLE, cls.KIND)
                child.setData(0, ID_ROLE, rec.id)
                child.setData(0, Qt.ItemDataRole.UserRole + 2, rec)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Unchecked if (cls.KIND, rec.id) in excluded
                                    else Qt.CheckState.Checked)
            if not items:
                group.setCheckState(0, Qt.CheckState.Checked)
                group.setDisabled(True)
            group.setExpanded(cls.KIND in ("incident", "attachment"))
        self._fill_record_labels()
        self.records_tree.blockSignals(False)

    def _fill_record_labels(self) -> None:
        self.records_tree.blockSignals(True)
        for g in range(self.records_tree.topLevelItemCount()):
            group = self.records_tree.topLevelItem(g)
            count = group.childCount()
            group.setText(0, f"{_(group.data(0, ID_ROLE))} ({count})")
            for c in range(count):
                child = group.child(c)
                child.setText(0, self._record_label(child.data(0, Qt.ItemDataRole.UserRole + 2)))
        self.records_tree.blockSignals(False)

    @staticmethod
    def _record_label(rec: r.Record) -> str:
        if isinstance(rec, r.Incident):
            return "{date} — {title}".format(date=format_date(rec.started), title=rec.title or _("(no title)"))
        if isinstance(rec, r.Payslip):
            return _("Payslip for {month}").format(month=format_month(rec.month))
        if isinstance(rec, r.Remittance):
            return f"{format_date(rec.date)} — {money(rec.sent)}"
        if isinstance(rec, r.Attachment):
            owner = r.RECORD_TYPES.get(rec.owner_kind)
            owner_text = _(owner.LABEL) if owner is not None else rec.owner_kind
            return f"{rec.name} ({owner_text} #{rec.owner_id})"
        return f"#{rec.id}"

    def excluded(self) -> frozenset[tuple[str, int]]:
        out = set()
        for g in range(self.records_tree.topLevelItemCount()):
            group = self.records_tree.topLevelItem(g)
            for c in range(group.childCount()):
                child = group.child(c)
                if child.checkState(0) != Qt.CheckState.Checked:
                    out.add((child.data(0, KIND_ROLE), child.data(0, ID_ROLE)))
        return frozenset(out)

    def set_record_included(self, kind: str, row_id: int, included: bool) -> None:
        for g in range(self.records_tree.topLevelItemCount()):
            group = self.records_tree.topLevelItem(g)
            for c in range(group.childCount()):
                child = group.child(c)
                if child.data(0, KIND_ROLE) == kind and child.data(0, ID_ROLE) == row_id:
                    child.setCheckState(0, Qt.CheckState.Checked if included else Qt.CheckState.Unchecked)

    def _load_handovers(self) -> None:
        hb = self.context.handbook
        try:
            self._handovers = handovers(hb) if hb is not None else []
        except VaultError:
            self._handovers = []
        self._fill_handovers()

    def _fill_handovers(self) -> None:
        self.handover_list.clear()
        for h in self._handovers:
            what = _(HANDOVER_KINDS.get(h.kind, h.kind))
            if h.report:
                what += " — " + _(REPORT_KINDS.get(h.report, h.report))
            if h.langs:
                what += " (" + " + ".join(h.langs) + ")"
            item = QTreeWidgetItem([
                format_datetime(h.at, fmt="short"), what, str(h.pages) if h.pages else "—",
                h.recipient or "—", _("Yes") if h.password else _("No"), h.sha256 or "—",
            ])
            item.setToolTip(1, h.file or what)
            item.setToolTip(5, h.sha256)
            self.handover_list.addTopLevelItem(item)
        self.handovers_empty.setVisible(not self._handovers)
        self.handover_list.setVisible(bool(self._handovers))

    def handover_texts(self) -> list[list[str]]:
        return [[self.handover_list.topLevelItem(i).text(c) for c in range(self.handover_list.columnCount())]
                for i in range(self.handover_list.topLevelItemCount())]

    # ------------------------------------------------------------------ options
    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def set_langs(self, first: str, second: str = "") -> None:
        self.lang1.setCurrentIndex(self.lang1.findData(first))
        self.lang2.setCurrentIndex(self.lang2.findData(second))

    def build_options(self, with_password: bool = True) -> ReportOptions | None:
        """The choices as ReportOptions, or None after showing what is wrong next to it."""
        problem = False
        try:
            start = self.date_from.value()
        except ParseError:
            start, problem = None, True
        try:
            end = self.date_to.value()
        except ParseError:
            end, problem = None, True
        if start and end and start > end:
            self.date_to.set_error(_("The end of the period is before its start."))
            problem = True
        password = self.password.text()
        if with_password and password != self.password_again.text():
            self.password_error.setText(_("The two passwords are not the same. Nothing was saved."))
            self.password_error.show()
            self.password_again.setFocus()
            problem = True
        if problem:
            self._set_status(None)
            return None
        langs = tuple(x for x in (self.lang1.currentData(), self.lang2.currentData()) if x)
        sections = frozenset(k for k, box in self.section_boxes.items() if box.isChecked())
        return ReportOptions(
            langs=langs, date_from=start, date_to=end, sections=sections, exclude=self.excluded(),
            mask_third_parties=self.mask_box.isChecked(), show_trainee_name=not self.hide_name_box.isChecked(),
            images=self.images_box.isChecked(),
            full_images=self.images_box.isChecked() and self.full_images_box.isChecked(),
            password=(password or None) if with_password else None, recipient=self.recipient.text().strip(),
        )

    # ------------------------------------------------------------------ running work
    def _start(self, label: str, work, on_done) -> None:
        """Run `work(progress, cancelled)` off the GUI thread with a progress dialog and Cancel."""
        if self._busy:
            return
        self._busy = True
        self._cancel = False
        generation = self._generation
        self._set_buttons_enabled(False)
        dialog = QProgressDialog(label, _("Cancel"), 0, 100, self)
        dialog.setObjectName("reportProgress")
        dialog.setWindowTitle(_("Reports"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.setValue(0)
        self.progress_dialog = dialog  # not context-tracked: it is deleted when the work ends; clear() closes it
        bridge = self._bridge

        def progress(done: int, total: int) -> None:  # worker thread
            bridge.progress.emit(done, total)

        def finish() -> bool:
            self._busy = False
            self._set_buttons_enabled(True)
            if self.progress_dialog is dialog:
                self.progress_dialog = None
            dialog.canceled.disconnect(self.cancel)
            dialog.close()
            dialog.deleteLater()
            return generation == self._generation

        def done(result) -> None:
            if finish():
                on_done(result)

        def failed(exc: Exception) -> None:
            if finish():
                self._failed(exc)

        run_async(lambda: work(progress, lambda: self._cancel), done, failed)

    def busy(self) -> bool:
        return self._busy

    def cancel(self) -> None:
        self._cancel = True
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(_("Stopping…"))

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress_dialog is not None and total:
            self.progress_dialog.setValue(max(0, min(100, round(100 * done / total))))

    def _set_buttons_enabled(self, on: bool) -> None:
        self.preview_button.setEnabled(on)
        self.save_button.setEnabled(on)
        self.print_button.setEnabled(on and rasteriser_available())

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ReportCancelled):
            self._set_status(N_("Cancelled. No file was written and nothing was recorded."))
        elif isinstance(exc, (VaultError, RenderError)):
            self._set_status(None)
            messages.error(self, str(exc))
        elif isinstance(exc, ValueError):  # options the reports layer refused
            self._set_status(None)
            messages.error(self, _("These choices cannot be used: {reason}").format(reason=exc))
        else:
            self._set_status(None)
            messages.error(self, _("The PDF could not be made: {reason}").format(reason=exc))

    # ------------------------------------------------------------------ preview
    def preview(self) -> None:
        hb = self.context.handbook
        options = self.build_options(with_password=False)  # the preview never leaves memory
        if hb is None or options is None:
            return
        kind = self.kind()
        self._set_status(None)
        self._start(_("Preparing the preview…"),
                    lambda progress, cancelled: preview_report(hb, kind, options, progress, cancelled),
                    lambda pv: self._show_preview(kind, pv))

    def _show_preview(self, kind: str, pv) -> None:
        from handbook_app.ui.dialogs.report_preview import ReportPreviewDialog

        document = PreviewDocument(pv.data, pv.pages, pv.missing_glyphs)
        self.last_preview = document
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        dialog = ReportPreviewDialog(document, _(REPORT_KINDS[kind]), self,
                                     print_callback=self.print_report if document.can_render else None)
        self.preview_dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._preview_closed(d))
        self.context.track(dialog)
        dialog.show()

    def _preview_closed(self, dialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
        if self.last_preview is dialog.document:
            self.last_preview = None

    # ------------------------------------------------------------------ save
    def suggested_name(self) -> str:
        # File names in the user's language (translators: short, without any of / \\ : * ? " < > |).
        names = {"evidence": _("evidence-pack"), "debt-summary": _("debt-summary"), "shortfall": _("wage-shortfall")}
        return "{name}-{day}.pdf".format(name=names.get(self.kind(), _("report")), day=dt.date.today().isoformat())

    def save(self) -> None:
        hb = self.context.handbook
        if hb is None or self._busy:
            return
        options = self.build_options()
        if options is None:
            return
        path = file_dialogs.save_file(
            self, _("Save the report as PDF"), str(Path.home() / self.suggested_name()), _("PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        kind = self.kind()
        self._set_status(None)
        self._saving_protected = bool(options.password)
        self._start(_("Making the PDF…"),
                    lambda progress, cancelled: export_report(hb, kind, path, options, progress, cancelled),
                    self._saved)

    def _saved(self, result: ReportResult) -> None:
        self.last_result = result
        self.password.clear()
        self.password_again.clear()
        protected = getattr(self, "_saving_protected", False)
        self._saving_protected = False
        # The password boxes are empty again, so the banner above says "not protected" for the next file:
        # say plainly that this one has its password.
        extra = (N_("This file is protected with the password you chose."),) if protected else ()
        values = {"path": str(result.path), "pages": result.pages, "sha256": result.sha256}
        if result.missing_glyphs:
            values["chars"] = ", ".join(result.missing_glyphs)
            self._set_status(N_("Saved {path} — {pages} pages. SHA-256: {sha256}. The handover was recorded in "
                                "the history. Some characters have no font and show as “�”: {chars}"), values, extra)
        else:
            self._set_status(N_("Saved {path} — {pages} pages. SHA-256: {sha256}. The handover was recorded in "
                                "the history."), values, extra)
        self.context.notify(Changes(frozenset({"audit"})))

    # ------------------------------------------------------------------ print
    def print_report(self) -> None:
        hb = self.context.handbook
        if hb is None or self._busy or not rasteriser_available():
            return
        options = self.build_options(with_password=False)  # paper has no password
        if options is None:
            return
        kind = self.kind()
        if self.last_preview is not None and self.preview_dialog is not None and self.last_preview.data:
            self._choose_printer(kind, options, self.last_preview)
            return
        self._start(_("Preparing the pages…"),
                    lambda progress, cancelled: preview_report(hb, kind, options, progress, cancelled),
                    lambda pv: self._choose_printer(kind, options,
                                                    PreviewDocument(pv.data, pv.pages, pv.missing_glyphs)))

    def _choose_printer(self, kind: str, options: ReportOptions, document: PreviewDocument) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(_(REPORT_KINDS[kind]))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the report"))
        self.context.track(dialog)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer, kind, options, document)

    def print_to(self, printer, kind: str, options: ReportOptions, document: PreviewDocument) -> int:
        """Draw each page image on `printer`; record the handover. Returns the pages printed."""
        from PySide6.QtGui import QImage, QPainter
        from PySide6.QtPrintSupport import QPrinter

        hb = self.context.handbook
        if hb is None:
            return 0
        progress = QProgressDialog(_("Printing…"), _("Cancel"), 0, document.pages, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.context.track(progress)
        painter = QPainter()
        if not painter.begin(printer):
            progress.close()
            messages.error(self, _("The printer could not be started."))
            return 0
        printed = 0
        dpi = min(PRINT_DPI, max(72, printer.resolution()))
        try:
            for index, png in document.page_images(dpi, cancelled=progress.wasCanceled):
                if index:
                    printer.newPage()
                image = QImage.fromData(png, "PNG")
                area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                area.moveTo(0, 0)
                scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                x = (area.width() - scaled.width()) // 2
                painter.drawImage(QPoint(x, 0), image.scaled(
                    scaled, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
                printed += 1
                progress.setValue(printed)
                QApplication.processEvents()
        except RenderError as exc:
            painter.end()
            progress.close()
            messages.error(self, str(exc))
            return 0
        cancelled = progress.wasCanceled()
        if cancelled:
            printer.abort()
        painter.end()
        progress.close()
        if cancelled:
            self._set_status(N_("Printing was cancelled. Nothing was recorded."))
            return 0
        try:
            changes = record_print(hb, kind, options, document.data, printed)
        except VaultError as exc:
            messages.error(self, str(exc))
            return printed
        self._set_status(N_("Sent {pages} pages to the printer. The handover was recorded in the history."),
                         {"pages": printed})
        self.context.notify(changes)
        return printed

    # ------------------------------------------------------------------ status line
    def _set_status(self, message: str | None, values: dict | None = None, extra: tuple[str, ...] = ()) -> None:
        """`message` and any `extra` sentences are English msgids, translated when shown (and on a switch)."""
        self._status = (message, values or {}, extra) if message else None
        self._show_status()

    def _show_status(self) -> None:
        if self._status is None:
            self.status.clear()
            self.status.hide()
            return
        message, values, extra = self._status
        self.status.setText(join_sentences(_(m).format(**values) for m in (message, *extra)))
        self.status.show()

    # ------------------------------------------------------------------ lock
    def clear(self) -> None:
        """On lock: stop any work, close the preview, forget records, handovers, password and recipient."""
        self._generation += 1
        self._cancel = True
        if self.progress_dialog is not None:
            self.progress_dialog.close()
        if self.preview_dialog is not None:
            self.preview_dialog.close()
            self.preview_dialog = None
        if self.last_preview is not None:
            self.last_preview.forget()
            self.last_preview = None
        self.records_tree.clear()
        self._handovers = []
        self._fill_handovers()
        self.password.clear()
        self.password_again.clear()
        self.password_error.hide()
        self.recipient.clear()
        self.last_result = None
        self._set_status(None)
        self.date_from.set_value(None)
        self.date_to.set_value(None)

    def new_record(self) -> None:
        """Ctrl+N here: nothing to add; start with the report choice instead."""
        self.kind_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
