"""Timed full-access windows: a catch-all accept rule with an expiry.

A full-access window is `action=accept expire=<epoch>` with no destination,
protocol, port or special target. dom0 drops it at the expiry time (facts
§3.2). Placed first, no earlier drop can block it; one made elsewhere (e.g.
`qvm-firewall work add --before 0 accept expire=+900`) may sit anywhere, so
`find_window` reports where it is and which drops come before it.

Pure functions over rule lists: the caller saves the result with one Set.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

from qubes_fw_gui.model.rule import Rule

# Only qubesd's comment characters: letters, digits, space and `: ; , . / - _ [ ]`.
COMMENT_PREFIX = "Full access until "
COMMENT_SUFFIX = " - qubes-fw-gui"
_OUR_COMMENT = re.compile(
    re.escape(COMMENT_PREFIX) + r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}(:[0-9]{2})?"
    + re.escape(COMMENT_SUFFIX)
)


@dataclass(frozen=True)
class FullAccessWindow:
    """An active window found in a rule list."""

    index: int  # position in the list
    until: int  # UNIX time at which dom0 removes it
    rule: Rule
    drops_before: tuple[int, ...] = ()  # active drop rules that match before it

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_ours(self) -> bool:
        """True when this editor wrote its comment (so extending may update the time in it)."""
        return self.rule.comment is not None and bool(_OUR_COMMENT.fullmatch(self.rule.comment))


def is_window_rule(rule: Rule, now: float | None = None) -> bool:
    """A catch-all accept with an expiry that has not passed yet."""
    return (
        rule.action == "accept"
        and rule.expire is not None
        and rule.target is None
        and rule.proto is None
        and rule.specialtarget is None
        and rule.ports is None
        and rule.icmptype is None
        and rule.l7 is None
        and not rule.is_expired(now)
    )


def find_window(rules: Sequence[Rule], now: float | None = None) -> FullAccessWindow | None:
    """The first active window: the one that decides, since it matches every packet."""
    now = time.time() if now is None else now
    for index, rule in enumerate(rules):
        if is_window_rule(rule, now):
            assert rule.expire is not None
            drops = tuple(
                i for i, earlier in enumerate(rules[:index])
                if earlier.action == "drop" and not earlier.is_expired(now)
            )
            return FullAccessWindow(index, rule.expire, rule, drops)
    return None


def allows_everything(rules: Sequence[Rule], now: float | None = None) -> bool:
    """True when the first rule in force is a plain `action=accept`: a window adds nothing."""
    for rule in rules:
        if not rule.is_expired(now):
            return rule.action == "accept" and rule.expire is None and rule.is_catch_all
    return False


def window_comment(until: int) -> str:
    """The readable reason stored with the rule, in local time (as qubesd compares expiry)."""
    moment = time.localtime(until)
    shown = time.strftime("%Y-%m-%d %H:%M" if moment.tm_sec == 0 else "%Y-%m-%d %H:%M:%S", moment)
    return f"{COMMENT_PREFIX}{shown}{COMMENT_SUFFIX}"


def window_rule(until: int) -> Rule:
    return Rule("accept", expire=int(until), comment=window_comment(until))


def open_window(rules: Sequence[Rule], until: int) -> list[Rule]:
    """Put a new window first; any other window (active or already expired) goes."""
    rest = [rule for rule in rules if not _is_any_window(rule)]
    return [window_rule(until), *rest]


def extend_window(rules: Sequence[Rule], until: int, now: float | None = None) -> list[Rule]:
    """Move the active window's end to `until`, touching nothing else.

    Its position stays, and so does a comment this editor did not write. When
    no window is active any more (it ended meanwhile), the person still wants
    access until `until`, so a new window is opened first.
    """
    found = find_window(rules, now)
    if found is None:
        return open_window(rules, until)
    comment = window_comment(until) if found.is_ours else found.rule.comment
    changed = list(rules)
    changed[found.index] = found.rule.with_changes(expire=int(until), comment=comment)
    return changed


def end_window(rules: Sequence[Rule], now: float | None = None) -> list[Rule]:
    """Remove every active window (a second one further down would still open the qube).

    qubesd refuses an empty list, so if nothing remains the result is a single
    `action=drop`: the same as its implicit policy.
    """
    rest = [rule for rule in rules if not is_window_rule(rule, now)]
    return rest or [Rule("drop")]


def _is_any_window(rule: Rule) -> bool:
    # Expired windows too: qubesd would drop them anyway, so they only clutter the list.
    return is_window_rule(rule, now=float("-inf"))
