"""Checking a complete facts folder before it is used, and saying in plain words what it changes.

Both run on the folder an installation is about to switch to, so a pack whose data does not parse
is refused before it replaces anything.
"""

from __future__ import annotations

import json
from pathlib import Path

from handbook_app.content.manifest import PackError
from handbook_app.core.fees import parse_limits
from handbook_app.core.minimum_wage import MinimumWageTable, parse_table
from handbook_app.guide.articles import GuideError, check_guide, load_guide
from handbook_app.i18n import _, ngettext
from handbook_app.i18n.formatting import format_month_long

MINIMUM_WAGE = ("data", "minimum_wage.csv")
FEE_LIMITS = ("data", "recruitment_fee_limits.csv")


def check_facts(root: Path) -> None:
    """Raise PackError (one translated sentence naming the part) when any fact file cannot be used."""
    try:
        _minimum_wages(root)
    except ValueError as exc:
        raise PackError(_("The minimum-wage table in this facts update cannot be used ({detail}).")
                        .format(detail=exc)) from None
    try:
        parse_limits(root.joinpath(*FEE_LIMITS).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PackError(_("The recruitment-fee limits in this facts update cannot be used ({detail}).")
                        .format(detail=exc)) from None
    try:
        guide = load_guide(root / "guide")
    except (GuideError, OSError, ValueError, KeyError, TypeError) as exc:
        raise PackError(_("The rights guide in this facts update cannot be used ({detail}).")
                        .format(detail=exc)) from None
    problems = check_guide(guide)
    problems += [f"{a.lang}/{a.slug}: no source" for a in guide.articles() if not a.sources]
    if problems:
        raise PackError(_("The rights guide in this facts update cannot be used ({detail}).")
                        .format(detail=problems[0]))


def _minimum_wages(root: Path) -> MinimumWageTable:
    with root.joinpath(*MINIMUM_WAGE).open(encoding="utf-8", newline="") as handle:
        return parse_table(handle)


def describe_changes(old: Path, new: Path) -> list[str]:
    """What switching from the facts in `old` to those in `new` changes, one translated sentence each."""
    lines = []
    lines += _wage_changes(old, new)
    changed, added = _article_changes(old / "guide", new / "guide")
    if changed:
        lines.append(ngettext("{n} guide article changed", "{n} guide articles changed", changed).format(n=changed))
    if added:
        lines.append(ngettext("{n} new guide article", "{n} new guide articles", added).format(n=added))
    phones = _phone_changes(old / "guide" / "contacts.json", new / "guide" / "contacts.json")
    if phones:
        lines.append(ngettext("{n} phone number changed", "{n} phone numbers changed", phones).format(n=phones))
    if _differs(old.joinpath(*FEE_LIMITS), new.joinpath(*FEE_LIMITS)):
        lines.append(_("recruitment-fee limits changed"))
    for name, text in (("tasks.json", _("the list of tasks changed")), ("selfcheck.json", _("the self-check changed"))):
        if _differs(old / "guide" / name, new / "guide" / name):
            lines.append(text)
    return lines or [_("no fact changes (the same facts, newly signed)")]


def _wage_changes(old: Path, new: Path) -> list[str]:
    before = {(r.prefecture, r.fiscal_year): r for r in _minimum_wages(old).rows}
    fresh = [r for r in _minimum_wages(new).rows if before.get((r.prefecture, r.fiscal_year)) != r]
    if not fresh:
        return []
    prefectures = len({r.prefecture for r in fresh})
    dates = [r.effective for r in fresh if r.effective is not None]
    if dates:
        since = format_month_long(min(dates))
        return [ngettext("minimum wages for {n} prefecture from {month}",
                         "minimum wages for {n} prefectures from {month}", prefectures)
                .format(n=prefectures, month=since)]
    return [ngettext("minimum wages for {n} prefecture (dates not yet confirmed)",
                     "minimum wages for {n} prefectures (dates not yet confirmed)", prefectures).format(n=prefectures)]


def _article_changes(old: Path, new: Path) -> tuple[int, int]:
    def files(root: Path) -> dict[str, dict[str, bytes]]:
        out: dict[str, dict[str, bytes]] = {}
        for path in root.glob("*/*.md"):
            out.setdefault(path.stem, {})[path.parent.name] = path.read_bytes()
        return out

    before, after = files(old), files(new)
    changed = sum(1 for slug, texts in after.items() if slug in before and before[slug] != texts)
    added = sum(1 for slug in after if slug not in before)
    return changed, added


def _phone_changes(old: Path, new: Path) -> int:
    def numbers(path: Path) -> dict[str, object]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {c.get("key"): c.get("number") for c in data.get("contacts", []) if isinstance(c, dict)}

    before, after = numbers(old), numbers(new)
    return sum(1 for key, number in after.items() if key in before and before[key] != number)


def _differs(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() != b.read_bytes()
    except OSError:
        return a.exists() != b.exists()
