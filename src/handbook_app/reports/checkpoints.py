"""Witnessed checkpoints in a PDF: who vouched for the history, up to which entry, and whether it still holds.

`checkpoint_flowables(kit, results)` returns ReportLab flowables for the evidence pack's integrity
section; `results` pairs each checkpoint with what `verify` found (True holds, False fails, None not
checked). The fingerprint is printed in full so a reader can compare it with the one the organisation
publishes: a checkpoint proves something only if its key is really that organisation's.
"""

from __future__ import annotations

from collections.abc import Sequence

from handbook_app.core.witness import Checkpoint
from handbook_app.i18n import N_
from handbook_app.reports.base import MM, Kit

STATUS = {True: N_("Holds"), False: N_("FAILS"), None: N_("Not checked")}


def checkpoint_flowables(kit: Kit, results: Sequence[tuple[Checkpoint, bool | None]]) -> list:
    items: list = [kit.h2(N_("Witnessed checkpoints"))]
    if not results:
        items.append(kit.note(N_("No support organisation has witnessed this history. The chain shows the records "
                                 "match their history, not that someone with the passphrase never rewrote it.")))
        return items
    rows = [
        [kit.cell(cp.signed_at[:16].replace("T", " ")), kit.cell(str(cp.seq)), kit.cell(cp.organisation),
         kit.p(cp.fingerprint, "small"), kit.cell(kit.labels.inline(STATUS[holds]))]
        for cp, holds in results
    ]
    failed = [i for i, (_cp, holds) in enumerate(results) if holds is False]
    items.append(kit.table(
        [N_("Signed (UTC)"), N_("Up to entry"), N_("Organisation"), N_("Key fingerprint"), N_("Status")], rows,
        [28 * MM, 18 * MM, 52 * MM, 54 * MM, 26 * MM], align_right=(1,), flagged_rows=failed))
    items.append(kit.note(N_("Each checkpoint is an Ed25519 signature by the organisation over this vault's id, the "
                             "entry number and that entry's hash. Changing any history before it breaks the "
                             "signature check. Compare the fingerprint with the one the organisation publishes.")))
    return items
