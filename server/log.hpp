// Structured logging: one JSON object per line on stdout, {"event": ..., fields..., "ts": ...}, safe to
// call from any thread. Tests and log shippers parse these lines; keep event names stable. What to log
// is the caller's decision; formatting for people does not belong here.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace onb::server {

// ordered_json keeps "event" first, so a line reads well and grep finds it at a fixed place.
using LogFields = nlohmann::ordered_json;

void log_event(std::string_view event, const LogFields& fields = LogFields::object());

// The server's version, from the CMake project version.
std::string_view server_version();

}  // namespace onb::server
