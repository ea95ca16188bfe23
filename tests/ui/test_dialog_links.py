"""A dialog follows language changes while it is open and lets go once it finishes, however often it is
finished (a lock rejects it, then its own Close button does): no warning, no retranslating a closed dialog."""

from __future__ import annotations

import warnings

from handbook_app.core import records as r
from handbook_app.i18n import set_locale
from handbook_app.ui.context import AppContext
from handbook_app.ui.widgets.loan_panel import StatementDialog


def test_statement_dialog_follows_the_language_until_closed_twice(qtbot, demo):
    ctx = AppContext()
    ctx.handbook = demo
    loan = demo.records(r.Loan)[0]
    set_locale("vi")
    dialog = StatementDialog(ctx, loan, None)
    qtbot.addWidget(dialog)
    dialog.open()
    vi_title = dialog.windowTitle()
    set_locale("ja")
    ja_title = dialog.windowTitle()
    assert ja_title != vi_title  # followed while open
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # PySide reports a failed disconnect as a RuntimeWarning
        dialog.reject()  # the lock
        dialog.reject()  # then its own Close
    set_locale("vi")
    assert dialog.windowTitle() == ja_title  # a finished dialog is no longer retranslated
