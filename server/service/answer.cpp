#include "server/service/answer.hpp"

#include "server/log.hpp"
#include "shared/protocol/api.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace onb::server::service {
namespace {

// First matching prefix wins; order from specific to general.
constexpr std::array<std::pair<std::string_view, int>, 16> prefix_status{{
    {"auth.throttled", 429},
    {"auth.busy", 503},
    {"auth.", 401},
    {"authz.", 403},
    {"role.", 403},
    {"sod.", 403},
    {"tier.", 403},
    {"version.", 409},
    {"stage.", 409},
    {"event.", 409},
    {"account.exists", 409},
    {"invite.claimed", 409},
    {"idempotency.", 422},
    {"request.", 400},
    {"storage.", 500},
    {"internal", 500},
}};

}  // namespace

int status_for(const std::string& code) {
  if (code.ends_with(".not_found")) return 404;
  for (const auto& [prefix, status] : prefix_status)
    if (code.starts_with(prefix)) return status;
  // The codec's decoding errors (json.*, and type/field errors) are the client's malformed input.
  if (code.starts_with("json.") || code.starts_with("decode.")) return 400;
  return 422;  // a rule said no: submit.*, compliance.*, activation.*, payload codes, validation
}

Answer failure(const Error& error) {
  const int status = status_for(error.code);
  if (status >= 500) log_event("internal_error", {{"code", error.code}, {"path", error.path}, {"message", error.message}});
  if (status >= 500) return success(status, make_error("internal", "", "internal error; the server logged the details"));
  return success(status, error);
}

Answer failure(std::string code, std::string path, std::string message) {
  return failure(make_error(std::move(code), std::move(path), std::move(message)));
}

Answer conflict(std::uint64_t current_version) {
  return success(409, protocol::Conflict{"version.stale", "/base_version",
                                         "the enrollment changed since version you wrote on; reload and retry",
                                         current_version});
}

Answer validation_failure(const validation::Problems& problems) {
  return success(422, protocol::ValidationFailure{"validation.failed", "", "the application has errors", problems});
}

}  // namespace onb::server::service
