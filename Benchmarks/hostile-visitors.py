#!/usr/bin/env python3
"""Figures for issue 11 (docs/reliability.md, "Hostile visitors"): what a hostile visitor costs
the kiosk, measured against the built binary on a pty of this script's own.

    Benchmarks/hostile-visitors.py [--kiosk .build/release/museum-kiosk]

- window: the kiosk's peak memory (VmHWM) at 80 x 24, then told its window is 65535 x 65535,
  then 20000 x 20000;
- flood: a guide's processor time while 200 connections to its group send junk and valid
  statuses as fast as the kiosk takes them for 10 seconds, and how long a key takes to reach
  the guide's screen meanwhile;
- marks: `validate` on a pack whose label has a megabyte of accents on one letter.
Bounded in count and time; it sends nothing but to its own Unix sockets.
"""
import argparse
import fcntl
import os
import pty
import select
import shutil
import socket
import struct
import subprocess
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def spawn(kiosk, args, columns=80, rows=24):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LANG="C.UTF-8")
        os.execv(kiosk, [kiosk] + args)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    return pid, fd


def read_until(fd, text, seconds=10):
    out, end = b"", time.time() + seconds
    while time.time() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                out += os.read(fd, 1 << 20)
            except OSError:
                return None
            if text.encode() in out:
                return out
    return None


def drain(fd, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                os.read(fd, 1 << 20)
            except OSError:
                return


def status(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])


def cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stop(pid, fd):
    try:
        os.kill(pid, 15)
        os.waitpid(pid, 0)
    except OSError:
        pass
    os.close(fd)


def window(kiosk):
    pid, fd = spawn(kiosk, ["--lang", "en"])
    read_until(fd, "Begin the tour")
    print(f"window 80 x 24: peak {status(pid, 'VmHWM') / 1024:.1f} MiB")
    for columns, rows in [(65535, 65535), (20000, 20000)]:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.kill(pid, 28)  # SIGWINCH
        shown = read_until(fd, "smaller", 10) is not None
        drain(fd, 1)
        alive = os.waitpid(pid, os.WNOHANG) == (0, 0)
        print(f"window {columns} x {rows}: asked to shrink {shown}, alive {alive}, peak {status(pid, 'VmHWM') / 1024:.1f} MiB" if alive
              else f"window {columns} x {rows}: the kiosk ended")
        if not alive:
            return
    stop(pid, fd)


def flood(kiosk):
    directory = tempfile.mkdtemp(prefix="kiosk-flood-")
    try:
        pid, fd = spawn(kiosk, ["--lead", "--lang", "en", "--group-dir", directory, "--log", directory + "/kiosk.log"], 100, 40)
        read_until(fd, "code")
        time.sleep(1)
        code = next(name[:-5] for name in os.listdir(directory) if name.endswith(".sock"))
        path = f"{directory}/{code}.sock"
        junk = b"\n" * 4096
        valid = b'{"v":1,"type":"status","following":true,"pause":true}\n' * 64
        connections, made, before, started = [], 0, cpu(pid), time.time()
        latencies = []
        while time.time() - started < 10:
            while len(connections) < 200:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.setblocking(False)
                try:
                    s.connect(path)
                    connections.append(s)
                    made += 1
                except OSError:
                    s.close()
                    break
            for index, s in enumerate(list(connections)):
                try:
                    s.send(junk if index % 2 else valid)
                except OSError:
                    s.close()
                    connections.remove(s)
            # A key the guide types: ? opens or closes help, a whole new screen.
            drain(fd, 0.03)
            sent = time.time()
            os.write(fd, b"?")
            if read_until(fd, "\x1b", 5) is not None:
                latencies.append(time.time() - sent)
            time.sleep(0.05)
        used = cpu(pid) - before
        elapsed = time.time() - started
        lines = sum(1 for _ in open(directory + "/kiosk.log"))
        latencies.sort()
        print(f"flood: {made} connections in {elapsed:.1f} s; the guide used {used:.2f} s of processor "
              f"({100 * used / elapsed:.0f} %); key to screen median {1000 * latencies[len(latencies) // 2]:.1f} ms, "
              f"worst {1000 * latencies[-1]:.1f} ms over {len(latencies)} keys; {lines} log lines")
        for s in connections:
            s.close()
        stop(pid, fd)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def marks(kiosk):
    base = tempfile.mkdtemp(prefix="kiosk-marks-")
    try:
        pack = os.path.join(base, "pack")
        shutil.copytree(os.path.join(ROOT, "Tests/KioskCoreTests/Packs/small"), pack)
        path = os.path.join(pack, "Exhibits/archive/01-ledger.md")
        front = open(path).read().split("---\n")[1]
        with open(path, "w") as f:
            f.write("---\n" + front + "---\nA ledger a" + "\u0301" * 500_000 + " of names.\n")
        started = time.time()
        result = subprocess.run([kiosk, "validate", pack], capture_output=True, text=True)
        print(f"marks: validate on a 1 MiB label of accents: {time.time() - started:.2f} s, "
              f"status {result.returncode}: {result.stdout.strip().splitlines()[:1]}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--kiosk", default=os.path.join(ROOT, ".build/debug/museum-kiosk"))
    kiosk = os.path.abspath(parser.parse_args().kiosk)
    window(kiosk)
    flood(kiosk)
    marks(kiosk)
