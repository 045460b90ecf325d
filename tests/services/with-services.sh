#!/usr/bin/env bash
# Runs a command with the test services the files tests need, and stops them afterwards whatever happens:
#   - moto's S3 server (from .venv, `make` installs it) on 127.0.0.1:$TEST_S3_PORT (5055): TEST_S3_ENDPOINT;
#   - a private clamd (Debian's clamav-daemon) on 127.0.0.1:$TEST_CLAMAV_PORT (3399), with a database folder
#     holding only EICAR's signatures, written here (no freshclam, no network): TEST_CLAMAV_URL.
# A service that cannot start here is left out with a note: the tests that need it say SKIPPED (and fail
# when CI is set).
#
#   tests/services/with-services.sh cargo test -p integration-tests files
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV=${VENV:-$ROOT/.venv}
S3_PORT=${TEST_S3_PORT:-5055}
CLAMAV_PORT=${TEST_CLAMAV_PORT:-3399}
DIR=$(mktemp -d "${TMPDIR:-/tmp}/cd-test-services.XXXXXX")
PIDS=()

stop() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${PIDS[@]}"; do
    # clamd and moto leave within a second of SIGTERM; a stuck one is killed.
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  rm -rf "$DIR"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

note() { echo "test services: $*" >&2; }

# True once something accepts TCP connections on 127.0.0.1:$1.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits up to $2 tenths of a second for port $1 while process $3 lives.
wait_for() {
  local port=$1 tenths=$2 pid=$3
  for _ in $(seq 1 "$tenths"); do
    listening "$port" && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# moto's S3 server.
if [ -n "${TEST_S3_ENDPOINT:-}" ]; then
  note "S3: using TEST_S3_ENDPOINT=$TEST_S3_ENDPOINT as given"
elif [ ! -x "$VENV/bin/moto_server" ]; then
  note "S3: no $VENV/bin/moto_server (make installs it): the S3 variants will say SKIPPED"
elif listening "$S3_PORT"; then
  note "S3: 127.0.0.1:$S3_PORT is taken by another program; set TEST_S3_PORT to a free port"
  exit 1
else
  "$VENV/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT" >"$DIR/moto.log" 2>&1 &
  PIDS+=($!)
  if wait_for "$S3_PORT" 300 "$!"; then
    export TEST_S3_ENDPOINT="http://127.0.0.1:$S3_PORT"
    note "S3: moto on $TEST_S3_ENDPOINT"
  else
    note "S3: moto did not start:"; cat "$DIR/moto.log" >&2
    exit 1
  fi
fi

# clamd with the EICAR signatures alone.
CLAMD=$(command -v clamd || { [ -x /usr/sbin/clamd ] && echo /usr/sbin/clamd; })
if [ -n "${TEST_CLAMAV_URL:-}" ]; then
  note "ClamAV: using TEST_CLAMAV_URL=$TEST_CLAMAV_URL as given"
elif [ -z "$CLAMD" ]; then
  note "ClamAV: no clamd (apt-get install clamav-daemon): the scanning tests will say SKIPPED"
elif listening "$CLAMAV_PORT"; then
  note "ClamAV: 127.0.0.1:$CLAMAV_PORT is taken by another program; set TEST_CLAMAV_PORT to a free port"
  exit 1
else
  mkdir -p "$DIR/clamav"
  # The only signatures this clamd knows: the EICAR test file's MD5, size and name (the file itself), and its
  # 68 bytes in hex as a body signature (EICAR inside another file, such as a PDF).
  echo '44d88612fea8a8f36de82e1278abb02f:68:Eicar-Test-Signature' >"$DIR/clamav/test.hdb"
  echo 'Eicar-Test-Body:0:*:58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e444152442d414e544956495255532d544553542d46494c452124482b482a' >"$DIR/clamav/test.ndb"
  {
    echo "Foreground yes"
    echo "TCPSocket $CLAMAV_PORT"
    echo "TCPAddr 127.0.0.1"
    echo "DatabaseDirectory $DIR/clamav"
    echo "LogFile $DIR/clamd.log"
    echo "PidFile $DIR/clamd.pid"
    echo "StreamMaxLength 150M"
    echo "SelfCheck 0"
    if [ "$(id -u)" = 0 ]; then echo "User root"; fi
  } >"$DIR/clamd.conf"
  "$CLAMD" --config-file="$DIR/clamd.conf" >"$DIR/clamd.out" 2>&1 &
  PIDS+=($!)
  if wait_for "$CLAMAV_PORT" 600 "$!"; then
    export TEST_CLAMAV_URL="tcp://127.0.0.1:$CLAMAV_PORT"
    note "ClamAV: clamd on $TEST_CLAMAV_URL"
  else
    note "ClamAV: clamd did not start:"; cat "$DIR/clamd.out" "$DIR/clamd.log" >&2 2>/dev/null
    exit 1
  fi
fi

"$@"
