"""Table model for money sent home."""

from __future__ import annotations

from PySide6.QtCore import Qt

from handbook_app.core import records as r
from handbook_app.i18n import N_
from handbook_app.ui.models.record_model import Column, RecordTableModel, choice, date, money, money_key


class RemittanceModel(RecordTableModel):
    RECORD_TYPE = r.Remittance
    DATE, SENT, FEE, RECEIVED, CHANNEL, PROVIDER, RECIPIENT = range(7)
    DEFAULT_SORT = (0, Qt.SortOrder.DescendingOrder)  # newest first
    COLUMNS = (
        Column(N_("Date"), lambda x, lk: date(x.date), lambda x: x.date),
        Column(N_("Sent"), lambda x, lk: money(x.sent), lambda x: money_key(x.sent), True),
        Column(N_("Fee"), lambda x, lk: money(x.fee), lambda x: money_key(x.fee), True),
        Column(N_("Received"), lambda x, lk: money(x.received), lambda x: money_key(x.received), True),
        Column(N_("How"), lambda x, lk: choice(r.CHANNELS, x.channel)),
        Column(N_("Provider"), lambda x, lk: x.provider),
        Column(N_("Recipient"), lambda x, lk: x.recipient),
    )
