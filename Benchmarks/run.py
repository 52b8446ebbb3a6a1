#!/usr/bin/env python3
"""The kiosk measured beside what a museum would use instead: lynx and w3m on the same hall,
exported as HTML by `museum-kiosk export --html`. In one go, on this machine:

  - time to the first full screen, and peak memory (RSS) of one session;
  - bytes written to the terminal for one step to the next stop, through a pty;
  - for the kiosk alone: time to load the bundled pack and generated packs of 1,000 and
    10,000 exhibits, the time per key (reduce + view + draw) on the 10,000 pack, and the
    search index's part in loading and memory and a key in the search line there.

    Benchmarks/run.py                 # builds the release binary first
    Benchmarks/run.py --skip-build    # measures the binaries already in .build/release
    Benchmarks/run.py --search        # the search on the 10,000 pack alone (kiosk-bench only)

It prints the numbers; docs/performance.md holds a run of it and what they mean. Python 3's
standard library only; lynx and w3m from Debian (apt-get install lynx w3m).
"""
import argparse
import fcntl
import os
import platform
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLUMNS, ROWS = 80, 24
# The output of a program is taken as complete when it has written nothing for this long.
QUIET = 0.25
# The release build: one self-contained binary (see README, "Build a release").
BUILD = ["swift", "build", "-c", "release", "--static-swift-stdlib", "-Xswiftc", "-static-executable"]


def run(command, **options):
    # In the clone: kiosk-bench takes the kiosk's own words from the pack where it runs.
    options.setdefault("cwd", ROOT)
    return subprocess.run(command, check=True, text=True, capture_output=True, **options).stdout


