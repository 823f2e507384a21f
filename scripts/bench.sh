#!/usr/bin/env bash
# Runs every benchmark of onboard on the built tree (make native wasm first) and prints its results.
# Benchmarks are programs, not timed tests; record what they print, with the date and machine, in
# docs/PERFORMANCE.md (details per area in docs/perf/).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%Y-%m-%d)"

echo; echo "## validation of a complete application (native)"
build/native/tests/bench/bench_validate
echo; echo "## validation of a complete application (wasm under node)"
node build/wasm/tests/bench/bench_validate.js

echo; echo "## onboard check-id against python-stdnum, same input, one run"
/usr/bin/python3 tests/bench/check_id_throughput.py --onboard build/native/cli/onboard

echo; echo "## portal transfer size and time to first frame"
ONB_SERVER=build/native/server/onboard-server ONB_SITE=build/wasm/site node scripts/measure-portal.js

echo; echo "## portal frame time on a reviewer's queue of 1,000 enrollments"
ONB_SERVER=build/native/server/onboard-server ONB_SITE=build/wasm/site node scripts/measure-queue.js

echo; echo "## onboard-server under load (wrk): status reads vs nginx, durable submissions, idle connections"
scripts/bench-server.sh build/native/server/onboard-server
