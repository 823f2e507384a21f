// [SECTION] labels       route templates and methods
// [SECTION] recording    the lock-free counter table and histograms
// [SECTION] exposition   the text format (HELP/TYPE, samples), process figures, the /metrics response
#include "server/http/metrics.hpp"

#include "server/http/responses.hpp"
#include "server/log.hpp"
#include "shared/protocol/api.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <fstream>

#include <unistd.h>

namespace onb::server::http {
namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(MethodId::count_)> method_labels{
    "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "other"};

// Slot key: route, method and status packed, plus one so that 0 means a free slot.
std::uint32_t make_key(RouteLabel route, MethodId method, int status) {
  const auto code = static_cast<std::uint32_t>(status < 0 || status > 999 ? 0 : status);
  return ((static_cast<std::uint32_t>(route) << 14) | (static_cast<std::uint32_t>(method) << 10) | code) + 1;
}

}  // namespace

// [SECTION] labels

RouteLabel classify_route(std::string_view path) {
  if (const auto m = protocol::match(path)) return label_of_template(m->resource);
  return path == "/v1" || path.starts_with("/v1/") ? v1_other_label : static_site_label;
}

MethodId classify_method(std::string_view method) {
  for (std::size_t i = 0; i + 1 < method_labels.size(); ++i)
    if (method == method_labels[i]) return static_cast<MethodId>(i);
  return MethodId::other;
}

std::string_view route_label(RouteLabel route) {
  const auto i = static_cast<std::size_t>(route);
  if (i < protocol::templates.size()) return protocol::templates[i];
  constexpr std::array<std::string_view, 3> catch_alls{"/v1/other", "static", "unparsed"};
  return catch_alls[std::min(i - protocol::templates.size(), catch_alls.size() - 1)];
}
std::string_view method_label(MethodId method) { return method_labels[static_cast<std::size_t>(method)]; }

// [SECTION] recording

void RequestCounters::add(RouteLabel route, MethodId method, int status) noexcept {
  const auto key = make_key(route, method, status);
  // Knuth's multiplicative hash: the top bits of the product mix every bit of the key.
  auto i = static_cast<std::size_t>((key * 2654435761u) >> (32 - capacity_bits));
  for (std::size_t probes = 0; probes < capacity; ++probes, i = (i + 1) & (capacity - 1)) {
    auto& slot = slots_[i];
    auto seen = slot.key.load(std::memory_order_acquire);
    // A failed CAS leaves in `seen` the key another thread just claimed the slot for: maybe ours.
    if (seen == 0 && slot.key.compare_exchange_strong(seen, key, std::memory_order_acq_rel)) seen = key;
    if (seen == key) {
      slot.count.fetch_add(1, std::memory_order_relaxed);
      return;
    }
  }
  unlabelled_.fetch_add(1, std::memory_order_relaxed);
}

void RequestCounters::for_each(const std::function<void(RouteLabel, MethodId, int, std::uint64_t)>& f) const {
  for (const auto& slot : slots_) {
    const auto key = slot.key.load(std::memory_order_acquire);
    if (key == 0) continue;
    const auto packed = key - 1;
    f(static_cast<RouteLabel>(packed >> 14), static_cast<MethodId>((packed >> 10) & 0xF), static_cast<int>(packed & 0x3FF),
      slot.count.load(std::memory_order_relaxed));
  }
}

void LatencyHistograms::observe(RouteLabel route, std::chrono::nanoseconds elapsed) noexcept {
  auto& h = routes_[static_cast<std::size_t>(route)];
  std::size_t bucket = 0;
  while (bucket < latency_buckets.size() && elapsed > latency_buckets[bucket].upper) ++bucket;
  h.counts[bucket].fetch_add(1, std::memory_order_relaxed);
  h.sum_ns.fetch_add(static_cast<std::uint64_t>(std::max<std::int64_t>(0, elapsed.count())), std::memory_order_relaxed);
}

void Metrics::request_finished(RouteLabel route, MethodId method, int status, std::chrono::nanoseconds elapsed) noexcept {
  in_flight_.fetch_sub(1, std::memory_order_relaxed);
  requests_.add(route, method, status);
  latency_.observe(route, elapsed);
}

Metrics::Metrics() : start_time_seconds_(static_cast<std::int64_t>(std::time(nullptr))) {}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  gauges_.push_back(Gauge{std::move(name), std::move(help), std::move(read)});
}

// [SECTION] exposition

namespace {

template <class Number>
void append_number(std::string& out, Number value) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, ec == std::errc() ? end : buf);
}

