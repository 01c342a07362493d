"""qubes-fw-gui: an editor for Qubes OS firewall rules and ProxyVM leak protection."""

__version__ = "0.1.0"
