"""Plan payments: when a loan is paid off at a planned monthly payment, two plans side by side, and
several loans paid from one monthly budget in your own order, smallest first or highest interest first.

Every figure comes from services.debts (project_loan, compare_loan_plans, project_all); the dialog only
reads what is typed and shows the results, recomputed as the user types.
"""

from __future__ import annotations

import contextlib
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.core.projection import STRATEGIES, BudgetProjection, Plan, Projection
from handbook_app.i18n import _
from handbook_app.i18n.formatting import format_date, format_money, join_sentences
from handbook_app.services.debts import compare_loan_plans, latest_rate, loan_state_on, project_all
from handbook_app.services.errors import VaultError
from handbook_app.ui.context import AppContext
from handbook_app.ui.dialogs.money_dialogs import HINT_STYLE, both_ways, quiet_decimal, quiet_money
from handbook_app.ui.lang import follow_language, translate_buttons
from handbook_app.ui.models.debt_models import LoanOutcomeModel
from handbook_app.ui.widgets.editors import DecimalEditor
from handbook_app.ui.widgets.loan_panel import BANNER_STYLE, derived_table, fit_columns
from handbook_app.ui.widgets.money_edit import MoneyEdit

WARN_STYLE = "color: #b00020; font-weight: bold;"


def loan_name(loan: r.Loan) -> str:
    return loan.lender or format_money(loan.principal.minor, loan.principal.currency)


