-- wrk reporting shared by every bench/run step: one machine-readable line at the end of the run.
-- Used alone for plain GETs (wrk -s report.lua URL) and loaded by the other scripts.
-- Latencies in microseconds; status_errors counts answers outside 2xx/3xx (wrk's "Non-2xx").
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d status_errors=%d socket_errors=%d p50_us=%d p99_us=%d mean_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), math.floor(latency.mean), latency.max))
end
