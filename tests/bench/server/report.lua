-- Shared by the wrk scripts of scripts/bench-server.sh: prints one machine-readable line that the
-- script parses, so figures never come from scraping wrk's human output. Latencies are wrk's own
-- (from writing a request to reading its response), printed in milliseconds.
local report = {}

-- status_errors: responses with a status >= 400 (wrk's "Non-2xx or 3xx" count); socket_errors:
-- connect, read and write failures. A run with either above 0 does not measure what it claims.
function report.done(summary, latency)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f req_per_s=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "status_errors=%d socket_errors=%d timeouts=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, e.status,
    e.connect + e.read + e.write, e.timeout))
end

return report
