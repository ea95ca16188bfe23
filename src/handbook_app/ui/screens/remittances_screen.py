"""Money sent home: the list, totals per month and year in both currencies (rate and fee share derived),
the monthly bar charts, what it would have been worth at another rate, and the family/debt split."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.i18n import N_, _, current_locale
from handbook_app.i18n.formatting import format_decimal, format_money
from handbook_app.services.changes import Changes
from handbook_app.services.debts import (
    RemittanceOverview,
    remittance_overview,
    remittance_splits,
    remittance_what_if,
)
from handbook_app.services.errors import VaultError
from handbook_app.ui import messages
from handbook_app.ui.context import AppContext
from handbook_app.ui.dialogs.money_dialogs import quiet_decimal
from handbook_app.ui.models.remittance_model import PeriodTotalsModel, RemittanceModel, SplitModel
from handbook_app.ui.screens.base import TabbedRecordScreen
from handbook_app.ui.widgets.chart_view import ChartView
from handbook_app.ui.widgets.editors import DecimalEditor
from handbook_app.ui.widgets.loan_panel import LiveRecordPanel, derived_table, fit_columns

KINDS = (r.Remittance.KIND, r.Repayment.KIND, r.Loan.KIND)


class RemittancesScreen(TabbedRecordScreen):
    TITLE = N_("Remittances")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.remittances = LiveRecordPanel(RemittanceModel(), context, order="date")
        super().__init__(context, [(N_("Remittances"), self.remittances)], parent)
        self.overview: RemittanceOverview | None = None
        self.dialog = None

        # header: this year's totals and the import button
        self.summary = QLabel(self.header)
        self.summary.setObjectName("remittanceSummary")
        self.summary.setWordWrap(True)
        self.import_button = QPushButton(self.header)
        self.import_button.setObjectName("importCsv")
        self.import_button.clicked.connect(self.open_import)
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.import_button)
        self.header_layout.addLayout(head)

        # totals per month / year
        self.totals_page = QWidget()
        self.monthly = QRadioButton(self.totals_page)
        self.yearly = QRadioButton(self.totals_page)
        self.monthly.setChecked(True)
        group = QButtonGroup(self.totals_page)
        group.addButton(self.monthly)
        group.addButton(self.yearly)
        self.monthly.toggled.connect(lambda _on: self._show_totals())
        self.totals_model = PeriodTotalsModel()
        self.totals_table = derived_table(self.totals_model, self.totals_page, "totals")
        self.totals_note = QLabel(self.totals_page)
        self.totals_note.setWordWrap(True)
        switch = QHBoxLayout()
        switch.addWidget(self.monthly)
        switch.addWidget(self.yearly)
        switch.addStretch(1)
        tl = QVBoxLayout(self.totals_page)
        tl.addLayout(switch)
        tl.addWidget(self.totals_table, 1)
        tl.addWidget(self.totals_note)

        # charts
        self.charts_page = QWidget()
        self.sent_chart = ChartView(self.charts_page)
        self.sent_chart.setObjectName("sentChart")
        self.received_chart = ChartView(self.charts_page)
        self.received_chart.setObjectName("receivedChart")
        cl = QVBoxLayout(self.charts_page)
        cl.addWidget(self.sent_chart, 1)
        cl.addWidget(self.received_chart, 1)

        # what-if and the family / debt split
        self.split_page = QWidget()
        self.what_if_label = QLabel(self.split_page)
        self.what_if_rate = DecimalEditor(optional=True)
        self.what_if_rate.setObjectName("whatIfRate")
        self.what_if_rate.edit.textChanged.connect(lambda _t: self._show_what_if())
        self.what_if_result = QLabel(self.split_page)
        self.what_if_result.setObjectName("whatIfResult")
        self.what_if_result.setWordWrap(True)
        self.split_title = QLabel(self.split_page)
        self.split_model = SplitModel()
        self.split_table = derived_table(self.split_model, self.split_page, "split")
        wrow = QHBoxLayout()
        wrow.addWidget(self.what_if_label)
        wrow.addWidget(self.what_if_rate, 1)
        sl = QVBoxLayout(self.split_page)
        sl.addLayout(wrow)
        sl.addWidget(self.what_if_result)
        sl.addWidget(self.split_title)
        sl.addWidget(self.split_table, 1)

        # the list becomes the first of four tabs
        self.layout_.removeWidget(self.remittances)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self.remittances, "")
        self.tabs.addTab(self.totals_page, "")
        self.tabs.addTab(self.charts_page, "")
        self.tabs.addTab(self.split_page, "")
        self.layout_.addWidget(self.tabs, 1)
        self._loaded_locale: str | None = None
        self._splits_stale = True  # the split table loads when its tab is first shown
        self.tabs.currentChanged.connect(self._tab_shown)
        self.retranslate()

    def current_panel(self):
        return self.remittances

    # --- content ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        super().refresh()
        self._load()

    def clear(self) -> None:
        super().clear()
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.overview = None
        self._loaded_locale = None
        self._splits_stale = True
        self.totals_model.clear()
        self.split_model.clear()
        self.sent_chart.clear()
        self.received_chart.clear()
        self.summary.clear()
        self.what_if_rate.edit.clear()
        self.what_if_result.clear()

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(*KINDS):
            self._load()

    def _load(self) -> None:
        hb = self.context.handbook
        if hb is None:
            return
        try:
            # The list panel already holds every remittance in date order (it refreshed first: its
            # `changed` slot was connected before this screen's), so the totals reuse those records.
            self.overview = remittance_overview(hb, dt.date.today(), self.remittances.model.records())
        except VaultError as exc:
            messages.error(self, str(exc))
            return
        self._loaded_locale = current_locale()
        latest = self.overview.months[-1].effective_rate if self.overview.months else None
        if latest is not None:  # the last month's rate as an example
            self.what_if_rate.edit.setPlaceholderText(format_decimal(latest.quantize(Decimal("0.01"))))
        self._splits_stale = True
        if self.tabs.currentWidget() is self.split_page:
            self._load_splits()
        sent = [c for c in self.overview.charts if len(c.series) == 2]
        received = [c for c in self.overview.charts if len(c.series) == 1]
        self.sent_chart.set_chart(sent[0] if sent else None)
        self.received_chart.set_chart(received[0] if received else None)
        self._show_totals()
        self._show_summary()
        self._show_what_if()

    def _tab_shown(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.split_page and self._splits_stale:
            self._load_splits()

    def _load_splits(self) -> None:
        hb = self.context.handbook
        if hb is None:
            return
        try:
            splits = remittance_splits(hb)
        except VaultError as exc:
            messages.error(self, str(exc))
            return
        self._splits_stale = False
        self.split_model.set_rows(splits)
        fit_columns(self.split_table)

    def _show_totals(self) -> None:
        if self.overview is None:
            self.totals_model.clear()
            return
        yearly = self.yearly.isChecked()
        self.totals_model.yearly = yearly
        rows = self.overview.years if yearly else self.overview.months
        self.totals_model.set_rows(list(reversed(rows)))  # newest first
        fit_columns(self.totals_table)

    def _show_summary(self) -> None:
        ov = self.overview
        if ov is None or self.context.handbook is None:
            self.summary.clear()
            return
        if not ov.sent_this_year:
            self.summary.setText(_("Nothing sent home yet this year."))
            return
        sent = ", ".join(format_money(m.minor, m.currency) for m in ov.sent_this_year.values())
        received = ", ".join(format_money(m.minor, m.currency) for m in ov.received_this_year.values())
        self.summary.setText(_("Sent home this year: {sent}; your family received {received}.").format(
            sent=sent, received=received))

    def _show_what_if(self) -> None:
        hb = self.context.handbook
        rate = quiet_decimal(self.what_if_rate.text())
        if hb is None or rate is None or rate <= 0:
            self.what_if_result.setText(_(
                "Type a rate (VND for one yen) to see what everything you sent would have been worth at it."))
            return
        try:
            result = remittance_what_if(hb, rate)
        except VaultError as exc:
            self.what_if_result.setText(str(exc))
            return
        if result is None:
            self.what_if_result.setText(_("Nothing sent home yet."))
            return
        diff = result.difference
        text = _("Your family received {actual}. At this rate the same yen would have brought {alternative}").format(
            actual=format_money(result.actual.minor, result.actual.currency),
            alternative=format_money(result.alternative.minor, result.alternative.currency))
        if diff.minor > 0:
            text += " — " + _("{amount} more.").format(amount=format_money(diff.minor, diff.currency))
        elif diff.minor < 0:
            text += " — " + _("{amount} less.").format(amount=format_money(-diff.minor, diff.currency))
        else:
            text += "."
        self.what_if_result.setText(text)

    # --- language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "totals_page"):
            return
        self.tabs.setTabText(0, _("Remittances"))
        self.tabs.setTabText(1, _("Totals"))
        self.tabs.setTabText(2, _("Charts"))
        self.tabs.setTabText(3, _("Family and debts"))
        self.import_button.setText(_("Import from CSV…"))
        self.monthly.setText(_("Per month"))
        self.yearly.setText(_("Per year"))
        self.totals_note.setText(_(
            "The rate you got is what your family received for one unit sent; the fee share (%) is the fee "
            "as a part of the amount sent. Both are worked out from your records."))
        self.what_if_label.setText(_("What if the rate had been:"))
        self.split_title.setText("<b>" + _("What each transfer did: repaid debts, or supported your family") + "</b>")
        self.totals_model.retranslate()
        self.split_model.retranslate()
        self.what_if_rate.retranslate()
        if self.context.handbook is not None and self.overview is not None \
                and self._loaded_locale != current_locale():
            self._load()  # chart titles and series names are translated when built
        else:
            self._show_summary()
            self._show_what_if()

    # --- actions ---------------------------------------------------------------------------------
    def open_import(self) -> None:
        from handbook_app.ui.dialogs.csv_import_dialog import CsvImportDialog

        if self.context.handbook is None:
            return
        self.dialog = CsvImportDialog(self.context, "remittance", self.window())
        self.dialog.open()
