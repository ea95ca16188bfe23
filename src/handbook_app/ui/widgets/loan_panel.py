"""Debt widgets: the overview (balances, payoff, debt-trap banner, chart), record lists with live
dialogs, a loan's month-by-month statement, and the recruitment-fee report."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.core.charts import Chart
from handbook_app.i18n import _
from handbook_app.i18n.formatting import (
    format_date,
    format_decimal,
    format_list,
    format_money,
    join_sentences,
)
from handbook_app.services.debts import DebtScreenData, loan_statement
from handbook_app.services.errors import VaultError
from handbook_app.ui import messages
from handbook_app.ui.context import AppContext
from handbook_app.ui.lang import follow_language, translate_buttons
from handbook_app.ui.models.debt_models import DerivedTableModel, LoanOverviewModel, StatementModel
from handbook_app.ui.palette import tone
from handbook_app.ui.widgets.chart_view import ChartView
from handbook_app.ui.widgets.record_list import RecordListPanel
from handbook_app.ui.widgets.table_fit import ColumnFitter, WrappingHeader

BANNER_STYLE = ("background: #fdecea; color: #8a1c1c; border: 1px solid #e0a0a0; border-radius: 4px; "
                "padding: 6px; font-weight: bold;")


def derived_table(model: DerivedTableModel, parent: QWidget, name: str, fitted: bool = False,
                  wrap: bool = False, limit: int = 320) -> QTableView:
    """A read-only table of derived rows. `fitted`: its columns fit its width (ui.widgets.table_fit), the
    labels wrap when they must; `wrap`: long cells wrap onto more lines (for tables of a few rows)."""
    table = QTableView(parent)
    table.setObjectName(name)
    if fitted:
        table.setHorizontalHeader(WrappingHeader(table))
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    # the last column takes the spare width only if it holds text: a figure stretched to the far right would sit
    # hundreds of pixels from the rest of its row (the spare width stays empty at the right instead)
    table.horizontalHeader().setStretchLastSection(bool(model.COLUMNS) and not model.COLUMNS[-1][2])
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setResizeContentsPrecision(60)  # fit columns to the first rows, not ten years
    if wrap:
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if fitted:
        ColumnFitter(table, compact=model.COMPACT, stretch=model.STRETCH, limit=limit)
    return table


def fit_columns(table: QTableView, limit: int = 320) -> None:
    table.resizeColumnsToContents()
    model = table.model()
    for col in range(model.columnCount() if model else 0):
        table.setColumnWidth(col, min(table.columnWidth(col), limit))

# Low enough that the Debts screen fits a 1366 x 768 laptop with a taskbar (about 690 px for the window)
CHART_MIN_HEIGHT = 170


class LiveRecordPanel(RecordListPanel):
    """A record list whose add/edit dialog shows live figures (money_dialogs) for repayments and remittances."""

    def _open_dialog(self, record: r.Record | None) -> None:
        from handbook_app.ui.dialogs.money_dialogs import DIALOGS
        from handbook_app.ui.dialogs.record_dialog import RecordDialog

        if self.context.handbook is None:
            return
        cls = DIALOGS.get(self.cls, RecordDialog)
        dialog = cls(self.cls, record, self.context, self.window())
        dialog.finished.connect(lambda _res, d=dialog: self._dialog_closed(d))
        self.dialog = dialog
        dialog.open()


class ChartPicker(QWidget):
    """A chart, with a currency choice when there is more than one chart (e.g. a VND and a USD loan)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts: list[Chart] = []
        self.combo = QComboBox(self)
        self.combo.setObjectName("chartChoice")
        self.view = ChartView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.view, 1)
        self.combo.currentIndexChanged.connect(self._pick)
        self.combo.hide()

    def set_charts(self, charts: list[Chart]) -> None:
        current = self.combo.currentIndex()
        self.charts = list(charts)
        self.combo.blockSignals(True)
        self.combo.clear()
        for chart in self.charts:
            self.combo.addItem(chart.title)
        self.combo.setCurrentIndex(min(max(current, 0), len(self.charts) - 1) if self.charts else -1)
        self.combo.blockSignals(False)
        self.combo.setVisible(len(self.charts) > 1)
        self._pick(self.combo.currentIndex())

    def _pick(self, index: int) -> None:
        self.view.set_chart(self.charts[index] if 0 <= index < len(self.charts) else None)

    def clear(self) -> None:
        self.set_charts([])


