"""Emulated QubesDB, one per qube, written exactly as qubesd writes it (facts §4).

Each database keeps its keys and an ordered log of writes and removals, so
tests can check what the FirewallVM agent would see and in which order (the
empty trigger write must come last).
"""

from __future__ import annotations

import time

from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.sandbox.protocol import Abort
from qubes_fw_gui.sandbox.world import Qube, World

DNS_SERVERS = ("10.139.1.1", "10.139.1.2")

# qubes-core-qubesdb limits (facts §4.2).
MAX_PATH = 63
MAX_DATA = 3072


class QubesDBError(Abort):
    """A write QubesDB refuses. Not a Qubes exception, so qubesd's caller gets no reply."""


class QubesDB:
    def __init__(self, entries: dict[str, str] | None = None) -> None:
        self.entries: dict[str, str] = dict(entries or {})
        self.log: list[tuple[str, str, str | None]] = []  # ("write", key, value) / ("rm", path, None)

    def write(self, key: str, value: str) -> None:
        if len(key.encode()) > MAX_PATH:
            raise QubesDBError(f"QubesDB path too long: {key}")
        if len(value.encode()) > MAX_DATA:
            raise QubesDBError(f"QubesDB value too long for {key}: {len(value)} bytes")
        self.entries[key] = value
        self.log.append(("write", key, value))

    def rm(self, path: str) -> None:
        """A path ending in '/' removes every key under it, as QubesDB does."""
        if path.endswith("/"):
            for key in [k for k in self.entries if k.startswith(path)]:
                del self.entries[key]
        else:
            self.entries.pop(path, None)
        self.log.append(("rm", path, None))

    def snapshot(self) -> dict[str, str]:
        return dict(sorted(self.entries.items()))


class QubesDBs:
    """Every qube's QubesDB, and the qubesd handlers that fill them."""

    def __init__(self, world: World, saved: dict[str, dict[str, str]] | None = None) -> None:
        self.world = world
        self.dbs: dict[str, QubesDB] = {name: QubesDB(entries) for name, entries in (saved or {}).items()}

    def __getitem__(self, qube: str) -> QubesDB:
        return self.dbs.setdefault(qube, QubesDB())

    def to_json(self) -> dict[str, dict[str, str]]:
        return {name: db.snapshot() for name, db in sorted(self.dbs.items()) if db.entries}

    # -- firewall (reload_firewall_for_vm) ---------------------------------

    def reload_firewall_for(self, qube: Qube, now: float | None = None) -> None:
        """Write `qube`'s rules into its netvm's QubesDB; nothing when the netvm is down."""
        netvm = self.world.qubes.get(qube.netvm) if qube.netvm else None
        if netvm is None or not netvm.is_running:
            return
        db = self[netvm.name]
        now = time.time() if now is None else now
        for family, address in ((4, self.world.ip(qube)), (6, self.world.ip6(qube))):
            if address is None:
                continue
            base = f"/qubes-firewall/{address}"
            db.rm(base + "/")
            db.write(base + "/policy", "drop")
            for index, rule in enumerate(qube.rules):
                line = _qubesdb_line(rule, family, now)
                if line is not None:
                    # The index in the full list, so skipped rules leave gaps.
                    db.write(f"{base}/{index:04d}", line)
            db.write(base, "")

    def reload_connected_ips(self, netvm: Qube) -> None:
        if not netvm.is_running:
            return
        db = self[netvm.name]
        running = [q for q in self.world.connected(netvm) if q.is_running]
        ips = [self.world.ip(q) for q in running]
        ips6 = [self.world.ip6(q) for q in running]
        db.write("/connected-ips", " ".join(ip for ip in ips if ip))
        db.write("/connected-ips6", " ".join(ip for ip in ips6 if ip))

    # -- features (qubes/ext/services.py, vm_config.py) ----------------------

    def feature_set(self, qube: Qube, name: str, value: str) -> None:
        if not qube.is_running:
            return
        if name.startswith("service."):
            self[qube.name].write("/qubes-service/" + name[len("service."):], "1" if value else "0")
        elif name.startswith("vm-config."):
            self[qube.name].write("/vm-config/" + name[len("vm-config."):], value)

    def feature_removed(self, qube: Qube, name: str) -> None:
        if not qube.is_running:
            return
        if name.startswith("service."):
            self[qube.name].rm("/qubes-service/" + name[len("service."):])
        elif name.startswith("vm-config."):
            self[qube.name].rm("/vm-config/" + name[len("vm-config."):])

    # -- start-up (create_qdb_entries and friends) ---------------------------

    def boot(self, qube: Qube) -> None:
        """What qubesd writes into a qube's own QubesDB when it starts."""
        db = self[qube.name]
        db.write("/name", qube.name)
        db.write("/qubes-vm-type", qube.vm_type)
        ip = self.world.ip(qube)
        netvm = self.world.qubes.get(qube.netvm) if qube.netvm else None
        if ip and netvm is not None:
            db.write("/qubes-ip", ip)
            db.write("/qubes-netmask", "255.255.255.255")
            db.write("/qubes-gateway", self.world.ip(netvm) or "")
            db.write("/qubes-primary-dns", DNS_SERVERS[0])
            db.write("/qubes-secondary-dns", DNS_SERVERS[1])
            ip6 = self.world.ip6(qube)
            if ip6:
                db.write("/qubes-ip6", ip6)
        if qube.provides_network and ip:
            db.write("/qubes-netvm-gateway", ip)
            db.write("/qubes-netvm-netmask", "255.255.255.255")
            db.write("/qubes-netvm-primary-dns", DNS_SERVERS[0])
            db.write("/qubes-netvm-secondary-dns", DNS_SERVERS[1])
        for name, value in qube.features.items():
            self.feature_set(qube, name, value)

    def boot_all(self) -> None:
        """As if every running qube had just started: own keys, then each netvm's firewall keys."""
        running = [q for q in self.world.sorted() if q.is_running and q.klass != "AdminVM"]
        for qube in running:
            self.boot(qube)
        for netvm in running:
            if not netvm.provides_network:
                continue
            self.reload_connected_ips(netvm)
            for qube in self.world.connected(netvm):
                if qube.is_running:
                    self.reload_firewall_for(qube)


def _qubesdb_line(rule: Rule, family: int, now: float) -> str | None:
    """The rule as written for one address family; None when skipped (expired, other family)."""
    if rule.family is not None and rule.family != family:
        return None
    return rule.qubesdb_line(now)
