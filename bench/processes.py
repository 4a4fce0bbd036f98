"""Memory of a process and its descendants, for the benches: summed RSS (shared
pages counted once per process, an upper bound) and summed PSS (shared pages
divided among the processes sharing them)."""

from __future__ import annotations

import threading
from pathlib import Path


def descendants(pid: int) -> list[int]:
    """The process and every process below it."""
    children: dict[int, list[int]] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            ppid = next(
                int(line.split()[1])
                for line in status.read_text().splitlines()
                if line.startswith("PPid:")
            )
        except (OSError, StopIteration):
            continue
        children.setdefault(ppid, []).append(int(status.parent.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def memory_kib(pid: int) -> tuple[int, int]:
    """Summed RSS and PSS of the process tree, in KiB."""
    rss = pss = 0
    for member in descendants(pid):
        try:
            for line in Path(f"/proc/{member}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss, pss


class PeakMemory:
    """Samples a process tree's memory while a load runs; `rss` and `pss` are
    the peaks of the sums, in KiB."""

    def __init__(self, pid: int, *, every: float = 0.2) -> None:
        self.pid, self.every = pid, every
        self.rss = self.pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            rss, pss = memory_kib(self.pid)
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
