#include "server/log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

#ifndef ONB_VERSION
#error "ONB_VERSION must be defined by the build (the CMake project version)"
#endif

namespace onb::server {
namespace {

std::mutex log_mutex;

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[32];
  const auto n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(ms));
  return buf;
}

}  // namespace

void log_event(std::string_view event, const LogFields& fields) {
  LogFields line = LogFields::object();
  line["event"] = event;
  if (fields.is_object())
    for (const auto& [k, v] : fields.items()) line[k] = v;
  line["ts"] = utc_now();
  const auto text = line.dump(-1, ' ', false, LogFields::error_handler_t::replace) + "\n";
  // One write per line under a lock, flushed: lines from two threads never interleave, and a reader
  // (a test waiting for "listening") sees each line as soon as it is written.
  std::lock_guard lock(log_mutex);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

std::string_view server_version() { return ONB_VERSION; }

}  // namespace onb::server
