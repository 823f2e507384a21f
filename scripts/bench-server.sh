#!/usr/bin/env bash
# Load benchmarks of onboard-server on 127.0.0.1 with wrk, in one run (docs/perf/server.md):
#   a) status reads: GET /v1/enrollments/{id} with a customer's bearer token at 256 connections, against
#      nginx serving the same bytes as a static file on another port in the same run;
#   b) durable writes: creates of enrollments (POST /v1/enrollments, complete application), then true
#      submissions of those enrollments (POST .../events {"kind":"submitted"}), each id submitted once;
#   c) 300 idle connections held open while fresh GET /healthz requests are timed.
# Builds nothing: takes the server binary (default build/native/server/onboard-server). Everything runs
# in a temp dir; every process it starts is stopped on exit. ≈1.5 minutes with the default durations.
#
#   scripts/bench-server.sh [SERVER_BINARY]
#   ONB_BENCH_SECONDS=10 ONB_BENCH_WRITE_CONNECTIONS=64 scripts/bench-server.sh build/native/server/onboard-server
#   ONB_BENCH_PARTS=a scripts/bench-server.sh   # only the reads (a, b, c or any mix; default abc)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
server_bin=$(realpath "${1:-build/native/server/onboard-server}")
seconds=${ONB_BENCH_SECONDS:-10}
read_connections=256                                   # the issue's figure
# Writes: p99 ≤ 25 ms is ≈2.5× the mean here, so a mean ≤ 10 ms, and at 5,000/s that is ≈50 in flight
# (Little's law). 48 connections offer about the goal's load and still saturate the writer (it answers
# ≈6,000/s); more connections only queue longer (64: p99 21–28 ms, docs/perf/server.md).
write_connections=${ONB_BENCH_WRITE_CONNECTIONS:-48}
parts=${ONB_BENCH_PARTS:-abc}
create_seconds=$((seconds * 3 / 2))                    # creates must outnumber the submissions that follow
bench=$root/tests/bench/server
export ONB_BENCH_LUA=$bench

for tool in wrk nginx /usr/bin/python3; do
  command -v "$tool" > /dev/null || { echo "bench-server.sh: $tool not found (scripts/install-deps.sh)" >&2; exit 1; }
done
[[ -x $server_bin ]] || { echo "bench-server.sh: no server binary at $server_bin" >&2; exit 1; }

work=$(mktemp -d /tmp/onb-bench-server.XXXXXX)
server_pid="" nginx_pid=""
cleanup() {
  [[ -n $nginx_pid ]] && kill "$nginx_pid" 2> /dev/null && wait "$nginx_pid" 2> /dev/null
  [[ -n $server_pid ]] && kill "$server_pid" 2> /dev/null && wait "$server_pid" 2> /dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

part() { [[ $parts == *$1* ]]; }

# The value of key=value in a RESULT line.
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<< "$1"; }

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wrk with one of our scripts; prints and returns its RESULT line. A run ends by itself after -d, and
# `timeout` bounds a wedged one.
run_wrk() {
  local out
  out=$(timeout $((seconds * 3 + 30)) wrk --latency --timeout 5s "$@")
  echo "$out" | grep -v '^RESULT' | sed 's/^/    /' >&2
  grep '^RESULT' <<< "$out"
}

start_server() {
  "$server_bin" --host 127.0.0.1 --port 0 --data "$work/onboard.db" --site "$work/site" \
    --policy-dir "$root/assets/policy" > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    server_port=$(grep -m1 -o '"event":"listening".*"port":[0-9]*' "$work/server.log" | grep -o '[0-9]*$' || true)
    [[ -n $server_port ]] && return 0
    sleep 0.1
  done
  echo "bench-server.sh: the server did not start:" >&2
  cat "$work/server.log" >&2
  exit 1
}

# nginx with a throwaway config: the same number of workers as the server's I/O threads, no access
# log (the server logs no requests either), keep-alive without a request cap (wrk reuses connections).
start_nginx() {
  nginx_port=$(free_port)
  mkdir -p "$work/nginx/static" "$work/nginx/tmp"
  cp "$work/enrollment.json" "$work/nginx/static/enrollment.json"
  chmod 755 "$work" "$work/nginx" "$work/nginx/static"  # run as root, nginx's workers are `nobody`
  cat > "$work/nginx/nginx.conf" << EOF
daemon off;
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  types { application/json json; }
  access_log off;
  sendfile on;
  keepalive_requests 10000000;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/static;
  }
}
EOF
  nginx -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" 2> "$work/nginx/stderr.log" &
  nginx_pid=$!
  for _ in $(seq 50); do
    /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $nginx_port), 1)" 2> /dev/null && return 0
    sleep 0.1
  done
  echo "bench-server.sh: nginx did not start:" >&2
  cat "$work/nginx/stderr.log" "$work/nginx/error.log" >&2
  exit 1
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%Y-%m-%d) server: $server_bin wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f2) nginx: $(nginx -v 2>&1 | cut -d/ -f2)"

