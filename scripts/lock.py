"""Write the hashes of every pinned package into requirements.lock (pip --require-hashes).

After changing a pin in requirements.lock (name==version, one a line), run
`.venv/bin/python scripts/lock.py`: it downloads each pinned file for this machine's Python
and platform (no dependencies resolved: the lock lists them all) and writes its sha256.
"""
import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

LOCK = Path(__file__).resolve().parents[1] / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\]+)")


def pins(text: str) -> list[tuple[str, str]]:
    return [match.groups() for line in text.splitlines() if (match := PIN.match(line.strip()))]


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main() -> None:
    found = pins(LOCK.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--disable-pip-version-check",
                        "-d", folder, *(f"{name}=={version}" for name, version in found)], check=True)
        files = {}
        for path in Path(folder).iterdir():
            key = normal(re.split(r"-\d", path.name, maxsplit=1)[0])
            files.setdefault(key, []).append(hashlib.sha256(path.read_bytes()).hexdigest())
    lines = ["# Every package, exactly, with the hash of its file (scripts/lock.py writes them).",
             "# scripts/setup installs with pip --require-hashes."]
    for name, version in sorted(found, key=lambda pin: normal(pin[0])):
        hashes = files.get(normal(name))
        if not hashes:
            sys.exit(f"lock: no file downloaded for {name}=={version}")
        lines.append(f"{name}=={version} \\\n" + " \\\n".join(f"    --hash=sha256:{h}" for h in sorted(hashes)))
    LOCK.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"lock: {len(found)} packages with hashes in {LOCK.name}")


main()
