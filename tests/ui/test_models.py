"""Table models without widgets: named columns, lazy texts, sorting by value, diacritic-free filtering."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.ui.clipboard import copy_then_clear
from handbook_app.ui.models.incident_model import IncidentModel
from handbook_app.ui.models.record_model import RecordFilterProxy, fold
from handbook_app.ui.models.remittance_model import RemittanceModel


def test_fold_drops_diacritics():
    assert fold("Lương tối thiểu") == "luong toi thieu"
    assert fold("Đồng") == "dong"


def test_filter_finds_vietnamese_without_accents_and_sorts_by_value(qapp):
    model = IncidentModel()
    model.set_records([
        r.Incident(id=1, started=dt.date(2024, 2, 1), title="Lương bị trả thiếu", category="unpaid_wages"),
        r.Incident(id=2, started=dt.date(2023, 11, 20), title="Giữ hộ chiếu", category="documents_withheld"),
        r.Incident(id=3, started=dt.date(2025, 1, 8), title="Tiền nhà", category="housing"),
    ])
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("luong")
    assert proxy.rowCount() == 1
    assert proxy.index(0, IncidentModel.TITLE).data() == "Lương bị trả thiếu"
    proxy.set_filter_text("")
    proxy.sort(IncidentModel.STARTED, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(i, IncidentModel.TITLE).data() for i in range(3)] == [
        "Giữ hộ chiếu", "Lương bị trả thiếu", "Tiền nhà"]


def test_money_columns_sort_by_amount_not_text(qapp):
    model = RemittanceModel()
    model.set_records([
        r.Remittance(id=i, date=dt.date(2026, 1, i), sent=Money(amount, "JPY"), received=Money(0, "VND"))
        for i, amount in enumerate((9_000, 100_000, 80_000), start=1)
    ])
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(RemittanceModel.SENT, Qt.SortOrder.DescendingOrder)
    ids = [proxy.index(i, 0).data(model_role := Qt.ItemDataRole.UserRole + 2) for i in range(3)]
    assert model_role and ids == [2, 3, 1]
    model.clear()
    assert model.rowCount() == 0


def test_copied_value_is_cleared_from_the_clipboard(qtbot, qapp):
    copy_then_clear("1.500.000 ₫", after_ms=50)
    assert qapp.clipboard().text() == "1.500.000 ₫"
    qtbot.waitUntil(lambda: qapp.clipboard().text() == "", timeout=2000)


def test_idle_time_counts_a_sleep_the_monotonic_clock_missed(qtbot, monkeypatch):
    import time as real_time

    from handbook_app.ui import autolock

    lock = autolock.IdleLock(timeout_s=300)
    lock.touch()
    # The PC slept for an hour on a system whose monotonic clock stopped meanwhile.
    later = real_time.time() + 3600
    monkeypatch.setattr(autolock.time, "time", lambda: later)
    assert lock.seconds_left() <= 0


def test_copied_value_is_marked_for_clipboard_history_tools_to_skip(qtbot, qapp):
    copy_then_clear("Nguyễn Văn Minh", after_ms=60_000)
    data = qapp.clipboard().mimeData()
    assert data.text() == "Nguyễn Văn Minh"
    assert bytes(data.data("x-kde-passwordManagerHint")) == b"secret"
    assert bytes(data.data("ExcludeClipboardContentFromMonitorProcessing")) == b"1"
    qapp.clipboard().clear()
