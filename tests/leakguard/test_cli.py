"""The command's exit status and messages, and the fail-closed fallback when nft refuses."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from qubes_fw_gui.leakguard.cli import main

GOOD = "service.qubes-fw-leakguard = 1\nvm-config.qubes-fw-leakguard-tunnel-interfaces = tun0\n"


def fake_nft(tmp_path: Path, refuse: str | None) -> tuple[str, Path]:
    """An `nft -f -` that records what it was given and refuses input containing `refuse`."""
    log = tmp_path / "nft-input"
    script = tmp_path / "nft"
    check = f'if grep -qF -- "{refuse}" {log}.last; then echo "Error: syntax error" >&2; exit 1; fi' if refuse else ""
    script.write_text(f"#!/bin/sh\ncat > {log}.last\ncat {log}.last >> {log}\n{check}\nexit 0\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script), log


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "settings"
    path.write_text(text)
    return str(path)


def test_print_writes_the_ruleset_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--settings", write(tmp_path, GOOD), "--print"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# qubes-fw-leakguard: leak protection") and 'oifname "tun0" goto via-tunnel' in out


def test_bad_settings_print_the_fail_closed_ruleset_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = write(tmp_path, GOOD + "vm-config.qubes-fw-leakguard-dns-servers = resolver.example\n")
    assert main(["--settings", settings, "--print"]) == 1
    captured = capsys.readouterr()
    assert "# because: /vm-config/qubes-fw-leakguard-dns-servers: 'resolver.example' is not an IPv4" in captured.out
    assert "fail-closed ruleset" in captured.err


def test_nft_refusing_the_built_ruleset_applies_the_fail_closed_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nft, log = fake_nft(tmp_path, refuse="via-tunnel")
    assert main(["--settings", write(tmp_path, GOOD), "--nft", nft, "--no-purge"]) == 1
    applied = log.read_text()
    assert applied.count("table inet qubes-fw-leakguard {}") == 2  # tried, then fell back
    assert applied.rstrip().endswith("}") and "FAIL CLOSED" in applied.split("delete table")[-2]
    err = capsys.readouterr().err
    assert "FAIL CLOSED" in err and "nft refused the ruleset" in err and "syntax error" in err


def test_nothing_applicable_exits_2_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--settings", write(tmp_path, GOOD), "--nft", str(tmp_path / "no-nft-here")]) == 2
    assert "could not apply any ruleset" in capsys.readouterr().err


def test_switched_off_applies_the_removal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nft, log = fake_nft(tmp_path, refuse=None)
    assert main(["--settings", write(tmp_path, "service.qubes-fw-leakguard =\n"), "--nft", nft]) == 0
    assert log.read_text().splitlines()[-2:] == ["table inet qubes-fw-leakguard {}", "delete table inet qubes-fw-leakguard"]
    assert "switched off" in capsys.readouterr().err


def test_missing_conntrack_is_reported_but_the_rules_stay_applied(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nft, log = fake_nft(tmp_path, refuse=None)
    status = main(["--settings", write(tmp_path, GOOD), "--nft", nft, "--conntrack", str(tmp_path / "no-conntrack")])
    assert status == 0
    assert 'oifname "tun0" goto via-tunnel' in log.read_text()
    err = capsys.readouterr().err
    assert "open downstream connections were not reset" in err and "leak protection applied" in err
