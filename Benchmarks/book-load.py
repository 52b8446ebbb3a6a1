#!/usr/bin/env python3
"""Figures for issue 16 (docs/performance.md, "The book of remembrance under load"): how long a
key takes to reach the screen of a visitor's kiosk while 200 other sessions write in the book of
remembrance and a member of staff approves entries, beside the same with the 200 sessions
walking the tour instead of writing. Measured against the built binary, on a pty of this
script's own.

    Benchmarks/book-load.py [--kiosk .build/release/museum-kiosk] [--sessions 200] [--seconds 20]
                            [--database postgresql://…]

Without --database the book is an SQLite file in a temporary folder. The figures: the probe's
key-to-screen latency (median, p99, worst) in each phase, the entries acknowledged and refused
while writing, and what the staff approved meanwhile.
"""
import argparse
import fcntl
import os
import pty
import random
import select
import shutil
import struct
import subprocess
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SMALL = os.path.join(ROOT, "Tests/KioskCoreTests/Packs/small")
THANKS = b"Thank you. Your words are kept in the book."
REFUSED = b"could not be saved"


def probe_latencies(kiosk, book, seconds):
    """A visitor's kiosk on a pty: ? opens and closes help, a whole screen each time."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LANG="C.UTF-8")
        os.execv(kiosk, [kiosk, "--lang", "en"] + book)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    wait_for(fd, b"Begin the tour", 10)
    latencies, end = [], time.time() + seconds
    while time.time() < end:
        drain(fd)
        sent = time.time()
        os.write(fd, b"?")
        if wait_for(fd, b"\x1b", 5):
            latencies.append(time.time() - sent)
        time.sleep(0.02)
    os.kill(pid, 15)
    os.waitpid(pid, 0)
    os.close(fd)
    return sorted(latencies)


def wait_for(fd, text, seconds):
    out, end = b"", time.time() + seconds
    while time.time() < end:
        if select.select([fd], [], [], 0.01)[0]:
            try:
                out += os.read(fd, 1 << 16)
            except OSError:
                return False
            if text in out:
                return True
    return False


def drain(fd):
    while select.select([fd], [], [], 0)[0]:
        try:
            os.read(fd, 1 << 16)
        except OSError:
            return


def sessions(kiosk, book, count, writing):
    """Line-by-line sessions on pipes: writing in the book as fast as each is answered, or
    walking the tour at the same pace."""
    started = []
    for index in range(count):
        process = subprocess.Popen([kiosk, "--plain", "--lang", "en", "--content", SMALL] + book,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        os.set_blocking(process.stdout.fileno(), False)
        process.stdin.write(b"x\n")
        process.stdin.flush()
        started.append({"process": process, "index": index, "sent": 0, "seen": b"", "thanked": 0, "refused": 0})
    return started


def drive(session, writing):
    """The next step of a session once the last is answered: from the Hall of Remembrance,
    write an entry and save it, then return (thanked) or leave the form (refused); or walk on."""
    process = session["process"]
    try:
        session["seen"] += process.stdout.read() or b""
    except (BlockingIOError, TypeError):
        pass
    seen = session["seen"]
    thanked, refused = seen.count(THANKS), seen.count(REFUSED)
    if writing and thanked + refused < session["sent"]:
        return
    back = b""
    if thanked > session["thanked"]:
        back = b"1\n"
    elif refused > session["refused"]:
        back = b"5\n"
    session["thanked"], session["refused"] = thanked, refused
    try:
        if writing:
            words = "entry %d-%d Əbədi xatirə" % (session["index"], session["sent"])
            process.stdin.write(back + b"2\n" + words.encode() + b"\n\n\n4\n")
        else:
            # Four pages a second: about the pace the writers keep.
            if time.time() < session.get("next", 0):
                return
            session["next"] = time.time() + 0.25
            process.stdin.write(b"n\n")
        process.stdin.flush()
        session["sent"] += 1
    except (BrokenPipeError, OSError):
        pass


def staff(kiosk, book, stop_at):
    """A member of staff approving what came in, as fast as the desk's commands answer."""
    approved = 0
    while time.time() < stop_at:
        listed = subprocess.run([kiosk, "book", "list"] + book, capture_output=True, text=True).stdout.splitlines()
        ids = [line.split()[0] for line in listed if line and not line.startswith(" ")][:20]
        if ids:
            subprocess.run([kiosk, "book", "approve"] + book + ids, capture_output=True)
            approved += len(ids)
        time.sleep(0.2)
    return approved


def phase(kiosk, book, count, seconds, writing):
    running = sessions(kiosk, book, count, writing)
    time.sleep(2)
    pid = os.fork()
    if pid == 0:
        # The probe runs in a child, so the sessions are driven meanwhile.
        latencies = probe_latencies(kiosk, book, seconds)
        with open(os.environ["BOOK_LOAD_OUT"], "w") as f:
            f.write(" ".join(str(x) for x in latencies))
        os._exit(0)
    stop_at = time.time() + seconds + 3
    staff_pid = None
    if writing:
        staff_pid = os.fork()
        if staff_pid == 0:
            with open(os.environ["BOOK_LOAD_OUT"] + ".staff", "w") as f:
                f.write(str(staff(kiosk, book, stop_at)))
            os._exit(0)
    while time.time() < stop_at:
        for session in running:
            drive(session, writing)
        time.sleep(0.01)
    os.waitpid(pid, 0)
    if staff_pid:
        os.waitpid(staff_pid, 0)
    for session in running:
        session["process"].kill()
        session["process"].wait()
    latencies = [float(x) for x in open(os.environ["BOOK_LOAD_OUT"]).read().split()]
    approved = int(open(os.environ["BOOK_LOAD_OUT"] + ".staff").read()) if writing else 0
    return latencies, sum(s["thanked"] for s in running), sum(s["refused"] for s in running), approved


def describe(name, latencies):
    if not latencies:
        return f"{name}: no key answered"
    p = lambda q: 1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    return f"{name}: key to screen median {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, worst {1000 * latencies[-1]:.1f} ms over {len(latencies)} keys"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kiosk", default=os.path.join(ROOT, ".build/release/museum-kiosk"))
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--database")
    arguments = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="kiosk-book-load-")
    os.environ["BOOK_LOAD_OUT"] = os.path.join(folder, "latencies")
    book = ["--database", arguments.database] if arguments.database else ["--data", folder]
    try:
        walking, _, _, _ = phase(arguments.kiosk, book, arguments.sessions, arguments.seconds, writing=False)
        print(describe(f"{arguments.sessions} sessions walking the tour", walking))
        writing, thanked, refused, approved = phase(arguments.kiosk, book, arguments.sessions, arguments.seconds, writing=True)
        print(describe(f"{arguments.sessions} sessions writing in the book, staff approving", writing))
        print(f"entries acknowledged {thanked} ({thanked / (arguments.seconds + 3):.0f} a second), refused {refused}, approved by staff {approved}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
