"""Debts: what is owed on each loan now and when it will be paid off, the balance chart, the debt-trap
warning, and the lists of loans, repayments and recruitment fees (with the fee report)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QWidget

from handbook_app.core import records as r
from handbook_app.i18n import N_, _, current_locale
from handbook_app.services.changes import Changes
from handbook_app.services.debts import DebtScreenData, debt_screen
from handbook_app.services.errors import VaultError
from handbook_app.ui.context import AppContext
from handbook_app.ui.models.debt_models import LoanModel, RecruitmentFeeModel, RepaymentModel
from handbook_app.ui.screens.base import TabbedRecordScreen
from handbook_app.ui.widgets.loan_panel import (
    DebtOverviewPanel,
    FeeReportPanel,
    LiveRecordPanel,
    StatementDialog,
)
from handbook_app.ui.widgets.record_list import RecordListPanel

QWIDGETSIZE_MAX = 16777215  # Qt's "no maximum" for a widget's size
OVERVIEW_KINDS = (r.Loan.KIND, r.Repayment.KIND, r.Contract.KIND)
FEE_KINDS = (r.RecruitmentFee.KIND, r.Contract.KIND)


class DebtsScreen(TabbedRecordScreen):
    TITLE = N_("Debts")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.loans = LiveRecordPanel(LoanModel(), context)
        self.repayments = LiveRecordPanel(RepaymentModel(), context, lookup_kinds=("loan",), order="date")
        self.fees = RecordListPanel(RecruitmentFeeModel(), context, lookup_kinds=("loan",))
        super().__init__(context, [
            (N_("Loans"), self.loans), (N_("Repayments"), self.repayments), (N_("Recruitment fees"), self.fees),
        ], parent)
        self.data: DebtScreenData | None = None
        self.overview = DebtOverviewPanel(self.header)
        self.summary = self.overview.totals  # the one-line total (kept under its old name)
        self.plan_button = QPushButton(self.header)
        self.plan_button.setObjectName("planPayments")
        self.plan_button.clicked.connect(self.open_projection)
        self.statement_button = QPushButton(self.header)
        self.statement_button.setObjectName("statement")
        self.statement_button.clicked.connect(self.open_statement)
        self.import_button = QPushButton(self.header)
        self.import_button.setObjectName("importCsv")
        self.import_button.clicked.connect(self.open_import)
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.statement_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        self.header_layout.addWidget(self.overview, 1)
        self.header_layout.addLayout(buttons)
        self.overview.table.doubleClicked.connect(lambda _i: self.open_statement())
        # the fee report sits under the fee list, the split adjustable; the Statement button also works from the
        # loan list
        self.fee_report = FeeReportPanel(context, self.fees)
        self.fee_split = QSplitter(Qt.Orientation.Vertical, self.fees)
        self.fee_split.setObjectName("feeSplit")
        self.fees.layout().removeWidget(self.fees.table)
        self.fee_split.addWidget(self.fees.table)
        self.fee_split.addWidget(self.fee_report)
        self.fee_split.setStretchFactor(0, 2)
        self.fee_split.setStretchFactor(1, 3)
        self.fee_split.setChildrenCollapsible(False)
        self.fees.layout().addWidget(self.fee_split, 1)
        # overview above the lists, the split adjustable
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.layout_.removeWidget(self.header)
        self.layout_.removeWidget(self.tabs)
        self.splitter.addWidget(self.header)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.layout_.addWidget(self.splitter, 1)
        self._overview_sizes: list[int] | None = None  # the split as it was before the fee tab compacted it
        self._fee_split_set = False  # the fee list / comparison split is set when the tab is first shown
        self.dialog = None
        self._loaded_locale: str | None = None
        self._stale: set[int] = set()  # tabs whose list loads when first shown (a ten-year list is big)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.retranslate()

    # --- content ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.tabs.currentIndex()
        self.current_panel().refresh()
        self._stale = {i for i in range(self.tabs.count()) if i != current}
        self._load_overview()
        self.fee_report.refresh()

    def _tab_shown(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            self.panels()[index].refresh()
        self._fit_overview()

    def _fit_overview(self) -> None:
        """On the recruitment-fee tab the overview shrinks to its warning and totals (the loan table and chart
        hidden) and the fee list and comparison get the height; other tabs get the split back as it was."""
        fees = self.tabs.currentWidget() is self.fees
        if fees != self.overview.is_compact():
            if fees:
                self._overview_sizes = self.splitter.sizes()
                self.overview.set_compact(True)
            else:
                self.overview.set_compact(False)
                self.header.setMaximumHeight(QWIDGETSIZE_MAX)
                if self._overview_sizes and sum(self._overview_sizes) > 0:
                    self.splitter.setSizes(self._overview_sizes)
        if fees:
            self._hold_compact_height()
            if not self._fee_split_set:
                self._split_fees()

    def _split_fees(self) -> None:
        """The fee list as tall as its rows need, up to about a third of the height; the comparison (findings of two
        or three lines each) gets the rest."""
        total = sum(self.fee_split.sizes())
        if total <= 0:
            return
        table = self.fees.table
        rows = max(3, table.model().rowCount())
        wanted = table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize() \
            + 2 * table.frameWidth() + 2
        first = min(wanted, total * 3 // 8)
        self.fee_split.setSizes([first, total - first])
        self._fee_split_set = True

    def _hold_compact_height(self) -> None:
        """The compact overview takes the height its wrapped texts need at the current width, no more."""
        for layout in (self.overview.layout(), self.header_layout):  # the hidden table and chart no longer count
            layout.invalidate()
            layout.activate()
        width = self.header.width() or self.width()
        layout = self.header_layout
        head = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else \
            self.header.minimumSizeHint().height()
        self.header.setMaximumHeight(head)
        total = sum(self.splitter.sizes())
        if total > head:
            self.splitter.setSizes([head, total - head])

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.overview.is_compact():
            self._hold_compact_height()

    def clear(self) -> None:
        self._stale = set()
        super().clear()
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.data = None
        self.overview.clear()
        self.fee_report.clear()

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(*OVERVIEW_KINDS):
            self._load_overview()
        if changes.touches(*FEE_KINDS):
            self.fee_report.refresh()

    def _load_overview(self) -> None:
        hb = self.context.handbook
        if hb is None:
            return
        problem = ""
        try:
            self.data = debt_screen(hb, dt.date.today())
        except (VaultError, ValueError, ArithmeticError) as exc:
            self.data = None
            problem = str(exc)
        self._loaded_locale = current_locale()
        self.overview.set_data(self.data)
        if problem:
            self.overview.show_problem(problem)
        self._update_buttons()
        if self.overview.is_compact():
            self._hold_compact_height()  # the warning may have grown or gone

    def _update_buttons(self) -> None:
        has_loans = bool(self.data and self.data.outlooks)
        self.plan_button.setEnabled(has_loans)
        self.statement_button.setEnabled(has_loans)
        self.import_button.setEnabled(self.context.handbook is not None and has_loans)

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "overview"):
            return
        self.overview.retranslate()
        self.fee_report.retranslate()
        if self.context.handbook is not None and self.data is not None and self._loaded_locale != current_locale():
            # chart titles, series names and fee findings are translated when built: build them again
            self._load_overview()
            self.fee_report.refresh()
        self.plan_button.setText(_("Plan payments…"))
        self.plan_button.setToolTip(_("When will the debts be paid off? Try a monthly payment and compare plans."))
        self.statement_button.setText(_("Statement…"))
        self.statement_button.setToolTip(_("Month-by-month statement of the selected loan"))
        self.import_button.setText(_("Import repayments from CSV…"))

    # --- actions ---------------------------------------------------------------------------------
    def _selected_loan(self) -> r.Loan | None:
        loan_id = self.overview.selected_loan_id()
        if loan_id is None:
            record = self.loans.selected_record()
            loan_id = record.id if record is not None else None
        if loan_id is None and self.data and self.data.outlooks:
            loan_id = self.data.outlooks[0].view.loan.id
        if loan_id is None or self.data is None:
            return None
        return next((o.view.loan for o in self.data.outlooks if o.view.loan.id == loan_id), None)

    def open_statement(self) -> None:
        loan = self._selected_loan()
        if loan is None or self.context.handbook is None:
            return
        self.dialog = StatementDialog(self.context, loan, self.window())
        self.dialog.open()

    def open_projection(self) -> None:
        from handbook_app.ui.dialogs.projection_dialog import ProjectionDialog

        if self.context.handbook is None:
            return
        loan = self._selected_loan()
        self.dialog = ProjectionDialog(self.context, loan.id if loan else None, self.window())
        self.dialog.open()

    def open_import(self) -> None:
        from handbook_app.ui.dialogs.csv_import_dialog import CsvImportDialog

        if self.context.handbook is None:
            return
        self.dialog = CsvImportDialog(self.context, "repayment", self.window())
        self.dialog.open()
