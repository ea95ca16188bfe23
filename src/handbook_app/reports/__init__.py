"""PDF reports (ReportLab): fonts and glyph fallback, one module per report, built from core data.

Imports ReportLab lazily: importing this package costs nothing until a report is made.
"""
