"""Page weight of the demo article: every request it makes, and the bytes.

Starts `broadsheet serve --demo` on a free port with a temporary data directory,
loads the demo article in Debian's Chromium (Playwright), scrolls to the bottom,
and prints each request, the bytes transferred, and the HTML raw and gzipped.

    python bench/page_weight.py

Goals (issue 3): every request to our own origin, at most 4 requests, HTML at
most 120 KB decoded and the whole page at most 50 KB over the wire.
"""

from __future__ import annotations

import gzip
import re
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, start_server  # noqa: E402


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="broadsheet-bench-") as tmp:
        server = start_server(Path(tmp) / "data", "--demo")
        try:
            home = urllib.request.urlopen(server.url + "/", timeout=10).read().decode()
            path = re.search(r'href="(/\d{4}/\d\d/\d\d/[^"]*reservoirs[^"]*)"', home)[1]
            url = server.url + path
            raw = urllib.request.urlopen(url, timeout=10).read()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=CHROMIUM_ARGS
                )
                page = browser.new_page(viewport={"width": 390, "height": 844})
                client = page.context.new_cdp_session(page)
                client.send("Network.enable")
                transferred: dict[str, int] = {}
                urls: dict[str, str] = {}
                client.on(
                    "Network.requestWillBeSent",
                    lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]),
                )
                client.on(
                    "Network.loadingFinished",
                    lambda e: transferred.__setitem__(
                        e["requestId"], int(e["encodedDataLength"])
                    ),
                )
                page.goto(url, wait_until="load")
                for _ in range(40):  # bounded scroll to the bottom
                    if page.evaluate(
                        "window.scrollY + window.innerHeight >= "
                        "document.body.scrollHeight - 2"
                    ):
                        break
                    page.mouse.wheel(0, 2500)
                    page.wait_for_timeout(100)
                page.wait_for_load_state("networkidle")
                browser.close()
        finally:
            server.stop()

    origin = server.url
    print(f"Demo article: {path}")
    print(f"{'bytes':>8}  request")
    for request_id, address in urls.items():
        size = transferred.get(request_id, 0)
        shown = address.replace(origin, "") if address.startswith(origin) else address
        print(f"{size:>8}  {shown}")
    total = sum(transferred.values())
    foreign = [u for u in urls.values() if not u.startswith(origin)]
    print(
        f"requests: {len(urls)} (goal ≤ 4), to other origins: {len(foreign)} (goal 0)"
    )
    print(f"transferred over the wire: {total / 1000:.1f} KB (goal ≤ 50 KB)")
    print(
        f"HTML: {len(raw) / 1000:.1f} KB decoded (goal ≤ 120 KB), "
        f"{len(gzip.compress(raw, 6)) / 1000:.1f} KB gzipped"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