start_server
setup=$(/usr/bin/python3 "$bench/setup.py" --port "$server_port" --application "$root/tests/data/applications/complete.json" \
  --body-out "$work/enrollment.json")
export ONB_TOKEN
ONB_TOKEN=$(/usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])' <<< "$setup")
enrollment=$(/usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["enrollment_id"])' <<< "$setup")
if part a; then
  start_nginx

  echo; echo "## a) status reads, $read_connections connections, ${seconds}s each ($(wc -c < "$work/enrollment.json") bytes)"
  read_url=http://127.0.0.1:$server_port/v1/enrollments/$enrollment
  static_url=http://127.0.0.1:$nginx_port/enrollment.json
  # Warm-up: caches, page cache and wrk's connections, not measured.
  run_wrk -t2 -c"$read_connections" -d2s -s "$bench/get.lua" "$read_url" > /dev/null
  ONB_TOKEN="" run_wrk -t2 -c"$read_connections" -d2s -s "$bench/get.lua" "$static_url" > /dev/null
  echo "  nginx static file:"
  nginx_result=$(ONB_TOKEN="" run_wrk -t2 -c"$read_connections" -d"${seconds}s" -s "$bench/get.lua" "$static_url")
  echo "  onboard-server GET /v1/enrollments/{id}:"
  read_result=$(run_wrk -t2 -c"$read_connections" -d"${seconds}s" -s "$bench/get.lua" "$read_url")
  # The HTTP layer alone (no storage, 33 bytes): tells a slow session from a slow route.
  echo "  onboard-server GET /healthz (no storage, for comparison):"
  health_result=$(ONB_TOKEN="" run_wrk -t2 -c"$read_connections" -d"${seconds}s" -s "$bench/get.lua" \
    "http://127.0.0.1:$server_port/healthz")
  kill "$nginx_pid" && wait "$nginx_pid" 2> /dev/null || true
  nginx_pid=""
fi

if part b; then
  echo; echo "## b) durable writes, $write_connections connections"
  mkdir -p "$work/ids"
  echo "  creates (POST /v1/enrollments, complete application), ${create_seconds}s:"
  create_result=$(ONB_IDS_DIR=$work/ids ONB_APPLICATION=$root/tests/data/applications/complete.json \
    run_wrk -t2 -c"$write_connections" -d"${create_seconds}s" -s "$bench/create.lua" \
    "http://127.0.0.1:$server_port/v1/enrollments")
  cat "$work"/ids/ids-*.txt > "$work/ids.txt"
  echo "  submissions (POST /v1/enrollments/{id}/events, kind submitted, each of $(wc -l < "$work/ids.txt") ids once), ${seconds}s:"
  submit_result=$(run_wrk -t2 -c"$write_connections" -d"${seconds}s" -s "$bench/submit.lua" \
    "http://127.0.0.1:$server_port" -- "$work/ids.txt" 2)
fi

if part c; then
  echo; echo "## c) 300 idle connections, fresh GET /healthz"
  idle_result=$(timeout 60 /usr/bin/python3 "$bench/idle_connections.py" --port "$server_port" --idle 300 --probes 50)
fi

ratio=n/a
part a && ratio=$(awk -v a="$(field "$read_result" req_per_s)" -v b="$(field "$nginx_result" req_per_s)" 'BEGIN { printf "%.2f", a / b }')
echo
echo "## summary (load now $(cut -d' ' -f1-3 /proc/loadavg))"
summary() { printf '%-48s %8s req/s  p50 %6s ms  p99 %7s ms  errors %s/%s\n' "$1" "$(field "$2" req_per_s)" \
  "$(field "$2" p50_ms)" "$(field "$2" p99_ms)" "$(field "$2" status_errors)" "$(field "$2" socket_errors)"; }
part a && summary "a) onboard GET /v1/enrollments/{id} c$read_connections" "$read_result"
part a && summary "a) nginx static file, same bytes c$read_connections" "$nginx_result"
part a && summary "a) onboard GET /healthz (HTTP layer only) c$read_connections" "$health_result"
part a && echo "a) ratio onboard / nginx: ${ratio}x (goal >= 1.0x)"
part b && summary "b) creates (durable) c$write_connections" "$create_result"
part b && summary "b) submissions (durable) c$write_connections" "$submit_result"
part b && echo "b) goal: submissions >= 5000/s with p99 <= 25 ms"
part c && echo "c) $idle_result (goal: max <= 100 ms)"
true  # the last summary line may be skipped: not a failure
