"""The CLI's language: the environment first, then Windows' display language (no LANG there)."""

from __future__ import annotations

from handbook_app.i18n.system_language import system_language, windows_ui_language

VIETNAMESE, JAPANESE, ENGLISH_US, FRENCH = 0x042A, 0x0411, 0x0409, 0x040C


def test_environment_wins_in_its_order() -> None:
    assert system_language({"LANG": "ja_JP.UTF-8"}, "linux") == "ja"
    assert system_language({"LANG": "ja_JP.UTF-8", "LC_ALL": "vi_VN.UTF-8"}, "linux") == "vi"
    assert system_language({"HANDBOOK_LANG": "en", "LC_ALL": "vi_VN"}, "win32", lambda: JAPANESE) == "en"


def test_windows_without_lang_uses_the_display_language() -> None:
    assert system_language({}, "win32", lambda: VIETNAMESE) == "vi"
    assert system_language({}, "win32", lambda: JAPANESE) == "ja"
    assert system_language({"LANG": "C"}, "win32", lambda: JAPANESE) == "ja"  # "C" is not a language of ours


def test_a_language_we_lack_or_an_unreadable_one_falls_back_to_english() -> None:
    assert system_language({}, "win32", lambda: FRENCH) == "en"
    assert windows_ui_language(lambda: 0) is None

    def broken() -> int:
        raise OSError("no kernel32")

    assert system_language({}, "win32", broken) == "en"


def test_other_systems_never_ask_windows() -> None:
    def must_not_run() -> int:
        raise AssertionError("asked Windows on Linux")

    assert system_language({}, "linux", must_not_run) == "en"
