"""The child processes of `broadsheet serve`, and their end with it.

However `serve` ends (stopped, interrupted during start-up, killed with -9),
no child may outlive it: a background worker re-parented to PID 1 would run
jobs with old code, and a granian worker would keep the port. So each child
asks Linux to send it SIGTERM when its parent dies (PR_SET_PDEATHSIG), and
checks that the parent has not died already; SIGTERM lets it end cleanly (the
worker finishes its job). On other systems this safety net is absent.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import os
import pkgutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

logger = logging.getLogger("broadsheet.serve")

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@functools.cache
def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def die_with_parent(parent_pid: int) -> None:
    """Have this process sent SIGTERM when its parent dies, and at once if
    `parent_pid` is no longer its parent. Linux only; elsewhere does nothing.

    Safe between fork and exec: prctl is looked up in the parent beforehand."""
    prctl = _prctl()
    if prctl is None or prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
        return
    if os.getppid() != parent_pid:
        os.kill(os.getpid(), signal.SIGTERM)


def _load_dying_with(parent_pid: int, target: str) -> Any:
    # A forked granian worker inherits the main process's signal handler,
    # which only sets a flag on the (copied) server: a SIGTERM between the
    # fork and the worker's own handlers would be lost, and the main process
    # would wait for this worker for ever. So until granian installs them, a
    # signal simply ends the worker, and one already caught ends it now.
    inherited = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if getattr(getattr(inherited, "__self__", None), "interrupt_signal", False):
        os.kill(os.getpid(), signal.SIGTERM)
    die_with_parent(parent_pid)
    return pkgutil.resolve_name(target)


def granian_loader() -> Callable[[str], Any]:
    """A target loader for granian's `serve(target_loader=…)`: run in each
    granian worker, it ties the worker's life to this process, then imports
    the application ("module:attribute")."""
    _prctl()  # looked up before the workers are forked
    return functools.partial(_load_dying_with, os.getpid())


class SupervisedWorker:
    """`broadsheet worker` in a child process, started again if it dies, and
    stopped (by SIGTERM from Linux) if this process dies first."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.stopping = threading.Event()
        # Held while a child is started or stopped, so that `stop` cannot
        # miss a child started at the same moment.
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, name="worker-supervisor")
        self.thread.daemon = True

    def start(self) -> None:
        self.thread.start()

    def _run(self) -> None:
        pause = 1.0
        _prctl()
        while True:
            started = time.monotonic()
            with self.lock:
                if self.stopping.is_set():
                    return
                # The thread that starts the child must outlive it: Linux
                # sends the death signal when this thread ends.
                self.process = subprocess.Popen(  # noqa: S603  (our own command)
                    [sys.executable, "-m", "broadsheet.cli", "worker"],
                    preexec_fn=functools.partial(die_with_parent, os.getpid()),
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
        with self.lock:
            self.stopping.set()
            process = self.process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        if self.thread.is_alive():
            self.thread.join(timeout=5)
