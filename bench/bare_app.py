"""The Python ceiling: a bare WSGI callable answering the same bytes as the page.

Run by bench/serve_bench.py under granian with as many workers as Broadsheet;
BENCH_BODY_FILE names the file holding the bytes.
"""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_BODY_FILE"]).read_bytes()
HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", str(len(BODY))),
]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
