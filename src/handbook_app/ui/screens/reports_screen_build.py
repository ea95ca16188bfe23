"""The Reports screen's widgets: laid out once; their texts are set by `reports_screen_texts`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.i18n import LANGUAGE_NAMES, N_
from handbook_app.services.report_preview import (
    rasteriser_available,
)
from handbook_app.services.reports import (
    REPORT_KINDS,
    SECTIONS,
)
from handbook_app.ui.palette import warning_box_style
from handbook_app.ui.widgets.date_edit import DateEdit
from handbook_app.ui.widgets.field import error_label

LANG_CODES = ("vi", "ja", "en")
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PRINT_DPI = 150
# The records a user can leave out, as groups in the list (kind, group title).
RECORD_GROUPS = (
    (r.Incident, N_("Incidents")),
    (r.Payslip, N_("Payslips")),
    (r.Remittance, N_("Remittances")),
    (r.Attachment, N_("Attachments")),
)
HANDOVER_HEADERS = (N_("When"), N_("What"), N_("Pages"), N_("Given to"), N_("Password"), N_("SHA-256 of the file"))
HANDOVER_KINDS = {"pdf": N_("PDF saved"), "print": N_("Printed"), "json": N_("JSON export"),
                  "backup": N_("Encrypted backup")}


def build(screen) -> None:
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(8, 8, 8, 8)
    screen.heading = QLabel(screen)
    screen.heading.setObjectName("heading")
    outer.addWidget(screen.heading)

    scroll = QScrollArea(screen)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    body = QWidget(scroll)
    scroll.setWidget(body)
    columns = QHBoxLayout(body)
    columns.setContentsMargins(0, 0, 0, 0)
    left, right = QVBoxLayout(), QVBoxLayout()
    columns.addLayout(left, 1)
    columns.addLayout(right, 1)
    outer.addWidget(scroll, 1)

    # what: report, languages, period
    screen.what_group = QGroupBox(body)
    form = QFormLayout(screen.what_group)
    screen.kind_combo = QComboBox(screen.what_group)
    screen.kind_combo.setObjectName("reportKind")
    for key in REPORT_KINDS:
        screen.kind_combo.addItem("", key)
    screen.kind_combo.currentIndexChanged.connect(screen._kind_changed)
    screen.lang1 = QComboBox(screen.what_group)
    screen.lang1.setObjectName("firstLanguage")
    screen.lang2 = QComboBox(screen.what_group)
    screen.lang2.setObjectName("secondLanguage")
    for code in LANG_CODES:
        screen.lang1.addItem(LANGUAGE_NAMES[code], code)
        screen.lang2.addItem(LANGUAGE_NAMES[code], code)
    screen.lang2.addItem("", "")  # only one language
    screen.lang1.setCurrentIndex(screen.lang1.findData("vi"))
    screen.lang2.setCurrentIndex(screen.lang2.findData("ja"))
    screen.lang1.currentIndexChanged.connect(screen._langs_changed)
    screen.lang2.currentIndexChanged.connect(screen._langs_changed)
    screen.date_from = DateEdit(optional=True, parent=screen.what_group)
    screen.date_from.setObjectName("dateFrom")
    screen.date_to = DateEdit(optional=True, parent=screen.what_group)
    screen.date_to.setObjectName("dateTo")
    screen.kind_label, screen.lang1_label, screen.lang2_label = QLabel(), QLabel(), QLabel()
    screen.from_label, screen.to_label = QLabel(), QLabel()
    screen.kind_label.setBuddy(screen.kind_combo)
    screen.lang1_label.setBuddy(screen.lang1)
    screen.lang2_label.setBuddy(screen.lang2)
    screen.from_label.setBuddy(screen.date_from.edit)
    screen.to_label.setBuddy(screen.date_to.edit)
    screen.lang_hint = QLabel(screen.what_group)
    screen.lang_hint.setWordWrap(True)
    screen.lang_hint.setObjectName("hint")
    form.addRow(screen.kind_label, screen.kind_combo)
    form.addRow(screen.lang1_label, screen.lang1)
    form.addRow(screen.lang2_label, screen.lang2)
    form.addRow(screen.lang_hint)
    # for a labour office: Japanese first (headings, order and the document language follow the first)
    screen.japanese_first = QPushButton(screen.what_group)
    screen.japanese_first.setObjectName("japaneseFirst")
    screen.japanese_first.clicked.connect(lambda: screen.set_langs("ja", "vi"))
    screen.japanese_first_hint = QLabel(screen.what_group)
    screen.japanese_first_hint.setWordWrap(True)
    screen.japanese_first_hint.setObjectName("hint")
    form.addRow(screen.japanese_first)
    form.addRow(screen.japanese_first_hint)
    form.addRow(screen.from_label, screen.date_from)
    form.addRow(screen.to_label, screen.date_to)
    left.addWidget(screen.what_group)

    # sections of the evidence pack
    screen.sections_group = QGroupBox(body)
    grid = QGridLayout(screen.sections_group)
    screen.section_boxes: dict[str, QCheckBox] = {}
    for i, key in enumerate(SECTIONS):
        box = QCheckBox(screen.sections_group)
        box.setObjectName(f"section_{key}")
        box.setChecked(True)
        screen.section_boxes[key] = box
        grid.addWidget(box, i // 2, i % 2)
    rows = (len(SECTIONS) + 1) // 2
    screen.detail_label = QLabel(screen.sections_group)
    screen.detail_combo = QComboBox(screen.sections_group)
    screen.detail_combo.setObjectName("incidentDetail")
    for key in ("all", "open", "period", "selected"):
        screen.detail_combo.addItem("", key)
    screen.detail_combo.currentIndexChanged.connect(screen._detail_changed)
    screen.detail_label.setBuddy(screen.detail_combo)
    grid.addWidget(screen.detail_label, rows, 0)
    grid.addWidget(screen.detail_combo, rows, 1)
    screen.transactions_box = QCheckBox(screen.sections_group)
    screen.transactions_box.setObjectName("transactionsAppendix")
    grid.addWidget(screen.transactions_box, rows + 1, 0, 1, 2)
    left.addWidget(screen.sections_group)

    # incidents without a translation: each one click away from its dialog
    screen.untranslated_group = QGroupBox(body)
    untranslated = QVBoxLayout(screen.untranslated_group)
    screen.untranslated_hint = QLabel(screen.untranslated_group)
    screen.untranslated_hint.setWordWrap(True)
    screen.untranslated_list = QListWidget(screen.untranslated_group)
    screen.untranslated_list.setObjectName("untranslated")
    screen.untranslated_list.setMaximumHeight(130)
    screen.untranslated_list.itemClicked.connect(screen.open_untranslated)
    screen.untranslated_list.itemActivated.connect(screen.open_untranslated)
    untranslated.addWidget(screen.untranslated_hint)
    untranslated.addWidget(screen.untranslated_list)
    right.addWidget(screen.untranslated_group)

    # privacy
    screen.privacy_group = QGroupBox(body)
    privacy = QVBoxLayout(screen.privacy_group)
    screen.mask_box = QCheckBox(screen.privacy_group)
    screen.mask_box.setObjectName("maskThirdParties")
    screen.hide_name_box = QCheckBox(screen.privacy_group)
    screen.hide_name_box.setObjectName("hideName")
    screen.images_box = QCheckBox(screen.privacy_group)
    screen.images_box.setObjectName("images")
    screen.images_box.setChecked(True)
    screen.full_images_box = QCheckBox(screen.privacy_group)
    screen.full_images_box.setObjectName("fullImages")
    screen.images_box.toggled.connect(screen._images_toggled)
    for box in (screen.mask_box, screen.hide_name_box, screen.images_box, screen.full_images_box):
        privacy.addWidget(box)
    screen.free_text_note = QLabel(screen.privacy_group)
    screen.free_text_note.setWordWrap(True)
    screen.free_text_note.setObjectName("hint")
    privacy.addWidget(screen.free_text_note)
    left.addWidget(screen.privacy_group)

    # password and recipient
    screen.protect_group = QGroupBox(body)
    protect = QFormLayout(screen.protect_group)
    screen.password = QLineEdit(screen.protect_group)
    screen.password.setObjectName("pdfPassword")
    screen.password.setEchoMode(QLineEdit.EchoMode.Password)
    screen.password_again = QLineEdit(screen.protect_group)
    screen.password_again.setObjectName("pdfPasswordAgain")
    screen.password_again.setEchoMode(QLineEdit.EchoMode.Password)
    screen.show_password = QToolButton(screen.protect_group)
    screen.show_password.setObjectName("pdfPasswordShow")
    screen.show_password.setCheckable(True)
    screen.show_password.toggled.connect(screen._show_password)
    row = QHBoxLayout()
    row.addWidget(screen.password, 1)
    row.addWidget(screen.show_password)
    screen.password_error = error_label(screen.protect_group, "passwordError")
    screen.recipient = QLineEdit(screen.protect_group)
    screen.recipient.setObjectName("recipient")
    screen.password_label, screen.again_label, screen.recipient_label = QLabel(), QLabel(), QLabel()
    screen.password_label.setBuddy(screen.password)
    screen.again_label.setBuddy(screen.password_again)
    screen.recipient_label.setBuddy(screen.recipient)
    protect.addRow(screen.password_label, row)
    protect.addRow(screen.again_label, screen.password_again)
    protect.addRow(screen.password_error)
    protect.addRow(screen.recipient_label, screen.recipient)
    for edit in (screen.password, screen.password_again):
        edit.textChanged.connect(screen._password_edited)
    left.addStretch(1)

    # records to include
    screen.records_group = QGroupBox(body)
    records = QVBoxLayout(screen.records_group)
    screen.records_hint = QLabel(screen.records_group)
    screen.records_hint.setWordWrap(True)
    screen.records_tree = QTreeWidget(screen.records_group)
    screen.records_tree.setObjectName("records")
    screen.records_tree.setColumnCount(2)  # included; printed in full (incidents, when "chosen" is picked)
    screen.records_tree.setColumnHidden(1, True)
    screen.records_tree.header().setStretchLastSection(False)
    screen.records_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    screen.records_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    screen.records_tree.setMinimumHeight(220)
    screen.records_tree.itemChanged.connect(screen._record_toggled)
    records.addWidget(screen.records_hint)
    records.addWidget(screen.records_tree, 1)
    right.addWidget(screen.records_group, 3)
    right.addWidget(screen.protect_group)

    # earlier handovers
    screen.handovers_group = QGroupBox(body)
    hlayout = QVBoxLayout(screen.handovers_group)
    screen.handovers_empty = QLabel(screen.handovers_group)
    screen.handovers_empty.setWordWrap(True)
    screen.handovers_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    screen.handover_list = QTreeWidget(screen.handovers_group)
    screen.handover_list.setObjectName("handovers")
    screen.handover_list.setColumnCount(len(HANDOVER_HEADERS))
    screen.handover_list.setRootIsDecorated(False)
    screen.handover_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    screen.handover_list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    screen.handover_list.setMinimumHeight(150)
    hlayout.addWidget(screen.handovers_empty)
    hlayout.addWidget(screen.handover_list, 1)
    right.addWidget(screen.handovers_group, 2)

    # the warning, the actions and the outcome stay in view below the scrolling choices
    screen.warning = QLabel(screen)
    screen.warning.setObjectName("pdfWarning")
    screen.warning.setWordWrap(True)
    screen.warning.setStyleSheet(warning_box_style())
    outer.addWidget(screen.warning)
    buttons = QHBoxLayout()
    screen.preview_button = QPushButton(screen)
    screen.preview_button.setObjectName("previewButton")
    screen.save_button = QPushButton(screen)
    screen.save_button.setObjectName("saveButton")
    screen.save_button.setDefault(True)
    screen.print_button = QPushButton(screen)
    screen.print_button.setObjectName("printButton")
    screen.print_button.setEnabled(rasteriser_available())
    screen.preview_button.clicked.connect(screen.preview)
    screen.save_button.clicked.connect(screen.save)
    screen.print_button.clicked.connect(screen.print_report)
    buttons.addWidget(screen.preview_button)
    buttons.addWidget(screen.save_button)
    buttons.addWidget(screen.print_button)
    buttons.addStretch(1)
    outer.addLayout(buttons)
    screen.status = QLabel(screen)
    screen.status.setObjectName("reportStatus")
    screen.status.setWordWrap(True)
    screen.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                        | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    outer.addWidget(screen.status)
    ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
    QShortcut(QKeySequence.StandardKey.Save, screen, activated=screen.save, context=ctx)
    QShortcut(QKeySequence.StandardKey.Print, screen, activated=screen.print_report, context=ctx)
