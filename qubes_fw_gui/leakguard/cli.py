"""`qubes-fw-leakguard`: enforce the ProxyVM's leak-protection settings with nftables.

    qubes-fw-leakguard                 one pass: read QubesDB, apply, purge conntrack
    qubes-fw-leakguard --print         show the ruleset that would be applied
    qubes-fw-leakguard --watch         apply, then re-apply on every change
    qubes-fw-leakguard --settings F    read the settings from file F instead of QubesDB

Exit status: 0 the settings are enforced; 1 the settings were bad or unreadable and
all downstream forwarding is stopped (fail closed); 2 nothing could be applied.
"""

from __future__ import annotations

import argparse
import os
import queue
import socket
import sys
import threading
from collections.abc import Sequence

from qubes_fw_gui.leakguard.guard import enforce, plan
from qubes_fw_gui.leakguard.nft import ApplyError
from qubes_fw_gui.leakguard.sources import FileSource, QubesDbSource, SettingsSource
from qubes_fw_gui.leakguard.watch import Event, FileWatch, LinkMonitor, QubesDbWatch, watch_loop

PROG = "qubes-fw-leakguard"
RETRY_S = 30.0  # in watch mode, how soon a failed pass is tried again


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Stop downstream qubes of this ProxyVM from leaking outside the VPN tunnel.",
    )
    parser.add_argument("--settings", metavar="FILE", help="read settings from FILE (KEY = VALUE lines) instead of QubesDB")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--print", action="store_true", help="print the nftables ruleset that would be applied, apply nothing")
    mode.add_argument("--watch", action="store_true", help="keep running; re-apply when settings or tunnel interfaces change")
    parser.add_argument("--no-purge", action="store_true", help="do not delete conntrack entries of downstream flows")
    parser.add_argument("--nft", default="nft", help=argparse.SUPPRESS)
    parser.add_argument("--conntrack", default="conntrack", help=argparse.SUPPRESS)
    return parser


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def notify_ready() -> None:
    """Tell systemd (Type=notify) that the first pass is done and the table is in place.

    The unit is ordered before qubes-firewall, so downstream forwarding starts only then.
    """
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return
    if address.startswith("@"):
        address = "\0" + address[1:]  # abstract socket
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as channel:
        channel.sendto(b"READY=1", address)


class Runner:
    """Makes passes and remembers what was applied last (for the purge decision)."""

    def __init__(self, source: SettingsSource, args: argparse.Namespace) -> None:
        self.source = source
        self.args = args
        self.previous: str | None = None

    def once(self, force_purge: bool = False) -> tuple[int, tuple[str, ...]]:
        try:
            result = enforce(
                self.source,
                previous=self.previous,
                purge=not self.args.no_purge,
                force_purge=force_purge,
                nft=self.args.nft,
                conntrack_command=self.args.conntrack,
            )
        except ApplyError as error:
            _say(f"could not apply any ruleset, nothing changed: {error}")
            return 2, ()
        self.previous = result.applied
        current = result.plan
        if result.purge_error:
            _say(f"open downstream connections were not reset ({result.purge_error}); "
                 "flows offloaded by Qubes may bypass the new rules until they end")
        if current.failure:
            _say(f"FAIL CLOSED, all forwarding from and to downstream qubes stopped: {current.failure}")
        elif current.settings is not None and current.settings.enabled:
            _say("leak protection applied" + (f"; {result.purged} downstream connection(s) reset" if result.purged else ""))
        else:
            _say("leak protection is switched off; table removed")
        tunnels = current.settings.tunnel_interfaces if current.settings else ()
        return (1 if current.failure else 0), tunnels


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    source: SettingsSource = FileSource(args.settings) if args.settings else QubesDbSource()
    if args.print:
        current = plan(source)
        sys.stdout.write(current.ruleset)
        if current.failure:
            _say(f"settings are bad, this is the fail-closed ruleset: {current.failure}")
            return 1
        return 0
    runner = Runner(source, args)
    status, tunnels = runner.once()
    if not args.watch:
        return status
    events: queue.Queue[Event] = queue.Queue()

    pending: list[threading.Timer] = []

    def retry_later() -> None:
        # Failed closed or not applied: QubesDB may have been unreachable for a moment and
        # no change event may ever come, so look again later (closed meanwhile). One at a time.
        if not any(timer.is_alive() for timer in pending):
            pending[:] = [threading.Timer(RETRY_S, events.put, [Event("settings", "retry")])]
            pending[0].daemon = True
            pending[0].start()

    def make_pass(force_purge: bool) -> tuple[str, ...]:
        status, tunnels = runner.once(force_purge)
        if status != 0:
            retry_later()
        return tunnels

    if status != 0:
        retry_later()
    notify_ready()
    watchers = [
        FileWatch(events, args.settings) if args.settings else QubesDbWatch(events),
        LinkMonitor(events),
    ]
    for watcher in watchers:
        watcher.start()
    try:
        watch_loop(events, make_pass, tunnels)
    except KeyboardInterrupt:
        pass
    finally:
        for watcher in watchers:
            watcher.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
