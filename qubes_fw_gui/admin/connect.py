"""Pick the Admin API adapter for where the editor runs."""

from __future__ import annotations

from qubes_fw_gui.admin.port import AdminPort
from qubes_fw_gui.admin.socket_client import DEFAULT_SOCKET, SocketAdminPort


def connect(socket_path: str | None = None) -> AdminPort:
    """The qubesadmin adapter in dom0 or a GUI domain (where the package imports and
    no socket is given); otherwise our own client on `socket_path` or qubesd.sock."""
    if socket_path is None:
        try:
            import qubesadmin  # noqa: F401
        except ImportError:
            return SocketAdminPort(DEFAULT_SOCKET)
        from qubes_fw_gui.admin.qubesadmin_adapter import QubesadminPort

        return QubesadminPort()
    return SocketAdminPort(socket_path)
