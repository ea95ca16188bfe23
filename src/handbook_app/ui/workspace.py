"""The unlocked workspace: navigation on the left, one screen at a time on the right, and the
after-unlock banner (when the vault was last opened, failed attempts since)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from handbook_app.i18n import N_, _, ngettext
from handbook_app.i18n.formatting import format_datetime, join_sentences
from handbook_app.services.session import UnlockInfo
from handbook_app.ui.context import AppContext
from handbook_app.ui.icons import nav_icon
from handbook_app.ui.palette import banner_style
from handbook_app.ui.source_cache import forget_module_sources


@dataclass(frozen=True)
class NavItem:
    key: str
    title: str
    icon: str  # a key of handbook_app.ui.icons.nav_icon
    make: Callable[[AppContext, object], QWidget]


def _home(ctx, win):
    from handbook_app.ui.screens.home_screen import HomeScreen
    return HomeScreen(ctx)


def _contract(ctx, win):
    from handbook_app.ui.screens.contract_screen import ContractPayScreen
    return ContractPayScreen(ctx)


def _debts(ctx, win):
    from handbook_app.ui.screens.debts_screen import DebtsScreen
    return DebtsScreen(ctx)


def _remittances(ctx, win):
    from handbook_app.ui.screens.remittances_screen import RemittancesScreen
    return RemittancesScreen(ctx)


def _incidents(ctx, win):
    from handbook_app.ui.screens.incidents_screen import IncidentsScreen
    return IncidentsScreen(ctx)


def _guide(ctx, win):
    from handbook_app.ui.screens.guide_screen import GuideScreen
    return GuideScreen(ctx)


def _reports(ctx, win):
    from handbook_app.ui.screens.reports_screen import ReportsScreen
    return ReportsScreen(ctx)


def _settings(ctx, win):
    from handbook_app.ui.screens.settings_screen import SettingsScreen
    return SettingsScreen(ctx, win)


NAV: tuple[NavItem, ...] = (
    NavItem("home", N_("Home"), "home", _home),
    NavItem("contract", N_("Contract & pay"), "contract", _contract),
    NavItem("debts", N_("Debts"), "debts", _debts),
    NavItem("remittances", N_("Remittances"), "remittances", _remittances),
    NavItem("incidents", N_("Incidents"), "incidents", _incidents),
    NavItem("guide", N_("Rights guide"), "guide", _guide),
    NavItem("reports", N_("Reports"), "reports", _reports),
    NavItem("settings", N_("Settings"), "settings", _settings),
)


def _call(widget: QWidget, name: str, *args) -> None:
    method = getattr(widget, name, None)
    if callable(method):
        method(*args)


class Workspace(QWidget):
    def __init__(self, context: AppContext, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.context = context
        self.window_ = window
        self.screens: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        self._info: UnlockInfo | None = None

        self.nav = QListWidget(self)
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.nav.setMinimumWidth(190)
        self.nav.setMaximumWidth(240)
        for item in NAV:
            entry = QListWidgetItem(nav_icon(item.icon), "")
            entry.setSizeHint(QSize(0, 40))
            self.nav.addItem(entry)
        self.stack = QStackedWidget(self)
        self.placeholders: list[QWidget] = []
        for _item in NAV:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.placeholders.append(holder)
            self.stack.addWidget(holder)
        self.nav.currentRowChanged.connect(self.show_index)

        self.banner = QFrame(self)
        self.banner.setObjectName("banner")
        self.banner_label = QLabel(self.banner)
        self.banner_label.setObjectName("bannerText")
        self.banner_label.setWordWrap(True)
        self.banner_close = QToolButton(self.banner)
        self.banner_close.setText("✕")
        self.banner_close.clicked.connect(self.banner.hide)
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.banner_label, 1)
        row.addWidget(self.banner_close)
        self.banner.hide()

        right = QVBoxLayout()
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.nav)
        layout.addLayout(right, 1)
        self.retranslate()

    # --- screens ---------------------------------------------------------------------------------
    def screen(self, key: str) -> QWidget:
        widget = self.screens.get(key)
        if widget is None:
            index = [n.key for n in NAV].index(key)
            widget = NAV[index].make(self.context, self.window_)
            widget.setObjectName(f"screen_{key}")
            self.placeholders[index].layout().addWidget(widget)
            self.screens[key] = widget
            _call(widget, "retranslate")
            self._stale.add(key)
            forget_module_sources()  # the screen's modules were imported just now
        return widget

    def show_index(self, index: int) -> None:
        if not 0 <= index < len(NAV):
            return
        key = NAV[index].key
        widget = self.screen(key)
        if key in self._stale and self.context.handbook is not None:
            self._stale.discard(key)
            _call(widget, "refresh")
        self.stack.setCurrentIndex(index)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)

    def show_key(self, key: str) -> QWidget:
        self.show_index([n.key for n in NAV].index(key))
        return self.screens[key]

    def current_key(self) -> str:
        return NAV[max(0, self.stack.currentIndex())].key

    def current_screen(self) -> QWidget | None:
        return self.screens.get(self.current_key())

    # --- lock / unlock ---------------------------------------------------------------------------
    def enter(self, info: UnlockInfo | None, created: bool = False) -> None:
        self._stale = set(self.screens)
        self._info = info
        self._created = created
        self._show_banner()
        self.nav.setCurrentRow(-1)
        self.show_index(0)

    def clear(self) -> None:
        for widget in self.screens.values():
            _call(widget, "clear")
        self._info = None
        self.banner.hide()
        self.banner_label.clear()
        self._stale = set(self.screens)

    def retranslate(self) -> None:
        for index, item in enumerate(NAV):
            entry = self.nav.item(index)
            entry.setText(_(item.title))
            shortcut = f"Ctrl+{index + 1}"
            entry.setToolTip(f"{_(item.title)} ({shortcut})")
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, _(item.title))
        self.nav.setAccessibleName(_("Sections"))
        self.banner_close.setToolTip(_("Hide this message"))
        self.banner_close.setAccessibleName(_("Hide this message"))
        for widget in self.screens.values():
            _call(widget, "retranslate")
        self._show_banner()

    def nav_texts(self) -> list[str]:
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    def _show_banner(self) -> None:
        info = self._info
        if info is None:
            self.banner.hide()
            return
        if getattr(self, "_created", False):
            hb = self.context.handbook
            where = _("It is saved at: {path}").format(path=str(hb.path)) if hb is not None else ""
            self.banner_label.setText(join_sentences(
                [_("The new vault was created. Only its passphrase opens it."), where]))
            self.banner.setStyleSheet(banner_style("info"))
            self.banner.show()
            return
        if info.last_opened is None:
            sentences = [_("This vault is opened for the first time.")]
        else:
            sentences = [_("Last opened: {when}.").format(
                when=format_datetime(info.last_opened.astimezone(), fmt="medium"))]
        if info.failed_since:
            sentences.append(ngettext(
                "{count} failed attempt to open it since then.", "{count} failed attempts to open it since then.",
                info.failed_since).format(count=info.failed_since))
            sentences.append(_("If that was not you, someone may have tried to guess your passphrase."))
            self.banner.setStyleSheet(banner_style("error"))
        else:
            sentences.append(_("No failed attempts since then."))
            self.banner.setStyleSheet(banner_style("info"))
        text = join_sentences(sentences)
        self.banner_label.setText(text)
        self.banner.show()
