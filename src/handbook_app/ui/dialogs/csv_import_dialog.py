"""Import remittances or repayments from a bank or transfer-company statement (CSV).

The file is read into memory (never written anywhere, never copied); core.csv_import decodes it and
guesses the columns; the user checks the mapping, the number style and the date order; the plan shows
the rows that will be saved and the rows refused with their reasons. Import saves every accepted row
in one transaction (services.debts.apply_csv), or nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.core.csv_import import (
    DATE_ORDERS,
    FIELDS,
    CsvImportError,
    ImportPlan,
    ImportSettings,
    Preview,
    preview,
)
from handbook_app.i18n import N_, _, current_locale, ngettext
from handbook_app.i18n.formatting import format_date, format_money, join_sentences
from handbook_app.services.debts import apply_csv, plan_csv
from handbook_app.services.errors import ValidationError, VaultError
from handbook_app.ui import file_dialogs
from handbook_app.ui.context import AppContext
from handbook_app.ui.lang import follow_language, translate_buttons
from handbook_app.ui.widgets.field import ERROR_STYLE

MAX_BYTES = 20 * 1024 * 1024

KIND_LABELS = {"remittance": N_("Remittances (money sent home)"), "repayment": N_("Repayments of a loan")}
FIELD_LABELS = {
    "date": N_("Date"), "sent": N_("Sent"), "fee": N_("Fee"), "received": N_("Received"),
    "provider": N_("Provider"), "recipient": N_("Recipient"), "notes": N_("Notes"), "paid": N_("Paid"),
    "rate": N_("Exchange rate"),
}
NUMBER_STYLES = {
    "vi": N_("Vietnamese: 1.500.000,5"),
    "ja": N_("Japanese: 1,500,000.5"),
    "en": N_("English: 1,500,000.5"),
}
DATE_ORDER_LABELS = {
    "YMD": N_("year/month/day (2026/11/27)"),
    "DMY": N_("day/month/year (27/11/2026)"),
    "MDY": N_("month/day/year (11/27/2026)"),
}
ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16",
             "utf-16-be": "UTF-16", "cp932": "Shift_JIS (cp932)", "text": "text"}
CURRENCIES = ("JPY", "VND", "USD")


def _item(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)


class CsvImportDialog(QDialog):
    def __init__(self, context: AppContext, kind: str = "remittance", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("csvImportDialog")
        self.data: bytes | None = None
        self.file_name = ""
        self.preview: Preview | None = None
        self.plan: ImportPlan | None = None
        self.saved_changes = None
        hb = context.require()
        self.loans = hb.records(r.Loan, order="start")

        self.kind_label = QLabel()
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for key in KIND_LABELS:
            self.kind.addItem("", key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.choose = QPushButton()
        self.choose.setObjectName("chooseFile")
        self.choose.clicked.connect(self.choose_file)
        self.file_label = QLabel()
        self.file_label.setObjectName("fileInfo")
        self.file_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.kind_label)
        top.addWidget(self.kind, 1)
        top.addWidget(self.choose)

        self.raw = QTableWidget()
        self.raw.setObjectName("rawPreview")
        self.raw.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.raw.setMaximumHeight(150)

        # settings: mapping, number style, date order, currencies
        self.settings_box = QGroupBox()
        self.map_grid = QGridLayout()
        self.map_labels: dict[str, QLabel] = {}
        self.map_combos: dict[str, QComboBox] = {}
        self.style_label = QLabel()
        self.number_style = QComboBox()
        self.number_style.setObjectName("numberStyle")
        for key in NUMBER_STYLES:
            self.number_style.addItem("", key)
        self.number_style.setCurrentIndex(max(0, self.number_style.findData(current_locale())))
        self.order_label = QLabel()
        self.date_order = QComboBox()
        self.date_order.setObjectName("dateOrder")
        for key in DATE_ORDERS:
            self.date_order.addItem("", key)
        self.date_order.setCurrentIndex(self.date_order.findData({"vi": "DMY", "en": "MDY"}.get(current_locale(), "YMD")))
        self.sent_label, self.sent_currency = QLabel(), self._currency_combo("JPY", "sentCurrency")
        self.received_label, self.received_currency = QLabel(), self._currency_combo("VND", "receivedCurrency")
        self.paid_label, self.paid_currency = QLabel(), self._currency_combo("JPY", "paidCurrency")
        self.loan_label = QLabel()
        self.loan = QComboBox()
        self.loan.setObjectName("loan")
        for loan in self.loans:
            self.loan.addItem(loan.lender or format_money(loan.principal.minor, loan.principal.currency), loan.id)
        # Repayments are most often paid in the loan's own currency: the currency paid follows the chosen
        # loan (and the file) until the user picks one themselves.
        self.auto_paid_currency = self.paid_currency.currentData()  # what was set here, not by the user
        self.loan.currentIndexChanged.connect(self._follow_loan)
        self._follow_loan()
        self.channel_label = QLabel()
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for key in r.CHANNELS:
            self.channel.addItem("", key)
        options = QFormLayout()
        options.addRow(self.style_label, self.number_style)
        options.addRow(self.order_label, self.date_order)
        options.addRow(self.sent_label, self.sent_currency)
        options.addRow(self.received_label, self.received_currency)
        options.addRow(self.channel_label, self.channel)
        options.addRow(self.loan_label, self.loan)
        options.addRow(self.paid_label, self.paid_currency)
        self.options = options
        settings_layout = QHBoxLayout(self.settings_box)
        settings_layout.addLayout(self.map_grid, 1)
        settings_layout.addLayout(options, 1)

        # the plan
        self.summary = QLabel()
        self.summary.setObjectName("planSummary")
        self.summary.setWordWrap(True)
        self.accepted = QTableWidget()
        self.accepted.setObjectName("accepted")
        self.accepted.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejected = QTableWidget()
        self.rejected.setObjectName("rejected")
        self.rejected.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejected.setWordWrap(True)
        for table in (self.accepted, self.rejected):
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setStretchLastSection(True)
        self.accepted_title, self.rejected_title = QLabel(), QLabel()
        split = QSplitter()
        left, right = QWidget(), QWidget()
        lv, rv = QVBoxLayout(left), QVBoxLayout(right)
        lv.setContentsMargins(0, 0, 0, 0)
        rv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.accepted_title)
        lv.addWidget(self.accepted, 1)
        rv.addWidget(self.rejected_title)
        rv.addWidget(self.rejected, 1)
        split.addWidget(left)
        split.addWidget(right)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.file_label)
        layout.addWidget(self.raw)
        layout.addWidget(self.settings_box)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        for combo in (self.number_style, self.date_order, self.sent_currency, self.received_currency,
                      self.paid_currency, self.loan, self.channel):
            combo.currentIndexChanged.connect(self.update_plan)
        follow_language(self, self.retranslate)
        self._build_mapping()
        self.retranslate()
        self.resize(980, 720)
        context.track(self)

    def done(self, result: int) -> None:
        self.data = None  # forget the statement's contents
        self.preview = None
        self.plan = None
        for table in (self.raw, self.accepted, self.rejected):
            table.clear()
        super().done(result)

    def _currency_combo(self, default: str, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for code in CURRENCIES:
            combo.addItem(code, code)
        combo.setCurrentIndex(combo.findData(default))
        return combo

    def _file_has_rates(self) -> bool:
        """The statement's exchange-rate column (as mapped) has figures: its payments are in another
        currency than the loan's."""
        combo = self.map_combos.get("rate")
        column = combo.currentData() if combo is not None else None
        if self.preview is None or column is None:
            return False
        return any(len(row) > column and row[column].strip() for row in self.preview.rows)

    def default_paid_currency(self) -> str | None:
        """The loan's currency; with exchange rates in the file, the other usual one (yen, or dong for a yen
        loan), since a rate means the payments were made in another currency."""
        loan = self.selected_loan()
        if loan is None:
            return None
        code = loan.principal.currency
        if self.current_kind() == "repayment" and self._file_has_rates():
            return next(c for c in CURRENCIES if c != code)
        return code

    def paid_currency_chosen(self) -> bool:
        """The user picked the currency paid (it no longer follows the loan)."""
        return self.paid_currency.currentData() != self.auto_paid_currency

    def _follow_loan(self, *_args) -> None:
        code = self.default_paid_currency()
        if code is None or self.paid_currency_chosen() or code == self.paid_currency.currentData():
            return
        if self.paid_currency.findData(code) < 0:
            self.paid_currency.addItem(code, code)
        self.auto_paid_currency = code
        self.paid_currency.setCurrentIndex(self.paid_currency.findData(code))

    def current_kind(self) -> str:
        return self.kind.currentData() or "remittance"

    # --- file ------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        name = file_dialogs.open_file(self, _("Choose a CSV statement"), "",
                                      _("CSV files (*.csv *.txt);;All files (*)"))
        if not name:
            return
        path = Path(name)
        try:
            if path.stat().st_size > MAX_BYTES:
                self._file_error(_("This file is too large for a statement (more than 20 MB)."))
                return
            data = path.read_bytes()
        except OSError as exc:
            self._file_error(_("The file could not be read: {error}").format(error=exc.strerror or str(exc)))
            return
        self.load_bytes(data, path.name)

    def _file_error(self, text: str) -> None:
        self.data = None
        self.preview = None
        self.plan = None
        self.file_label.setStyleSheet(ERROR_STYLE)
        self.file_label.setText(text)
        self.raw.clear()
        self.raw.setRowCount(0)
        self._show_plan()

    def load_bytes(self, data: bytes, name: str = "") -> None:
        """Read a statement already in memory (from the file picker, or a test)."""
        self.file_name = name
        try:
            self.preview = preview(data, self.current_kind())
        except CsvImportError as exc:
            self._file_error(str(exc))
            return
        self.data = data
        self._show_preview()
        self._build_mapping()
        self.update_plan()

    def _show_preview(self) -> None:
        p = self.preview
        self.file_label.setStyleSheet("")
        if p is None:
            self.file_label.setText(_("Choose the CSV file your bank or transfer company gave you."))
            return
        delimiter = {",": _("comma"), ";": _("semicolon"), "\t": _("tab"), "|": "|"}.get(p.delimiter, p.delimiter)
        self.file_label.setText(_(
            "{name}: read as {encoding}, columns separated by {delimiter}, {count} rows after the header. "
            "If the letters look wrong, save the file as UTF-8 and choose it again.").format(
            name=self.file_name or _("the file"), encoding=ENCODINGS.get(p.encoding, p.encoding),
            delimiter=delimiter, count=p.row_count))
        self.raw.clear()
        self.raw.setColumnCount(len(p.headers))
        self.raw.setHorizontalHeaderLabels([f"{i + 1}: {h}" for i, h in enumerate(p.headers)])
        self.raw.setRowCount(min(len(p.rows), 8))
        for row, cells in enumerate(p.rows[:8]):
            for col, cell in enumerate(cells[: len(p.headers)]):
                self.raw.setItem(row, col, _item(cell))
        self.raw.resizeColumnsToContents()

    # --- settings --------------------------------------------------------------------------------
    def _kind_changed(self, *_args) -> None:
        if self.data is not None:
            self.load_bytes(self.data, self.file_name)
        else:
            self._build_mapping()
        self._show_kind_options()
        self.retranslate()

    def _show_kind_options(self) -> None:
        remittance = self.current_kind() == "remittance"
        for widget in (self.sent_currency, self.received_currency, self.channel):
            self.options.setRowVisible(widget, remittance)
        for widget in (self.loan, self.paid_currency):
            self.options.setRowVisible(widget, not remittance)

    def _build_mapping(self) -> None:
        while self.map_grid.count():
            item = self.map_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.map_labels.clear()
        self.map_combos.clear()
        headers = self.preview.headers if self.preview else []
        guess = self.preview.guess if self.preview else {}
        for row, (fld, required) in enumerate(FIELDS[self.current_kind()].items()):
            label = QLabel()
            combo = QComboBox()
            combo.setObjectName(f"map_{fld}")
            combo.addItem("", None)
            for i, header in enumerate(headers):
                combo.addItem(f"{i + 1}: {header}", i)
            if fld in guess:
                combo.setCurrentIndex(combo.findData(guess[fld]))
            combo.currentIndexChanged.connect(self.update_plan)
            self.map_grid.addWidget(label, row, 0)
            self.map_grid.addWidget(combo, row, 1)
            self.map_labels[fld] = label
            self.map_combos[fld] = combo
            combo.setProperty("required", required)
        self._retranslate_mapping()

    def selected_loan(self) -> r.Loan | None:
        loan_id = self.loan.currentData()
        return next((x for x in self.loans if x.id == loan_id), None)

    def settings(self) -> ImportSettings:
        mapping = {fld: combo.currentData() for fld, combo in self.map_combos.items()
                   if combo.currentData() is not None}
        loan = self.selected_loan()
        return ImportSettings(
            kind=self.current_kind(), mapping=mapping, locale=self.number_style.currentData() or "vi",
            date_order=self.date_order.currentData(), sent_currency=self.sent_currency.currentData(),
            received_currency=self.received_currency.currentData(), paid_currency=self.paid_currency.currentData(),
            loan_id=loan.id if loan is not None and loan.id is not None else 0,
            loan_currency=loan.principal.currency if loan is not None else None,
            channel=self.channel.currentData() or "bank",
        )

    # --- the plan --------------------------------------------------------------------------------
    def update_plan(self, *_args) -> None:
        self._follow_loan()  # a file or column with exchange rates changes the likely currency paid
        self.plan = None
        self.summary.setStyleSheet("")
        if self.data is None or self.preview is None:
            self._show_plan()
            return
        if self.current_kind() == "repayment" and self.selected_loan() is None:
            self._show_plan(_("Add the loan first: repayments are imported into one loan."))
            return
        hb = self.context.handbook
        if hb is None:
            return
        try:
            self.plan = plan_csv(hb, self.data, self.settings())
        except CsvImportError as exc:
            self._show_plan(str(exc))
            return
        except VaultError as exc:
            self._show_plan(str(exc))
            return
        self._show_plan()

    def _show_plan(self, problem: str = "") -> None:
        plan = self.plan
        kind = self.current_kind()
        self.accepted.clear()
        self.rejected.clear()
        self.accepted.setRowCount(0)
        self.rejected.setRowCount(0)
        self.import_button.setEnabled(bool(plan and plan.records))
        if problem:
            self.summary.setStyleSheet(ERROR_STYLE)
            self.summary.setText(problem)
        if plan is None:
            if not problem:
                self.summary.setText("")
            self._retranslate_plan_titles()
            return
        # accepted rows
        if kind == "remittance":
            heads = [_("Line"), _("Date"), _("Sent"), _("Fee"), _("Received")]
            rows = [[str(line), format_date(x.date), format_money(x.sent.minor, x.sent.currency),
                     format_money(x.fee.minor, x.fee.currency), format_money(x.received.minor, x.received.currency)]
                    for line, x in zip(plan.lines, plan.records, strict=True)]
        else:
            heads = [_("Line"), _("Date"), _("Paid"), _("Exchange rate")]
            rows = [[str(line), format_date(x.date), format_money(x.paid.minor, x.paid.currency),
                     str(x.rate) if x.rate is not None else ""]
                    for line, x in zip(plan.lines, plan.records, strict=True)]
        self.accepted.setColumnCount(len(heads))
        self.accepted.setHorizontalHeaderLabels(heads)
        self.accepted.setRowCount(len(rows))
        for i, cells in enumerate(rows):
            for j, cell in enumerate(cells):
                self.accepted.setItem(i, j, _item(cell))
        self.accepted.resizeColumnsToContents()
        # rejected rows with their reasons
        self.rejected.setColumnCount(3)
        self.rejected.setHorizontalHeaderLabels([_("Line"), _("Why it was not taken"), _("The row")])
        self.rejected.setRowCount(len(plan.rejected))
        for i, rej in enumerate(plan.rejected):
            reason = " ".join(rej.reasons)
            if rej.duplicate:
                reason = _("Duplicate: {reason}").format(reason=reason)
            self.rejected.setItem(i, 0, _item(str(rej.line)))
            self.rejected.setItem(i, 1, _item(reason))
            self.rejected.setItem(i, 2, _item(" | ".join(rej.cells)))
        self.rejected.setColumnWidth(0, 50)
        self.rejected.setColumnWidth(1, 340)
        self.rejected.resizeRowsToContents()
        if not problem:
            dups = sum(1 for x in plan.rejected if x.duplicate)
            sentences = [ngettext("{count} row will be imported.", "{count} rows will be imported.",
                                  len(plan.records)).format(count=len(plan.records))]
            if plan.rejected:
                sentences.append(ngettext("{count} row is refused (see why on the right).",
                                          "{count} rows are refused (see why on the right).",
                                          len(plan.rejected)).format(count=len(plan.rejected)))
            if dups:
                sentences.append(ngettext("{count} of them is already saved or appears twice.",
                                          "{count} of them are already saved or appear twice.", dups).format(count=dups))
            if not plan.records:
                sentences.append(_("Nothing will be imported. Check the columns, the number style and the date order."))
                self.summary.setStyleSheet(ERROR_STYLE)
            elif plan.rejected:
                sentences.append(_("Only the rows on the left are saved; fix the others in the file, or add them by "
                                   "hand."))
            text = join_sentences(sentences)
            self.summary.setText(text)
        self._retranslate_plan_titles()

    def do_import(self) -> bool:
        plan = self.plan
        if plan is None or not plan.records:
            return False
        try:
            hb = self.context.require()
            changes = apply_csv(hb, plan)
        except (VaultError, ValidationError) as exc:  # never a silent failure with a traceback on stderr
            self.summary.setStyleSheet(ERROR_STYLE)
            self.summary.setText(_("Nothing was imported: {error}").format(error=str(exc)))
            return False
        self.saved_changes = changes
        self.accept()
        self.context.notify(changes)
        return True

    # --- language --------------------------------------------------------------------------------
    def _retranslate_mapping(self) -> None:
        for fld, label in self.map_labels.items():
            required = FIELDS[self.current_kind()][fld]
            text = _(FIELD_LABELS.get(fld, fld))
            label.setText(text + (" *" if required else ""))
            combo = self.map_combos[fld]
            combo.setItemText(0, _("(not in the file)"))

    def _retranslate_plan_titles(self) -> None:
        self.accepted_title.setText("<b>" + _("Will be imported") + "</b>")
        self.rejected_title.setText("<b>" + _("Refused") + "</b>")

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(_("Import from a CSV statement"))
        self.kind_label.setText(_("Import:"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, _(KIND_LABELS[self.kind.itemData(i)]))
        self.choose.setText(_("Choose file…"))
        self.settings_box.setTitle(_("Which column holds what (* needed), and how the file writes numbers and dates"))
        self.style_label.setText(_("Numbers written"))
        for i in range(self.number_style.count()):
            self.number_style.setItemText(i, _(NUMBER_STYLES[self.number_style.itemData(i)]))
        self.order_label.setText(_("Dates written"))
        for i in range(self.date_order.count()):
            self.date_order.setItemText(i, _(DATE_ORDER_LABELS[self.date_order.itemData(i)]))
        self.sent_label.setText(_("Currency sent"))
        self.received_label.setText(_("Currency received"))
        self.paid_label.setText(_("Currency paid"))
        self.loan_label.setText(_("Loan"))
        self.channel_label.setText(_("How"))
        for i in range(self.channel.count()):
            self.channel.setItemText(i, _(r.CHANNELS[self.channel.itemData(i)]))
        self.import_button.setText(_("Import"))
        translate_buttons(self.buttons)
        self._retranslate_mapping()
        self._show_kind_options()
        self._show_preview()
        if self.data is not None:
            self.update_plan()
        else:
            self._show_plan()
