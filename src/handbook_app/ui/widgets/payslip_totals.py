"""The payslip form adds up its own figures as they are typed and says when they differ from the
gross and net pay typed from the paper (a slip of the keyboard, or a payslip that does not add up)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

from handbook_app.i18n import _
from handbook_app.i18n.formatting import ParseError, format_money, parse_money
from handbook_app.services.quick_entry import PAY_LINES, payslip_sums
from handbook_app.ui.lang import notifier
from handbook_app.ui.palette import tone


def _amount(edit: QLineEdit) -> int | None:
    text = edit.text().strip()
    if not text:
        return None
    try:
        return parse_money(text, "JPY")
    except ParseError:
        return None


class PayslipTotals(QLabel):
    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.setObjectName("payslipTotals")
        self.setWordWrap(True)
        self.dialog = dialog
        editors = dialog.editors
        self.pay = {name: editors[name].focus_widget() for name in PAY_LINES if name in editors}
        self.gross = editors["gross"].focus_widget() if "gross" in editors else None
        self.net = editors["net"].focus_widget() if "net" in editors else None
        deductions = editors.get("deductions")
        self.deductions = list(getattr(deductions, "edits", {}).values())
        for edit in [*self.pay.values(), self.gross, self.net, *self.deductions]:
            if isinstance(edit, QLineEdit):
                edit.textChanged.connect(self.update_text)
        notifier().changed.connect(self.update_text)
        self.update_text()

    def update_text(self, *_args) -> None:
        sums = payslip_sums({k: _amount(e) for k, e in self.pay.items()},
                            _amount(self.gross) if self.gross else None,
                            [v for v in (_amount(e) for e in self.deductions) if v], _amount(self.net) if self.net
                            else None)
        if not sums["pay_total"] and sums["net_gap"] is None:
            self.setText("")
            self.hide()
            return
        lines = [_("Pay lines add up to {amount}.").format(amount=format_money(sums["pay_total"], "JPY"))]
        warn = False
        if sums["gross_gap"]:
            warn = True
            lines.append(_("The gross pay typed differs from that by {amount}.").format(
                amount=format_money(abs(sums["gross_gap"]), "JPY")))
        lines.append(_("Gross pay less deductions: {amount}.").format(amount=format_money(sums["net_computed"], "JPY")))
        if sums["net_gap"]:
            warn = True
            lines.append(_("The net pay typed differs from that by {amount}: check the payslip.").format(
                amount=format_money(abs(sums["net_gap"]), "JPY")))
        self.setStyleSheet(f"color: {tone('warn')};" if warn else "")
        self.setText(" ".join(lines))
        self.show()


def attach_payslip_totals(dialog) -> PayslipTotals:
    """Put the running totals under the net pay field of a payslip form."""
    totals = PayslipTotals(dialog)
    form = dialog.form
    net = dialog.editors.get("net")
    if net is not None:
        row, _role = form.getWidgetPosition(net)
        form.insertRow(row + 1, QLabel(), totals)
    else:
        form.addRow(QLabel(), totals)
    return totals
