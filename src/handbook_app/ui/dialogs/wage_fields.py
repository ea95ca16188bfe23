"""Helpers beside the wage and loan fields of the record dialog (issue 11).

* Contract: "hours a day × working days a year ÷ 12 = N hours a month" under the basis fields, as the
  Minimum Wage Act computes the average scheduled hours, with a button that puts N in the month field.
* Loan: the agreed instalment follows the currency of the amount borrowed while it is empty.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from handbook_app.core import records as r
from handbook_app.core.validation import scheduled_hours
from handbook_app.i18n import _
from handbook_app.i18n.formatting import ParseError, format_decimal


class HoursBasisHelper(QWidget):
    """The computed average scheduled hours a month, and a button to use them."""

    def __init__(self, dialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hoursBasis")
        self.dialog = dialog
        self.result = QLabel(self)
        self.result.setObjectName("hoursBasisResult")
        self.result.setWordWrap(True)
        self.use = QPushButton(self)
        self.use.setObjectName("useHoursBasis")
        self.use.clicked.connect(self.apply)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.result, 1)
        row.addWidget(self.use)
        for name in ("hours_per_day", "days_per_year"):
            dialog.editors[name].edit.textChanged.connect(self.update)
        self.update()

    def computed(self) -> Decimal | None:
        try:
            per_day = self.dialog.editors["hours_per_day"].value()
            per_year = self.dialog.editors["days_per_year"].value()
        except (ParseError, ValueError):
            return None
        finally:
            for name in ("hours_per_day", "days_per_year"):
                self.dialog.editors[name].set_error(None)
        if not per_day or not per_year or per_day <= 0 or per_year <= 0:
            return None
        return scheduled_hours(per_day, per_year)

    def update(self, *_args) -> None:
        value = self.computed()
        self.use.setEnabled(value is not None)
        if value is None:
            self.result.setText(_("Hours a day × working days a year ÷ 12 = the average scheduled hours a month "
                                  "(the Minimum Wage Act's basis). Fill both to compute it."))
        else:
            per_day = self.dialog.editors["hours_per_day"].value()
            per_year = self.dialog.editors["days_per_year"].value()
            self.result.setText(_("{per_day} hours × {per_year} days ÷ 12 = {hours} hours a month").format(
                per_day=format_decimal(per_day), per_year=format_decimal(per_year), hours=format_decimal(value)))

    def apply(self) -> None:
        value = self.computed()
        if value is not None:
            self.dialog.editors["hours_per_month"].set_value(value)

    def retranslate(self) -> None:
        self.use.setText(_("Use this"))
        self.use.setToolTip(_("Put the computed hours into “Average scheduled hours a month”"))
        self.update()


def add_helpers(dialog) -> list:
    """Install the helpers the dialog's record kind has; returns them (each has retranslate())."""
    helpers: list = []
    if dialog.cls is r.Contract:
        helper = HoursBasisHelper(dialog, dialog.host)
        row, _role = dialog.form.getWidgetPosition(dialog.editors["days_per_year"])
        dialog.form.insertRow(row + 1, QLabel(dialog.host), helper)
        helpers.append(helper)
    elif dialog.cls is r.Loan:
        principal, instalment = dialog.editors["principal"], dialog.editors["instalment"]

        def follow(*_args) -> None:
            if not instalment.text().strip():
                instalment.set_currency(principal.currency())

        principal.currency_box.currentIndexChanged.connect(follow)
        follow()
    return helpers
