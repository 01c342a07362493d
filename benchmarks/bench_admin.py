"""Admin API round trips through the socket adapter against the sandbox dom0.

Set then Get of 1,000 realistic rules (about 60 KB, near the most one Set
may carry under qubesd's 64 KiB request limit), and Get of 4,000 rules
seeded straight into the sandbox's state (Get replies have no size limit).
Each figure includes framing, the sandbox's validation, its atomic state
write (fsync) and QubesDB rewrite, and parsing the reply into Rule values.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.table import Row, best_of, print_table
from qubes_fw_gui.admin.socket_client import SocketAdminPort
from qubes_fw_gui.model.payload import format_payload
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox

REPEAT = 7


def realistic_rules(count: int) -> list[Rule]:
    """A mix of what people write: addresses, networks, host names, comments, ports."""
    rules = []
    for i in range(count):
        a, b = divmod(i, 250)
        kind = i % 4
        if kind == 0:
            line = f"action=accept dst4=10.{a}.{b}.7/32 proto=tcp dstports=443-443"
        elif kind == 1:
            line = f"action=accept dsthost=h{i}.example.org proto=tcp dstports=443"
        elif kind == 2:
            line = f"action=drop dst4=172.16.{b}.0/24 proto=udp dstports=5000-5100"
        else:
            line = f"action=accept dst6=2001:db8::{i:x} proto=tcp comment=lab {i}"
        rules.append(Rule.parse(line))
    rules.append(Rule("drop"))
    return rules


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as state, EmbeddedSandbox(Path(state)) as sandbox:
        port = SocketAdminPort(sandbox.socket_path)
        rules = realistic_rules(999)
        size = len(format_payload(rules))

        def set_then_get() -> None:
            port.set_rules("work", rules)
            assert len(port.get_rules("work")) == len(rules)

        set_get = best_of(set_then_get, REPEAT)
        set_only = best_of(lambda: port.set_rules("work", rules), REPEAT)

        big = [rule.api_line() for rule in realistic_rules(3999)]
        sandbox.seed_rules("work", big)

        def get_4000() -> None:
            assert len(port.get_rules("work")) == 4000

        get4000 = best_of(get_4000, REPEAT)
        listing = best_of(port.list_qubes, REPEAT)
    return [
        Row("Set then Get of 1,000 rules (socket adapter)", set_get, "ms", 100, f"{size / 1000:.1f} KB payload"),
        Row("Set alone, 1,000 rules", set_only, "ms", None, "incl. fsync'd state write"),
        Row("Get of 4,000 seeded rules", get4000, "ms", 60),
        Row("list_qubes (10 qubes)", listing, "ms", None, "List + one GetAll each"),
    ]


if __name__ == "__main__":
    print_table(run())
