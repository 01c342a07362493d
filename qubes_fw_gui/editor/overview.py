"""Everything the chooser lists, read in one pass on a worker thread.

The netvm facts are read once per netvm and the label colours once per
label, so a system of 30 qubes behind 3 netvms costs about 30 + 15 calls.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from qubes_fw_gui.admin.port import AdminError, AdminPort, QubeInfo
from qubes_fw_gui.editor.loading import load_facts
from qubes_fw_gui.editor.situation import NetworkFacts
from qubes_fw_gui.editor.summary import FirewallSummary, summarise


@dataclass(frozen=True)
class QubeRow:
    info: QubeInfo
    colour: str  # '0xcc0000' style, '' when unknown
    summary: FirewallSummary | None  # None when the rules could not be read
    error: str = ""


def read_overview(port: AdminPort) -> list[QubeRow]:
    qubes = port.list_qubes()
    colours: dict[str, str] = {}
    netvm_facts: dict[str, NetworkFacts] = {}
    rows = []
    for info in qubes:
        if info.label not in colours:
            try:
                colours[info.label] = port.label_color(info.label)
            except AdminError:
                colours[info.label] = ""
        try:
            facts = _facts(port, info, netvm_facts)
            summary = summarise(facts, port.get_rules(info.name)) if info.klass != "AdminVM" else None
        except AdminError as error:
            rows.append(QubeRow(info, colours[info.label], None, error.message))
            continue
        rows.append(QubeRow(info, colours[info.label], summary))
    return rows


def _facts(port: AdminPort, info: QubeInfo, cache: dict[str, NetworkFacts]) -> NetworkFacts:
    if info.netvm is None:
        return NetworkFacts(info.name, None, info.provides_network)
    known = cache.get(info.netvm)
    if known is None:
        known = load_facts(port, info)
        cache[info.netvm] = known
    return replace(known, qube=info.name, provides_network=info.provides_network)
