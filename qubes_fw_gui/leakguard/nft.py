"""Running `nft`: apply a ruleset in one transaction."""

from __future__ import annotations

import subprocess


class ApplyError(RuntimeError):
    """nft refused the ruleset or could not be run; the message says what nft said."""


def apply_ruleset(text: str, nft: str = "nft") -> None:
    """Apply `text` atomically: nft -f commits the whole file or nothing."""
    try:
        done = subprocess.run([nft, "-f", "-"], input=text, text=True, capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ApplyError(f"cannot run {nft}: {error}") from error
    if done.returncode != 0:
        raise ApplyError(done.stderr.strip() or f"{nft} exited with {done.returncode}")


