"""The PySide6 desktop face. Only this package imports Qt; it reaches data only through services."""
