#!/usr/bin/env python3
"""Times REPL start-up through a real pseudo-terminal, as a person at a terminal would see it.

For each console: launch it on a pty (80x24, TERM=xterm-256color), wait for its prompt (first
prompt time), type `1+1` and Enter, wait for the result and the next prompt, type `/exit`, wait
for the process to end (launch-evaluate-exit time). Prints the median of N runs per console.
Used by bench/repl-startup.sh, which prepares the commands.
"""
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time


def drive(cmd, prompt, env, timeout=120.0):
    """One run; returns (first_prompt_seconds, launch_eval_exit_seconds)."""
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(cmd[0], cmd, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    out = bytearray()
    deadline = t0 + timeout

    def read_until(pred):
        while not pred():
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                raise TimeoutError("no expected output from %s; got: %r" % (cmd[0], bytes(out[-400:])))
            r, _, _ = select.select([fd], [], [], min(left, 0.05))
            if r:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    return
                if not data:
                    return
                out.extend(data)

    p = prompt.encode()
    read_until(lambda: p in out)
    first = time.monotonic() - t0
    mark = len(out)
    os.write(fd, b"1+1\r")
    # The value 2 printed after the echoed input, then the prompt again.
    read_until(lambda: b"2" in out[mark + 3:] and p in out[mark + 3:])
    os.write(fd, b"/exit\r")
    while True:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            raise TimeoutError("%s did not exit" % cmd[0])
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    total = time.monotonic() - t0
    os.close(fd)
    return first, total


def main():
    runs = int(os.environ.get("RUNS", "5"))
    consoles = []
    for spec in sys.argv[1:]:
        name, prompt, cmd = spec.split("|", 2)
        consoles.append((name, prompt, cmd.split("\x1f")))
    env = dict(os.environ, TERM="xterm-256color")
    print("%-10s %18s %26s" % ("console", "first prompt (s)", "launch+1+1+exit (s)"))
    for name, prompt, cmd in consoles:
        drive(cmd, prompt, env)  # warm the OS file cache (and create Sitter's CDS archive)
        firsts, totals = [], []
        for _ in range(runs):
            f, t = drive(cmd, prompt, env)
            firsts.append(f)
            totals.append(t)
        print("%-10s %18.3f %26.3f   (median of %d; first prompt min %.3f max %.3f; total min %.3f max %.3f)" % (
            name, statistics.median(firsts), statistics.median(totals), runs, min(firsts), max(firsts), min(totals), max(totals)))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
