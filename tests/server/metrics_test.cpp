// GET /metrics over real HTTP: the Prometheus text format (0.0.4) parses line by line, requests are
// counted by method, route template and status, histograms are cumulative, and no enrollment id ever
// becomes a label. The route classification is pinned in-process too.
#include "server/http/metrics.hpp"

#include "api_support.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace onb::test;
using onb::Json;
namespace http = onb::server::http;

namespace {

using Labels = std::map<std::string, std::string>;

struct Sample {
  std::string name;
  Labels labels;
  double value = 0;
};

struct Exposition {
  std::map<std::string, std::string> types;  // family -> counter | gauge | histogram
  std::set<std::string> helps;
  std::vector<Sample> samples;
  std::vector<std::string> bad_lines;  // lines that are neither a comment nor `name{labels} value`

  // The value of the one sample with this name and exactly these labels; nullopt when absent.
  std::optional<double> value(const std::string& name, const Labels& labels = {}) const {
    for (const auto& s : samples)
      if (s.name == name && s.labels == labels) return s.value;
    return std::nullopt;
  }
};

// label="value" pairs, with the three escapes of the format (\\, \", \n).
std::optional<Labels> parse_labels(const std::string& text) {
  static const std::regex pair(R"re(\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$))re");
  Labels out;
  auto it = text.cbegin();
  std::smatch m;
  while (it != text.cend()) {
    if (!std::regex_search(it, text.cend(), m, pair, std::regex_constants::match_continuous)) return std::nullopt;
    out[m[1]] = m[2];
    it = m[0].second;
  }
  return out;
}

Exposition parse(const std::string& body) {
  static const std::regex sample(R"re(^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$)re");
  static const std::regex type(R"re(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$)re");
  static const std::regex help(R"re(^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*$)re");
  Exposition out;
  std::istringstream lines(body);
  std::string line;
  std::smatch m;
  while (std::getline(lines, line)) {
    if (std::regex_match(line, m, type))
      out.types[m[1]] = m[2];
    else if (std::regex_match(line, m, help))
      out.helps.insert(m[1]);
    else if (std::regex_match(line, m, sample)) {
      auto labels = parse_labels(m[2]);
      char* end = nullptr;
      const std::string value = m[3];
      const double v = value == "+Inf" ? HUGE_VAL : std::strtod(value.c_str(), &end);
      if (!labels || (value != "+Inf" && *end != '\0'))
        out.bad_lines.push_back(line);
      else
        out.samples.push_back({m[1], *labels, v});
    } else
      out.bad_lines.push_back(line);
  }
  return out;
}

// The family a sample belongs to: a histogram's _bucket, _sum and _count series belong to its name.
std::string family_of(const Exposition& e, const std::string& name) {
  for (const char* suffix : {"_bucket", "_sum", "_count"}) {
    const std::string s = suffix;
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      const auto base = name.substr(0, name.size() - s.size());
      if (e.types.count(base) && e.types.at(base) == "histogram") return base;
    }
  }
  return name;
}

constexpr const char* requests_total = "onboard_http_requests_total";
constexpr const char* duration = "onboard_http_request_duration_seconds";

struct MetricsFixture : ApiFixture {
  Exposition scrape() {
    const auto r = get("/metrics");
    REQUIRE(r.status == 200);
    return parse(r.body);
  }
  double requests(const Exposition& e, const std::string& method, const std::string& route, int status) {
    return e.value(requests_total, {{"method", method}, {"route", route}, {"status", std::to_string(status)}})
        .value_or(0);
  }
  double histogram_count(const Exposition& e, const std::string& route) {
    return e.value(std::string(duration) + "_count", {{"route", route}}).value_or(0);
  }
};

}  // namespace

