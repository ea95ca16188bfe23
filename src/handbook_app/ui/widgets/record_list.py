"""A list of one record kind: filter box, sortable table, and Add / Edit / Delete / History.

Every record screen is built from these panels; a screen that wants more (charts, projections,
wage checks) puts its own widgets beside them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.i18n import _, ngettext
from handbook_app.services.changes import Changes
from handbook_app.services.errors import VaultError
from handbook_app.ui import messages
from handbook_app.ui.clipboard import copy_then_clear
from handbook_app.ui.context import AppContext
from handbook_app.ui.models.debt_models import loan_label
from handbook_app.ui.models.record_model import Lookups, RecordFilterProxy, RecordTableModel
from handbook_app.ui.widgets.table_fit import ColumnFitter, WrappingHeader


def standard_lookups(needs: tuple[str, ...]) -> Callable[[object], Lookups]:
    def load(hb) -> Lookups:
        out: Lookups = {}
        if "loan" in needs:
            out["loan"] = {x.id: loan_label(x) for x in hb.records(r.Loan)}
        return out

    return load


SUMMARY_LIMIT = 80


def elide(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """One line of at most `limit` characters (a 1,600-character title must not fill the screen)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class RecordListPanel(QWidget):
    def __init__(self, model: RecordTableModel, context: AppContext, lookup_kinds: tuple[str, ...] = (),
                 order: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.cls = model.RECORD_TYPE
        self.context = context
        self.order = order
        self.lookup_kinds = lookup_kinds
        self._lookups = standard_lookups(lookup_kinds)
        self.dialog = None  # the add/edit dialog currently open from this panel
        self.setObjectName(f"list_{self.cls.KIND}")

        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.filter = QLineEdit(self)
        self.filter.setObjectName("filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.history_button = QPushButton(self)
        self.add_button.setObjectName("add")
        self.edit_button.setObjectName("edit")
        self.delete_button.setObjectName("delete")
        self.history_button.setObjectName("history")
        self.add_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.history_button.clicked.connect(self.history_selected)
        self.count_label = QLabel(self)

        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count_label)
        for button in (self.add_button, self.edit_button, self.delete_button, self.history_button):
            bar.addWidget(button)

        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setHorizontalHeader(WrappingHeader(self.table))  # long labels wrap instead of being cut
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # Size columns from the first rows only: measuring 1,000 rows formats 7,000 cells in Python.
        self.table.horizontalHeader().setResizeContentsPrecision(100)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        # Columns fit the table's width in every language: dates and amounts keep the width of their content,
        # the free-text column (STRETCH, else the last) takes the spare width, long texts elide (tooltip: all).
        stretch = getattr(self.model, "STRETCH", None)
        self.fitter = ColumnFitter(
            self.table, compact=getattr(self.model, "COMPACT", ()),
            stretch=stretch if stretch is not None and 0 <= stretch < self.model.columnCount() else None)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.delete_action = QAction(self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.copy_action = QAction(self.table)
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_current)
        self.edit_action = QAction(self.table)
        self.edit_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_action.triggered.connect(self.edit_selected)
        self.table.addActions([self.delete_action, self.copy_action, self.edit_action])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        context.changed.connect(self.on_changed)
        self.retranslate()
        self._update_buttons()

    # --- content ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        hb = self.context.handbook
        if hb is None or not hb.is_open:
            self.clear()
            return
        try:
            records = hb.records(self.cls, self.order)
            lookups = self._lookups(hb)
        except VaultError as exc:
            messages.error(self, str(exc))
            return
        selected = self.selected_record()
        self.model.set_records(records, lookups)
        self._resort()
        if selected is not None:
            self.select_id(selected.id)
        self._update_count()
        self._update_buttons()

    def _resort(self) -> None:
        header = self.table.horizontalHeader()
        column = header.sortIndicatorSection()
        if column < 0 or column >= self.model.columnCount():
            default = getattr(self.model, "DEFAULT_SORT", None)
            column, order = default if default else (0, Qt.SortOrder.AscendingOrder)
            header.setSortIndicator(column, order)
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.model.clear()
        self.filter.clear()
        self._update_count()
        self._update_buttons()

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(self.cls.KIND, *self.lookup_kinds):
            self.refresh()

    def retranslate(self, *_args) -> None:
        self.filter.setPlaceholderText(_("Filter…"))
        self.filter.setAccessibleName(_("Filter the list"))
        self.add_button.setText(_("Add…"))
        self.add_button.setToolTip(_("Add a record (Ctrl+N)"))
        self.edit_button.setText(_("Edit…"))
        self.delete_button.setText(_("Delete…"))
        self.delete_button.setToolTip(_("Delete the selected record (Delete)"))
        self.history_button.setText(_("History…"))
        self.table.setAccessibleName(_(self.cls.LABEL))
        self.model.retranslate()
        if self.model.rowCount():
            self.proxy.invalidate()
            self._resort()
        self._update_count()

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(ngettext("{count} record", "{count} records", total).format(count=total))
        else:
            self.count_label.setText(_("{shown} of {total}").format(shown=shown, total=total))

    def _update_buttons(self) -> None:
        has = self.selected_record() is not None
        unlocked = self.context.handbook is not None
        self.add_button.setEnabled(unlocked)
        for button in (self.edit_button, self.delete_button, self.history_button):
            button.setEnabled(has)

    # --- selection -------------------------------------------------------------------------------
    def selected_record(self) -> r.Record | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if rows:
            index = rows[0]
        if not index.isValid():
            return None
        return self.model.record_at(self.proxy.mapToSource(index).row())

    def select_id(self, record_id: int | None) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # --- actions ---------------------------------------------------------------------------------
    def new_record(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        record = self.selected_record()
        if record is not None:
            self._open_dialog(record)

    def _open_dialog(self, record: r.Record | None) -> None:
        from handbook_app.ui.dialogs.record_dialog import RecordDialog

        if self.context.handbook is None:
            return
        dialog = RecordDialog(self.cls, record, self.context, self.window())
        dialog.finished.connect(lambda _res, d=dialog: self._dialog_closed(d))
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog) -> None:
        if dialog.saved_changes is not None and dialog.saved_changes.ids:
            self.select_id(dialog.saved_changes.ids[0])
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def delete_selected(self) -> None:
        record = self.selected_record()
        hb = self.context.handbook
        if record is None or hb is None:
            return
        row = self.proxy.mapFromSource(self.model.index(self.model.row_of(record.id), 0)).row()
        summary = " · ".join(self.model.text(self.model.row_of(record.id), c) for c in range(min(3, self.model.columnCount())))
        summary = elide(summary)
        if not messages.ask(
            self, _("Delete this record?"),
            _("“{summary}” will be removed from the lists.").format(summary=summary),
            yes=_("Delete"),
            detail=_("It stays in the record's history, with who deleted it and when. Attachments are deleted with it."),
        ):
            return
        try:
            changes = hb.delete(self.cls, record.id)
        except VaultError as exc:
            messages.error(self, str(exc))
            return
        self.context.notify(changes)
        if self.proxy.rowCount():
            self.select_row(min(row, self.proxy.rowCount() - 1))

    def history_selected(self) -> None:
        from handbook_app.ui.dialogs.history_dialog import HistoryDialog

        record = self.selected_record()
        if record is not None and record.id is not None:
            HistoryDialog(self.context, self.cls, record.id, self.window()).open()

    def copy_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            copy_then_clear(str(index.data() or ""))

    def _context_menu(self, pos) -> None:
        index: QModelIndex = self.table.indexAt(pos)
        menu = QMenu(self)
        menu.addAction(_("Add…"), self.new_record)
        if index.isValid():
            self.table.setCurrentIndex(index)
            menu.addAction(_("Edit…"), self.edit_selected)
            menu.addAction(_("Copy value (cleared after 30 seconds)"), self.copy_current)
            menu.addAction(_("History…"), self.history_selected)
            menu.addSeparator()
            menu.addAction(_("Delete…"), self.delete_selected)
        menu.exec(self.table.viewport().mapToGlobal(pos))
