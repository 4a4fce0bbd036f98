"""The background worker as a child of `broadsheet serve`."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
import time

logger = logging.getLogger("broadsheet.serve")


class SupervisedWorker:
    """`broadsheet worker` in a child process, started again if it dies."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="worker-supervisor")
        self.thread.daemon = True

    def start(self) -> None:
        self.thread.start()

    def _run(self) -> None:
        pause = 1.0
        while not self.stopping.is_set():
            started = time.monotonic()
            self.process = subprocess.Popen(  # noqa: S603  (our own command)
                [sys.executable, "-m", "broadsheet.cli", "worker"]
            )
            code = self.process.wait()
            if self.stopping.is_set():
                return
            # A worker that keeps dying at once is restarted ever more slowly.
            pause = 1.0 if time.monotonic() - started > 60 else min(pause * 2, 60)
            logger.error(
                "Background worker exited (%s); restarting in %.0f s", code, pause
            )
            self.stopping.wait(pause)

    def stop(self) -> None:
        self.stopping.set()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