TEST_CASE("GET /metrics is the Prometheus text format, every family with HELP and TYPE") {
  MetricsFixture f;
  f.get("/healthz");
  const auto r = f.get("/metrics");
  CHECK(r.status == 200);
  CHECK(r.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8");
  const auto e = parse(r.body);
  CHECK(e.bad_lines == std::vector<std::string>{});
  REQUIRE_FALSE(e.samples.empty());
  for (const auto& s : e.samples) {
    CAPTURE(s.name);
    const auto family = family_of(e, s.name);
    CHECK(e.types.count(family) == 1);
    CHECK(e.helps.count(family) == 1);
  }
  CHECK(e.types.at(requests_total) == "counter");
  CHECK(e.types.at(duration) == "histogram");
  for (const char* gauge :
       {"onboard_http_requests_in_flight", "onboard_http_open_connections", "onboard_group_commit_queued_writes",
        "onboard_password_pool_queued_jobs", "process_start_time_seconds", "process_resident_memory_bytes"}) {
    CAPTURE(gauge);
    CHECK(e.types.count(gauge) == 1);
    CHECK(e.value(gauge).has_value());
  }
  CHECK(e.value("onboard_http_requests_in_flight").value_or(0) >= 1);  // this very scrape
  CHECK(e.value("onboard_http_open_connections").value_or(0) >= 1);
  const auto version = f.get("/healthz").json()["version"].get<std::string>();
  CHECK(e.value("onboard_build_info", {{"version", version}, {"protocol_version", "1"}}).value_or(0) == 1);
}

TEST_CASE("requests are counted by method, route template and status, with their latency") {
  MetricsFixture f;
  f.register_customer("cust");
  const auto created = f.call("cust", "POST", "/v1/enrollments", Json{{"application", complete_application()}}.dump());
  REQUIRE(created.status == 201);
  const auto id = created.json()["id"].get<std::string>();
  const auto before = f.scrape();
  for (int i = 0; i < 3; ++i) CHECK(f.call("cust", "GET", "/v1/enrollments/" + id).status == 200);
  CHECK(f.call("cust", "GET", "/v1/enrollments/no-such-id").status == 404);
  CHECK(f.call("cust", "DELETE", "/v1/enrollments/" + id).status == 405);
  CHECK(f.get("/healthz").status == 200);
  const auto after = f.scrape();

  constexpr const char* route = "/v1/enrollments/{id}";
  CHECK(f.requests(after, "GET", route, 200) - f.requests(before, "GET", route, 200) == 3);
  CHECK(f.requests(after, "GET", route, 404) - f.requests(before, "GET", route, 404) == 1);
  CHECK(f.requests(after, "DELETE", route, 405) - f.requests(before, "DELETE", route, 405) == 1);
  CHECK(f.requests(after, "GET", "/healthz", 200) - f.requests(before, "GET", "/healthz", 200) == 1);
  CHECK(f.requests(after, "POST", "/v1/enrollments", 201) == 1);
  CHECK(f.histogram_count(after, route) - f.histogram_count(before, route) == 5);
  CHECK(after.value(std::string(duration) + "_sum", {{"route", route}}).value_or(0) > 0);

  SUBCASE("labels name route templates, never an enrollment id or a raw path") {
    std::set<std::string> routes;
    for (const auto& s : after.samples) {
      for (const auto& [name, value] : s.labels) CHECK(value.find(id) == std::string::npos);
      if (s.labels.count("route")) routes.insert(s.labels.at("route"));
    }
    for (const auto& r : routes) {
      CAPTURE(r);
      CHECK(r.find('?') == std::string::npos);
      CHECK(r.find("no-such-id") == std::string::npos);
    }
    CHECK(routes.count(route) == 1);
    CHECK(routes.count("/v1/accounts") == 1);
  }
}

TEST_CASE("latency histograms are cumulative and +Inf equals the count") {
  MetricsFixture f;
  for (const char* target : {"/healthz", "/healthz", "/app.js", "/missing.html", "/v1/drafts/none", "/v1/nowhere"})
    f.get(target);
  const auto e = f.scrape();
  std::map<std::string, std::vector<std::pair<double, double>>> buckets;  // route -> (le, cumulative)
  for (const auto& s : e.samples)
    if (s.name == std::string(duration) + "_bucket")
      buckets[s.labels.at("route")].emplace_back(std::stod(s.labels.at("le")), s.value);
  for (const char* route : {"/healthz", "static", "/v1/drafts/{id}", "/v1/other"}) CHECK(buckets.count(route) == 1);
  for (const auto& [route, series] : buckets) {
    CAPTURE(route);
    REQUIRE(series.size() == http::latency_buckets.size() + 1);
    for (std::size_t i = 1; i < series.size(); ++i) {
      CHECK(series[i].first > series[i - 1].first);     // bounds ascend
      CHECK(series[i].second >= series[i - 1].second);  // counts are cumulative
    }
    CHECK(series.front().first == doctest::Approx(0.0005));
    CHECK(series[series.size() - 2].first == doctest::Approx(5));
    CHECK(std::isinf(series.back().first));
    CHECK(series.back().second == e.value(std::string(duration) + "_count", {{"route", route}}).value_or(-1));
  }
}

TEST_CASE("/metrics answers only GET and HEAD, and counts requests the session refused") {
  MetricsFixture f;
  const auto post = f.post_json("/metrics", "{}");
  CHECK(post.status == 405);
  CHECK(post.header("Allow") == "GET, HEAD");
  HttpConnection c(f.server.port);
  REQUIRE(c.connect());
  CHECK(must(c.send_raw("HELLO\x01 WORLD\r\n\r\n")).status == 400);
  const auto e = f.scrape();
  CHECK(f.requests(e, "POST", "/metrics", 405) == 1);
  CHECK(f.requests(e, "other", "unparsed", 400) == 1);
}

TEST_CASE("route templates keep label values to a fixed set") {
  const std::vector<std::pair<const char*, const char*>> cases{
      {"/healthz", "/healthz"},
      {"/metrics", "/metrics"},
      {"/v1/enrollments", "/v1/enrollments"},
      {"/v1/enrollments/e-123", "/v1/enrollments/{id}"},
      {"/v1/enrollments/e-123/events", "/v1/enrollments/{id}/events"},
      {"/v1/enrollments/e-123/timeline", "/v1/enrollments/{id}/timeline"},
      {"/v1/enrollments/e-123/application", "/v1/enrollments/{id}/application"},
      {"/v1/enrollments/e-123/documents", "/v1/enrollments/{id}/documents"},
      {"/v1/enrollments/e-123/documents/d-9", "/v1/enrollments/{id}/documents/{document_id}"},
      {"/v1/enrollments/e-123/documents/d-9/content", "/v1/enrollments/{id}/documents/{document_id}/content"},
      {"/v1/enrollments/e-123/documents/d-9/x", "/v1/other"},
      {"/v1/enrollments/e-123/documents/", "/v1/other"},
      {"/v1/enrollments/e-123/bogus", "/v1/other"},
      {"/v1/enrollments/", "/v1/other"},
      {"/v1/enrollments//events", "/v1/other"},
      {"/v1/drafts/d-1", "/v1/drafts/{id}"},
      {"/v1/drafts/d-1/x", "/v1/other"},
      {"/v1/invites/tok/claim", "/v1/invites/{token}/claim"},
      {"/v1/invites/tok", "/v1/other"},
      {"/v1/sessions/current", "/v1/sessions/current"},
      {"/v1", "/v1/other"},
      {"/index.html", "static"},
      {"/v10/x", "static"},
  };
  for (const auto& [path, label] : cases) {
    CAPTURE(path);
    CHECK(http::route_label(http::classify_route(path)) == label);
  }
  CHECK(http::route_label(http::unparsed_label) == "unparsed");
  CHECK(http::route_label(http::label_of(onb::protocol::RouteId::put_document_content)) ==
        "/v1/enrollments/{id}/documents/{document_id}/content");
  SUBCASE("every template of the route table is a label, and nothing else besides the three catch-alls") {
    std::set<std::string_view> labels;
    for (std::size_t i = 0; i < http::route_label_count; ++i)
      labels.insert(http::route_label(static_cast<http::RouteLabel>(i)));
    CHECK(labels.size() == onb::protocol::templates.size() + 3);
    for (const auto t : onb::protocol::templates) CHECK(labels.count(t) == 1);
  }
  CHECK(http::method_label(http::classify_method("GET")) == "GET");
  CHECK(http::method_label(http::classify_method("BREW")) == "other");
}
