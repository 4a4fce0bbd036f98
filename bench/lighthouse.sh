#!/bin/sh
# Lighthouse 12 scores of the demo article (default mobile preset, all four
# categories), measured against a real `broadsheet serve --demo`.
#
#     sh bench/lighthouse.sh
#
# What it does:
#   1. installs lighthouse@12 from npm into $LIGHTHOUSE_DIR (default
#      /opt/lighthouse) unless it is already there; no browser is downloaded,
#      Debian's Chromium ($CHROME_PATH, default /usr/bin/chromium) is used;
#   2. starts `broadsheet serve --demo` on a free port of 127.0.0.1 with a
#      temporary data directory, and waits (bounded) for /healthz;
#   3. finds the demo article ("... reservoirs are running dry ...") on the
#      home page;
#   4. runs Lighthouse $LIGHTHOUSE_RUNS times (default 3) and prints one line
#      per run with the four scores as integers out of 100;
#   5. stops the server at the end, also on error or interrupt.
#
# The JSON reports are kept in $LIGHTHOUSE_OUT_DIR (default: a new temporary
# directory, printed at the end) for the details of each audit.
#
# Environment: LIGHTHOUSE_DIR, LIGHTHOUSE_RUNS (1-20), LIGHTHOUSE_OUT_DIR,
# CHROME_PATH. Needs node/npm, python3, curl and the `broadsheet` command.

set -eu

LIGHTHOUSE_DIR=${LIGHTHOUSE_DIR:-/opt/lighthouse}
RUNS=${LIGHTHOUSE_RUNS:-3}
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
PUPPETEER_SKIP_DOWNLOAD=1
export CHROME_PATH PUPPETEER_SKIP_DOWNLOAD
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --disable-background-networking --disable-component-update --disable-sync --no-first-run"
LH_CLI="$LIGHTHOUSE_DIR/node_modules/lighthouse/cli/index.js"

case $RUNS in
    ''|*[!0-9]*) echo "LIGHTHOUSE_RUNS must be a number from 1 to 20" >&2; exit 2 ;;
esac
if [ "$RUNS" -lt 1 ] || [ "$RUNS" -gt 20 ]; then
    echo "LIGHTHOUSE_RUNS must be a number from 1 to 20" >&2
    exit 2
fi
if [ ! -x "$CHROME_PATH" ]; then
    echo "Chromium not found at $CHROME_PATH" >&2
    exit 2
fi

SERVER_PID=
LH_PID=
TMP_DIR=
cleanup() {
    status=$?
    trap - EXIT INT TERM HUP
    if [ -n "$LH_PID" ] && kill -0 "$LH_PID" 2>/dev/null; then
        # timeout passes SIGINT on to Lighthouse, which then closes its Chromium.
        kill -INT "$LH_PID" 2>/dev/null || true
        n=0
        while [ "$n" -lt 30 ] && kill -0 "$LH_PID" 2>/dev/null; do
            sleep 0.5
            n=$((n + 1))
        done
        kill -KILL "$LH_PID" 2>/dev/null || true
    fi
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        n=0
        while [ "$n" -lt 40 ] && kill -0 "$SERVER_PID" 2>/dev/null; do
            sleep 0.5
            n=$((n + 1))
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "server $SERVER_PID did not stop in 20 s; killing it" >&2
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ -n "$TMP_DIR" ]; then
        rm -rf "$TMP_DIR"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# 1. Lighthouse 12, installed outside the repository when missing.
if [ ! -f "$LH_CLI" ]; then
    echo "installing lighthouse@12 into $LIGHTHOUSE_DIR" >&2
    mkdir -p "$LIGHTHOUSE_DIR"
    timeout 600 npm install --prefix "$LIGHTHOUSE_DIR" --no-audit --no-fund \
        --loglevel=error lighthouse@12 >&2
fi
LH_VERSION=$(node "$LH_CLI" --version)
case $LH_VERSION in
    12.*) ;;
    *) echo "expected Lighthouse 12 in $LIGHTHOUSE_DIR, found $LH_VERSION" >&2; exit 1 ;;
esac

