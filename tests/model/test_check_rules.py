"""`qubes-fw-gui --check-rules`: run as a person would, through the real command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from qubes_fw_gui.check_rules import check_text

CHECKOUT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qubes_fw_gui.cli", *args],
        input=stdin.decode("latin-1") if stdin else "",
        capture_output=True,
        text=True,
        cwd=CHECKOUT,
        timeout=30,
        encoding="latin-1",
    )


def test_the_issue_example_through_stdin() -> None:
    result = run_cli(
        "--check-rules",
        "-",
        stdin=b"action=accept dsthost=1.2.3.4\nproto=tcp dstports=443 action=accept\naction=accept  proto=tcp\n",
    )
    assert result.stdout.splitlines() == [
        "action=accept dst4=1.2.3.4/32",
        "action=accept proto=tcp dstports=443-443",
        "line 3: rule: two spaces in a row: separate options by a single space",
    ]
    assert result.returncode == 1


def test_a_valid_file_prints_a_payload_and_exits_zero(tmp_path: Path) -> None:
    rules = tmp_path / "rules.txt"
    rules.write_text("dstname=example.org action=accept\naction=accept proto=udp dstports=123\naction=drop\n")
    result = run_cli("--check-rules", str(rules))
    assert result.returncode == 0
    assert result.stdout == (
        "action=accept dsthost=example.org\naction=accept proto=udp dstports=123-123\naction=drop\n"
    )
    # A host name works but is worth knowing about: said on stderr, not in the payload.
    assert result.stderr.startswith("line 1: warning: target: the FirewallVM resolves example.org once")


def test_errors_stay_in_input_order_with_the_valid_lines(tmp_path: Path) -> None:
    rules = tmp_path / "rules.txt"
    rules.write_bytes(
        b"action=accept proto=icmp specialtarget=dns\n"
        b"action=accept\n"
        b"\n"
        b"action=accept comment=caf\xc3\xa9\n"
        b"action=accept dsthost=\n"
        b"action=drop\n"
    )
    result = run_cli("--check-rules", str(rules))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("line 1: proto: the DNS special target works only with tcp, udp")
    assert lines[1] == "action=accept"
    assert lines[2] == "line 3: rule: a blank line is not a rule (qubesd refuses the whole list)"
    assert lines[3] == "line 4: rule: only ASCII characters are allowed in a rule"
    assert lines[4].startswith("line 5: target: the address is empty")
    assert lines[5] == "action=drop"


def test_a_list_too_big_for_one_set_is_a_warning(tmp_path: Path) -> None:
    rules = tmp_path / "rules.txt"
    rules.write_text("".join(f"action=accept dst4=10.0.{i // 256}.{i % 256} proto=tcp dstports=443\n" for i in range(1600)))
    result = run_cli("--check-rules", str(rules))
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 1600
    assert "one admin.vm.firewall.Set carries at most" in result.stderr


def test_a_missing_file_is_exit_status_two(tmp_path: Path) -> None:
    result = run_cli("--check-rules", str(tmp_path / "absent"))
    assert result.returncode == 2
    assert "cannot read" in result.stderr and result.stdout == ""


def test_check_rules_does_not_load_qt() -> None:
    code = (
        "import sys; from qubes_fw_gui.cli import main; main(['--check-rules', '/dev/null']); "
        "print(sorted(m for m in sys.modules if m.startswith('PyQt5')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=CHECKOUT, timeout=30)
    assert result.stdout.strip() == "[]"


def test_check_text_is_the_import_path() -> None:
    rules, errors = check_text("action=accept proto=tcp dstports=https\naction=drop dst4=10.0.0.0/8\n")
    assert [rule.api_line() for rule in rules] == ["action=drop dst4=10.0.0.0/8"]
    assert errors == ["line 1: ports: a port is a number or a range like 8000-8080"]
