"""The errors faces catch, in one place (so the UI never reaches into the vault package)."""

from handbook_app.core.validation import Problem, ValidationError
from handbook_app.i18n.formatting import ParseError
from handbook_app.services.session import TooSoon
from handbook_app.vault.connection import (
    VaultError,
    VaultExists,
    VaultInUse,
    VaultLocked,
    VaultMissing,
    VaultNotWritable,
    WrongPassphraseOrNotVault,
)

__all__ = [
    "ParseError", "Problem", "TooSoon", "ValidationError", "VaultError", "VaultExists", "VaultInUse",
    "VaultLocked", "VaultMissing", "VaultNotWritable", "WrongPassphraseOrNotVault",
]
