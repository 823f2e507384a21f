#include "shared/core/result.hpp"

#include <array>
#include <stdexcept>
#include <utility>

namespace onb {

// Only reached by calling value() on a failed Result, which is a bug in the caller; the wasm build
// compiles with -fexceptions so this surfaces as a caught error at the JS boundary, not a dead page.
void throw_exception_from_error(const Error& e, const boost::source_location&) {
  throw std::logic_error("Result::value() on error " + e.code + " at '" + e.path + "': " + e.message);
}

namespace {

// Code families and their category; the first matching prefix wins, so specific before general.
// Makers that name their category (make_error with an ErrorCategory) do not come here.
constexpr std::array<std::pair<std::string_view, ErrorCategory>, 17> family_category{{
    {"auth.throttled", ErrorCategory::throttled},
    {"auth.busy", ErrorCategory::unavailable},
    {"auth.", ErrorCategory::unauthenticated},
    {"authz.", ErrorCategory::forbidden},
    {"role.", ErrorCategory::forbidden},
    {"sod.", ErrorCategory::forbidden},
    {"tier.", ErrorCategory::forbidden},
    {"version.", ErrorCategory::conflict},
    {"stage.", ErrorCategory::conflict},
    {"event.", ErrorCategory::conflict},
    {"account.exists", ErrorCategory::conflict},
    {"invite.claimed", ErrorCategory::conflict},
    {"request.", ErrorCategory::malformed},
    {"json.", ErrorCategory::malformed},
    {"decode.", ErrorCategory::malformed},
    {"storage.", ErrorCategory::internal},
    {"internal", ErrorCategory::internal},
}};

}  // namespace

ErrorCategory category_of_code(std::string_view code) {
  if (code.ends_with(".not_found")) return ErrorCategory::not_found;
  for (const auto& [prefix, category] : family_category)
    if (code.starts_with(prefix)) return category;
  return ErrorCategory::invalid;  // a rule said no: idempotency.*, submit.*, compliance.*, payload codes
}

}  // namespace onb
