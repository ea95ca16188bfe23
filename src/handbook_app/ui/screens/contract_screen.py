"""Contract & pay: contracts over the years; payslips with their check against the minimum wage,
the premiums and the contract (findings in the user's language, with numbers); the hours log."""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QWidget

from handbook_app.core.wage_checks import CheckStatus, RateSource, Severity
from handbook_app.i18n import N_, _, ngettext
from handbook_app.i18n.formatting import (
    format_date,
    format_decimal,
    format_money,
    format_month,
    join_sentences,
)
from handbook_app.services.changes import Changes
from handbook_app.services.errors import VaultError
from handbook_app.services.work import (
    PayslipReview,
    contract_warnings,
    review_by_id,
    review_payslips,
    total_shortfall,
    wage_summary,
)
from handbook_app.ui.context import AppContext
from handbook_app.ui.models.contract_models import ContractModel, HoursModel, PayslipModel
from handbook_app.ui.palette import tone
from handbook_app.ui.screens.base import TabbedRecordScreen
from handbook_app.ui.screens.incidents_screen import VerifyBar
from handbook_app.ui.widgets.record_list import RecordListPanel


def hours(value: Decimal) -> str:
    return format_decimal(value, max_digits=2)


def findings_html(review: PayslipReview | None) -> str:
    """The findings panel for one payslip: shortfall, each finding with its numbers, hours logged vs paid."""
    if review is None:
        return "<p>" + html.escape(_("Choose a payslip to see how it was checked.")) + "</p>"
    p = review.payslip
    heading = _("Payslip for {month}").format(month=format_month(p.month))
    parts = ["<h3>" + html.escape(heading) + "</h3>"]
    status = review.status
    if review.flagged:
        amount = format_money(review.shortfall_yen, "JPY")
        text = (_("Estimated shortfall this month: {amount}") if status is CheckStatus.CHECKED else
                _("Estimated shortfall this month: at least {amount} (not fully checked)")).format(amount=amount)
        parts.append(f'<p style="color:{tone("error")}"><b>' + html.escape(text) + "</b></p>")
    elif review.contract is None:
        parts.append("<p>" + html.escape(_("No contract covers this month, so the pay could not be compared with "
                                           "a prefecture's minimum wage or with what was promised. Add the "
                                           "contract, or link the payslip to it.")) + "</p>")
    elif status is CheckStatus.NOT_CHECKED:
        parts.append(f'<p style="color:{tone("warn")}"><b>' + html.escape(
            _("Not checked against the minimum wage: see why below. This is not a result of “no shortfall”."))
            + "</b></p>")
    elif status is CheckStatus.LOWER_BOUND:
        parts.append(f'<p style="color:{tone("warn")}"><b>' + html.escape(
            _("Only partly checked: the minimum wage in force this month is not known.")) + "</b></p>")
    elif not review.findings:
        parts.append(f'<p style="color:{tone("ok")}">' + html.escape(
            _("No problem found: the pay is at or above the minimum wage and the premiums, and the deductions are "
              "within what the contract promised.")) + "</p>")
    items = []
    for finding in review.findings:
        colour = {Severity.SHORTFALL: tone("error"), Severity.WARNING: tone("warn")}.get(finding.severity, "")
        text = html.escape(finding.render())
        if finding.status is not CheckStatus.CHECKED and finding.severity is not Severity.INFO:
            text = "<b>" + text + "</b>"
        items.append(f'<li style="color:{colour}">{text}</li>' if colour else f"<li>{text}</li>")
    if items:
        parts.append("<ul>" + "".join(items) + "</ul>")
    if review.rates:
        compared = "; ".join(rate_line(rate) for rate in review.rates)
        parts.append("<p>" + html.escape(_("Minimum wage compared with: {rates}.").format(rates=compared)) + "</p>")
    if review.logged is not None:
        logged, paid = review.logged.worked, review.paid_hours
        line = _("Hours you logged that month: {logged} (on {days} days); hours paid on the slip: {paid}.").format(
            logged=hours(logged), days=review.logged.days, paid=hours(paid))
        if logged > paid:
            line = join_sentences([line, _("{extra} logged hours were not paid.").format(extra=hours(logged - paid))])
        parts.append("<p>" + html.escape(line) + "</p>")
    else:
        parts.append(f'<p style="color:{tone("muted")}">' + html.escape(
            _("No hours logged for this month. Logging each day's hours makes this check stronger.")) + "</p>")
    parts.append(f'<p style="color:{tone("muted")}"><small>' + html.escape(
        _("An estimate from the figures entered, to help you ask questions; not a legal decision.")) + "</small></p>")
    return "".join(parts)


