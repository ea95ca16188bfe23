"""Settings: language, auto-lock, neutral title, recent vaults, fact updates; passphrase, who is entering, verify."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from handbook_app.i18n import LANGUAGE_NAMES, N_, _, current_locale
from handbook_app.ui.context import AppContext
from handbook_app.ui.screens.base import Screen


class SettingsScreen(Screen):
    TITLE = N_("Settings")

    def __init__(self, context: AppContext, window, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.window_ = window
        settings = window.settings
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(current_locale()))
        self.language.currentIndexChanged.connect(lambda _i: window.set_language(self.language.currentData()))
        self.autolock = QSpinBox(self)
        self.autolock.setObjectName("autolockMinutes")
        self.autolock.setRange(1, 120)
        self.autolock.setValue(settings.autolock_minutes)
        self.autolock.setMaximumWidth(140)
        self.language.setMaximumWidth(240)
        self.autolock.valueChanged.connect(window.set_autolock_minutes)
        self.neutral = QCheckBox(self)
        self.neutral.setObjectName("neutralTitle")
        self.neutral.setChecked(settings.neutral_title)
        self.neutral.toggled.connect(window.set_neutral_title)
        self.recent = QCheckBox(self)
        self.recent.setObjectName("rememberRecent")
        self.recent.setChecked(settings.remember_recent)
        self.recent.toggled.connect(window.set_remember_recent)

        self.app_box = QGroupBox(self)
        form = QFormLayout(self.app_box)
        self.language_label, self.autolock_label = QLabel(self), QLabel(self)
        self.language_label.setBuddy(self.language)
        self.autolock_label.setBuddy(self.autolock)
        form.addRow(self.language_label, self.language)
        form.addRow(self.autolock_label, self.autolock)
        form.addRow(self.neutral)
        form.addRow(self.recent)

        self.facts_box = QGroupBox(self)
        self.facts_box.setObjectName("factsBox")
        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("factsInUse")
        self.facts_label.setWordWrap(True)
        self.facts_update_button = QPushButton(self)
        self.facts_update_button.setObjectName("updateFacts")
        self.facts_update_button.clicked.connect(window.choose_facts_update)
        self.facts_rollback_button = QPushButton(self)
        self.facts_rollback_button.setObjectName("rollbackFacts")
        self.facts_rollback_button.clicked.connect(window.rollback_facts)
        facts = QVBoxLayout(self.facts_box)
        facts.addWidget(self.facts_label)
        facts_buttons = QHBoxLayout()
        facts_buttons.addWidget(self.facts_update_button)
        facts_buttons.addWidget(self.facts_rollback_button)
        facts_buttons.addStretch(1)
        facts.addLayout(facts_buttons)
        context.facts_changed.connect(lambda _info: self._show_facts())

        self.vault_box = QGroupBox(self)
        self.actor_label = QLabel(self)
        self.actor_label.setObjectName("currentActor")
        self.actor_button = QPushButton(self)
        self.actor_button.clicked.connect(window.switch_actor)
        self.passphrase_button = QPushButton(self)
        self.passphrase_button.setObjectName("changePassphrase")
        self.passphrase_button.clicked.connect(window.change_passphrase)
        self.profile_button = QPushButton(self)
        self.profile_button.setObjectName("myDetails")
        self.profile_button.clicked.connect(self.open_profile)
        self.profile_dialog = None
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("verify")
        self.verify_button.clicked.connect(self.verify)
        self.witness_button = QPushButton(self)
        self.witness_button.setObjectName("witness")
        self.witness_button.clicked.connect(window.witness)
        self.about_button = QPushButton(self)
        self.about_button.clicked.connect(window.show_about)
        self.verify_result = QPlainTextEdit(self)
        self.verify_result.setObjectName("verifyResult")
        self.verify_result.setReadOnly(True)
        self.verify_result.setMaximumHeight(150)
        self.verify_result.hide()
        vault = QVBoxLayout(self.vault_box)
        row = QHBoxLayout()
        row.addWidget(self.actor_label, 1)
        row.addWidget(self.actor_button)
        vault.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.profile_button)
        buttons.addWidget(self.passphrase_button)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.witness_button)
        buttons.addStretch(1)
        buttons.addWidget(self.about_button)
        vault.addLayout(buttons)
        vault.addWidget(self.verify_result)

        layout = QVBoxLayout(self)
        layout.addWidget(self.app_box)
        layout.addWidget(self.facts_box)
        layout.addWidget(self.vault_box)
        from handbook_app.ui.widgets.safety_box import SafetyBox

        self.safety_box = SafetyBox(window, self)
        layout.addWidget(self.safety_box)
        layout.addStretch(1)
        context.actor_changed.connect(self._show_actor)

    def refresh(self) -> None:
        self._show_actor()
        self.safety_box.refresh()

    def clear(self) -> None:
        self.verify_result.clear()
        self.verify_result.hide()
        self.actor_label.clear()

    def _show_actor(self) -> None:
        hb = self.context.handbook
        if hb is None:
            self.actor_label.clear()
            return
        self.actor_label.setText(_("Entering records now: {who}").format(who=self.window_.actor_text(hb.actor)))

    def open_profile(self):
        from handbook_app.ui.dialogs.record_dialog import open_profile

        self.profile_dialog = open_profile(self.context, self.window())
        return self.profile_dialog

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verify_result.setPlainText(_("Checking the whole record…"))
        self.verify_result.show()

        def shown(ok: bool, lines: list[str]) -> None:
            self.verify_button.setEnabled(True)
            self.verify_result.setPlainText("\n".join(lines))

        self.window_.verify(shown)

    def retranslate(self) -> None:
        index = self.language.findData(current_locale())
        if index != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(index)
            self.language.blockSignals(False)
        self.app_box.setTitle(_("This app on this computer"))
        self.language_label.setText(_("Language"))
        self.autolock_label.setText(_("Lock after this many minutes without use"))
        self.autolock.setSuffix(" " + _("min"))
        self.neutral.setText(_("Use a neutral window title and icon (the app's name is not shown)"))
        self.recent.setText(_("Remember recently opened vaults (off: other users of this PC cannot see them)"))
        self.vault_box.setTitle(_("This vault"))
        self.actor_button.setText(_("Change who is entering…"))
        self.passphrase_button.setText(_("Change the passphrase…"))
        self.profile_button.setText(_("My details…"))
        self.verify_button.setText(_("Verify the record"))
        self.witness_button.setText(_("Witness (support worker)…"))
        self.about_button.setText(_("About…"))
        self.facts_box.setTitle(_("Facts: rights guide, contacts, minimum wages, fee limits"))
        self.facts_update_button.setText(_("Update facts from a file…"))
        self.facts_update_button.setToolTip(_("A support group, union or NGO can give you a signed facts update "
                                              "file (.thpack). You can also drop it on this window."))
        self.facts_rollback_button.setText(_("Use the previous facts"))
        self.safety_box.retranslate()
        self._show_actor()
        self._show_facts()

    def _show_facts(self) -> None:
        from handbook_app.services.content import facts_store

        store = facts_store()
        info = store.current()
        if info.bundled:
            text = _("Facts in use: those of this version of the program (as of {date}).").format(
                date=info.published.isoformat())
        else:
            text = _("Facts in use: {label}, published by {publisher}.").format(label=info.label(),
                                                                              publisher=info.publisher)
        self.facts_label.setText(text)
        self.facts_rollback_button.setEnabled(store.previous() is not None)
