#include "server/service/answer.hpp"

#include "server/log.hpp"
#include "shared/protocol/api.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace onb::server::service {
namespace {

constexpr std::array<std::pair<ErrorCategory, int>, 10> category_status{{
    {ErrorCategory::invalid, 422},
    {ErrorCategory::application_invalid, 422},
    {ErrorCategory::malformed, 400},
    {ErrorCategory::unauthenticated, 401},
    {ErrorCategory::throttled, 429},
    {ErrorCategory::unavailable, 503},
    {ErrorCategory::forbidden, 403},
    {ErrorCategory::not_found, 404},
    {ErrorCategory::conflict, 409},
    {ErrorCategory::internal, 500},
}};

}  // namespace

int status_of(ErrorCategory category) {
  for (const auto& [c, status] : category_status)
    if (c == category) return status;
  return 500;  // unreachable while the table names every category (a test checks it)
}

Answer failure(const Error& error) {
  const int status = status_of(error.category);
  if (status >= 500) log_event("internal_error", {{"code", error.code}, {"path", error.path}, {"message", error.message}});
  if (status >= 500) return success(status, make_error(ErrorCategory::internal, "internal", "", "internal error; the server logged the details"));
  return success(status, error);
}

Answer failure(ErrorCategory category, std::string code, std::string path, std::string message) {
  return failure(make_error(category, std::move(code), std::move(path), std::move(message)));
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
