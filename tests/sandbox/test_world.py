"""qubesd's derived values the sandbox computes (facts §4.1)."""

from __future__ import annotations

import pytest

from qubes_fw_gui.sandbox.world import ipv4_of, ipv6_of


@pytest.mark.parametrize(
    ("qid", "disp", "ipv4", "ipv6"),
    [
        (4, False, "10.137.0.4", "fd09:24ef:4179::a89:4"),
        (254, False, "10.137.0.254", "fd09:24ef:4179::a89:fe"),
        # From 255 on, qubesd skips .0 and .255 in the last byte.
        (255, False, "10.137.1.1", "fd09:24ef:4179::a89:ff"),
        (508, False, "10.137.1.254", "fd09:24ef:4179::a89:1fc"),
        (509, False, "10.137.2.1", "fd09:24ef:4179::a89:1fd"),
        (7, True, "10.138.0.7", "fd09:24ef:4179::a8a:7"),
    ],
)
def test_addresses_derived_from_the_qid_as_qubesd_does(qid: int, disp: bool, ipv4: str, ipv6: str) -> None:
    assert (ipv4_of(qid, disp), ipv6_of(qid, disp)) == (ipv4, ipv6)
