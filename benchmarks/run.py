"""Run every benchmarks/bench_*.py present and print one table, with the machine it ran on.

    python -m benchmarks.run            # all parts
    python -m benchmarks.run model admin   # only bench_model.py and bench_admin.py

Each part runs in its own interpreter, so one part's Qt application, caches or memory
peak cannot colour another's figures, and a part that crashes is reported, not fatal.
The exit status is non-zero when a part failed or a figure missed its target.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.table import Row, machine, print_table

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TIMEOUT_S = 300  # per part; a hung part must not hold the whole table for long
NOTE_CHARS = 60  # one table people can read: long notes are cut (the part's own script prints them whole)

# Runs inside the child: import the part, call run(), write its rows as JSON.
_CHILD = """
import dataclasses, importlib, json, sys
rows = importlib.import_module(sys.argv[1]).run()
with open(sys.argv[2], "w") as out:
    json.dump([dataclasses.asdict(row) for row in rows], out)
"""


def parts() -> list[str]:
    """Part names of the benchmark scripts present: bench_model.py -> 'model'."""
    return sorted(path.stem.removeprefix("bench_") for path in HERE.glob("bench_*.py"))


def run_part(part: str) -> tuple[list[Row], str | None]:
    """The part's rows, and an error message when it failed or did not exit cleanly."""
    with tempfile.TemporaryDirectory(prefix="qubes-fw-bench-") as tmp:
        out = Path(tmp) / "rows.json"
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        try:
            done = subprocess.run(
                [sys.executable, "-c", _CHILD, f"benchmarks.bench_{part}", str(out)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,  # a part's own chatter would break the one table
                stderr=subprocess.PIPE,
                text=True,
                timeout=TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            return [], f"timed out after {TIMEOUT_S} s"
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        if not out.exists():
            return [], f"failed (exit {done.returncode}): {last}"
        rows = [_for_table(part, Row(**fields)) for fields in json.loads(out.read_text())]
    # A part that measured but then crashed (say, at interpreter exit) keeps its figures,
    # and the crash is still reported.
    error = f"exited with {done.returncode} after measuring: {last}" if done.returncode else None
    return rows, error


def _for_table(part: str, row: Row) -> Row:
    # Name the part in each row, so one table still says where a figure comes from.
    name = row.name if row.name.lower().startswith(part) else f"{part}: {row.name}"
    note = row.note if len(row.note) <= NOTE_CHARS else row.note[: NOTE_CHARS - 1].rstrip() + "…"
    return dataclasses.replace(row, name=name, note=note)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the project's benchmarks; print one table.")
    parser.add_argument("only", nargs="*", metavar="PART", help=f"parts to run (present: {', '.join(parts()) or 'none'})")
    args = parser.parse_args(argv)
    chosen = args.only or parts()
    unknown = sorted(set(chosen) - set(parts()))
    if unknown:
        parser.error(f"no benchmarks/bench_{unknown[0]}.py")
    rows: list[Row] = []
    failures: list[str] = []
    for part in chosen:
        part_rows, error = run_part(part)
        rows.extend(part_rows)
        if error:
            failures.append(f"{part}: {error}")
    print(f"Machine: {machine()}, {os.cpu_count()} CPU(s)")
    print()
    print_table(rows)
    for failure in failures:
        print(f"\nPROBLEM {failure}")
    missed = [row for row in rows if row.verdict == "MISSED"]
    return 1 if failures or missed else 0


if __name__ == "__main__":
    sys.exit(main())
