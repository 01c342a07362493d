"""`qubes-fw-sandbox`: run the sandbox dom0 on a socket, or print a qube's QubesDB."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from qubes_fw_gui.sandbox import persist
from qubes_fw_gui.sandbox.demo import demo_world
from qubes_fw_gui.sandbox.dom0 import Dom0
from qubes_fw_gui.sandbox.qubesdb import QubesDBs
from qubes_fw_gui.sandbox.server import SandboxServer


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qubes-fw-sandbox",
        description="A local stand-in for Qubes dom0's qubesd: the Admin API on a Unix socket, "
        "with demo qubes and an emulated QubesDB.",
    )
    parser.add_argument("--state", required=True, type=Path, metavar="DIR", help="state directory")
    parser.add_argument("--socket", type=Path, metavar="PATH", help="serve the Admin API on PATH until stopped")
    parser.add_argument("--stock", action="store_true", help="reject the dpi (L7) option like stock qubesd")
    parser.add_argument("--qubesdb", metavar="QUBE", help="print QUBE's QubesDB keys and values, then exit")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every refused request")
    return parser


async def _serve(state: Path, socket_path: Path, stock: bool) -> None:
    server = SandboxServer(Dom0(state, stock=stock))
    await server.start(socket_path)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    print(f"qubes-fw-sandbox: serving {socket_path} (state in {state}{', stock mode' if stock else ''})", flush=True)
    try:
        await stop.wait()
    finally:
        await server.close()
        socket_path.unlink(missing_ok=True)


def print_qubesdb(state: Path, qube: str) -> int:
    saved = persist.load(state)
    if saved is None:
        # Nothing saved yet: show what a fresh sandbox would hold.
        world = demo_world()
        dbs = QubesDBs(world)
        dbs.boot_all()
        entries = dbs.to_json()
    else:
        world, entries = saved
    if qube not in world:
        print(f"qubes-fw-sandbox: no such qube: {qube}", file=sys.stderr)
        return 2
    for key, value in sorted(entries.get(qube, {}).items()):
        print(f"{key} = {value!r}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    try:
        if args.qubesdb is not None:
            return print_qubesdb(args.state, args.qubesdb)
        if args.socket is None:
            build_parser().error("give --socket PATH to serve, or --qubesdb QUBE to print")
        asyncio.run(_serve(args.state, args.socket, args.stock))
    except (persist.StateError, OSError) as error:
        print(f"qubes-fw-sandbox: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
