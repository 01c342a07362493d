"""One Set request: its exact bytes and qubesd's 64 KiB limit on header plus payload."""

from __future__ import annotations

from qubes_fw_gui.model import Rule
from qubes_fw_gui.model.payload import (
    MAX_REQUEST_BYTES,
    format_payload,
    request_size,
    rules_that_fit,
    set_header,
)


def test_set_header_bytes() -> None:
    assert set_header("work") == b"admin.vm.firewall.Set+ dom0 name work\x00"


def test_request_size_counts_header_and_every_newline() -> None:
    rules = [Rule.parse("action=accept proto=tcp dstports=443"), Rule.parse("action=drop")]
    payload = format_payload(rules)
    assert payload == b"action=accept proto=tcp dstports=443-443\naction=drop\n"
    assert request_size("work", rules) == len(set_header("work")) + len(payload)


def test_rules_that_fit_stops_exactly_at_the_limit() -> None:
    header = len(set_header("work"))
    rule = Rule.parse("action=accept comment=" + "x" * 77)  # 100 bytes with its newline
    assert len(rule.api_line()) + 1 == 100
    fitting = (MAX_REQUEST_BYTES - header) // 100
    # Pad the last rule so the request is exactly MAX_REQUEST_BYTES.
    spare = MAX_REQUEST_BYTES - header - fitting * 100
    last = Rule.parse("action=accept comment=" + "y" * (77 + spare))
    rules = [rule] * (fitting - 1) + [last]
    assert request_size("work", rules) == MAX_REQUEST_BYTES
    assert rules_that_fit("work", rules) == len(rules)
    assert rules_that_fit("work", [*rules, Rule("drop")]) == len(rules)
    longer = [rule] * (fitting - 1) + [Rule.parse("action=accept comment=" + "y" * (78 + spare))]
    assert rules_that_fit("work", longer) == len(longer) - 1
