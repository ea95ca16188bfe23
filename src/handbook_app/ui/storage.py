"""Qt's own files follow app_paths: in portable mode every QSettings file goes beside the program.

Qt keeps settings of its own too: the file dialog's `QtProject` history, in the native format
(a .conf file in ~/.config on Linux, the registry on Windows). Portable mode points both formats
at the bundle's data folder before the first QSettings is made. Windows ignores the path of its
native format (the registry), so there the dialog still touches `HKCU\\Software\\QtProject`, which
file_dialogs.forget_history empties each time a dialog closes.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from handbook_app import app_paths


def configure_qsettings() -> bool:
    """Call before any QSettings is made; True when the app runs portable."""
    settings_file = app_paths.settings_file()
    if settings_file is None:
        return False
    folder = str(settings_file.parent)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, folder)
    return True


def app_settings_store(organisation: str, application: str) -> QSettings:
    """The app's own settings: an INI file beside the program when portable, else the OS's usual place."""
    settings_file = app_paths.settings_file()
    if settings_file is not None:
        return QSettings(str(settings_file), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, organisation, application)