class PlanBox(QGroupBox):
    """One plan: a monthly payment (any currency) and, when it differs from the loan's, the rate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = MoneyEdit("JPY")
        self.amount.setObjectName("payment")
        self.rate = DecimalEditor(optional=True)
        self.rate.setObjectName("rate")
        self.rate_label = QLabel()
        self.amount_label = QLabel()
        self.conversion = QLabel()
        self.conversion.setStyleSheet(HINT_STYLE)
        self.conversion.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout(self)
        self.form.addRow(self.amount_label, self.amount)
        self.form.addRow(self.rate_label, self.rate)
        self.form.addRow(QLabel(), self.conversion)
        self.form.addRow(self.result)
        self.projection: Projection | None = None

    def plan(self, loan_currency: str) -> Plan | None:
        money = quiet_money(self.amount.text(), self.amount.currency())
        if money is None or money.minor <= 0:
            return None
        if money.currency == loan_currency:
            return Plan(money)
        rate = quiet_decimal(self.rate.text())
        if rate is None or rate <= 0:
            return None
        return Plan(money, rate)

    def show_currency(self, loan_currency: str) -> None:
        differs = self.amount.currency() != loan_currency
        self.form.setRowVisible(self.rate, differs)
        self.form.setRowVisible(self.conversion, differs)
        rate = quiet_decimal(self.rate.text())
        if differs and rate is not None and rate > 0:
            self.conversion.setText(both_ways(rate, self.amount.currency(), loan_currency))
        elif differs:
            self.conversion.setText(_("Enter how many {loan} one {paid} is worth.").format(
                loan=loan_currency, paid=self.amount.currency()))


class ProjectionDialog(QDialog):
    def __init__(self, context: AppContext, loan_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("projectionDialog")
        hb = context.require()
        self.loans = [loan for loan in hb.records(r.Loan, order="start")]
        self.tabs = QTabWidget(self)

        # --- one loan, two plans ---------------------------------------------------------------
        one = QWidget()
        self.loan_label = QLabel()
        self.loan_combo = QComboBox()
        self.loan_combo.setObjectName("loan")
        for loan in self.loans:
            self.loan_combo.addItem(loan_name(loan), loan.id)
        if loan_id is not None and self.loan_combo.findData(loan_id) >= 0:
            self.loan_combo.setCurrentIndex(self.loan_combo.findData(loan_id))
        self.owed = QLabel()
        self.owed.setObjectName("owed")
        self.plan_a = PlanBox()
        self.plan_b = PlanBox()
        self.plan_a.setObjectName("planA")
        self.plan_b.setObjectName("planB")
        self.comparison = QLabel()
        self.comparison.setObjectName("comparison")
        self.comparison.setWordWrap(True)
        self.trap = QLabel()
        self.trap.setObjectName("trap")
        self.trap.setWordWrap(True)
        self.trap.setStyleSheet(BANNER_STYLE)
        self.trap.hide()
        top = QHBoxLayout()
        top.addWidget(self.loan_label)
        top.addWidget(self.loan_combo, 1)
        plans = QHBoxLayout()
        plans.addWidget(self.plan_a, 1)
        plans.addWidget(self.plan_b, 1)
        one_layout = QVBoxLayout(one)
        one_layout.addLayout(top)
        one_layout.addWidget(self.owed)
        one_layout.addLayout(plans)
        one_layout.addWidget(self.comparison)
        one_layout.addWidget(self.trap)
        one_layout.addStretch(1)

        # --- all loans from one budget --------------------------------------------------------
        many = QWidget()
        self.budget = MoneyEdit("JPY")
        self.budget.setObjectName("budget")
        self.budget_label = QLabel()
        self.rates_box = QGroupBox()
        self.rates_form = QFormLayout(self.rates_box)
        self.rate_edits: dict[str, object] = {}
        self.rate_labels: dict[str, QLabel] = {}
        for cur in dict.fromkeys(loan.principal.currency for loan in self.loans):
            editor = DecimalEditor(optional=True)
            editor.setObjectName(f"rate_{cur}")
            label = QLabel()
            self.rate_edits[cur] = editor
            self.rate_labels[cur] = label
            self.rates_form.addRow(label, editor)
            editor.edit.textChanged.connect(self.update_budget)
        self.strategy_label = QLabel()
        self.strategy = QComboBox()
        self.strategy.setObjectName("strategy")
        for key in STRATEGIES:
            self.strategy.addItem("", key)
        self.order_label = QLabel()
        self.order = QListWidget()
        self.order.setObjectName("order")
        self.order.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.order.setMaximumHeight(120)
        for loan in self.loans:
            item = QListWidgetItem(loan_name(loan))
            item.setData(Qt.ItemDataRole.UserRole, loan.id)
            self.order.addItem(item)
        self.order.model().rowsMoved.connect(lambda *_a: self.update_budget())
        self.up = QPushButton()
        self.down = QPushButton()
        self.up.setObjectName("up")
        self.down.setObjectName("down")
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down.clicked.connect(lambda: self.move_selected(1))
        order_buttons = QVBoxLayout()
        order_buttons.addWidget(self.up)
        order_buttons.addWidget(self.down)
        order_buttons.addStretch(1)
        order_row = QHBoxLayout()
        order_row.addWidget(self.order, 1)
        order_row.addLayout(order_buttons)
        self.budget_result = QLabel()
        self.budget_result.setObjectName("budgetResult")
        self.budget_result.setWordWrap(True)
        self.outcomes = LoanOutcomeModel(self)
        self.outcome_table = derived_table(self.outcomes, self, "outcomes")
        self.strategies_table = QTableWidget(len(STRATEGIES), 3)
        self.strategies_table.setObjectName("strategies")
        self.strategies_table.verticalHeader().setVisible(False)
        # the order's name (text) takes the spare width; the date and the interest keep theirs, beside it
        strategies_header = self.strategies_table.horizontalHeader()
        strategies_header.setStretchLastSection(False)
        strategies_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        strategies_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        strategies_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.strategies_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.strategies_table.setMaximumHeight(120)
        form = QFormLayout()
        form.addRow(self.budget_label, self.budget)
        form.addRow(self.strategy_label, self.strategy)
        many_layout = QVBoxLayout(many)
        many_layout.addLayout(form)
        many_layout.addWidget(self.rates_box)
        many_layout.addWidget(self.order_label)
        many_layout.addLayout(order_row)
        many_layout.addWidget(self.budget_result)
        many_layout.addWidget(self.outcome_table, 1)
        many_layout.addWidget(self.strategies_table)

        self.tabs.addTab(one, "")
        self.tabs.addTab(many, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        # suggestions: the rate of the latest remittance into each loan currency
        for box in (self.plan_a, self.plan_b):
            box.amount.edit.textChanged.connect(self.update_single)
            box.amount.currency_box.currentIndexChanged.connect(self.update_single)
            box.rate.edit.textChanged.connect(self.update_single)
        self.loan_combo.currentIndexChanged.connect(self._loan_changed)
        self.budget.edit.textChanged.connect(self.update_budget)
        self.budget.currency_box.currentIndexChanged.connect(self.update_budget)
        self.strategy.currentIndexChanged.connect(self.update_budget)
        for cur, editor in self.rate_edits.items():
            suggestion = latest_rate(hb, "JPY", cur) if cur != "JPY" else None
            if suggestion is not None:
                editor.set_value(suggestion)  # type: ignore[attr-defined]
        self._suggest_rates()

        self.budget_projection: BudgetProjection | None = None
        follow_language(self, self.retranslate)
        self.retranslate()
        self._loan_changed()
        self.update_budget()
        self.resize(900, 640)
        context.track(self)

    def done(self, result: int) -> None:
        self.outcomes.clear()
        super().done(result)

    # --- helpers ---------------------------------------------------------------------------------
    def current_loan(self) -> r.Loan | None:
        loan_id = self.loan_combo.currentData()
        return next((loan for loan in self.loans if loan.id == loan_id), None)

    def _suggest_rates(self) -> None:
        loan = self.current_loan()
        hb = self.context.handbook
        if loan is None or hb is None or loan.principal.currency == "JPY":
            return
        suggestion = latest_rate(hb, "JPY", loan.principal.currency)
        for box in (self.plan_a, self.plan_b):
            if suggestion is not None and not box.rate.text().strip():
                box.rate.set_value(suggestion)

    def _loan_changed(self, *_args) -> None:
        self._suggest_rates()
        loan = self.current_loan()
        hb = self.context.handbook
        self.owed.clear()
        if loan is not None and hb is not None:
            with contextlib.suppress(VaultError, KeyError, ValueError):
                state = loan_state_on(hb, loan.id or 0)
                if state is not None:
                    self.owed.setText(_("Still owed today: {amount}").format(
                        amount=format_money(state.balance.minor, state.balance.currency)))
        self.update_single()

    def move_selected(self, step: int) -> None:
        row = self.order.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.order.count():
            return
        item = self.order.takeItem(row)
        self.order.insertItem(target, item)
        self.order.setCurrentRow(target)
        self.update_budget()

    def custom_order(self) -> list[int]:
        return [self.order.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.order.count())]

    # --- one loan --------------------------------------------------------------------------------
    def update_single(self, *_args) -> None:
        loan = self.current_loan()
        hb = self.context.handbook
        if loan is None or hb is None:
            return
        cur = loan.principal.currency
        plans = []
        for box in (self.plan_a, self.plan_b):
            box.show_currency(cur)
            plans.append(box.plan(cur))
        results: list[Projection | None] = [None, None]
        try:
            if plans[0] is not None or plans[1] is not None:
                a = plans[0] or plans[1]
                b = plans[1] or plans[0]
                cmp = compare_loan_plans(hb, loan.id or 0, a, b)  # type: ignore[arg-type]
                results = [cmp.a if plans[0] else None, cmp.b if plans[1] else None]
            else:
                cmp = None
        except (VaultError, KeyError, ValueError) as exc:
            self.comparison.setText(str(exc))
            return
        for box, proj in zip((self.plan_a, self.plan_b), results, strict=True):
            box.projection = proj
            if proj is None:
                box.result.setStyleSheet("")
                box.result.setText(_("Type a monthly payment to see when the loan is paid off."))
                continue
            text = proj.message()
            if proj.payment.currency != box.amount.currency():
                text = _("Reaches the loan as {amount} a month.").format(
                    amount=format_money(proj.payment.minor, proj.payment.currency)) + "\n" + text
            box.result.setStyleSheet(WARN_STYLE if proj.never_pays_off else "")
            box.result.setText(text)
        self.comparison.clear()
        if cmp is not None and plans[0] is not None and plans[1] is not None:
            if cmp.months_saved is None:
                self.comparison.setText("")
            elif cmp.months_saved == 0 and cmp.interest_saved is not None and cmp.interest_saved.minor == 0:
                self.comparison.setText(_("Both plans finish at the same time."))
            else:
                saved = cmp.interest_saved
                assert saved is not None
                if cmp.months_saved >= 0:
                    self.comparison.setText(_(
                        "Plan B finishes {months} months sooner and saves {interest} of interest.").format(
                        months=cmp.months_saved, interest=format_money(saved.minor, saved.currency)))
                else:
                    self.comparison.setText(_(
                        "Plan A finishes {months} months sooner and saves {interest} of interest.").format(
                        months=-cmp.months_saved, interest=format_money(-saved.minor, saved.currency)))
        trapped = [p for p in results if p is not None and p.debt_trap]
        if trapped and trapped[0].deadline is not None:
            self.trap.setText(_(
                "Debt trap: with this plan the loan is not paid off before {date}, when your contract or "
                "period of stay ends.").format(date=format_date(trapped[0].deadline)))
            self.trap.show()
        else:
            self.trap.hide()

    # --- all loans -------------------------------------------------------------------------------
    def _rates(self) -> dict[str, Decimal]:
        out = {}
        for cur, editor in self.rate_edits.items():
            value = quiet_decimal(editor.text())  # type: ignore[attr-defined]
            if value is not None and value > 0:
                out[cur] = value
        return out

    def update_budget(self, *_args) -> None:
        strategy = self.strategy.currentData() or "custom"
        custom = strategy == "custom"
        self.order.setEnabled(custom)
        self.up.setEnabled(custom)
        self.down.setEnabled(custom)
        budget_cur = self.budget.currency()
        for cur, editor in self.rate_edits.items():
            self.rates_form.setRowVisible(editor, cur != budget_cur)  # type: ignore[arg-type]
        self.rates_box.setVisible(any(cur != budget_cur for cur in self.rate_edits))
        hb = self.context.handbook
        budget = quiet_money(self.budget.text(), budget_cur)
        self.budget_projection = None
        self.outcomes.clear()
        for row in range(self.strategies_table.rowCount()):
            for col in (1, 2):
                self.strategies_table.setItem(row, col, QTableWidgetItem(""))
        if hb is None or budget is None or budget.minor <= 0 or not self.loans:
            self.budget_result.setStyleSheet("")
            self.budget_result.setText(_("Type what you can pay each month for all loans together."))
            return
        rates = self._rates()
        missing = [cur for cur in self.rate_edits if cur != budget_cur and cur not in rates]
        if missing:
            self.budget_result.setStyleSheet("")
            self.budget_result.setText(_("Enter the exchange rate for: {currencies}.").format(
                currencies=", ".join(missing)))
            return
        results: dict[str, BudgetProjection] = {}
        try:
            for key in STRATEGIES:
                results[key] = project_all(hb, budget, key, rates, self.custom_order())
        except (VaultError, ValueError) as exc:
            self.budget_result.setText(str(exc))
            return
        proj = results[strategy]
        self.budget_projection = proj
        self.outcomes.set_rows([proj.outcomes[i] for i in proj.order])
        fit_columns(self.outcome_table)
        self.budget_result.setStyleSheet(WARN_STYLE if proj.never_pays_off or proj.debt_trap else "")
        self.budget_result.setText(self.budget_message(proj))
        for row, key in enumerate(STRATEGIES):
            p = results[key]
            when = format_date(p.payoff_date) if p.payoff_date and not p.never_pays_off else _("Never")
            interest = ", ".join(format_money(m.minor, m.currency) for m in p.total_interest().values())
            self.strategies_table.setItem(row, 1, QTableWidgetItem(when))
            amount = QTableWidgetItem(interest)
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.strategies_table.setItem(row, 2, amount)

    def budget_message(self, proj: BudgetProjection) -> str:
        amount = format_money(proj.budget.minor, proj.budget.currency)
        if proj.never_pays_off:
            return _("A budget of {amount} a month does not cover the interest: these debts never get paid off.").format(
                amount=amount)
        if not proj.months:
            return _("Nothing is owed.")
        text = _("With {amount} a month, every loan is paid off in {months} months, on {date}.").format(
            amount=amount, months=proj.months, date=format_date(proj.payoff_date))
        if proj.debt_trap and proj.deadline is not None:
            text = join_sentences([text, _("This is after {deadline}, when your contract or period of stay ends.")
                                   .format(deadline=format_date(proj.deadline))])
        return text

    # --- language --------------------------------------------------------------------------------
    def retranslate(self, *_args) -> None:
        self.setWindowTitle(_("Plan payments"))
        self.tabs.setTabText(0, _("One loan: compare two plans"))
        self.tabs.setTabText(1, _("All loans from one budget"))
        self.loan_label.setText(_("Loan:"))
        for box, title in ((self.plan_a, _("Plan A")), (self.plan_b, _("Plan B"))):
            box.setTitle(title)
            box.amount_label.setText(_("Pay each month"))
            box.rate_label.setText(_("Exchange rate"))
            box.amount.retranslate()
            box.rate.retranslate()
        self.budget_label.setText(_("All loans together, each month"))
        self.rates_box.setTitle(_("Exchange rates (loan currency for one unit of the budget)"))
        for cur, label in self.rate_labels.items():
            label.setText(_("{currency} for one {budget}").format(currency=cur, budget=self.budget.currency()))
        self.strategy_label.setText(_("Order"))
        for i in range(self.strategy.count()):
            self.strategy.setItemText(i, _(STRATEGIES[self.strategy.itemData(i)]))
        self.order_label.setText(_("Your own order (drag, or use the arrows): the first is paid off first."))
        self.up.setText(_("Up"))
        self.down.setText(_("Down"))
        self.strategies_table.setHorizontalHeaderLabels([_("Order"), _("All paid off"), _("Interest still to pay")])
        for row, key in enumerate(STRATEGIES):
            self.strategies_table.setItem(row, 0, QTableWidgetItem(_(STRATEGIES[key])))
        self.strategies_table.resizeColumnToContents(0)
        self.outcomes.retranslate()
        translate_buttons(self.buttons)
        self._loan_changed()
        self.update_budget()

