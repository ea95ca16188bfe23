"""The timeline: incidents (or every record kind together) by date, with filters for kind,
category, status, a date range and text. Double-click opens the record."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.core.wage_checks import CheckStatus
from handbook_app.i18n import N_, _, ngettext
from handbook_app.i18n.formatting import ParseError, format_date, format_money, format_month
from handbook_app.services.errors import VaultError
from handbook_app.services.timeline import KINDS, TimelineItem, build_timeline, filter_items
from handbook_app.ui.context import AppContext
from handbook_app.ui.lang import follow_language, translate_buttons
from handbook_app.ui.models.record_model import fold
from handbook_app.ui.while_open import connect_while_open
from handbook_app.ui.widgets.date_edit import DateEdit
from handbook_app.ui.widgets.table_fit import ColumnFitter, WrappingHeader

KIND_LABELS = {
    "contract_start": N_("Contract starts"), "contract_end": N_("Contract ends"), "payslip": N_("Payslip"),
    "incident": N_("Incident"), "loan": N_("Loan"), "repayment": N_("Repayment"), "remittance": N_("Remittance"),
}
# what an amount in the Details column is: a payslip's gross pay, a contract's wage per hour or month, ...
AMOUNT_LABELS = {
    "payslip": N_("Gross pay: {amount}"), "loan": N_("Borrowed: {amount}"), "repayment": N_("Repaid: {amount}"),
    "remittance": N_("Sent: {amount}"),
}
WAGE_LABELS = {"hourly": N_("Wage: {amount} an hour"), "monthly": N_("Wage: {amount} a month")}
DATE, KIND, TITLE, DETAIL, STATUS = range(5)
HEADERS = (N_("Date"), N_("Kind"), N_("What"), N_("Details"), N_("Status"))


def item_title(it: TimelineItem) -> str:
    if it.kind == "payslip":
        text = _("Payslip for {month}").format(month=format_month(it.end or it.date))
        amount = format_money(it.shortfall_yen, "JPY")
        if it.flagged and it.checked == CheckStatus.CHECKED.value:
            text += " — " + _("short {amount}").format(amount=amount)
        elif it.flagged:  # a lower bound: the month was not fully checked
            text += " — " + _("short at least {amount}").format(amount=amount)
        elif it.checked == CheckStatus.NOT_CHECKED.value:
            text += " — " + _("not checked")
        elif it.checked == CheckStatus.LOWER_BOUND.value:
            text += " — " + _("only partly checked")
        return text
    if it.kind == "incident":
        label = _(r.INCIDENT_CATEGORIES.get(it.category, it.category))
        return f"{label}: {it.title}" if it.title else label
    return it.title or _(KIND_LABELS[it.kind])


def item_detail(it: TimelineItem) -> str:
    parts = []
    if it.amount is not None and it.amount.minor:
        amount = format_money(it.amount.minor, it.amount.currency)
        label = WAGE_LABELS.get(it.wage_kind) if it.kind == "contract_start" else AMOUNT_LABELS.get(it.kind)
        parts.append(_(label).format(amount=amount) if label else amount)
    if it.kind == "incident" and it.end and it.end != it.date:
        parts.append(_("until {date}").format(date=format_date(it.end)))
    if it.detail:
        parts.append(it.detail)
    return " — ".join(parts)


class TimelineModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[TimelineItem] = []
        self._texts: dict[tuple[int, int], str] = {}

    def set_items(self, items: list[TimelineItem]) -> None:
        self.beginResetModel()
        self.items = items
        self._texts.clear()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def text(self, row: int, column: int) -> str:
        key = (row, column)
        if key not in self._texts:
            it = self.items[row]
            self._texts[key] = (
                format_date(it.date) if column == DATE else
                _(KIND_LABELS[it.kind]) if column == KIND else
                item_title(it) if column == TITLE else
                item_detail(it) if column == DETAIL else
                _(r.INCIDENT_STATUSES.get(it.status, it.status)) if it.status else ""
            )
        return self._texts[key]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        it = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == TITLE and it.flagged:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ForegroundRole and it.flagged:
            return QBrush(QColor("#b00020"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section])
        return None

    def retranslate(self) -> None:
        self._texts.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, len(HEADERS) - 1))


class TimelineDialog(QDialog):
    """`everything` False: incidents only; True: every record kind on one timeline."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, everything: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("timelineDialog")
        self.context = context
        self.everything = everything
        self.all_items: list[TimelineItem] = []
        self._folded: dict[int, str] = {}

        layout = QVBoxLayout(self)
        # two rows of labelled filters: what (record type; an incident's category and status), then when and text
        filters = QHBoxLayout()
        dates = QHBoxLayout()
        self.kind_label, self.category_label, self.status_label = QLabel(self), QLabel(self), QLabel(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kindFilter")
        self.category = QComboBox(self)
        self.category.setObjectName("categoryFilter")
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.start = DateEdit(optional=True)
        self.start.setObjectName("fromFilter")
        self.end = DateEdit(optional=True)
        self.end.setObjectName("toFilter")
        self.text = QLineEdit(self)
        self.text.setObjectName("textFilter")
        self.text.setClearButtonEnabled(True)
        self.from_label, self.to_label = QLabel(self), QLabel(self)
        for label, combo in ((self.kind_label, self.kind), (self.category_label, self.category),
                             (self.status_label, self.status)):
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(8)
        filters.addStretch(1)
        dates.addWidget(self.from_label)
        dates.addWidget(self.start)
        dates.addWidget(self.to_label)
        dates.addWidget(self.end)
        dates.addWidget(self.text, 1)
        if not everything:
            self.kind.hide()
            self.kind_label.hide()
        layout.addLayout(filters)
        layout.addLayout(dates)
        self.model = TimelineModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("timeline")
        self.view.setHorizontalHeader(WrappingHeader(self.view))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setWordWrap(False)
        # columns fit the dialog's width in every language (the first 100 rows measured, not 2,000)
        self.view.horizontalHeader().setResizeContentsPrecision(100)
        ColumnFitter(self.view, compact=(DATE, KIND, STATUS), stretch=TITLE, limit=360, follow_rows=False)
        self.view.doubleClicked.connect(self.open_item)
        layout.addWidget(self.view, 1)
        self.count = QLabel(self)
        self.count.setObjectName("count")
        layout.addWidget(self.count)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.retranslate()
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        for combo in (self.category, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self._show_incident_filters()
        self.text.textChanged.connect(lambda _t: self.apply_filters())
        for edit in (self.start, self.end):
            edit.edit.editingFinished.connect(self.apply_filters)
            edit.calendar.clicked.connect(lambda _d: self.apply_filters())
        self.load()
        self.resize(1000, 620)
        context.track(self)
        connect_while_open(self, context.changed, self._changed)
        follow_language(self, self.retranslate)

    def done(self, result: int) -> None:
        self.model.set_items([])
        self.all_items = []
        super().done(result)

    def _fill(self, combo: QComboBox, first: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(first, None)
        for key, label in items:
            combo.addItem(label, key)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(_("Timeline of everything") if self.everything else _("Incident timeline"))
        self._fill(self.kind, _("All record types"), [(k, _(KIND_LABELS[k])) for k in KINDS])
        self._fill(self.category, _("All incident categories"),
                   [(k, _(v)) for k, v in r.INCIDENT_CATEGORIES.items()])
        self._fill(self.status, _("Any status"), [(k, _(v)) for k, v in r.INCIDENT_STATUSES.items()])
        for label, combo, text in ((self.kind_label, self.kind, _("Record type:")),
                                   (self.category_label, self.category, _("Incident category:")),
                                   (self.status_label, self.status, _("Incident status:"))):
            label.setText(text)
            combo.setAccessibleName(text.rstrip(":：").strip())
        self.from_label.setText(_("From"))
        self.to_label.setText(_("To"))
        self.start.retranslate()
        self.end.retranslate()
        self.start.set_accessible_name(_("From"))
        self.end.set_accessible_name(_("To"))
        self.text.setPlaceholderText(_("Filter…"))
        self.text.setAccessibleName(_("Filter the list"))
        translate_buttons(self.buttons)
        self._folded.clear()
        self.model.retranslate()
        self._update_count()

    def incident_filters_apply(self) -> bool:
        """An incident's category and status filter only incidents: offered when the list shows incidents only."""
        return not self.everything or self.kind.currentData() == "incident"

    def _show_incident_filters(self) -> None:
        shown = self.incident_filters_apply()
        for widget in (self.category_label, self.category, self.status_label, self.status):
            widget.setVisible(shown)
        if not shown:  # a hidden filter must not keep filtering
            for combo in (self.category, self.status):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)

    def _kind_changed(self) -> None:
        self._show_incident_filters()
        self.apply_filters()

    def load(self) -> None:
        hb = self.context.handbook
        if hb is None or not hb.is_open:
            self.all_items = []
        else:
            try:
                self.all_items = build_timeline(hb, None if self.everything else ("incident",))
            except VaultError:
                self.all_items = []
        self._folded.clear()
        self.apply_filters()

    def _changed(self, changes) -> None:
        if changes.touches("contract", "payslip", "incident", "loan", "repayment", "remittance", "hours"):
            self.load()

    def _fold(self, index: int, it: TimelineItem) -> str:
        value = self._folded.get(index)
        if value is None:
            value = fold(" ".join((item_title(it), item_detail(it), _(KIND_LABELS[it.kind]))))
            self._folded[index] = value
        return value

    def apply_filters(self) -> None:
        try:
            start, end = self.start.value(), self.end.value()
        except ParseError:
            return
        kind = self.kind.currentData()
        items = filter_items(self.all_items, kinds={kind} if kind else None, category=self.category.currentData(),
                             status=self.status.currentData(), start=start, end=end)
        words = fold(self.text.text()).split()
        if words:
            index = {id(it): n for n, it in enumerate(self.all_items)}
            items = [it for it in items if all(w in self._fold(index[id(it)], it) for w in words)]
        self.model.set_items(items)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), len(self.all_items)
        if shown == total:
            self.count.setText(ngettext("{count} entry", "{count} entries", total).format(count=total))
        else:
            self.count.setText(_("{shown} of {total}").format(shown=shown, total=total))

    def set_date_range(self, start: dt.date | None, end: dt.date | None) -> None:
        self.start.set_value(start)
        self.end.set_value(end)
        self.apply_filters()

    def open_item(self, index: QModelIndex) -> None:
        from handbook_app.ui.dialogs.record_dialog import RecordDialog

        hb = self.context.handbook
        if not index.isValid() or hb is None:
            return
        it = self.model.items[index.row()]
        cls = r.RECORD_TYPES[it.record_kind]
        record = hb.record(cls, it.id)
        if record is not None:
            self.record_dialog = RecordDialog(cls, record, self.context, self)
            self.record_dialog.open()
