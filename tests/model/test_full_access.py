"""Full-access windows in a rule list: found, opened, extended, ended."""

import time

from qubes_fw_gui.model.full_access import (
    allows_everything,
    end_window,
    extend_window,
    find_window,
    open_window,
    window_comment,
)
from qubes_fw_gui.model.payload import format_payload, parse_lines
from qubes_fw_gui.model.rule import Rule

NOW = 1_800_000_000  # a fixed "now" well before every expiry below


def rules(*lines: str) -> list[Rule]:
    return [Rule.parse(line) for line in lines]


def text(rule_list: list[Rule]) -> str:
    return format_payload(rule_list).decode()


USER_RULES = rules(
    "action=accept dsthost=qubes-os.org proto=tcp dstports=443-443",
    "action=drop dst4=10.0.0.0/8",
    "action=accept specialtarget=dns",
    "action=drop",
)


def test_open_puts_the_window_first_and_keeps_every_other_rule() -> None:
    until = NOW + 900
    opened = open_window(USER_RULES, until)
    assert opened[0].api_line() == f"action=accept expire={until} comment={window_comment(until)}"
    assert opened[1:] == USER_RULES
    found = find_window(opened, NOW)
    assert found is not None and (found.index, found.until, found.is_first) == (0, until, True)


def test_comment_is_readable_and_accepted_by_qubesd_rules() -> None:
    until = int(time.mktime((2026, 12, 4, 14, 32, 0, 0, 0, -1)))
    assert window_comment(until) == "Full access until 2026-12-04 14:32 - qubes-fw-gui"
    with_seconds = window_comment(until + 5)
    assert with_seconds.endswith("14:32:05 - qubes-fw-gui")
    # The whole line survives qubesd's parser (no parentheses or other refused characters).
    line = open_window([], until)[0].api_line()
    assert parse_lines(line)[0].comment == window_comment(until)


def test_open_replaces_an_older_window_wherever_it_is() -> None:
    old = rules("action=accept expire=1800000500 comment=from qvm-firewall")
    opened = open_window(USER_RULES[:2] + old + USER_RULES[2:], NOW + 60)
    assert [r.expire for r in opened] == [NOW + 60, None, None, None, None]
    assert opened[1:] == USER_RULES


def test_a_window_made_by_qvm_firewall_is_found_even_when_not_first() -> None:
    listed = rules(
        "action=drop dst4=10.0.0.0/8",
        "action=accept proto=tcp dstports=22-22",
        "action=accept expire=1800000900",
        "action=drop",
    )
    found = find_window(listed, NOW)
    assert found is not None
    assert (found.index, found.until, found.is_first, found.drops_before) == (2, NOW + 900, False, (0,))
    assert not found.is_ours


def test_expired_windows_are_never_active() -> None:
    listed = rules("action=accept expire=1800000010", "action=drop")
    assert find_window(listed, NOW + 10) is None
    assert find_window(listed, NOW + 9) is not None


def test_rules_with_a_destination_or_protocol_are_not_windows() -> None:
    listed = rules(
        "action=accept expire=1800000900 proto=tcp dstports=443-443",
        "action=accept expire=1800000900 dsthost=example.com",
        "action=accept expire=1800000900 specialtarget=dns",
        "action=drop expire=1800000900",
        "action=accept",
    )
    assert find_window(listed, NOW) is None


def test_extend_rewrites_only_the_expiry_and_our_comment() -> None:
    opened = open_window(USER_RULES, NOW + 60)
    extended = extend_window(opened, NOW + 960, NOW)
    assert text(extended) == text(open_window(USER_RULES, NOW + 960))
    assert extended[1:] == opened[1:]


def test_extend_keeps_a_foreign_window_in_place_with_its_comment() -> None:
    listed = rules("action=drop dst4=10.0.0.0/8", "action=accept expire=1800000900 comment=mine", "action=drop")
    extended = extend_window(listed, NOW + 1800, NOW)
    assert text(extended) == (
        "action=drop dst4=10.0.0.0/8\n"
        f"action=accept expire={NOW + 1800} comment=mine\n"
        "action=drop\n"
    )


def test_extend_after_the_window_ended_opens_a_new_one() -> None:
    listed = rules("action=accept expire=1800000005", "action=drop")
    extended = extend_window(listed, NOW + 600, NOW + 10)
    assert [r.expire for r in extended] == [NOW + 600, None]


def test_end_removes_every_active_window_and_nothing_else() -> None:
    listed = open_window(USER_RULES, NOW + 60)
    listed.insert(3, Rule("accept", expire=NOW + 30))
    assert end_window(listed, NOW) == USER_RULES


def test_end_of_the_only_rule_leaves_an_explicit_drop() -> None:
    # qubesd refuses an empty Set; `action=drop` says the same as its implicit policy.
    assert text(end_window(open_window([], NOW + 60), NOW)) == "action=drop\n"


def test_a_list_that_already_accepts_everything_is_told_apart() -> None:
    assert allows_everything(rules("action=accept comment=default"), NOW)
    assert allows_everything(rules("action=accept expire=1800000001", "action=accept"), NOW + 5)
    assert not allows_everything(rules("action=drop dst4=192.168.0.0/16", "action=accept"), NOW)
    assert not allows_everything(rules("action=accept expire=1800000900", "action=drop"), NOW)
    assert not allows_everything([], NOW)
