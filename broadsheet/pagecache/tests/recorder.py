"""A front that records the purges it is sent: a real loopback HTTP server."""

from __future__ import annotations

import http.server
import socket
import threading


def unused_port() -> int:
    """A loopback port nothing listens on (yet)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PurgeRecorder:
    """Answers every GET and PURGE with 200 and keeps (method, path, headers)."""

    def __init__(self, port: int = 0) -> None:
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        seen = self.seen

        class Handler(http.server.BaseHTTPRequestHandler):
            def _record(self):
                seen.append((self.command, self.path, dict(self.headers)))
                self.send_response(405 if self.path == "/purge/no/" else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_PURGE = do_BAN = _record  # noqa: N815

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.address = f"http://127.0.0.1:{self.server.server_address[1]}"

    def xkeys(self, *, since: int = 0) -> set[str]:
        """Every surrogate key named in an xkey purge (from the `since`th on)."""
        return {
            key
            for method, _, headers in self.seen[since:]
            if method == "PURGE"
            for key in headers.get("xkey-purge", "").split()
        }

    def __enter__(self) -> PurgeRecorder:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