SOURCE_WORDS = {
    RateSource.TABLE: N_("bundled table, source: {title}"),
    RateSource.USER: N_("typed by you, seen at: {title}"),
    RateSource.INDUSTRY: N_("industry minimum wage on the contract: {title}"),
    RateSource.LAST_KNOWN: N_("the last rate the app knows, a lower bound ({title})"),
}


def rate_line(rate) -> str:
    """One minimum wage compared with: amount, the days it covered, its source (and, for a table row checked
    only against a copy of MHLW's list, that copy)."""
    source = _(SOURCE_WORDS[rate.source]).format(title=rate.source_title or "—")
    if rate.source in (RateSource.TABLE, RateSource.LAST_KNOWN) and rate.checked_against == "copy":
        source = _("{source}; only a copy of that list was available: {copy}").format(
            source=source, copy=rate.copy_title or rate.copy_url)
    return _("{amount} an hour ({first}–{last}; {source})").format(
        amount=format_money(rate.yen_per_hour, "JPY"), first=format_date(rate.start), last=format_date(rate.end),
        source=source)


class ContractPayScreen(TabbedRecordScreen):
    TITLE = N_("Contract & pay")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.contracts = RecordListPanel(ContractModel(), context)
        self.payslips = RecordListPanel(PayslipModel(), context, lookup_kinds=("contract", "hours"), order="month")
        self.hours = RecordListPanel(HoursModel(), context, order="day")
        self.reviews: list[PayslipReview] = []
        self.contract_warnings: list[str] = []
        self.payslips._lookups = self._review_lookups
        super().__init__(context, [
            (N_("Contracts"), self.contracts), (N_("Payslips"), self.payslips), (N_("Hours worked"), self.hours),
        ], parent)
        # Header: the total estimated shortfall and the record check.
        self.total = QLabel(self.header)
        self.total.setObjectName("totalShortfall")
        self.total.setWordWrap(True)
        self.total.setTextFormat(Qt.TextFormat.RichText)
        self.header_layout.addWidget(self.total)
        self.verify_bar = VerifyBar(context, self.header)
        self.header_layout.addWidget(self.verify_bar)
        # Payslips: the findings of the selected one, under the list.
        self.findings = QTextBrowser(self.payslips)
        self.findings.setObjectName("findings")
        self.findings.setOpenLinks(False)
        self.findings.setMinimumHeight(150)
        self.payslips.layout().addWidget(self.findings)
        self.payslips.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_findings())
        # Hours: fast daily entry and the month grid.
        self.quick_button = QPushButton(self.hours)
        self.quick_button.setObjectName("quickHours")
        self.quick_button.clicked.connect(self.open_quick_hours)
        self.grid_button = QPushButton(self.hours)
        self.grid_button.setObjectName("monthGrid")
        self.grid_button.clicked.connect(self.open_month_grid)
        row = QHBoxLayout()
        row.addWidget(self.quick_button)
        row.addWidget(self.grid_button)
        row.addStretch(1)
        self.hours.layout().insertLayout(0, row)
        self.hours_dialog = None
        self.grid_dialog = None

    # --- payslip checks --------------------------------------------------------------------------
    def _review_lookups(self, hb) -> dict:
        try:
            self.reviews = review_payslips(hb)
            self.contract_warnings = contract_warnings(hb)
        except VaultError:
            self.reviews, self.contract_warnings = [], []
        self._show_total()
        return {"review": review_by_id(self.reviews)}

    def selected_review(self) -> PayslipReview | None:
        record = self.payslips.selected_record()
        if record is None:
            return None
        return next((rv for rv in self.reviews if rv.payslip.id == record.id), None)

    def show_findings(self) -> None:
        self.findings.setHtml(findings_html(self.selected_review()))

    def _show_total(self) -> None:
        reviews = self.reviews
        if not reviews:
            self.total.setText("<br>".join(html.escape(w) for w in self.contract_warnings))
            return
        flagged = [rv for rv in reviews if rv.flagged]
        summary = wage_summary(reviews)
        amount = format_money(total_shortfall(reviews), "JPY")
        if flagged:
            message = ngettext(
                "Estimated shortfall in total: {amount} ({count} month with a problem, of {checked} checked).",
                "Estimated shortfall in total: {amount} ({count} months with a problem, of {checked} checked).",
                len(flagged)) if not summary.is_lower_bound else ngettext(
                "Estimated shortfall in total: at least {amount} ({count} month with a problem, of {checked}).",
                "Estimated shortfall in total: at least {amount} ({count} months with a problem, of {checked}).",
                len(flagged))
            text = f"<b style='color:{tone('error')}'>" + html.escape(message.format(
                amount=amount, count=len(flagged), checked=len(reviews))) + "</b>"
        elif summary.checked_months:
            text = html.escape(ngettext("No shortfall found in {count} payslip checked.",
                                        "No shortfall found in {count} payslips checked.",
                                        summary.checked_months).format(count=summary.checked_months))
        else:
            text = ""
        for warning in self.contract_warnings:
            text += "<br><b style='color:" + tone("error") + "'>" + html.escape(warning) + "</b>"
        partly = summary.lower_bound_months
        if partly:
            text += " " + html.escape(ngettext(
                "{count} month was checked only against the last known minimum wage (the amount is at least).",
                "{count} months were checked only against the last known minimum wage (amounts are at least).",
                partly).format(count=partly))
        if summary.not_checked_months:
            text += " <b>" + html.escape(ngettext(
                "{count} month was not checked against the minimum wage: see its findings.",
                "{count} months were not checked against the minimum wage: see their findings.",
                summary.not_checked_months).format(count=summary.not_checked_months)) + "</b>"
        self.total.setText(text.strip())

    # --- hours ----------------------------------------------------------------------------------
    def open_quick_hours(self):
        from handbook_app.ui.dialogs.hours_entry import QuickHoursDialog

        if self.context.handbook is None:
            return None
        self.hours_dialog = QuickHoursDialog(self.context, self.window())
        self.hours_dialog.open()
        return self.hours_dialog

    def open_month_grid(self):
        from handbook_app.ui.dialogs.month_grid import MonthGridDialog

        if self.context.handbook is None:
            return None
        self.grid_dialog = MonthGridDialog(self.context, self.window())
        self.grid_dialog.open()
        return self.grid_dialog

    # --- screen ---------------------------------------------------------------------------------
    def on_changed(self, changes: Changes) -> None:
        if changes.touches("payslip", "contract", "hours"):
            self.show_findings()

    def refresh(self) -> None:
        super().refresh()
        self.show_findings()

    def clear(self) -> None:
        super().clear()
        self.reviews = []
        self.contract_warnings = []
        self.total.clear()
        self.findings.clear()
        self.verify_bar.clear()

    def retranslate(self) -> None:
        super().retranslate()
        self.quick_button.setText(_("Log a day quickly…"))
        self.quick_button.setToolTip(_("Start, end and break for one day; Enter saves and moves to the next day"))
        self.grid_button.setText(_("Whole month as a table…"))
        self.grid_button.setToolTip(_("Copy a month of hours from a notebook, saved all at once"))
        self.findings.setAccessibleName(_("What the check found"))
        self.verify_bar.retranslate()
        hb = self.context.handbook
        if hb is not None and hb.is_open:
            self.contract_warnings = contract_warnings(hb)  # their words are in the old language
        self._show_total()
        self.show_findings()
