"""Reports: choose what goes into a PDF, preview it in memory, save it or print it, and see every
earlier handover.

The PDF is made by services.reports (ReportLab stays behind the service); page images for the preview
and for printing come from services.report_preview (PDFium, in memory, no temp file).
A saved or printed PDF is recorded in the audit chain as a handover; a preview records nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidgetItem,
    QProgressDialog,
    QTreeWidgetItem,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.i18n import N_, _
from handbook_app.i18n.formatting import (
    ParseError,
    format_date,
    format_datetime,
    format_month,
)
from handbook_app.services.changes import Changes
from handbook_app.services.errors import VaultError
from handbook_app.services.report_preview import (
    HandoverRow,
    PreviewDocument,
    handovers,
)
from handbook_app.services.reports import (
    REPORT_KINDS,
    ReportOptions,
    ReportResult,
    untranslated_incidents,
)
from handbook_app.ui.context import AppContext
from handbook_app.ui.models.record_model import money
from handbook_app.ui.screens.base import Screen
from handbook_app.ui.screens.reports_screen_actions import ReportActions
from handbook_app.ui.screens.reports_screen_build import (
    HANDOVER_KINDS,
    ID_ROLE,
    KIND_ROLE,
    RECORD_GROUPS,
    build,
)
from handbook_app.ui.screens.reports_screen_texts import retranslate, update_warning


class _Bridge(QObject):
    """Carries progress from the worker thread to the GUI thread (queued signal)."""

    progress = Signal(int, int)


class ReportsScreen(ReportActions, Screen):
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
        build(self)

    # ------------------------------------------------------------------ texts
    def retranslate(self, *_args: object) -> None:
        retranslate(self)

    def _update_warning(self) -> None:
        update_warning(self)

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
        self._load_untranslated()
        self._load_handovers()

    def on_changed(self, changes: Changes) -> None:
        if self.context.handbook is None:
            return
        if changes.touches("audit"):
            self._load_handovers()
        if changes.touches(*(cls.KIND for cls, _title in RECORD_GROUPS)):
            self._load_records()
        if changes.touches(r.Incident.KIND):
            self._load_untranslated()

    def _load_untranslated(self) -> None:
        hb = self.context.handbook
        try:
            self._untranslated = untranslated_incidents(hb) if hb is not None else []
        except VaultError:
            self._untranslated = []
        self.fill_untranslated()

    def fill_untranslated(self) -> None:
        items = getattr(self, "_untranslated", [])
        self.untranslated_list.clear()
        for inc in items:
            item = QListWidgetItem("{date} — {title}".format(date=format_date(inc.started),
                                                              title=inc.title or _("(no title)")))
            item.setData(ID_ROLE, inc.id)
            item.setToolTip(_("Open this incident to add a translation"))
            self.untranslated_list.addItem(item)
        if items:
            self.untranslated_hint.setText(_("{count} incidents have no translation: the PDF prints them in the "
                                             "original language with a note. Click one to add the translation.")
                                           .format(count=len(items)))
        else:
            self.untranslated_hint.setText(_("Every incident has a translation."))
        self.untranslated_list.setVisible(bool(items))

    def open_untranslated(self, item: QListWidgetItem):
        """Open the incident's own dialog (the same one the Incidents screen opens)."""
        from handbook_app.ui.dialogs.record_dialog import RecordDialog

        hb = self.context.handbook
        if hb is None or item is None:
            return None
        incident = hb.record(r.Incident, item.data(ID_ROLE))
        if incident is None:
            return None
        dialog = RecordDialog(r.Incident, incident, self.context, self.window())
        self.edit_dialog = dialog
        self.context.track(dialog)  # closed on lock and quick exit like every dialog
        dialog.open()
        return dialog

    def _load_records(self) -> None:
        hb = self.context.handbook
        excluded = self.excluded()
        not_full = self._not_in_full()
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
                if cls is r.Incident:  # printed in full when "chosen in the list" is picked
                    child.setCheckState(1, Qt.CheckState.Unchecked if rec.id in not_full else Qt.CheckState.Checked)
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

    def _incident_items(self):
        for g in range(self.records_tree.topLevelItemCount()):
            group = self.records_tree.topLevelItem(g)
            for c in range(group.childCount()):
                child = group.child(c)
                if child.data(0, KIND_ROLE) == r.Incident.KIND:
                    yield child

    def _not_in_full(self) -> set[int]:
        return {c.data(0, ID_ROLE) for c in self._incident_items() if c.checkState(1) == Qt.CheckState.Unchecked}

    def in_full(self) -> frozenset[int]:
        """The incidents ticked "in full" (used when the choice is "chosen in the list of records")."""
        return frozenset(c.data(0, ID_ROLE) for c in self._incident_items() if c.checkState(1) == Qt.CheckState.Checked)

    def set_in_full(self, row_id: int, full: bool) -> None:
        for child in self._incident_items():
            if child.data(0, ID_ROLE) == row_id:
                child.setCheckState(1, Qt.CheckState.Checked if full else Qt.CheckState.Unchecked)

    def _detail_changed(self, _index: int = 0) -> None:
        self.records_tree.setColumnHidden(1, self.detail_combo.currentData() != "selected")

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
            incident_detail=self.detail_combo.currentData(), transactions=self.transactions_box.isChecked(),
            detail_ids=self.in_full(),
        )

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
        self._untranslated = []
        self.fill_untranslated()
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