class Session:
    """A program on a pseudo-terminal of COLUMNS x ROWS, as a visitor's terminal would run it."""

    def __init__(self, argv):
        self.started = time.monotonic()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ["TERM"] = "xterm-256color"
            os.environ.pop("NO_COLOR", None)
            try:
                os.execvp(argv[0], argv)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))

    def settle(self, limit=20.0):
        """Reads until the program has been quiet for QUIET seconds; returns the bytes it
        wrote and the moment the last of them arrived."""
        data, last, start = b"", None, time.monotonic()
        while time.monotonic() - start < limit:
            ready, _, _ = select.select([self.fd], [], [], QUIET)
            if not ready:
                if last is not None:
                    break
                continue
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            data, last = data + chunk, time.monotonic()
        return data, last

    def send(self, keys):
        os.write(self.fd, keys)

    def status(self, field):
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return None

    def private_kib(self):
        """Memory only this session holds: its private pages (with another session of the
        same program running, the program's own pages are shared, not private)."""
        total = 0
        with open(f"/proc/{self.pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith(("Private_Clean:", "Private_Dirty:")):
                    total += int(line.split()[1])
        return total

    def close(self):
        if self.pid > 1:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        memory = int(info.readline().split()[1]) // 1024
    versions = {
        "swift": run(["swift", "--version"]).splitlines()[0],
        "lynx": run(["lynx", "-version"]).splitlines()[0],
        "w3m": run(["w3m", "-version"]).splitlines()[0],
    }
    return [f"machine: {cpu}, {os.cpu_count()} cores, {memory} MiB, Linux {platform.release()}",
            f"load average at start: {os.getloadavg()[0]:.2f}"] + [f"{name}: {text}" for name, text in versions.items()]


def first_screen(argv, runs):
    times, sizes = [], []
    for _ in range(runs):
        session = Session(argv)
        data, last = session.settle()
        times.append((last - session.started) * 1000)
        sizes.append(len(data))
        session.close()
    return statistics.median(times), min(times), statistics.median(sizes)


def one_step(argv, to_hall, select_next, step, expect):
    """Memory of a session that has walked to the hall and one stop on, and the bytes that
    one step wrote. Another session of the same program runs beside it, as on a server of
    several visitors, so that its private memory is what one more visitor costs."""
    companion = Session(argv)
    companion.settle()
    session = Session(argv)
    session.settle()
    if to_hall:
        session.send(to_hall)
        session.settle()
    if select_next:
        session.send(select_next)
        session.settle()
    session.send(step)
    data, _ = session.settle()
    shown = expect.encode() in data
    result = (len(data), session.status("VmHWM"), session.status("VmRSS"), session.private_kib(), shown)
    session.close()
    companion.close()
    return result


def in_terminal(bench, arguments, name):
    """kiosk-bench with `arguments` on a COLUMNS x ROWS pty, drawing its frames; what it wrote
    to its report `name`."""
    report = os.path.join(WORK, name)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.chdir(ROOT)
        os.execv(bench, [bench] + arguments + [report])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    # cat drains the terminal as fast as a terminal would, so no write waits on this script.
    drain = subprocess.Popen(["cat"], stdin=fd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.waitpid(pid, 0)
    drain.terminate()
    drain.wait()
    os.close(fd)
    with open(report) as text:
        return text.read().strip()


def main():
    global WORK
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--runs", type=int, default=20, help="runs per first-screen measurement (default 20)")
    parser.add_argument("--keys", type=int, default=10_000, help="keys on the 10,000 pack (default 10,000)")
    parser.add_argument("--work", default="/tmp/museum-kiosk-bench", help="where packs and pages are made")
    parser.add_argument("--search", action="store_true",
                        help="only the search index and the search line on the 10,000 pack (builds kiosk-bench alone)")
    arguments = parser.parse_args()
    WORK = arguments.work
    os.makedirs(WORK, exist_ok=True)
    if arguments.search:
        return search_only(arguments)
    for tool in ["lynx", "w3m", "cat"]:
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed (apt-get install lynx w3m)")

    print("\n".join(machine()))
    if not arguments.skip_build:
        print("build:", " ".join(BUILD))
        run(BUILD, cwd=ROOT)
    bin_path = run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT).strip()
    kiosk, bench = os.path.join(bin_path, "museum-kiosk"), os.path.join(bin_path, "kiosk-bench")
    print(f"binary: {kiosk}, {os.path.getsize(kiosk) / 1e6:.1f} MB")

    html = os.path.join(WORK, "html")
    shutil.rmtree(html, ignore_errors=True)
    run([kiosk, "export", "--html", html, "--content", ROOT])
    hall = os.path.join(html, "en/halls/khojaly.html")
    packs = {}
    for exhibits in [1_000, 10_000]:
        packs[exhibits] = os.path.join(WORK, f"pack-{exhibits}")
        if not os.path.exists(os.path.join(packs[exhibits], "Narratives/tour.yaml")):
            run([sys.executable, os.path.join(ROOT, "Benchmarks/generate-pack.py"), "--exhibits", str(exhibits), packs[exhibits]])

    print("\n== Loading a pack (kiosk-bench load: the whole pack read and checked, in one process)")
    for name, directory, runs in [("bundled", ROOT, 20), ("1,000", packs[1_000], 5), ("10,000", packs[10_000], 3)]:
        print(f"{name}: " + run([bench, "load", directory, str(runs)]).strip())

    print(f"\n== First full screen, {COLUMNS}x{ROWS} pty, median of {arguments.runs} (time from start to the last byte "
          f"before {int(QUIET * 1000)} ms of quiet)")
    tools = {
        "museum-kiosk": [kiosk, "--content", ROOT, "--lang", "en"],
        "lynx": ["lynx", hall],
        "w3m": ["w3m", hall],
    }
    for name, argv in tools.items():
        median, fastest, size = first_screen(argv, arguments.runs)
        print(f"{name}: median {median:.1f} ms, fastest {fastest:.1f} ms, {size:.0f} bytes")

    print("\n== One step to the next stop (Khojaly, 450 → 451) and the session's memory after it")
    steps = {
        "museum-kiosk": (tools["museum-kiosk"], b"450\r", None, b"n"),
        "lynx": (tools["lynx"], None, b"\x1b[B", b"\r"),
        "w3m": (tools["w3m"], None, b"\t", b"\r"),
    }
    for name, (argv, to_hall, select_next, step) in steps.items():
        written, peak, rss, private, shown = one_step(argv, to_hall, select_next, step, "1992")
        print(f"{name}: {written} bytes for the step{'' if shown else ' (NEXT STOP NOT SEEN)'}; "
              f"peak RSS {peak} KiB, RSS {rss} KiB, private {private} KiB (what one more session adds)")

    print(f"\n== A key on the 10,000 pack (kiosk-bench keys: {arguments.keys} seeded keys, reduce + view + draw, "
          f"in a {COLUMNS}x{ROWS} pty)")
    print(in_terminal(bench, ["keys", packs[10_000], str(arguments.keys), "1"], "keys.txt"))

    search(bench, packs[10_000], arguments.keys)


def search(bench, pack, keys):
    print("\n== Search on the 10,000 pack: the index's part in loading and memory (kiosk-bench index), and a key "
          f"in the search line (kiosk-bench search: {keys} keys, reduce + view + draw, in a {COLUMNS}x{ROWS} pty)")
    print(run([bench, "index", pack, "5"]).strip())
    print(in_terminal(bench, ["search", pack, str(keys)], "search.txt"))


def search_only(arguments):
    """The search measurements alone: kiosk-bench built for release (unless --skip-build),
    the 10,000 pack made if it is not there yet."""
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "unknown")
    print(f"machine: {cpu}, {os.cpu_count()} cores, Linux {platform.release()}")
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    if not arguments.skip_build:
        run(["swift", "build", "-c", "release", "--product", "kiosk-bench"])
    bin_path = run(["swift", "build", "-c", "release", "--show-bin-path"]).strip()
    pack = os.path.join(WORK, "pack-10000")
    if not os.path.exists(os.path.join(pack, "Narratives/tour.yaml")):
        run([sys.executable, os.path.join(ROOT, "Benchmarks/generate-pack.py"), "--exhibits", "10000", pack])
    search(os.path.join(bin_path, "kiosk-bench"), pack, arguments.keys)


if __name__ == "__main__":
    main()
