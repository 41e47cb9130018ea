"""Compare two built sites file by file: which files only one has, and which differ.

Used to show that a change of the build's code leaves the output as it was (or to list
exactly what it changes): scripts/compare_builds.py BEFORE AFTER. Exit 1 if they differ.
"""
import argparse
import sys
from pathlib import Path

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("before", type=Path)
parser.add_argument("after", type=Path)
args = parser.parse_args()


def files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}


before, after = files(args.before), files(args.after)
only_before = sorted(set(before) - set(after))
only_after = sorted(set(after) - set(before))
changed = sorted(name for name in set(before) & set(after) if before[name].read_bytes() != after[name].read_bytes())
for label, names in (("only in before", only_before), ("only in after", only_after), ("differs", changed)):
    for name in names:
        print(f"{label}: {name}")
same = len(set(before) & set(after)) - len(changed)
print(f"{same} identical, {len(changed)} differ, {len(only_before)} only before, {len(only_after)} only after")
sys.exit(1 if changed or only_before or only_after else 0)
