"""`qubes-fw-gui`: one command, dispatched to the part that does the work.

Each mode imports only what it needs, so `--check-rules` never loads Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qubes-fw-gui",
        description="Edit the firewall rules of Qubes OS qubes and the leak protection of ProxyVMs.",
    )
    parser.add_argument("qube", nargs="?", help="the qube whose firewall to edit (default: choose)")
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "--sandbox",
        nargs="?",
        const="",
        metavar="DIR",
        help="start the sandbox dom0 in-process on its demo qubes (state in DIR, default a per-user folder)",
    )
    target.add_argument("--socket", metavar="PATH", help="talk to a qubesd-compatible socket at PATH")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check-rules",
        metavar="FILE",
        help="check rules in Admin API form, one per line ('-' for stdin); print canonical lines",
    )
    mode.add_argument("--full-access", metavar="QUBE", help="the temporary full-access button for QUBE")
    mode.add_argument("--proxyvm", metavar="QUBE", help="the leak-protection panel of a ProxyVM")
    parser.add_argument("--minutes", type=int, default=15, help="full-access duration (default 15)")
    parser.add_argument("--stock", action="store_true", help="with --sandbox: behave like stock qubesd (no L7)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.check_rules is not None:
        from qubes_fw_gui.check_rules import run_check

        return run_check(args.check_rules)
    from qubes_fw_gui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
