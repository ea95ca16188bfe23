"""The Reports screen's texts, set again on every language change."""

from __future__ import annotations

from handbook_app.i18n import _
from handbook_app.i18n.formatting import (
    join_sentences,
)
from handbook_app.services.report_preview import (
    rasteriser_available,
)
from handbook_app.services.reports import (
    REPORT_KINDS,
    SECTIONS,
)
from handbook_app.ui.screens.reports_screen_build import HANDOVER_HEADERS


def retranslate(screen) -> None:
    screen.heading.setText("<h2>{}</h2>".format(_("Reports")))
    screen.what_group.setTitle(_("What to make"))
    for i in range(screen.kind_combo.count()):
        screen.kind_combo.setItemText(i, _(REPORT_KINDS[screen.kind_combo.itemData(i)]))
    screen.kind_combo.setAccessibleName(_("Report"))
    screen.kind_label.setText(_("Report:"))
    screen.lang1_label.setText(_("First language:"))
    screen.lang2_label.setText(_("Second language:"))
    screen.lang2.setItemText(screen.lang2.count() - 1, _("(none — one language only)"))
    screen.lang1.setAccessibleName(_("First language"))
    screen.lang2.setAccessibleName(_("Second language"))
    screen.japanese_first.setText(_("Japanese first (ja, vi)"))
    screen.japanese_first.setAccessibleName(_("Japanese first, Vietnamese second"))
    screen.japanese_first_hint.setText(_("For a labour office or another Japanese reader: headings and findings "
                                         "come first in Japanese."))
    screen.detail_label.setText(_("Incidents in full:"))
    for i, text in enumerate((_("All"), _("Unresolved only"), _("Those in the period"),
                              _("Chosen in the list of records"))):
        screen.detail_combo.setItemText(i, text)
    screen.detail_combo.setToolTip(_("The overview table lists every incident; this chooses which get their full "
                                     "page of details."))
    screen.transactions_box.setText(_("Print every repayment and transfer (appendix)"))
    screen.transactions_box.setToolTip(_("The body shows money month by month. Every single transaction is always "
                                         "inside the PDF as a CSV file; tick this to print them too."))
    screen.untranslated_group.setTitle(_("Incidents without a translation"))
    screen.fill_untranslated()
    screen.lang_hint.setText(_("Every label is printed in both languages. Each language writes money and dates its "
                             "own way; tables use forms both read the same (2026-12-05, ¥1,027)."))
    screen.from_label.setText(_("From:"))
    screen.to_label.setText(_("To:"))
    screen.date_from.edit.setAccessibleName(_("Period from (empty: from the first record)"))
    screen.date_to.edit.setAccessibleName(_("Period to (empty: up to today)"))
    screen.date_from.retranslate()
    screen.date_to.retranslate()
    screen.sections_group.setTitle(_("Sections"))
    for key, box in screen.section_boxes.items():
        box.setText(_(SECTIONS[key]))
    screen.privacy_group.setTitle(_("Privacy"))
    screen.mask_box.setText(_("Hide names and addresses of other people"))
    screen.mask_box.setToolTip(_("Witnesses, people involved, guarantors, relatives who lent money, recipients "
                               "of transfers and the employer's address. Employers and organisations are "
                               "always shown."))
    screen.hide_name_box.setText(_("Leave out my name"))
    screen.images_box.setText(_("Include small pictures of image attachments"))
    screen.full_images_box.setText(_("Also each image at full page width"))
    # the record list is beside these choices (to the right, or below in a narrow window): name it, not a side
    screen.free_text_note.setText(_("Descriptions and notes are printed as written. To keep a name out of them, "
                                  "untick the record under “{records}” or edit it first.").format(
        records=_("Records in the report")))
    screen.protect_group.setTitle(_("Password and handover"))
    screen.password_label.setText(_("PDF password (optional):"))
    screen.again_label.setText(_("The same again:"))
    screen.password.setAccessibleName(_("PDF password"))
    screen.password_again.setAccessibleName(_("PDF password again"))
    screen.password.setPlaceholderText(_("Empty: no password"))
    screen.show_password.setText(_("Show"))
    screen.show_password.setAccessibleName(_("Show the password"))
    screen.recipient_label.setText(_("Given to:"))
    screen.recipient.setAccessibleName(_("To whom the PDF is given"))
    screen.recipient.setPlaceholderText(_("for example: the union, a lawyer (kept in the history)"))
    screen.records_group.setTitle(_("Records in the report"))
    screen.records_hint.setText(_("Untick what should stay private. Attachments of a record that is left out "
                                "are left out too."))
    screen.records_tree.setAccessibleName(_("Records in the report; untick to leave out"))
    screen.records_tree.setHeaderLabels([_("Records"), _("In full")])
    screen.handovers_group.setTitle(_("Earlier handovers"))
    screen.handovers_empty.setText(_("No PDF has been saved or printed from this record yet."))
    screen.handover_list.setHeaderLabels([_(h) for h in HANDOVER_HEADERS])
    screen.handover_list.setAccessibleName(_("Earlier handovers"))
    screen.preview_button.setText(_("Preview"))
    screen.preview_button.setAccessibleName(_("Preview the report"))
    screen.preview_button.setToolTip(_("See the pages here first. Nothing is saved or recorded."))
    screen.save_button.setText(_("Save PDF…"))
    screen.save_button.setAccessibleName(_("Save the report as a PDF file"))
    screen.save_button.setToolTip(_("Choose where to save the PDF (Ctrl+S). The handover is recorded in the "
                                  "history."))
    screen.print_button.setText(_("Print…"))
    screen.print_button.setAccessibleName(_("Print the report"))
    if rasteriser_available():
        screen.print_button.setToolTip(_("Print on paper (Ctrl+P). The handover is recorded in the history."))
    else:
        screen.print_button.setToolTip(_("Printing needs PDFium, which did not load on this computer. "
                                       "Save the PDF and print it from a PDF reader instead."))
    screen._fill_record_labels()
    screen._fill_handovers()
    update_warning(screen)
    screen._show_status()


def update_warning(screen) -> None:
    text = _("The PDF is not protected by the vault: anyone who gets the file can read it. Give it only to "
             "someone you trust, and delete copies you no longer need.")
    if screen.password.text():
        text = join_sentences([text, _("With a password, the file can only be opened with it: give the password "
                                       "separately, for example by phone, never in the same message as the file.")])
    screen.warning.setText(text)
