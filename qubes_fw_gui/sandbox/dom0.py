"""The sandbox dom0's state changes, with qubesd's side effects.

Every change goes through here so it persists the state, rewrites the
emulated QubesDB, tells admin.Events listeners and re-arms expiry timers in
the same order qubesd does. Runs on the server's event loop thread only.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.sandbox import persist
from qubes_fw_gui.sandbox.demo import demo_world
from qubes_fw_gui.sandbox.feature_names import (
    SERVICE_PREFIX,
    VM_CONFIG_PREFIX,
    check_service_name,
    check_vm_config_name,
)
from qubes_fw_gui.sandbox.protocol import QubesException
from qubes_fw_gui.sandbox.qubesdb import QubesDBs
from qubes_fw_gui.sandbox.world import Qube, World

# (subject, event, kwargs) -> None; a listener filters by subject itself.
Listener = Callable[[str, str, Mapping[str, object]], None]

# Fire a little after the expiry second so `expire <= now` already holds.
_EXPIRY_SLACK = 0.02
# Timers run on the monotonic clock, which stops while the machine sleeps:
# wake up at least this often to compare with the wall clock, so a rule
# never outlives its expiry by more than this after a suspend.
_MAX_TIMER_S = 30.0


class Dom0:
    def __init__(self, state_dir: Path, *, stock: bool = False) -> None:
        self.state_dir = Path(state_dir)
        self.stock = stock
        self._lock = persist.StateLock(self.state_dir)
        try:
            self._load()
        except BaseException:
            self._lock.release()
            raise
        self.listeners: list[Listener] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._timers: dict[str, asyncio.TimerHandle] = {}

    def _load(self) -> None:
        saved = persist.load(self.state_dir)
        if saved is None:
            self.world: World = demo_world()
            self.qubesdb = QubesDBs(self.world)
            self.qubesdb.boot_all()
            self.persist()
        else:
            self.world, entries = saved
            self.qubesdb = QubesDBs(self.world, entries)

    # -- plumbing ------------------------------------------------------------

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Start expiry timers on `loop`; rules that expired while stopped go now."""
        self._loop = loop
        now = time.time()
        for qube in self.world.sorted():
            if any(rule.is_expired(now) for rule in qube.rules):
                self._expire(qube.name)
            else:
                self._schedule_expiry(qube)

    def detach(self) -> None:
        """Stop the timers and let another sandbox use the state directory."""
        for handle in self._timers.values():
            handle.cancel()
        self._timers.clear()
        self._loop = None
        self._lock.release()

    def persist(self) -> None:
        persist.save(self.state_dir, self.world, self.qubesdb.to_json())

    def fire(self, subject: str, event: str, **kwargs: object) -> None:
        for listener in list(self.listeners):
            listener(subject, event, kwargs)

    # -- firewall ------------------------------------------------------------

    def set_rules(self, qube: Qube, rules: Sequence[Rule]) -> None:
        """What a successful admin.vm.firewall.Set does after validation."""
        qube.rules = list(rules)
        try:
            # qubesd saves first, then its firewall-changed handler writes
            # QubesDB; a refused QubesDB write (a rule over 3,072 bytes) then
            # aborts the call with the new rules already stored.
            self._firewall_changed_qubesdb(qube)
        finally:
            try:
                self.persist()
            except OSError as error:
                # As in qubesd, memory has already changed by now.
                raise QubesException(f"firewall save error: {error}") from error
            finally:
                self.fire(qube.name, "firewall-changed")
                self._schedule_expiry(qube)

    def reload_firewall(self, qube: Qube) -> None:
        self._firewall_changed_qubesdb(qube)
        self.fire(qube.name, "firewall-changed")

    def _firewall_changed_qubesdb(self, qube: Qube) -> None:
        # qubesd's on_firewall_changed acts for a running qube only; a halted
        # one gets its keys written when it starts.
        if qube.is_running:
            self.qubesdb.reload_firewall_for(qube)

    def _schedule_expiry(self, qube: Qube) -> None:
        old = self._timers.pop(qube.name, None)
        if old is not None:
            old.cancel()
        if self._loop is None:
            return
        now = time.time()
        future = [rule.expire for rule in qube.rules if rule.expire is not None and rule.expire > now]
        if future:
            delay = min(min(future) - now + _EXPIRY_SLACK, _MAX_TIMER_S)
            self._timers[qube.name] = self._loop.call_later(delay, self._expire, qube.name)

    def _expire(self, name: str) -> None:
        """qubesd's _expire_rules: drop expired rules, save, rewrite QubesDB, tell listeners."""
        self._timers.pop(name, None)
        qube = self.world.qubes.get(name)
        if qube is None:
            return
        now = time.time()
        if any(rule.is_expired(now) for rule in qube.rules):
            try:
                self.set_rules(qube, [rule for rule in qube.rules if not rule.is_expired(now)])
            except QubesException:
                pass  # the next save retries; memory is already right
        else:
            self._schedule_expiry(qube)

    # -- features --------------------------------------------------------------

    def set_feature(self, qube: Qube, name: str, value: str) -> None:
        if name.startswith(SERVICE_PREFIX):
            check_service_name(name)
        old = qube.features.get(name)
        extra = {} if old is None else {"oldvalue": old}
        self.fire(qube.name, f"domain-feature-pre-set:{name}", feature=name, value=value, **extra)
        qube.features[name] = value
        if name.startswith(VM_CONFIG_PREFIX):
            # As in qubesd, a bad name is refused after the value is in memory
            # (not yet on disk, nor in QubesDB).
            check_vm_config_name(name)
        self.qubesdb.feature_set(qube, name, value)
        self.persist()
        self.fire(qube.name, f"domain-feature-set:{name}", feature=name, value=value, **extra)

    def remove_feature(self, qube: Qube, name: str) -> None:
        self.fire(qube.name, f"domain-feature-pre-delete:{name}", feature=name)
        del qube.features[name]
        self.qubesdb.feature_removed(qube, name)
        self.persist()
        self.fire(qube.name, f"domain-feature-delete:{name}", feature=name)

    # -- properties ------------------------------------------------------------

    def set_property(self, qube: Qube, name: str, value: object, *, reset: bool = False) -> None:
        """A property Set, or with `reset` a Reset to `value` (the default); events as qubesd's."""
        old = getattr(qube, name)
        if reset:
            self.fire(qube.name, f"property-pre-reset:{name}", name=name, oldvalue=old)
        else:
            self.fire(qube.name, f"property-pre-set:{name}", name=name, newvalue=value, oldvalue=old)
        setattr(qube, name, value)
        if name == "netvm":
            qube.netvm_is_default = reset
            self._netvm_changed(qube, old)
        elif name == "provides_network":
            # As in qubesd: any Set makes it explicit, even to the default value.
            qube.provides_network_is_default = reset
        self.persist()
        if reset:
            self.fire(qube.name, f"property-reset:{name}", name=name, oldvalue=old)
        else:
            self.fire(qube.name, f"property-set:{name}", name=name, newvalue=value, oldvalue=old)

    def _netvm_changed(self, qube: Qube, old: str | None) -> None:
        for name in (old, qube.netvm):
            if name and name in self.world:
                self.qubesdb.reload_connected_ips(self.world[name])
        if qube.is_running and qube.netvm:
            self.fire(qube.netvm, "net-domain-connect", vm=qube.name)
            self.qubesdb.reload_firewall_for(qube)

    # -- the test and benchmark back door ----------------------------------------

    def seed_rules(self, qube: Qube, rules: Sequence[Rule]) -> None:
        self.set_rules(qube, rules)

