"""Checks of report choices against the vault, before anything is rendered or recorded.

The export screen offers only records that exist; the command line takes typed ids, so a
typo ("incident:99" for "incident:9") must be refused, not ignored: a pack that silently
still shows the record the user meant to leave out is worse than no pack.
"""

from __future__ import annotations

from collections.abc import Iterable

from handbook_app.core import records as r
from handbook_app.reports.model import EXCLUDABLE, ReportOptions
from handbook_app.services.handbook import Handbook

_MAX_ID = 2**63 - 1  # SQLite's largest row id: a longer number names no record (and cannot be bound)


def unknown_records(handbook: Handbook, items: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """The (kind, id) items that name no record a report can leave out, sorted.

    A kind reports cannot leave out (or a misspelt one) is unknown whatever its id.
    """
    out = []
    for kind, row_id in sorted(set(items)):
        cls = EXCLUDABLE.get(kind)
        if cls is None or not 0 < row_id <= _MAX_ID or handbook.record(cls, row_id) is None:
            out.append((kind, row_id))
    return out


def chosen_incidents_left_out(handbook: Handbook, options: ReportOptions) -> list[int]:
    """Incidents chosen for a full block that exist but are not in the pack, sorted.

    They are left out with `options.exclude` or started outside the period (the same rule as
    `services.reports.gather` for every choice but "period").
    """
    if options.incident_detail != "selected":
        return []
    out = []
    for row_id in sorted(options.detail_ids):
        inc = handbook.record(r.Incident, row_id) if 0 < row_id <= _MAX_ID else None
        if inc is None:
            continue  # unknown ids are reported by unknown_records
        if (r.Incident.KIND, row_id) in options.exclude or not options.in_range(inc.started):
            out.append(row_id)
    return out
