// Server metrics for Prometheus (text exposition format 0.0.4, GET /metrics): requests by method, route
// template and status, latency histograms by route, in-flight requests, and gauges read only when
// scraped (connections, queues). Recording is a few relaxed atomic adds with no lock and no allocation,
// because it runs on every request of the I/O threads. When to record is http_server.cpp's decision.
#pragma once

#include "server/http/message.hpp"
#include "shared/protocol/routes.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace onb::server::http {

// The route a request matched, as a template of shared/protocol/routes.hpp ("/v1/enrollments/{id}"),
// never the raw path: labels must stay a small fixed set whatever paths clients send, or every
// enrollment id becomes a series. After the table's templates come three catch-alls.
enum class RouteLabel : std::uint8_t {};
inline constexpr std::size_t route_label_count = protocol::templates.size() + 3;
static_assert(route_label_count <= 255, "RouteLabel holds the index in 8 bits");
constexpr RouteLabel label_of_template(std::size_t index) { return RouteLabel{static_cast<std::uint8_t>(index)}; }
constexpr RouteLabel label_of(protocol::RouteId id) { return label_of_template(protocol::template_index(id)); }
inline constexpr RouteLabel v1_other_label = label_of_template(protocol::templates.size());  // an unknown /v1 path
inline constexpr RouteLabel static_site_label = label_of_template(protocol::templates.size() + 1);  // anything else
// The request never reached routing (400, 413, 431 from the session).
inline constexpr RouteLabel unparsed_label = label_of_template(protocol::templates.size() + 2);

// Methods as labels: only the ones HTTP defines commonly, anything else (clients may send any token) is "other".
enum class MethodId : std::uint8_t { get, head, post, put, delete_, patch, options, other, count_ };

[[nodiscard]] RouteLabel classify_route(std::string_view path);
[[nodiscard]] MethodId classify_method(std::string_view method);
std::string_view route_label(RouteLabel route);
std::string_view method_label(MethodId method);

// Upper bounds of the latency histogram, 0.5 ms to 5 s: a cached read answers in well under 1 ms, a
// group-committed write waits for one fsync (a few ms), and login's argon2id takes ≈100 ms or more.
struct LatencyBucket {
  std::string_view le;  // exactly as printed in the `le` label
  std::chrono::nanoseconds upper;
};
inline constexpr std::array<LatencyBucket, 13> latency_buckets{{{"0.0005", std::chrono::microseconds(500)},
                                                                {"0.001", std::chrono::milliseconds(1)},
                                                                {"0.0025", std::chrono::microseconds(2500)},
                                                                {"0.005", std::chrono::milliseconds(5)},
                                                                {"0.01", std::chrono::milliseconds(10)},
                                                                {"0.025", std::chrono::milliseconds(25)},
                                                                {"0.05", std::chrono::milliseconds(50)},
                                                                {"0.1", std::chrono::milliseconds(100)},
                                                                {"0.25", std::chrono::milliseconds(250)},
                                                                {"0.5", std::chrono::milliseconds(500)},
                                                                {"1", std::chrono::seconds(1)},
                                                                {"2.5", std::chrono::milliseconds(2500)},
                                                                {"5", std::chrono::seconds(5)}}};

// Counts by (route, method, status) in a fixed open-addressing table: a slot is claimed by a CAS on first
// use and never freed, so counting neither locks nor allocates. Statuses are the server's own few dozen,
// so real combinations stay far below the capacity; a full table counts in `unlabelled` instead of growing.
class RequestCounters {
 public:
  static constexpr unsigned capacity_bits = 10;
  static constexpr std::size_t capacity = std::size_t{1} << capacity_bits;

  void add(RouteLabel route, MethodId method, int status) noexcept;
  // Calls f(route, method, status, count) for every claimed slot, in slot order.
  void for_each(const std::function<void(RouteLabel, MethodId, int, std::uint64_t)>& f) const;
  std::uint64_t unlabelled() const noexcept { return unlabelled_.load(std::memory_order_relaxed); }

 private:
  struct Slot {
    std::atomic<std::uint32_t> key{0};  // 0 = free; see make_key
    std::atomic<std::uint64_t> count{0};
  };
  std::array<Slot, capacity> slots_;
  std::atomic<std::uint64_t> unlabelled_{0};
};

// One histogram per route. Buckets are stored per interval and summed when scraped, and the count is
// that sum, so `+Inf` equals `_count` exactly even while requests are being recorded.
class LatencyHistograms {
 public:
  void observe(RouteLabel route, std::chrono::nanoseconds elapsed) noexcept;
  void append_to(std::string& out) const;  // HELP, TYPE and the samples of routes with observations

 private:
  struct Histogram {
    std::array<std::atomic<std::uint64_t>, latency_buckets.size() + 1> counts{};  // last: above 5 s
    std::atomic<std::uint64_t> sum_ns{0};
  };
  std::array<Histogram, route_label_count> routes_;
};

class Metrics {
 public:
  Metrics();  // remembers now as the process start time (the server creates it at startup)

  // [hot path] Any thread, lock-free. Every request_started() is followed by one request_finished().
  void request_started() noexcept { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  void request_finished(RouteLabel route, MethodId method, int status, std::chrono::nanoseconds elapsed) noexcept;
  void connection_refused() noexcept { refused_.fetch_add(1, std::memory_order_relaxed); }

  // A gauge read at scrape time, e.g. a queue size; `read` runs on an I/O thread and must be quick and
  // thread-safe. Register before serving: the list itself is not guarded. `name` follows Prometheus rules.
  void add_gauge(std::string name, std::string help, std::function<double()> read);

  // The whole exposition, every family with HELP and TYPE lines.
  std::string exposition() const;
  // GET|HEAD /metrics: 200 text/plain; version=0.0.4; other methods 405.
  Response serve(const Request& req) const;

 private:
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  void append_requests(std::string& out) const;
  void append_gauges(std::string& out) const;
  void append_process(std::string& out) const;

  RequestCounters requests_;
  LatencyHistograms latency_;
  std::atomic<std::int64_t> in_flight_{0};
  std::atomic<std::uint64_t> refused_{0};
  std::vector<Gauge> gauges_;
  std::int64_t start_time_seconds_;
};

inline constexpr std::string_view metrics_content_type = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace onb::server::http
