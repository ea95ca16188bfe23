"""Texts of the rights guide screen, set again whenever the language changes."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTreeWidgetItem

from handbook_app.guide import LANGS
from handbook_app.i18n import LANGUAGE_NAMES, _, current_locale
from handbook_app.ui.screens.guide_parts import SLUG_ROLE, TOPIC_LABELS, default_second_lang, print_available


class GuideTextsMixin:
    """Texts of the rights guide screen, set again whenever the language changes. Mixed into GuideScreen, which holds the widgets and the state."""

    # ------------------------------------------------------------------ texts
    def retranslate(self, *_args: object) -> None:
        lang = current_locale()
        self.search_box.setPlaceholderText(_("Search the guide (Ctrl+F)…"))
        self.search_box.setAccessibleName(_("Search the guide"))
        self.scope_label.setText(_("In:"))
        scope = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(LANGUAGE_NAMES[lang], "ui")
        self.scope.addItem(_("All languages"), "all")
        self.scope.setCurrentIndex(1 if scope == "all" else 0)
        self.scope.blockSignals(False)
        self.scope.setAccessibleName(_("Search in which language"))
        self.topic_tree.setAccessibleName(_("Articles by topic"))
        self.results.setAccessibleName(_("Search results"))
        self._fill_tree()
        # start page
        self.start_heading.setText("<h2>{}</h2>".format(html.escape(_("What happened? Choose what fits."))))
        for task in self.guide.tasks:
            button = self.task_buttons[task.key]
            button.setText(task.title.get(lang, task.title["en"]))
            button.setAccessibleName(task.title.get(lang, task.title["en"]))
        self.help_button.setText(_("Help now: emergency numbers (F1)"))
        self.help_button.setAccessibleName(_("Help now: emergency numbers"))
        self.selfcheck_button.setText(_("Private self-check"))
        self.selfcheck_button.setAccessibleName(_("Private self-check"))
        self.start_hint.setText(_("Or choose an article by topic on the left, or type in the search box. "
                                  "Vietnamese works without accents: “luong” finds “lương”."))
        # task page
        self.task_back.setText(_("Back"))
        self.task_read.setText(_("Read the full article"))
        self.task_help.setText(_("Help now (F1)"))
        # article page
        self.article_back.setText(_("Back"))
        self.article_home.setText(_("Guide start"))
        self.side_by_side.setText(_("Side by side with:"))
        self.side_by_side.setAccessibleName(_("Show a second language side by side"))
        self.second_lang.setAccessibleName(_("Second language"))
        self.official_button.setText(_("Show this to the official"))
        self.official_button.setToolTip(_("The Japanese text, large, on the whole screen. Esc closes."))
        self.print_button.setText(_("Print to PDF…"))
        self._update_print_button()
        if self._second == lang:
            self._second = default_second_lang(lang)
        self._fill_second_langs()
        self._search(self.search_box.text())
        page = self.pages.currentIndex()
        if page == 1 and self.current_task:
            self._render_task()
        elif page == 2 and self.current_slug:
            self._render_article()

    def _update_print_button(self) -> None:
        available = print_available()
        self.print_button.setEnabled(available)
        self.print_button.setAccessibleName(_("Print this article to PDF"))
        if not available:
            self.print_button.setToolTip(_("Printing guide articles is not available in this version yet."))
        else:
            self.print_button.setToolTip(_("Save this article as a PDF in one or two languages."))

    def _fill_second_langs(self) -> None:
        primary = current_locale()
        self.second_lang.blockSignals(True)
        self.second_lang.clear()
        for lang in LANGS:
            if lang != primary:
                self.second_lang.addItem(LANGUAGE_NAMES[lang], lang)
        self.second_lang.setCurrentIndex(max(0, self.second_lang.findData(self._second)))
        self.second_lang.blockSignals(False)

    def _fill_tree(self) -> None:
        lang = current_locale()
        expanded = {self.topic_tree.topLevelItem(i).data(0, SLUG_ROLE)
                    for i in range(self.topic_tree.topLevelItemCount())
                    if self.topic_tree.topLevelItem(i).isExpanded()}
        self.topic_tree.clear()
        for topic, slugs in self.guide.topics.items():
            label = _(TOPIC_LABELS.get(topic, topic))
            top = QTreeWidgetItem([label])
            top.setData(0, SLUG_ROLE, f"topic:{topic}")
            top.setToolTip(0, label)
            for slug in slugs:
                if not self.guide.has(slug, lang):
                    continue
                title = self.guide.article(slug, lang).title
                child = QTreeWidgetItem([title])
                child.setData(0, SLUG_ROLE, slug)
                child.setToolTip(0, f"{title}\n\n{self.guide.article(slug, lang).summary}")
                top.addChild(child)
            self.topic_tree.addTopLevelItem(top)
            top.setExpanded(f"topic:{topic}" in expanded)
