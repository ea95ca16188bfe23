"""Trainee Handbook: an encrypted, offline record and rights guide for technical intern trainees."""

__version__ = "0.1.0"
