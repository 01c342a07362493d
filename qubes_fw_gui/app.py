"""The GUI entry: build the Admin API port, then open the window the arguments ask for.

`--sandbox [DIR]` starts the sandbox dom0 in-process on its demo qubes (the
README's first command); `--socket PATH` talks to any qubesd-compatible
socket; otherwise the qubesadmin library where it exists, else dom0's
/var/run/qubesd.sock.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from PyQt5.QtCore import QCoreApplication
from PyQt5.QtWidgets import QApplication, QMessageBox, QWidget

from qubes_fw_gui.admin.port import AdminPort


def default_sandbox_dir() -> Path:
    """A per-user folder, so the demo qubes keep their rules between runs."""
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "qubes-fw-gui" / "sandbox"


def _start_sandbox(args: argparse.Namespace):  # noqa: ANN202 - EmbeddedSandbox
    from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox

    state_dir = Path(args.sandbox) if args.sandbox else default_sandbox_dir()
    state_dir.mkdir(parents=True, exist_ok=True)
    sandbox = EmbeddedSandbox(state_dir, stock=bool(getattr(args, "stock", False)))
    sandbox.start()
    return sandbox


def build_port(args: argparse.Namespace) -> tuple[AdminPort, object | None]:
    """(the port, the running sandbox or None)."""
    from qubes_fw_gui.admin.socket_client import SocketAdminPort

    if getattr(args, "sandbox", None) is not None:
        sandbox = _start_sandbox(args)
        return SocketAdminPort(sandbox.socket_path), sandbox
    if getattr(args, "socket", None):
        return SocketAdminPort(args.socket), None
    from qubes_fw_gui.admin.connect import connect

    return connect(), None


def sandbox_note(sandbox: object, stock: bool) -> str:
    translate = QCoreApplication.translate
    if stock:
        mode = translate("app", "stock mode: L7 rules are refused like today's qubesd")
    else:
        mode = translate("app", "spec mode: L7 rules are accepted")
    text = translate(
        "app",
        "Sandbox dom0 with demo qubes ({mode}). Nothing here touches a real Qubes system; state is kept in {path}.",
    )
    return text.format(mode=mode, path=getattr(sandbox, "state_dir", ""))


def keep_gui_responsive() -> None:
    """Favour the GUI thread while worker threads parse or analyse thousands of rules.

    Workers are Python too and share the GIL: a shorter switch interval lets the
    GUI thread in sooner, and freezing what start-up created keeps the garbage
    collector's full passes (which run in whichever thread triggers them) short.
    """
    import gc

    sys.setswitchinterval(0.001)
    gc.collect()
    gc.freeze()


def build_window(args: argparse.Namespace, port: AdminPort, note: str) -> QWidget:
    if getattr(args, "full_access", None):
        from qubes_fw_gui.widgets.full_access_window import FullAccessWindow

        window: QWidget = FullAccessWindow(port, args.full_access, args.minutes)
    elif getattr(args, "proxyvm", None):
        from qubes_fw_gui.widgets.leak_window import LeakProtectionWindow

        window = LeakProtectionWindow(port, args.proxyvm)
    elif getattr(args, "qube", None):
        from qubes_fw_gui.widgets.qube_dialog import QubeFirewallDialog

        window = QubeFirewallDialog(port, args.qube)
    else:
        from qubes_fw_gui.widgets.chooser import QubeChooser

        window = QubeChooser(port)
    if note:
        if hasattr(window, "set_sandbox_note"):
            window.set_sandbox_note(note)
        else:
            suffix = QCoreApplication.translate("app", "(sandbox dom0, demo qubes)")
            window.setWindowTitle(f"{window.windowTitle()} {suffix}")
    return window


def run_gui(args: argparse.Namespace) -> int:
    # Ctrl+C in the terminal ends the program (Qt's loop would otherwise swallow it).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        from qubes_fw_gui.i18n import install_translator

        install_translator(app)
    except ImportError:
        pass
    app.setApplicationName("qubes-fw-gui")
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Qubes firewall"))
    try:
        port, sandbox = build_port(args)
    except Exception as error:  # noqa: BLE001 - shown to the person, then exit
        title = QCoreApplication.translate("app", "Qubes firewall")
        message = QCoreApplication.translate("app", "Cannot reach dom0: {error}")
        QMessageBox.critical(None, title, message.format(error=error))
        return 2
    try:
        note = sandbox_note(sandbox, bool(getattr(args, "stock", False))) if sandbox is not None else ""
        window = build_window(args, port, note)
        keep_gui_responsive()
        window.show()
        if hasattr(window, "finished"):  # a dialog ends the program when it closes
            window.finished.connect(app.quit)
        return app.exec_()
    finally:
        if sandbox is not None:
            sandbox.stop()