# 2. The demo site on a free port with its own temporary data directory.
TMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/broadsheet-lighthouse.XXXXXX")
OUT_DIR=${LIGHTHOUSE_OUT_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/lighthouse-reports.XXXXXX")}
mkdir -p "$OUT_DIR"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE=http://127.0.0.1:$PORT
LOG=$TMP_DIR/serve.log
(
    unset DATABASE_URL CACHE_URL BROADSHEET_SECRET_KEY
    BROADSHEET_DATA_DIR=$TMP_DIR/data
    BROADSHEET_SITE_URL=$BASE
    BROADSHEET_WORKERS=2
    export BROADSHEET_DATA_DIR BROADSHEET_SITE_URL BROADSHEET_WORKERS
    exec broadsheet serve --demo --host 127.0.0.1 --port "$PORT"
) >"$LOG" 2>&1 &
SERVER_PID=$!

n=0
until [ "$(curl -s --max-time 2 "$BASE/healthz" 2>/dev/null || true)" = ok ]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "broadsheet serve exited early:" >&2
        cat "$LOG" >&2
        exit 1
    fi
    n=$((n + 1))
    if [ "$n" -gt 90 ]; then
        echo "broadsheet serve did not answer /healthz in time:" >&2
        cat "$LOG" >&2
        exit 1
    fi
    sleep 1
done

# 3. The demo article, found by its headline on the home page.
ARTICLE=$(curl -s --max-time 10 "$BASE/" | python3 -c '
import html, re, sys
page = sys.stdin.read()
for href, text in re.findall(r"<a[^>]*href=\"(/\d{4}/\d\d/\d\d/[^\"]+/)\"[^>]*>(.*?)</a>", page, re.S):
    if "reservoirs are running dry" in html.unescape(re.sub(r"<[^>]+>", "", text)):
        print(href)
        break
')
if [ -z "$ARTICLE" ]; then
    echo "the demo article was not found on $BASE/" >&2
    exit 1
fi
URL=$BASE$ARTICLE

echo "Lighthouse $LH_VERSION, mobile preset, $URL"

# 4. N runs, one line each. Lighthouse now and then loses its trace on this
# machine (runtime error NO_NAVSTART, no performance score): such a run is
# tried once more, and counts as failed if the second try fails too.
cat >"$TMP_DIR/scores.py" <<'EOF'
import json, sys

try:
    report = json.load(open(sys.argv[1]))
except (OSError, ValueError) as error:
    print(f"no report ({error})")
    sys.exit(1)
if report.get("runtimeError"):
    print(f"runtime error {report['runtimeError'].get('code')}")
    sys.exit(1)
parts = []
for key in ("performance", "accessibility", "best-practices", "seo"):
    score = report["categories"].get(key, {}).get("score")
    if score is None:
        print(f"no {key} score")
        sys.exit(1)
    parts.append(f"{key}={round(score * 100)}")
print(f"run {sys.argv[2]}: " + " ".join(parts))
EOF

failed=0
i=1
while [ "$i" -le "$RUNS" ]; do
    report=$OUT_DIR/lh-$i.json
    attempt=1
    while [ "$attempt" -le 2 ]; do
        rm -f "$report"
        # In the background and waited for, so that an interrupt stops it at once.
        timeout -k 10 300 node "$LH_CLI" "$URL" \
            --chrome-flags="$CHROME_FLAGS" \
            --only-categories=performance,accessibility,best-practices,seo \
            --output=json --output-path="$report" --quiet 2>"$TMP_DIR/lh-$i.err" &
        LH_PID=$!
        wait "$LH_PID" || true
        LH_PID=
        if line=$(python3 "$TMP_DIR/scores.py" "$report" "$i" 2>&1); then
            echo "$line"
            break
        fi
        if [ "$attempt" -ge 2 ]; then
            echo "run $i: lighthouse failed twice: $line"
            cat "$TMP_DIR/lh-$i.err" >&2
            failed=1
        else
            echo "run $i: lighthouse failed ($line); trying once more" >&2
        fi
        attempt=$((attempt + 1))
    done
    i=$((i + 1))
done

echo "reports: $OUT_DIR" >&2
exit "$failed"
