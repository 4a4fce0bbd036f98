"""nginx in front, with the exact config of docs/deploying.md: cached pages are
HITs, and a new comment is visible through nginx on the first GET after the post."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port, publish_comments_at_once, start_server

pytestmark = pytest.mark.server

DOCS = Path(__file__).resolve().parent.parent / "docs" / "deploying.md"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


def documented_config() -> str:
    return re.search(r"```nginx\n(.*?)```", DOCS.read_text(), re.S)[1]


def nginx_config(tmp: Path, listen: int, upstream: int) -> Path:
    site = (
        documented_config()
        .replace("listen 80;", f"listen 127.0.0.1:{listen};")
        .replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream};")
        .replace("/var/cache/nginx/broadsheet", str(tmp / "cache"))
    )
    main = tmp / "nginx.conf"
    main.write_text(
        f"load_module {PURGE_MODULE};\n"
        # The test's temporary folders are private to root.
        "user root;\n"
        f"pid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\nworker_processes 2;\n"
        "events { worker_connections 512; }\n"
        # As in Debian's /etc/nginx/nginx.conf, less its logs.
        f"http {{\n access_log off;\n sendfile on;\n tcp_nopush on;\n"
        f" client_body_temp_path {tmp}/body;\n"
        f" proxy_temp_path {tmp}/proxy;\n{site}\n}}\n"
    )
    return main


def get(url: str, *, gzipped: bool = False) -> tuple[str, str]:
    request = urllib.request.Request(
        url, headers={"Accept-Encoding": "gzip"} if gzipped else {}
    )
    with urllib.request.urlopen(request, timeout=20) as answer:
        body = answer.read()
        if answer.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        elif gzipped:
            raise AssertionError("nginx did not compress")
        return answer.headers.get("X-Cache-Status", ""), body.decode()


def test_nginx_front_serves_hits_and_shows_a_new_comment_at_once(tmp_path):
    if not shutil.which("nginx") or not PURGE_MODULE.exists():
        pytest.skip("nginx with libnginx-mod-http-cache-purge is not installed")
    nginx_port, broadsheet_port = free_port(), free_port()
    server = start_server(
        tmp_path / "data",
        "--demo",
        port=broadsheet_port,
        env={"BROADSHEET_PURGE_FRONTS": f"nginx:http://127.0.0.1:{nginx_port}"},
    )
    publish_comments_at_once(server)
    config = nginx_config(tmp_path, nginx_port, broadsheet_port)
    nginx = subprocess.Popen(
        ["nginx", "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    front = f"http://127.0.0.1:{nginx_port}"
    try:
        for _ in range(100):  # bounded wait for nginx
            try:
                urllib.request.urlopen(front + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        home = get(front + "/")[1]
        path = re.search(r'href="(/\d{4}/\d\d/\d\d/[^"]*reservoirs[^"]*)"', home)[1]
        get(front + path)
        assert get(front + path)[0] == "HIT"
        assert get(front + path, gzipped=True)[0] == "HIT"

        page = get(front + path)[1]
        form = {
            "article": re.search(r'name="article" value="(\d+)"', page)[1],
            "token": re.search(r'name="token" value="([^"]+)"', page)[1],
            "name": "Through Nginx",
            "email": "nginx@example.org",
            "body": "Posted through the nginx front.",
        }
        request = urllib.request.Request(
            front + "/comments/post/", data=urllib.parse.urlencode(form).encode()
        )
        opener = urllib.request.build_opener(NoRedirect)
        try:
            opener.open(request, timeout=20)
        except urllib.error.HTTPError as answer:
            assert answer.code == 303
        # The post has answered: the purge reached nginx before that.
        status, plain = get(front + path)
        assert "Posted through the nginx front." in plain
        assert status in {"MISS", "EXPIRED"}
        assert "Posted through the nginx front." in get(front + path, gzipped=True)[1]
        assert get(front + path)[0] == "HIT"
    except BaseException:
        print(server.log()[-5000:])
        print((tmp_path / "error.log").read_text()[-3000:])
        raise
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        server.stop()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
