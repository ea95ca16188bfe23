"""The window: start, unlock, workspace and neutral pages; locking (idle, minimise, close, quick exit)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from handbook_app import app_paths
from handbook_app.i18n import LANGUAGE_NAMES, _, current_locale, set_locale
from handbook_app.services.vault_folder import default_vault_dir, known_vaults, portable_dir
from handbook_app.ui import file_dialogs, messages
from handbook_app.ui.autolock import IdleLock
from handbook_app.ui.clipboard import clear_copied
from handbook_app.ui.context import AppContext
from handbook_app.ui.lang import notifier
from handbook_app.ui.lock_sweep import close_windows
from handbook_app.ui.neutral_identity import apply_identity
from handbook_app.ui.quick_keys import QuickKeys
from handbook_app.ui.screens.neutral_screen import NeutralScreen
from handbook_app.ui.screens.start_screen import StartScreen
from handbook_app.ui.settings import AppSettings
from handbook_app.ui.source_cache import forget_module_sources
from handbook_app.ui.worker import run_async

if TYPE_CHECKING:
    from handbook_app.core.records import Actor
    from handbook_app.services.handbook import Handbook
    from handbook_app.services.session import UnlockInfo
    from handbook_app.ui.screens.unlock_screen import UnlockScreen

# Start-up speed: the start screen is all a cold start shows, so the unlock screen, the session and
# vault services (SQLCipher, the record types, Babel's number data) load when first needed.

DEMO_PASSPHRASE = "demo"
FILE_CHECK_MS = 3000


def demo_vault_path() -> Path:
    return app_paths.demo_vault_path()  # once in the app data folder (Qt's own doubled the folder name)


def _build_demo(path: Path) -> Path:
    from handbook_app.services import session
    from handbook_app.services.demo import build_demo

    path.parent.mkdir(parents=True, exist_ok=True)
    hb = session.create(path, DEMO_PASSPHRASE, check_policy=False)  # invented data, passphrase in the README
    try:
        build_demo(hb)
    finally:
        hb.lock()
    return path


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        forget_module_sources()  # before the first widgets: their memory can reuse it
        self.setObjectName("mainWindow")
        self.settings = settings or AppSettings()
        self.context = AppContext(self)
        self.vault_path: Path | None = None
        self.workspace = None
        self.last_lock_reason = ""
        # Who was entering records when the vault was last locked, for re-unlocking the same vault.
        # In memory only (never QSettings): a support worker stays credited after an auto-lock.
        self.remembered_actor: tuple[Path, Actor] | None = None
        # The vault open before a lock or quick exit (path, is demo), to return to it: memory only.
        self.last_vault: tuple[Path, bool] | None = None

        self.idle = IdleLock(self, self.settings.autolock_minutes * 60)
        self.idle.expired.connect(lambda: self.lock("auto"))
        self.idle.countdown.connect(self._show_countdown)
        self.file_watch = QTimer(self)
        self.file_watch.setInterval(FILE_CHECK_MS)
        self.file_watch.timeout.connect(self._check_file)

        self.pages = QStackedWidget(self)
        self.start = StartScreen(self)
        self._unlock_screen: UnlockScreen | None = None  # made when first shown (see unlock_screen)
        self.neutral = NeutralScreen(self)
        for page in (self.start, self.neutral):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.start.create_requested.connect(self.create_vault)
        self.start.open_requested.connect(self.open_file)
        self.start.demo_requested.connect(self.open_demo)
        self.start.vault_chosen.connect(lambda path: self.open_unlock(Path(path)))
        self._safety = None  # recovery sheet, backups, drafts: made when first needed (start-up speed)
        self.start.help_requested.connect(self.show_help_now)
        self.neutral.continue_requested.connect(self.return_to_vault)

        self._build_status_bar()
        self._build_actions()
        self.setAcceptDrops(True)  # a facts update file dropped anywhere on the window
        notifier().changed.connect(self.retranslate)
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)
        self.show_start()
        self.retranslate()

    @property
    def safety(self):
        if self._safety is None:
            from handbook_app.ui.safety_actions import SafetyActions

            self._safety = SafetyActions(self)
        return self._safety

    @property
    def unlock_screen(self) -> UnlockScreen:
        if self._unlock_screen is None:
            from handbook_app.ui.screens.unlock_screen import UnlockScreen

            screen = UnlockScreen(self)
            self.pages.insertWidget(1, screen)
            screen.unlock_requested.connect(self._unlock)
            screen.back_requested.connect(self.show_start)
            screen.help_requested.connect(self.show_help_now)
            screen.recover_requested.connect(self.safety.recover_with_code)
            self._unlock_screen = screen
        return self._unlock_screen

    # --- chrome ------------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.actor_label = QLabel(self)
        self.actor_label.setObjectName("actorStatus")
        self.countdown_label = QLabel(self)
        self.countdown_label.setObjectName("countdown")
        self.countdown_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.countdown_label.hide()
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("statusLanguage")
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(self.language_box.findData(current_locale()))
        self.language_box.currentIndexChanged.connect(lambda _i: self.set_language(self.language_box.currentData()))
        self.lock_button = QPushButton(self)
        self.lock_button.setObjectName("lockButton")
        self.lock_button.clicked.connect(lambda: self.lock("manual"))
        self.quick_button = QPushButton(self)
        self.quick_button.setObjectName("quickExitButton")
        self.quick_button.clicked.connect(self.quick_exit)
        from handbook_app.ui.read_only_banner import ReadOnlyBanner

        self.read_only_banner = ReadOnlyBanner(self)
        bar.addWidget(self.read_only_banner)
        bar.addWidget(self.actor_label, 1)
        bar.addPermanentWidget(self.countdown_label)
        bar.addPermanentWidget(self.language_box)
        bar.addPermanentWidget(self.lock_button)
        bar.addPermanentWidget(self.quick_button)

    def _build_actions(self) -> None:
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(lambda: self.lock("manual"))
        self.quick_action = QAction(self)
        self.quick_action.setShortcuts([QKeySequence("F12"), QKeySequence("Ctrl+Shift+Q")])
        self.quick_action.triggered.connect(self.quick_exit)
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(self.new_record)
        self.help_action = QAction(self)
        self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.triggered.connect(self.show_help_now)
        self.about_action = QAction(self)
        self.about_action.setShortcut(QKeySequence("Shift+F1"))
        self.about_action.triggered.connect(self.show_about)
        self.nav_actions = []
        for index in range(8):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.go_to(i))
            self.nav_actions.append(action)
        for action in (self.lock_action, self.quick_action, self.new_action, self.help_action, self.about_action,
                       *self.nav_actions):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            self.addAction(action)
        # Lock and quick exit must work over modal dialogs too, where Qt blocks shortcuts.
        self.quick_keys = QuickKeys([self.quick_action, self.lock_action], self)
        self.quick_entry_actions: list = []  # Ctrl+Shift+R, M, I, P: installed at the first unlock (start-up speed)
        from handbook_app.ui.widgets.fit_screen import ScreenFit

        self.screen_fit = ScreenFit(self)  # every dialog opens inside the screen, buttons in view
        self._update_actions()

    def _update_actions(self) -> None:
        unlocked = self.context.handbook is not None
        for action in (self.lock_action, self.new_action, *self.nav_actions):
            action.setEnabled(unlocked)
        self.lock_button.setVisible(unlocked)

    def retranslate(self, *_args) -> None:
        index = self.language_box.findData(current_locale())
        if index != self.language_box.currentIndex():
            self.language_box.blockSignals(True)
            self.language_box.setCurrentIndex(index)
            self.language_box.blockSignals(False)
        self.language_box.setAccessibleName(_("Language"))
        self.language_box.setToolTip(_("Language"))
        self.lock_button.setText(_("Lock"))
        self.lock_button.setToolTip(_("Lock the vault now (Ctrl+L)"))
        self.quick_button.setText(_("Quick exit"))
        self.quick_button.setToolTip(_("Save, lock and show a neutral screen at once (F12)"))
        self.lock_action.setText(_("Lock"))
        self.quick_action.setText(_("Quick exit"))
        self.new_action.setText(_("New record"))
        self.about_action.setText(_("About…"))
        self.help_action.setText(_("Help now"))
        for page in (self.start, self._unlock_screen, self.neutral):
            if page is not None:
                page.retranslate()
        if self.workspace is not None:
            self.workspace.retranslate()
        self._show_actor()
        self.apply_title()

    def apply_title(self) -> None:
        neutral = self.settings.neutral_title or self.pages.currentWidget() is self.neutral
        apply_identity(self, neutral)

    def actor_text(self, actor: Actor) -> str:
        if actor.kind == "support":
            who = actor.name + (f" ({actor.organisation})" if actor.organisation else "")
            return _("support worker {who}").format(who=who)
        return _("the trainee")

    def _show_actor(self) -> None:
        hb = self.context.handbook
        if hb is None:
            self.actor_label.clear()
        else:
            self.actor_label.setText(_("Entering records: {who}").format(who=self.actor_text(hb.actor)))

    def _show_countdown(self, seconds: int) -> None:
        if seconds < 0:
            self.countdown_label.hide()
        else:
            self.countdown_label.setText(_("Locking in {seconds} s — move the mouse to stay").format(seconds=seconds))
            self.countdown_label.show()

    # --- start -------------------------------------------------------------------------------------
    def _set_chrome(self, shown: bool) -> None:
        """The status bar (language, lock, quick exit, who is entering) — hidden on the neutral screen."""
        self.statusBar().setVisible(shown)

    def remembered_actor_for(self, path: Path) -> Actor | None:
        if self.remembered_actor is not None and self.remembered_actor[0] == Path(path):
            return self.remembered_actor[1]
        return None

    def show_start(self) -> None:
        self._set_chrome(True)
        portable = portable_dir()
        found = known_vaults()
        self.start.set_vaults([p for p in found if portable is not None and p.parent == portable],
                              self.settings.recent(), [p for p in found if portable is None or p.parent != portable])
        self.pages.setCurrentWidget(self.start)
        self.apply_title()

    def open_unlock(self, path: Path, demo: bool = False) -> None:
        self.vault_path = Path(path)
        self.context.is_demo = demo
        self._set_chrome(True)
        self.unlock_screen.set_vault(self.vault_path, demo)
        self.unlock_screen.set_actor(self.remembered_actor_for(self.vault_path))
        self.pages.setCurrentWidget(self.unlock_screen)
        self.apply_title()

    def return_to_vault(self) -> None:
        """After quick exit: back to the unlock screen of the vault that was open, else the start screen."""
        if self.last_vault is not None and self.last_vault[0].is_file():
            self.open_unlock(*self.last_vault)
        else:
            self.show_start()

    def _start_dir(self) -> str:
        folder = default_vault_dir()
        if folder.is_dir():
            return str(folder)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def open_file(self) -> None:
        path = file_dialogs.open_file(
            self, _("Open a vault file"), self._start_dir(), _("Vaults (*.vault);;All files (*)"))
        if path:
            self.open_unlock(Path(path))

    def open_demo(self, path: Path | None = None) -> None:
        path = Path(path) if path else demo_vault_path()
        self.open_unlock(path, demo=True)
        if path.exists():
            return
        self.unlock_screen.set_busy(True, _("Preparing the demo vault…"))

        def done(_result) -> None:
            self.unlock_screen.set_busy(False)
            self.unlock_screen.passphrase.setFocus()

        def failed(exc: Exception) -> None:
            self.unlock_screen.set_busy(False)
            self.unlock_screen.show_error(str(exc))

        run_async(lambda: _build_demo(path), done, failed)

    def create_vault(self, path: str = "", actor: Actor | None = None, error: str = "", trainee: str = ""):
        """The create dialog; after a failed creation it opens again with the path and the actor filled in."""
        from handbook_app.ui.dialogs.create_vault_dialog import CreateVaultDialog

        dialog = CreateVaultDialog(self)
        if path or actor is not None or error:
            dialog.prefill(path, actor, error)
        dialog.trainee_name.setText(trainee)
        self.create_dialog = dialog
        dialog.accepted.connect(lambda: self._create_from(dialog))
        dialog.open()
        return dialog

    def _create_from(self, dialog) -> None:
        path, passphrase, actor = dialog.values()
        trainee = dialog.trainee()
        # The dialog object lives on (it may reopen after a failure): it must not keep the passphrase.
        dialog.passphrase.first.clear()
        dialog.passphrase.second.clear()
        self.vault_path = Path(path)
        self.context.is_demo = False
        self.unlock_screen.set_vault(self.vault_path)
        self.pages.setCurrentWidget(self.unlock_screen)
        self.unlock_screen.set_busy(True, _("Creating the vault…"))

        from handbook_app.services.errors import VaultError
        from handbook_app.services.session import UnlockInfo

        def failed(exc: Exception) -> None:
            self.unlock_screen.set_busy(False)
            self.show_start()
            reason = str(exc) if isinstance(exc, VaultError) else \
                _("The vault could not be created: {reason}").format(reason=exc)
            self.create_vault(path, actor, reason, trainee)  # nothing typed is lost but the passphrases

        from handbook_app.services.new_vault import create_vault

        run_async(lambda: create_vault(path, passphrase, actor, trainee),
                  lambda hb: self.enter(hb, UnlockInfo(None, 0), created=True), failed)

    # --- unlock ------------------------------------------------------------------------------------
    def _unlock(self, passphrase: str, actor: Actor) -> None:
        path = self.vault_path
        if path is None:
            return
        self.unlock_screen.set_busy(True)
        from handbook_app.services import session
        from handbook_app.services.errors import TooSoon, VaultError

        def failed(exc: Exception) -> None:
            self.unlock_screen.set_busy(False)
            if isinstance(exc, TooSoon):
                self.unlock_screen.show_error(str(exc))
                self.unlock_screen.start_wait(exc.wait_s)
            elif isinstance(exc, VaultError):
                self.unlock_screen.show_error(str(exc))
                self.unlock_screen.start_wait(session.wait_needed(path))
            else:
                self.unlock_screen.show_error(_("The vault could not be opened: {reason}").format(reason=exc))

        def done(result) -> None:
            self.unlock_screen.set_busy(False)
            hb, info = result
            self.enter(hb, info)

        run_async(lambda: session.unlock(path, passphrase, actor), done, failed)

    def enter(self, handbook: Handbook, info: UnlockInfo, created: bool = False) -> None:
        from handbook_app.ui.workspace import Workspace

        self.context.handbook = handbook
        self.vault_path = handbook.path
        self.last_vault = (Path(handbook.path), self.context.is_demo)
        self._set_chrome(True)
        self.unlock_screen.clear()
        if not self.quick_entry_actions:
            from handbook_app.ui.widgets.home_actions import install_quick_actions

            self.quick_entry_actions = install_quick_actions(self, self.context)
        if self.workspace is None:
            self.workspace = Workspace(self.context, self)
            self.pages.addWidget(self.workspace)
            self._hook_guide(self.workspace)
            forget_module_sources()
        self.workspace.enter(info, created=created)
        self.pages.setCurrentWidget(self.workspace)
        if not self.context.is_demo:
            self.settings.add_recent(str(handbook.path))
        self.idle.set_timeout(self.settings.autolock_minutes * 60)
        self.idle.start()
        self.file_watch.start()
        self._update_actions()
        self._show_actor()
        self.apply_title()
        self.read_only_banner.show_for(handbook)
        self.context.unlocked.emit()
        self.context.actor_changed.emit()
        QTimer.singleShot(0, self.safety.offer_drafts)  # forms kept when the vault last locked

    # --- workspace commands ----------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        if self.workspace is not None and self.context.handbook is not None:
            self.workspace.show_index(index)

    def new_record(self) -> None:
        if self.workspace is None or self.context.handbook is None:
            return
        screen = self.workspace.current_screen()
        method = getattr(screen, "new_record", None)
        if callable(method):
            method()

    def set_language(self, code: str) -> None:
        self.settings.language = code
        set_locale(code)

    def set_autolock_minutes(self, minutes: int) -> None:
        self.settings.autolock_minutes = minutes
        if self.idle.active:
            self.idle.set_timeout(minutes * 60)

    def set_neutral_title(self, on: bool) -> None:
        self.settings.neutral_title = on
        self.apply_title()

    def set_remember_recent(self, on: bool) -> None:
        self.settings.remember_recent = on
        if on and self.context.handbook is not None and not self.context.is_demo:
            self.settings.add_recent(str(self.context.handbook.path))

    def switch_actor(self) -> None:
        from handbook_app.ui.dialogs.actor_dialog import ActorDialog

        hb = self.context.handbook
        if hb is None:
            return
        dialog = ActorDialog(hb.actor, self)
        self.context.track(dialog)
        if dialog.exec() == QDialog.DialogCode.Accepted and self.context.handbook is hb:
            hb.set_actor(dialog.actor())
            self._show_actor()
            self.context.actor_changed.emit()

    def change_passphrase(self):
        """Ask for the current passphrase and the new one; re-key with the dialog still open, so a wrong
        current passphrase shows beside its field and changes nothing."""
        from handbook_app.ui.dialogs.passphrase_dialog import ChangePassphraseDialog

        hb = self.context.handbook
        if hb is None:
            return None
        dialog = ChangePassphraseDialog(self)
        self.passphrase_dialog = dialog
        self.context.track(dialog)

        def submitted(current: str, new: str) -> None:
            if self.context.handbook is not hb:
                dialog.reject()
                return
            self.idle.stop()
            dialog.set_busy(True)

            def finish() -> None:
                if self.context.handbook is hb:
                    self.idle.start()

            def done(_result) -> None:
                finish()
                dialog.set_busy(False)
                dialog.accept()
                messages.inform(self, _("Passphrase changed"),
                                _("From now on, open this vault with the new passphrase."))
                self.safety.after_passphrase_change(hb, new)

            from handbook_app.services.errors import VaultError, WrongPassphraseOrNotVault

            def failed(exc: Exception) -> None:
                finish()
                dialog.set_busy(False)
                if not dialog.isVisible():
                    return
                if isinstance(exc, WrongPassphraseOrNotVault):
                    dialog.show_current_error(str(exc))
                elif isinstance(exc, VaultError):
                    dialog.show_new_error(str(exc))
                else:
                    dialog.show_new_error(_("The passphrase could not be changed: {reason}").format(reason=exc))

            run_async(lambda: hb.change_passphrase(new, current_passphrase=current), done, failed)

        dialog.submitted.connect(submitted)
        dialog.open()
        return dialog

    def witness(self):
        """A support worker signs the history's head with the organisation's key (issue 17 #2)."""
        from handbook_app.ui.dialogs.witness_dialog import WitnessDialog

        hb = self.context.handbook
        if hb is None:
            return None
        dialog = WitnessDialog(hb, self)
        self.witness_dialog = dialog
        self.context.track(dialog)
        dialog.open()
        return dialog

    def verify(self, shown) -> None:
        from handbook_app.services.verification import describe_report

        hb = self.context.handbook
        if hb is None:
            return
        run_async(lambda: describe_report(hb.verify()), lambda res: shown(*res),
                  lambda exc: shown(False, [str(exc)]))

    def show_help_now(self):
        """F1: emergency numbers and where to ask for help; its article links open in the guide screen."""
        from handbook_app.ui.widgets.help_now import show_help_now

        dialog = show_help_now(self)
        if not getattr(dialog, "_guide_wired", False):
            dialog.open_article.connect(self._open_guide_article)
            dialog._guide_wired = True
        return dialog

    def _open_guide_article(self, slug: str) -> None:
        if self.workspace is not None and self.context.handbook is not None:
            self.workspace.show_key("guide").open_article(slug)
            return
        from handbook_app.ui.screens.guide_screen import open_guide_window

        open_guide_window(self, slug)  # locked: a guide window of its own

    def _hook_guide(self, workspace) -> None:
        """Connect the guide screen's start_incident(category, title) when the workspace first creates it."""
        create = workspace.screen

        def screen(key: str, _create=create):
            new = key not in workspace.screens
            widget = _create(key)
            if new and key == "guide" and hasattr(widget, "start_incident"):
                widget.start_incident.connect(self.start_incident)
            return widget

        workspace.screen = screen

    def start_incident(self, category: str, title: str):
        """A new incident dialog with `category` and `title` filled in (from the guide's self-check)."""
        if self.workspace is None or self.context.handbook is None:
            return None
        return self.workspace.show_key("incidents").new_incident(category, title)

    # --- offline fact updates (ui/facts_updates.py) -----------------------------------------------------
    def choose_facts_update(self):
        from handbook_app.ui.facts_updates import choose_pack, open_update

        pack = choose_pack(self)
        return open_update(self, self.context, pack) if pack else None

    def rollback_facts(self) -> None:
        from handbook_app.ui.facts_updates import roll_back

        roll_back(self, self.context)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        from handbook_app.ui.facts_updates import dropped_pack

        if dropped_pack(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        from handbook_app.ui.facts_updates import dropped_pack, open_update

        pack = dropped_pack(event.mimeData())
        if pack is not None:
            event.acceptProposedAction()
            open_update(self, self.context, pack)

    def show_about(self) -> None:
        from handbook_app.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        self.context.track(dialog)
        dialog.open()

    # --- the vault file vanished -------------------------------------------------------------------
    def _check_file(self) -> None:
        hb = self.context.handbook
        if hb is None or hb.file_present():
            return
        self.file_watch.stop()
        self.idle.stop()
        if messages.ask(
            self, _("The vault file is gone"),
            _("The vault file was moved or deleted while it was open. What you see is still here, but new "
              "changes cannot be kept in the missing file."),
            yes=_("Save a copy…"), no=_("Lock now"),
            detail=_("Save a copy now to keep everything, then continue from the copy."),
        ):
            self._rescue_copy(hb)
        else:
            self.lock("manual")

    def _rescue_copy(self, hb: Handbook) -> None:
        from handbook_app.services.errors import VaultError
        from handbook_app.ui.dialogs.create_vault_dialog import CreateVaultDialog

        dialog = CreateVaultDialog(self, self._start_dir(), copy_mode=True)
        if dialog.exec() != QDialog.DialogCode.Accepted or self.context.handbook is not hb:
            self.lock("manual")
            return
        path, passphrase, _actor = dialog.values()
        try:
            hb.save_copy(path, passphrase)
        except VaultError as exc:
            messages.error(self, str(exc))
            self._rescue_copy(hb)
            return
        self.lock("manual")
        self.open_unlock(Path(path))

    # --- locking -----------------------------------------------------------------------------------
    def lock(self, reason: str = "manual") -> None:
        """Save a pending edit if it can be saved, close every dialog, clear every model, close the vault."""
        hb = self.context.handbook
        self.last_lock_reason = reason
        if reason == "quick":
            self.remembered_actor = None  # quick exit: forget who was here
        elif hb is not None:
            self.remembered_actor = (Path(hb.path), hb.actor)
        if hb is None:
            if reason == "quick":
                self._close_dialogs()
                self._show_neutral()
            return
        self.idle.stop()
        self.file_watch.stop()
        from handbook_app.ui.dialogs.record_dialog import RecordDialog

        dialogs = self.context.open_dialogs()  # before saving: a saved form closes itself, and is emptied too
        for dialog in dialogs:
            if isinstance(dialog, RecordDialog):
                with contextlib.suppress(Exception):
                    dialog.guard.keep_for_lock()  # saved as a record, or kept as a draft inside the vault
        self._close_dialogs(dialogs)
        if self.workspace is not None:
            self.workspace.clear()
        with contextlib.suppress(Exception):
            hb.lock()
        self.context.handbook = None
        self.context.locked.emit()
        clear_copied()
        self._update_actions()
        self._show_actor()
        if reason == "quick":
            self._show_neutral()
        elif reason != "close":
            self.unlock_screen.set_vault(hb.path, self.context.is_demo)
            self.unlock_screen.set_actor(self.remembered_actor_for(hb.path))
            self.pages.setCurrentWidget(self.unlock_screen)
            if reason == "auto":
                self.unlock_screen.status.setText(_("Locked after a time without use."))
            self.apply_title()

    def quick_exit(self) -> None:
        self.lock("quick")

    def _show_neutral(self) -> None:
        if self._unlock_screen is not None:
            self._unlock_screen.clear()
        self._set_chrome(False)
        self.pages.setCurrentWidget(self.neutral)
        self.apply_title()

    def _close_dialogs(self, dialogs=None) -> None:
        close_windows(self, self.context.open_dialogs() if dialogs is None else dialogs)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized() and self.context.handbook is not None:
            QTimer.singleShot(0, lambda: self.lock("minimise"))
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.lock("close")
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        event.accept()


