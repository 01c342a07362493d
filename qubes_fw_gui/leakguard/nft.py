"""Running `nft`: apply a ruleset in one transaction, or only check it."""

from __future__ import annotations

import subprocess


class ApplyError(RuntimeError):
    """nft refused the ruleset or could not be run; the message says what nft said."""


def _run_nft(arguments: list[str], text: str, nft: str) -> None:
    try:
        done = subprocess.run(
            [nft, *arguments, "-f", "-"], input=text, text=True, capture_output=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ApplyError(f"cannot run {nft}: {error}") from error
    if done.returncode != 0:
        raise ApplyError(done.stderr.strip() or f"{nft} exited with {done.returncode}")


def apply_ruleset(text: str, nft: str = "nft") -> None:
    """Apply `text` atomically: nft -f commits the whole file or nothing."""
    _run_nft([], text, nft)


def check_ruleset(text: str, nft: str = "nft") -> None:
    """Parse and check `text` against the running kernel without changing anything."""
    _run_nft(["-c"], text, nft)
