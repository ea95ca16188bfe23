"""What the rights guide screen does: navigation, search, links, dialogs and printing."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, QMetaMethod, QObject, Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QListWidgetItem, QMessageBox, QTextBrowser, QTreeWidgetItem

from handbook_app.guide import LANGS, Article, freshness_warning
from handbook_app.i18n import LANGUAGE_NAMES, _, current_locale, ngettext
from handbook_app.ui import file_dialogs, messages
from handbook_app.ui.dialogs.official_view import OfficialView
from handbook_app.ui.dialogs.selfcheck_dialog import SelfCheckDialog
from handbook_app.ui.palette import tone
from handbook_app.ui.screens.guide_parts import HTML_ROLE, LANG_ROLE, SLUG_ROLE, article_html, print_available
from handbook_app.ui.widgets.help_now import contact_line_html, show_help_now


class GuideActionsMixin:
    """What the rights guide screen does: navigation, search, links, dialogs and printing. Mixed into GuideScreen, which holds the widgets and the state."""

    # ------------------------------------------------------------------ navigation
    def _remember(self) -> None:
        page = self.pages.currentIndex()
        entry = (("start", None), ("task", self.current_task), ("article", self.current_slug))[page]
        if not self._history or self._history[-1] != entry:
            self._history.append(entry)

    def back(self) -> None:
        if not self._history:
            self.show_start(remember=False)
            return
        kind, key = self._history.pop()
        if kind == "task" and key:
            self.show_task(key, remember=False)
        elif kind == "article" and key:
            self.open_article(key, remember=False)
        else:
            self.show_start(remember=False)

    def show_start(self, remember: bool = True) -> None:
        if remember:
            self._remember()
        self.pages.setCurrentIndex(0)

    def show_task(self, key: str, remember: bool = True) -> None:
        if remember:
            self._remember()
        self.current_task = key
        self._render_task()
        self.pages.setCurrentIndex(1)

    def open_article(self, slug: str, second: str | None = None, remember: bool = True) -> None:
        """Show an article in the UI language (and `second` beside it, when given)."""
        if not self.guide.has(slug):
            return
        if remember:
            self._remember()
        self.current_slug = slug
        if second and second != current_locale():
            self._second = second
            self._fill_second_langs()
            self.side_by_side.blockSignals(True)
            self.side_by_side.setChecked(True)
            self.side_by_side.blockSignals(False)
        self._render_article()
        self.pages.setCurrentIndex(2)

    def _render_task(self) -> None:
        lang = current_locale()
        task = self.guide.task(self.current_task or "")
        self.task_title.setText("<h2>{}</h2>".format(html.escape(task.title.get(lang, task.title["en"]))))
        steps = "".join(f"<li style='margin-bottom:6px'>{html.escape(s)}</li>" for s in task.steps[lang])
        self.task_steps.setText(f"<ol style='font-size:13pt'>{steps}</ol>")
        lines = []
        for key in task.contacts:  # each line with its languages and hours (ui.widgets.help_now)
            lines.append(contact_line_html(self.guide.contact(key), lang))
        self.task_contacts.setText(
            "<p style='font-size:13pt'><b>{}</b></p><ul>{}</ul>".format(html.escape(_("Who to call")), "".join(lines)) if lines else "")
        self.task_steps.setAccessibleName(_("Steps"))
        title = self.guide.article(task.article, lang).title if self.guide.has(task.article, lang) else ""
        self.task_read.setAccessibleName(_("Read the full article: {title}").format(title=title))

    def _second_lang_chosen(self, _index: int) -> None:
        lang = self.second_lang.currentData()
        if lang:
            self._second = lang
            self._render_article()

    def _render_article(self) -> None:
        slug = self.current_slug
        if not slug:
            return
        primary_lang = current_locale()
        if not self.guide.has(slug, primary_lang):
            primary_lang = next(lg for lg in LANGS if self.guide.has(slug, lg))
        primary = self.guide.article(slug, primary_lang)
        self._set_browser(self.primary_view, primary)
        show_second = (self.side_by_side.isChecked() and self._second != primary_lang
                       and self.guide.has(slug, self._second))
        self.second_lang.setEnabled(self.side_by_side.isChecked())
        if show_second:
            self._set_browser(self.second_view, self.guide.article(slug, self._second))
        self.second_view.setVisible(show_second)
        warning = freshness_warning(primary.checked_on)
        self.stale_banner.setText(warning or "")
        self.stale_banner.setVisible(bool(warning))
        self.official_button.setEnabled(self.guide.has(slug, "ja"))
        self.link_status.clear()

    def _set_browser(self, browser: QTextBrowser, article: Article) -> None:
        browser.setHtml(article_html(article))
        browser.document().setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, article.title)
        browser.setAccessibleName(_("Article in {language}: {title}").format(
            language=LANGUAGE_NAMES[article.lang], title=article.title))

    # ------------------------------------------------------------------ what tests and the main window use
    def article_title(self, which: str = "primary") -> str:
        view = self.primary_view if which == "primary" else self.second_view
        return view.documentTitle()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def refresh(self) -> None:
        """Nothing in the guide depends on the vault."""

    def clear(self) -> None:
        """On lock: forget the search words and any self-check answers (they may say a lot)."""
        if self.selfcheck_dialog is not None:
            self.selfcheck_dialog.close()
        self.search_box.clear()
        self._history.clear()
        self.show_start(remember=False)

    def new_record(self) -> None:
        """Ctrl+N in the guide: nothing to add; focus the search instead."""
        self.focus_search()

    # ------------------------------------------------------------------ search
    def _scope_lang(self) -> str | None:
        return None if self.scope.currentData() == "all" else current_locale()

    def _search(self, text: str) -> None:
        self.results.clear()
        self._hits = []
        if not text.strip():
            self.left_stack.setCurrentIndex(0)
            return
        self.left_stack.setCurrentIndex(1)
        self._hits = self.index.search(text, lang=self._scope_lang(), limit=30)
        for hit in self._hits:
            item = QListWidgetItem(f"{hit.title} — {hit.snippet}")
            tag = "" if hit.lang == current_locale() else f" <small>[{html.escape(hit.lang)}]</small>"
            item.setData(HTML_ROLE, f"<b>{html.escape(hit.title)}</b>{tag}<br>"
                                    f"<span style='color:{tone('muted')}'>{hit.snippet_html()}</span>")
            item.setData(SLUG_ROLE, hit.slug)
            item.setData(LANG_ROLE, hit.lang)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.title}. {hit.snippet}")
            self.results.addItem(item)
        if self._hits:
            self.results_status.setText(ngettext("{count} article found", "{count} articles found",
                                                 len(self._hits)).format(count=len(self._hits)))
        else:
            self.results_status.setText(_("Nothing found for “{query}”. Try another word, "
                                          "or search in all languages.").format(query=text.strip()))

    def open_first_result(self) -> None:
        if self.results.count():
            self._result_activated(self.results.item(0))

    def _result_activated(self, item: QListWidgetItem) -> None:
        slug, lang = item.data(SLUG_ROLE), item.data(LANG_ROLE)
        self.open_article(slug, second=lang if lang != current_locale() else None)

    def _tree_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        slug = item.data(0, SLUG_ROLE)
        if slug and not slug.startswith("topic:"):
            self.open_article(slug)
        elif item.childCount():
            item.setExpanded(not item.isExpanded())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down and self.results.count() and self.left_stack.currentIndex() == 1:
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
            if key == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ links
    def _anchor_clicked(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("guide:"):
            self.open_article(target.removeprefix("guide:"))
        elif target:
            self.show_external_link(target)

    def _link_hovered(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("guide:"):
            slug = target.removeprefix("guide:")
            lang = current_locale()
            title = self.guide.article(slug, lang).title if self.guide.has(slug, lang) else slug
            self.link_status.setText(_("Opens the article: {title}").format(title=title))
        elif target:
            self.link_status.setText(_("Web address (this app does not open it): {url}").format(url=target))
        else:
            self.link_status.clear()

    def show_external_link(self, url: str) -> None:
        """The app is offline: show the address and offer to copy it; never open a browser."""
        box = QMessageBox(self)
        box.setObjectName("externalLinkBox")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_("Web address"))
        box.setText(_("This app works offline and does not open web pages. "
                      "Copy the address to open it on a phone or another computer."))
        box.setInformativeText(url)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy = box.addButton(_("Copy address"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Close"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is copy:
            QApplication.clipboard().setText(url)

    # ------------------------------------------------------------------ dialogs
    def show_official(self) -> None:
        if not self.current_slug or not self.guide.has(self.current_slug, "ja"):
            return
        self.official_view = OfficialView(self.current_slug, self, self.guide)
        self.official_view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.official_view.destroyed.connect(lambda *_a: setattr(self, "official_view", None))
        self.official_view.open_full_screen()

    def open_help_now(self) -> None:
        dialog = show_help_now(self, self.guide)
        if not dialog.property("guideScreenConnected"):
            dialog.open_article.connect(self._open_from_dialog)
            dialog.setProperty("guideScreenConnected", True)

    def _open_from_dialog(self, slug: str) -> None:
        if self.window() is not None:
            self.window().raise_()
        self.open_article(slug)

    def open_selfcheck(self) -> SelfCheckDialog:
        if self.selfcheck_dialog is None:
            dialog = SelfCheckDialog(self, self.guide)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open_article.connect(self._open_from_dialog)
            dialog.start_incident.connect(self.start_incident)
            dialog.destroyed.connect(lambda *_a: setattr(self, "selfcheck_dialog", None))
            self.selfcheck_dialog = dialog
        # Without a receiver (e.g. a guide window opened before unlocking) there is nowhere to record.
        self.selfcheck_dialog.set_can_start_incident(
            self.isSignalConnected(QMetaMethod.fromSignal(self.start_incident)))
        self.selfcheck_dialog.show()
        self.selfcheck_dialog.raise_()
        return self.selfcheck_dialog

    def print_languages(self) -> list[str]:
        """What the PDF holds: the languages on screen (one, or two side by side)."""
        if not self.current_slug:
            return []
        langs = [current_locale() if self.guide.has(self.current_slug, current_locale()) else "en"]
        if self.second_view.isVisibleTo(self) and self._second not in langs:
            langs.append(self._second)
        return langs

    def print_article(self) -> None:
        if not self.current_slug or not print_available():
            return
        from handbook_app.services.reports import ReportError, print_guide_article

        langs = self.print_languages()
        suggested = str(Path.home() / "{slug}-{langs}.pdf".format(slug=self.current_slug, langs="-".join(langs)))
        path = file_dialogs.save_file(self, _("Save the article as PDF"), suggested, _("PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        articles = [self.guide.article(self.current_slug, lang) for lang in langs]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = print_guide_article(path, articles)
        except ReportError as exc:
            QApplication.restoreOverrideCursor()
            messages.error(self, str(exc))
            return
        QApplication.restoreOverrideCursor()
        self.last_pdf = result.path
        messages.inform(self, _("PDF saved"), _("The article was saved as {path} ({pages} pages).").format(
            path=result.path, pages=result.pages))
