"""The rule list as the editor shows it: movable rules, then the pinned default action.

A trailing catch-all (`action=accept` or `action=drop` with no other option
than a comment) is the default action; with none, qubesd's policy drops
whatever no rule matched (facts §3.2). Splitting and joining never reorders
or changes a rule, so a load followed by a save sends the same lines.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from qubes_fw_gui.model.rule import Rule


def split_default(rules: Sequence[Rule]) -> tuple[list[Rule], Rule | None]:
    """(the rules a person orders, the explicit default action or None)."""
    if rules and rules[-1].is_catch_all:
        return list(rules[:-1]), rules[-1]
    return list(rules), None


def join_default(body: Sequence[Rule], default: Rule | None) -> list[Rule]:
    return [*body, default] if default is not None else list(body)


def default_action(default: Rule | None) -> str:
    """What happens to traffic no rule matches."""
    return default.action if default is not None else "drop"


def without_expired(rules: Sequence[Rule], now: float | None = None) -> list[Rule]:
    now = time.time() if now is None else now
    return [rule for rule in rules if not rule.is_expired(now)]


def next_expiry(rules: Sequence[Rule], now: float | None = None) -> int | None:
    """The soonest expiry still ahead, to schedule the table's own clean-up."""
    now = time.time() if now is None else now
    ahead = [rule.expire for rule in rules if rule.expire is not None and rule.expire > now]
    return min(ahead) if ahead else None