void append_family(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

template <class Number>
void append_sample(std::string& out, std::string_view name, std::string_view labels, Number value) {
  out.append(name);
  if (!labels.empty()) out.append("{").append(labels).append("}");
  out.append(" ");
  append_number(out, value);
  out.append("\n");
}

std::string route_labels_of(RouteLabel route) { return "route=\"" + std::string(route_label(route)) + "\""; }

// Resident set size from /proc/self/statm (pages); 0 where /proc is missing.
double resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long pages_total = 0, pages_resident = 0;
  if (!(statm >> pages_total >> pages_resident)) return 0;
  return static_cast<double>(pages_resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

double cpu_seconds() {
  timespec ts{};
  if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0) return 0;
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

void LatencyHistograms::append_to(std::string& out) const {
  constexpr std::string_view name = "onboard_http_request_duration_seconds";
  append_family(out, name, "histogram",
                "Time from a request's last byte read to its response written, by route template.");
  for (std::size_t r = 0; r < routes_.size(); ++r) {
    const auto& h = routes_[r];
    std::array<std::uint64_t, latency_buckets.size() + 1> counts{};
    for (std::size_t b = 0; b < counts.size(); ++b) counts[b] = h.counts[b].load(std::memory_order_relaxed);
    std::uint64_t cumulative = 0;
    for (auto c : counts) cumulative += c;
    if (cumulative == 0) continue;  // a route never requested has no series, like a counter never incremented
    const auto route = route_labels_of(static_cast<RouteLabel>(r));
    cumulative = 0;
    for (std::size_t b = 0; b < latency_buckets.size(); ++b) {
      cumulative += counts[b];
      append_sample(out, std::string(name) + "_bucket", route + ",le=\"" + std::string(latency_buckets[b].le) + "\"",
                    cumulative);
    }
    cumulative += counts.back();
    append_sample(out, std::string(name) + "_bucket", route + ",le=\"+Inf\"", cumulative);
    append_sample(out, std::string(name) + "_sum", route,
                  static_cast<double>(h.sum_ns.load(std::memory_order_relaxed)) / 1e9);
    append_sample(out, std::string(name) + "_count", route, cumulative);
  }
}

void Metrics::append_requests(std::string& out) const {
  constexpr std::string_view total = "onboard_http_requests_total";
  append_family(out, total, "counter", "Requests answered, by method, route template and status code.");
  requests_.for_each([&](RouteLabel route, MethodId method, int status, std::uint64_t count) {
    const auto labels = "method=\"" + std::string(method_label(method)) + "\"," + route_labels_of(route) +
                        ",status=\"" + std::to_string(status) + "\"";
    append_sample(out, total, labels, count);
  });
  append_family(out, "onboard_http_requests_unlabelled_total", "counter",
                "Requests counted without labels because the label table was full (expected 0).");
  append_sample(out, "onboard_http_requests_unlabelled_total", "", requests_.unlabelled());
  latency_.append_to(out);
  append_family(out, "onboard_http_requests_in_flight", "gauge", "Requests read and not yet fully answered.");
  append_sample(out, "onboard_http_requests_in_flight", "", in_flight_.load(std::memory_order_relaxed));
  append_family(out, "onboard_http_connections_refused_total", "counter",
                "Connections closed at once because the connection cap was reached.");
  append_sample(out, "onboard_http_connections_refused_total", "", refused_.load(std::memory_order_relaxed));
}

void Metrics::append_gauges(std::string& out) const {
  for (const auto& g : gauges_) {
    append_family(out, g.name, "gauge", g.help);
    append_sample(out, g.name, "", g.read());
  }
}

void Metrics::append_process(std::string& out) const {
  append_family(out, "process_start_time_seconds", "gauge", "Start time of the process since the Unix epoch.");
  append_sample(out, "process_start_time_seconds", "", start_time_seconds_);
  append_family(out, "process_cpu_seconds_total", "counter", "User and system CPU time spent, in seconds.");
  append_sample(out, "process_cpu_seconds_total", "", cpu_seconds());
  append_family(out, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
  append_sample(out, "process_resident_memory_bytes", "", resident_bytes());
  append_family(out, "onboard_build_info", "gauge", "Always 1; the labels name the server and protocol versions.");
  append_sample(out, "onboard_build_info",
                "version=\"" + std::string(server_version()) + "\",protocol_version=\"" +
                    std::to_string(protocol::protocol_version) + "\"",
                1);
}

std::string Metrics::exposition() const {
  std::string out;
  out.reserve(16 * 1024);  // ≈10 KiB for a server that has seen a dozen routes
  append_requests(out);
  append_gauges(out);
  append_process(out);
  return out;
}

Response Metrics::serve(const Request& req) const {
  if (req.method != "GET" && req.method != "HEAD") return method_not_allowed("GET, HEAD");
  Response res;
  res.body = exposition();
  res.set("Content-Type", std::string(metrics_content_type));
  res.set("Cache-Control", "no-store");
  if (req.method == "HEAD") res.omit_body = true;
  return res;
}

}  // namespace onb::server::http
