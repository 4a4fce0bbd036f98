"""Metrics in the Prometheus text format, correct across worker processes.

`broadsheet serve` points prometheus-client's multiprocess mode at the data
directory's `metrics/` folder before anything imports it (`serve.py`
`use_shared_metrics`), and, when
`BROADSHEET_METRICS_ADDRESS` is set, serves the sum of every process's counters
there, with the readiness facts of `broadsheet.core.health` as gauges read at
each scrape. That listener must be a loopback address: behind nginx every
request to the public port comes from 127.0.0.1, so the public port never
answers metrics.

The hot path counts in plain integers: a multiprocess counter costs 2.7 µs, a
third of a cache hit. `Tally.flush()` adds them to the Prometheus counters once
a second (the request edge calls `flush_every_second()` on its event loop).

prometheus-client maps each process's counter file into memory after making it
a sparse file. A page of a sparse file first written on a full disk kills the
process with SIGBUS, so each process allocates its file in full before the
first flush, and waits with its counts while the disk has no room for it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections import defaultdict
from pathlib import Path

from prometheus_client import Counter

logger = logging.getLogger(__name__)


class Tally:
    """Counts by label kept in this process, added to a Counter on flush."""

    def __init__(self, counter: Counter) -> None:
        self.counter = counter
        self.counts: dict[str, int] = defaultdict(int)
        self.lock = threading.Lock()

    def add(self, label: str, amount: int = 1) -> None:
        with self.lock:
            self.counts[label] += amount

    def flush(self) -> None:
        with self.lock:
            counts, self.counts = self.counts, defaultdict(int)
        for label, amount in counts.items():
            self.counter.labels(label).inc(amount)


REQUESTS = Tally(
    Counter("broadsheet_requests", "Answers given, by HTTP status.", ["status"])
)
PAGE_CACHE = Tally(
    Counter(
        "broadsheet_page_cache",
        "Answers of cacheable pages, by what the page cache did: hit (stored "
        "copy), stale (while another process renders), miss (rendered).",
        ["result"],
    )
)
COMMENTS = Tally(
    Counter(
        "broadsheet_comments",
        "Comments posted by readers, by outcome: approved, held, spam, refused, "
        "unavailable (the database or disk was away), resent (sent again by its "
        "author, already saved).",
        ["outcome"],
    )
)
TALLIES = (REQUESTS, PAGE_CACHE, COMMENTS)

# prometheus-client's own first size, room for about 200 counters; ours have
# tens of labels, so it never grows the file (which would make it sparse again).
COUNTER_FILE_SIZE = 1 << 16
_allocated_for_pid: int | None = None
_failing = False


def allocate_counter_file() -> None:
    """Make this process's counter file, allocated in full, unless it is there
    already or metrics are not shared between processes. It is allocated under
    another name and then renamed, so the collector never reads half a file;
    OSError (a full disk) leaves nothing behind."""
    global _allocated_for_pid
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not folder or _allocated_for_pid == os.getpid():
        return
    path = Path(folder) / f"counter_{os.getpid()}.db"
    if not path.exists():
        part = path.with_suffix(".part")
        try:
            descriptor = os.open(part, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.posix_fallocate(descriptor, 0, COUNTER_FILE_SIZE)
            finally:
                os.close(descriptor)
            part.rename(path)
        except OSError:
            part.unlink(missing_ok=True)
            raise
    _allocated_for_pid = os.getpid()


def flush() -> None:
    allocate_counter_file()
    for tally in TALLIES:
        tally.flush()


def flush_every_second(loop: asyncio.AbstractEventLoop) -> None:
    """Flush now and again each second on `loop`, for as long as it runs."""
    global _failing
    try:
        flush()
    except OSError as error:  # a full disk: the counts wait for the next second
        if not _failing:  # once, not every second
            logger.error("Could not write the metrics: %s", error)
        _failing = True
    else:
        _failing = False
    loop.call_later(1.0, flush_every_second, loop)


def serve_metrics(address: str) -> None:
    """Serve every process's counters and the readiness gauges on `address`
    (host:port, loopback), in a thread of this process."""
    from prometheus_client import CollectorRegistry, start_http_server
    from prometheus_client.multiprocess import MultiProcessCollector

    host, _, port = address.rpartition(":")
    registry = CollectorRegistry()
    MultiProcessCollector(registry)
    registry.register(ReadinessCollector())
    start_http_server(int(port), addr=host.strip("[]"), registry=registry)
    logger.info("Metrics on http://%s/metrics", address)


class ReadinessCollector:
    """Each part's readiness and numeric facts, asked at each scrape."""

    def collect(self):
        from django.db import connections
        from prometheus_client.core import GaugeMetricFamily

        from broadsheet.core import health

        try:
            report = health.readiness()
        finally:
            connections.close_all()  # this thread's only: none kept open here
        ready = GaugeMetricFamily(
            "broadsheet_ready", "1 when the part is ready, else 0.", labels=["part"]
        )
        facts = {}
        for part, values in sorted(report.items()):
            ready.add_metric([part], 1.0 if values.get("ok") else 0.0)
            for fact, value in sorted(values.items()):
                if fact == "ok" or isinstance(value, bool) or value is None:
                    continue
                if isinstance(value, int | float):
                    name = f"broadsheet_{part}_{fact}"
                    facts[name] = GaugeMetricFamily(name, f"{part}: {fact}.")
                    facts[name].add_metric([], float(value))
        yield ready
        yield from facts.values()
