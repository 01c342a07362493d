"""What changed between two rule lists, in Admin API lines a person can read."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from qubes_fw_gui.model.rule import Rule


@dataclass(frozen=True)
class RuleDiff:
    removed: list[str]  # lines in `before` that are gone
    added: list[str]  # lines in `after` that are new

    @property
    def is_empty(self) -> bool:
        return not self.removed and not self.added


def rule_diff(before: Sequence[Rule], after: Sequence[Rule]) -> RuleDiff:
    """Lines removed and added, in list order (a moved rule is removed and added)."""
    old = [rule.api_line() for rule in before]
    new = [rule.api_line() for rule in after]
    removed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            removed.extend(old[a1:a2])
        if tag in ("replace", "insert"):
            added.extend(new[b1:b2])
    return RuleDiff(removed, added)


def only_expired(baseline: Sequence[Rule], fresh: Sequence[Rule], now: float) -> bool:
    """True when `fresh` is `baseline` minus rules that have expired by `now`.

    That is what dom0 does on its own at an expiry: the editor then drops
    those rules from its view without treating it as someone else's change.
    """
    return [rule for rule in baseline if not rule.is_expired(now)] == list(fresh)
