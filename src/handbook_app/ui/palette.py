"""Colours that stay readable under a light and a dark palette (Windows 11 follows the system theme).

Widgets take their text and window colours from the palette; where the app adds colour of its own (an
error line, a warning box, the unlock banner, the month grid, the strength bar) it asks `tone(name)`,
which answers from the set that matches the application palette at that moment. Each pair was chosen
for a WCAG contrast of at least 4.5:1 against the palette's text or window colour it is used with
(tests/ui/test_dark_palette.py measures it).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

LIGHT = {
    "error": "#b00020", "ok": "#1b5e20", "warn": "#7a4a00", "muted": "#444444",
    "info_bg": "#e8f1fb", "info_border": "#8fb3dc",
    "error_bg": "#fdecea", "error_border": "#b00020",
    "warn_bg": "#fff4e5", "warn_border": "#e0a040",
    "quote_bg": "#fff8e1", "intro": "#37474f", "intro_bg": "#eef3f7",
    "grid_bad": "#fdecea", "grid_done": "#eeeeee",
    # strength bar, very weak .. strong: light fills under the palette's dark text
    "strength0": "#f4a6a6", "strength1": "#f8bcbc", "strength2": "#ffd980", "strength3": "#a8d8aa",
    "strength4": "#7cc47f",
}
DARK = {
    "error": "#ff8a80", "ok": "#a5d6a7", "warn": "#ffcc80", "muted": "#c8c8c8",
    "info_bg": "#1d2c3c", "info_border": "#4f7aa8",
    "error_bg": "#3d1c1c", "error_border": "#ff8a80",
    "warn_bg": "#3a2d12", "warn_border": "#a07020",
    "quote_bg": "#3a3220", "intro": "#d5dde2", "intro_bg": "#26323a",
    "grid_bad": "#5a2323", "grid_done": "#3a3a3a",
    # deep fills under the palette's light text
    "strength0": "#7f1010", "strength1": "#8e2a2a", "strength2": "#6b4e00", "strength3": "#245c27",
    "strength4": "#1b4d1e",
}


def current_palette() -> QPalette:
    app = QGuiApplication.instance()
    return QGuiApplication.palette() if app is not None else QPalette()


def is_dark(palette: QPalette | None = None) -> bool:
    window = (palette or current_palette()).color(QPalette.ColorRole.Window)
    return window.lightnessF() < 0.5


def tone(name: str, palette: QPalette | None = None) -> str:
    return (DARK if is_dark(palette) else LIGHT)[name]


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor | str, b: QColor | str) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def dark_palette() -> QPalette:
    """A dark palette like Windows 11's dark mode (for tests, screenshots and users who ask for it)."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#202020"), (roles.WindowText, "#f0f0f0"), (roles.Base, "#1b1b1b"),
        (roles.AlternateBase, "#262626"), (roles.Text, "#f0f0f0"), (roles.Button, "#2d2d2d"),
        (roles.ButtonText, "#f0f0f0"), (roles.Highlight, "#3d6fa5"), (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, "#2d2d2d"), (roles.ToolTipText, "#f0f0f0"), (roles.PlaceholderText, "#a0a0a0"),
        (roles.Link, "#8ab4f8"), (roles.BrightText, "#ffffff"),
    ):
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#8a8a8a"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#8a8a8a"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#8a8a8a"))
    return p


def banner_style(kind: str = "info") -> str:
    """The unlock banner (#banner): a light band on light palettes, a deep one on dark, text from the palette."""
    return (f"#banner {{ background: {tone(kind + '_bg')}; border: 1px solid {tone(kind + '_border')}; "
            "border-radius: 4px; }")


def warning_box_style() -> str:
    """A warning set apart by a band (the reports screen's unprotected-PDF warning)."""
    return (f"background: {tone('warn_bg')}; color: palette(window-text); border: 1px solid {tone('warn_border')}; "
            "border-radius: 4px; padding: 6px;")


def strength_style(score: int) -> str:
    """The passphrase strength bar: its fill and its text both readable (the text straddles fill and trough)."""
    return f"QProgressBar::chunk {{ background-color: {tone(f'strength{score}')}; }}"


def article_css() -> str:
    return ("h1 { font-size: 150%; } h2 { font-size: 120%; margin-top: 14px; } "
            f"blockquote {{ background: {tone('quote_bg')}; }} .foot {{ color: {tone('muted')}; font-size: small; }} "
            f".warn {{ color: {tone('error')}; font-weight: bold; }} "
            f"p.intro {{ font-size: 110%; color: {tone('intro')}; background-color: {tone('intro_bg')}; }} "
            ".em { font-weight: bold; }")