class DebtOverviewPanel(QWidget):
    """Each loan now and at its recent pace, the total per currency, the debt-trap banner, the balance chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: DebtScreenData | None = None
        self.banner = QLabel(self)
        self.banner.setObjectName("debtTrapBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.totals = QLabel(self)
        self.totals.setObjectName("debtSummary")
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QLabel(self)
        self.problems.setObjectName("debtProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {tone('error')};")
        self.problems.hide()
        self.model = LoanOverviewModel(self)
        self.table = derived_table(self.model, self, "loanOverview", fitted=True, wrap=True, limit=220)
        self.chart = ChartPicker(self)
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.details = QWidget(self)  # the table and the chart: hidden when the overview is compact
        row = QHBoxLayout(self.details)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.table, 3)
        row.addWidget(self.chart, 2)
        self.details.installEventFilter(self)  # on resize: the table keeps room for all its columns
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.totals)
        layout.addWidget(self.problems)
        layout.addWidget(self.details, 1)

    def set_compact(self, compact: bool) -> None:
        """Compact: only the warning, the totals and any problem (the loan table and chart hidden), for a tab
        that needs the height, such as the recruitment fees."""
        self.details.setVisible(not compact)

    def is_compact(self) -> bool:
        return self.details.isHidden()

    def set_data(self, data: DebtScreenData | None) -> None:
        self.data = data
        self.model.set_rows(data.outlooks if data else [])
        self.chart.set_charts(data.charts if data else [])
        self.retranslate()
        QTimer.singleShot(0, self._share_width)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if obj is self.details and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._share_width)
        return False

    def _share_width(self) -> None:
        """At the first-start size (1100×720) the 3:2 split cut the table's last column behind a scrollbar:
        the table gets the width its columns need, up to 75 % of the row; the chart keeps the rest."""
        if self.details.width() <= 0:
            return
        header = self.table.horizontalHeader()
        needed = sum(header.sectionSize(i) for i in range(header.count()) if not header.isSectionHidden(i))
        needed += 2 * self.table.frameWidth() + (self.table.verticalScrollBar().sizeHint().width()
                                                  if self.table.verticalScrollBar().isVisible() else 0)
        want = min(needed, int(self.details.width() * 0.75))
        # A maximum on the chart, not a minimum on the table: a minimum would keep a shrunk window wide.
        spacing = self.details.layout().spacing()
        self.chart.setMaximumWidth(max(120, self.details.width() - want - spacing))

    def clear(self) -> None:
        self.set_data(None)
        self.totals.clear()
        self.show_problem("")

    def show_problem(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.setVisible(bool(text))

    def selected_loan_id(self) -> int | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row.view.loan.id if row is not None else None

    def retranslate(self) -> None:
        self.model.retranslate()
        data = self.data
        if data is None:
            self.totals.clear()
            self.banner.hide()
            return
        remaining = [m for m in data.overview.remaining.values() if m.minor > 0]
        if remaining:
            amounts = format_list(format_money(m.minor, m.currency) for m in remaining)
            text = _("Still owed on all loans today: {amounts}.").format(amounts=amounts)
        else:
            text = _("No debt recorded, or all loans are paid off.")
        if data.overview.deadline is not None:
            text = join_sentences([text, _("Your contract or period of stay ends on {date}.").format(
                date=format_date(data.overview.deadline))])
        self.totals.setText(text)
        self.show_problem("\n".join(data.problems))
        trapped = data.debt_trap
        if trapped:
            # each name in quotation marks, joined the language's way: a lender named "Agribank – chi nhánh
            # Diễn Châu, Nghệ An" stays one lender, and Japanese lists them with 「、」
            names = format_list((o.view.loan.lender or format_money(o.view.loan.principal.minor,
                                                                     o.view.loan.principal.currency)
                                 for o in trapped), quoted=True)
            self.banner.setText(_(
                "Debt trap warning: at the pace of recent months, {loans} will not be paid off before {date}, "
                "when your contract or period of stay ends. Use “Plan payments…” to see what would be enough, "
                "and talk to a support organisation before the debt grows.").format(
                loans=names, date=format_date(data.overview.deadline)))
            self.banner.show()
        else:
            self.banner.hide()


class StatementDialog(QDialog):
    """A loan's month-by-month statement: opening balance, interest added, paid, closing balance."""

    def __init__(self, context: AppContext, loan: r.Loan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.loan = loan
        self.setObjectName("statementDialog")
        self.model = StatementModel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = derived_table(self.model, self, "statement", fitted=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        try:
            rows = loan_statement(context.require(), loan.id or 0, dt.date.today())
        except (VaultError, KeyError, ValueError) as exc:
            messages.error(self, str(exc))
            rows = []
        self.model.set_rows(rows)
        if rows:
            self.table.scrollToBottom()
        follow_language(self, self.retranslate)
        self.retranslate()
        self.resize(760, 560)
        context.track(self)

    def done(self, result: int) -> None:
        self.model.clear()
        super().done(result)

    def retranslate(self, *_args) -> None:
        name = self.loan.lender or format_money(self.loan.principal.minor, self.loan.principal.currency)
        self.setWindowTitle(_("Statement: {loan}").format(loan=name))
        self.summary.setText(_(
            "Month by month: what was owed at the start of the month, the interest added, what was paid "
            "and what was owed at the end. Payments in another currency are counted at the rate you recorded."))
        self.model.retranslate()
        translate_buttons(self.buttons)


class FeeReportPanel(QWidget):
    """Recruitment fees against the reference limits (services.debts.fee_report): totals, findings, sources."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from handbook_app.ui.models.debt_models import FeeFindingModel
        from handbook_app.ui.widgets.editors import DecimalEditor

        self.context = context
        self.report = None
        self.title = QLabel(self)
        self.title.setObjectName("feeTitle")
        self.summary = QLabel(self)
        self.summary.setObjectName("feeSummary")
        self.summary.setWordWrap(True)
        self.rate_label = QLabel(self)
        self.rate = DecimalEditor(optional=True)
        self.rate.setObjectName("feeRate")
        self.rate.edit.editingFinished.connect(self.refresh)
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.rate_label)
        rate_row.addWidget(self.rate, 1)
        self.model = FeeFindingModel(self)
        self.table = derived_table(self.model, self, "feeFindings", fitted=True, wrap=True, limit=520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(rate_row)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def refresh(self) -> None:
        from handbook_app.i18n.formatting import ParseError
        from handbook_app.services.debts import fee_report

        hb = self.context.handbook
        if hb is None:
            self.clear()
            return
        rates = {}
        try:
            value = self.rate.value()
            if value is not None and value > 0:
                rates["JPY"] = value
        except ParseError:
            pass
        try:
            self.report = fee_report(hb, rates)
        except (VaultError, ValueError) as exc:
            self.report = None
            self.summary.setText(str(exc))
            return
        self.model.set_rows(self.report.findings)
        self.retranslate()

    def clear(self) -> None:
        self.report = None
        self.model.clear()
        self.summary.clear()

    def retranslate(self) -> None:
        from handbook_app.core.records import FEE_ITEMS

        self.title.setText("<b>" + _("Compared with the legal limits") + "</b>")
        self.rate_label.setText(_("Yen to the fees' currency (for limits based on your wage):"))
        self.rate.edit.setPlaceholderText(_("for example {example}").format(example=format_decimal(Decimal("171.35"))))
        self.model.retranslate()
        report = self.report
        if report is None or not report.by_item:
            self.summary.setText(_("No recruitment fees recorded yet.") if self.context.handbook else "")
            return
        items = "; ".join(f"{_(FEE_ITEMS.get(k, k))}: {format_money(v.minor, v.currency)}"
                          for k, v in report.by_item.items())
        self.summary.setText(_("Paid before leaving: {total} ({items}).").format(
            total=format_money(report.total.minor, report.total.currency), items=items))
