"""benchmarks/run.py finds every bench_*.py present and prints one table with the machine."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]


def test_runner_prints_one_table_of_every_part_and_reports_failures(tmp_path: Path) -> None:
    bench = tmp_path / "benchmarks"
    bench.mkdir()
    for name in ("__init__.py", "table.py", "run.py"):
        shutil.copy(CHECKOUT / "benchmarks" / name, bench / name)
    (bench / "bench_alpha.py").write_text(
        "from benchmarks.table import Row\n\n\ndef run():\n    print('chatter that must not reach the table')\n"
        "    return [Row('parse 4,000 rules', 12.5, 'ms', 50.0)]\n"
    )
    (bench / "bench_beta.py").write_text(
        "from benchmarks.table import Row\n\n\ndef run():\n    return [Row('beta: save', 90.0, 'ms', 80.0, note='x' * 300)]\n"
    )
    (bench / "bench_gamma.py").write_text("def run():\n    raise RuntimeError('no sandbox here')\n")
    (bench / "bench_delta.py").write_text(  # measures, then crashes on the way out
        "import atexit, os\nfrom benchmarks.table import Row\n\n\ndef run():\n"
        "    atexit.register(os._exit, 3)\n    return [Row('teardown race', 2.0, 'ms', 5.0)]\n"
    )
    done = subprocess.run([sys.executable, "-m", "benchmarks.run"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Machine: CPython")
    table = [line for line in lines if line.startswith("|")]
    assert len(table) == 5  # header, rule, three rows: one table for all parts
    assert re.search(r"\| alpha: parse 4,000 rules +\| 12\.5 ms", done.stdout)
    beta = next(line for line in table if "beta: save" in line)
    assert "MISSED" in beta
    assert "x" * 40 in beta and "x" * 100 not in beta and "…" in beta  # long notes are cut
    assert "chatter" not in done.stdout
    assert "PROBLEM gamma: failed" in done.stdout and "no sandbox here" in done.stdout
    # a part that crashed after measuring keeps its figures, and the crash is reported
    assert re.search(r"\| delta: teardown race +\| 2\.0 ms", done.stdout)
    assert "PROBLEM delta: exited with 3 after measuring" in done.stdout
    assert done.returncode == 1  # a failed part and a missed target


def test_runner_runs_only_the_parts_named(tmp_path: Path) -> None:
    bench = tmp_path / "benchmarks"
    bench.mkdir()
    for name in ("__init__.py", "table.py", "run.py"):
        shutil.copy(CHECKOUT / "benchmarks" / name, bench / name)
    (bench / "bench_alpha.py").write_text(
        "from benchmarks.table import Row\n\n\ndef run():\n    return [Row('quick', 1.0, 'ms', 5.0)]\n"
    )
    (bench / "bench_gamma.py").write_text("def run():\n    raise RuntimeError('must not run')\n")
    done = subprocess.run([sys.executable, "-m", "benchmarks.run", "alpha"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "alpha: quick" in done.stdout and "gamma" not in done.stdout
