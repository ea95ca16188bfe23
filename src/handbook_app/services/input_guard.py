"""Values no form produces but a script through the services API can: refused with a message, never a traceback.

A lone surrogate (half of an emoji from a broken copy) cannot be stored as UTF-8; Decimal('NaN') or
'Infinity' would poison every total computed from the record. Checked for every record kind before any
other rule, so each face gets the same plain message.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from handbook_app.core.validation import Problem
from handbook_app.i18n import _


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def _values(value: object):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _values(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _values(item)
    else:
        yield value


def unstorable(record: object) -> list[Problem]:
    problems: list[Problem] = []
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        for value in _values(getattr(record, f.name)):
            if isinstance(value, str) and _has_surrogate(value):
                problems.append(Problem(f.name, _("This text contains a broken character (half of an emoji or "
                                                  "symbol). Retype it or remove that character.")))
                break
            if isinstance(value, Decimal) and not value.is_finite():
                problems.append(Problem(f.name, _("Enter a number.")))
                break
    return problems
