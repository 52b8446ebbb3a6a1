#!/usr/bin/env python3
"""How long `museum-kiosk validate` takes, and how much memory, on each hostile pack: the ones
committed under Tests/KioskCoreTests/Packs/hostile and the ones the tests make at run time
(tens of megabytes, a sparse 10 GiB file, links out of the pack, a FIFO, deep nesting, half a
megabyte of emphasis). The tests check the findings; this prints the bounds they stay within.

    Benchmarks/hostile-packs.py [--kiosk .build/release/museum-kiosk]

Needs GNU time (apt-get install time) for the peak memory of each run.
"""
import argparse
import os
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOUR = "format: 1\nlanguages: [en]\nmuseum:\n  name: Scratch Museum\nfloor: Ground\nhalls:\n  - id: first\n    stop: 1\n    map: [0, 0]\n"
FIRST = "---\ntitle: First\nsummary: The first hall.\nsources: [\"A source, 2026\"]\n---\nA label.\n"


def scratch(base, name, files):
    pack = os.path.join(base, name)
    for relative, text in {"Narratives/tour.yaml": TOUR, "Narratives/first.md": FIRST, **files}.items():
        path = os.path.join(pack, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if text is not None:
            with open(path, "w") as file:
                file.write(text)
    os.makedirs(os.path.join(pack, "Exhibits"), exist_ok=True)
    return pack


def made(base):
    outside = os.path.join(base, "outside")
    os.makedirs(outside)
    with open(os.path.join(outside, "secret.md"), "w") as file:
        file.write(FIRST.replace("First", "SECRET"))
    packs = {}
    packs["30 MB narrative"] = scratch(base, "huge", {"Narratives/first.md": "---\ntitle: First\n---\n" + "A very long label. " * 1_600_000})
    sparse = scratch(base, "sparse", {"Exhibits/first/a.md": ""})
    os.truncate(os.path.join(sparse, "Exhibits/first/a.md"), 10 << 30)
    packs["sparse 10 GiB exhibit"] = sparse
    linked = scratch(base, "linked-file", {"Narratives/first.md": None})
    os.symlink(os.path.join(outside, "secret.md"), os.path.join(linked, "Narratives/first.md"))
    packs["narrative linked outside"] = linked
    folder = scratch(base, "linked-folder", {})
    os.symlink(outside, os.path.join(folder, "Exhibits/first"))
    packs["exhibit folder linked outside"] = folder
    fifo = scratch(base, "fifo", {"Narratives/first.md": None})
    os.mkfifo(os.path.join(fifo, "Narratives/first.md"))
    packs["FIFO narrative"] = fifo
    packs["100,000 levels of nesting"] = scratch(base, "deep", {"Narratives/first.md": "---\ntitle: " + "[" * 100_000 + "]" * 100_000 + "\n---\nA label.\n"})
    packs["half a megabyte of emphasis"] = scratch(base, "emphasis", {"Narratives/first.md": FIRST.replace("A label.", "**a " * 125_000)})
    return packs


def measure(kiosk, pack):
    """Time, peak memory, exit status and findings of one validate. The peak comes from GNU
    time (apt-get install time), a small process of its own: a child forked from this script
    would carry the script's memory into its own peak."""
    start = time.monotonic()
    report = os.path.join(tempfile.gettempdir(), f"kiosk-hostile-time-{os.getpid()}")
    result = subprocess.run(["/usr/bin/time", "-o", report, "-f", "%M", kiosk, "validate", pack],
                            capture_output=True, text=True, timeout=60)
    elapsed = (time.monotonic() - start) * 1000
    with open(report) as file:
        peak = int(file.read().split()[-1])
    os.remove(report)
    findings = [line for line in result.stdout.splitlines() if ": error: " in line or ": warning: " in line]
    return elapsed, peak, result.returncode, findings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kiosk", default=os.path.join(ROOT, ".build/release/museum-kiosk"))
    arguments = parser.parse_args()
    if not os.path.exists("/usr/bin/time"):
        raise SystemExit("GNU time is not installed (apt-get install time)")
    base = tempfile.mkdtemp(prefix="kiosk-hostile-")
    try:
        committed = os.path.join(ROOT, "Tests/KioskCoreTests/Packs/hostile")
        packs = {name: os.path.join(committed, name) for name in sorted(os.listdir(committed))}
        packs.update(made(base))
        print(f"kiosk: {arguments.kiosk}")
        for name, pack in packs.items():
            elapsed, peak, status, findings = measure(arguments.kiosk, pack)
            first = findings[0].replace(pack + "/", "") if findings else "(no finding)"
            print(f"{name}: {elapsed:.1f} ms, peak RSS {peak} KiB, exit {status}, {len(findings)} findings; first: {first}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
