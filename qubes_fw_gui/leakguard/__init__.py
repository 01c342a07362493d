"""Runs inside a ProxyVM: enforces the leak-protection settings with one nftables table."""
