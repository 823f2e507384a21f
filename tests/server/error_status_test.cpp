// An error's HTTP status comes from its category, through the one table in answer.cpp. The codes below
// are one of each family the server answers with; their statuses are part of the API and must not move.
#include "server/service/answer.hpp"

#include "support.hpp"

#include <boost/describe.hpp>
#include <boost/mp11.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace onb::server::service;

TEST_CASE("every error category has an HTTP status") {
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<onb::ErrorCategory>>([](auto d) {
    CAPTURE(d.name);
    const int status = status_of(d.value);
    CHECK(status >= 400);
    CHECK(status < 600);
  });
}

TEST_CASE("an error code's status, by family") {
  const std::vector<std::pair<std::string, int>> cases = {
      {"json.unknown_field", 400},          {"json.type", 400},
      {"request.kind", 400},                {"request.base_version_required", 400},
      {"auth.required", 401},               {"auth.invalid_credentials", 401},
      {"auth.throttled", 429},              {"auth.busy", 503},
      {"authz.customer_only", 403},         {"role.not_permitted", 403},
      {"sod.creator_decides", 403},         {"tier.insufficient", 403},
      {"enrollment.not_found", 404},        {"invite.not_found", 404},
      {"document.not_found", 404},          {"version.stale", 409},
      {"stage.event_not_allowed", 409},     {"event.payload_missing", 409},
      {"account.exists", 409},              {"invite.claimed", 409},
      {"idempotency.key_reused", 422},      {"submit.validation_errors", 422},
      {"compliance.documents_incomplete", 422}, {"comment.text_required", 422},
      {"storage.failure", 500},             {"internal", 500},
  };
  for (const auto& [code, status] : cases) {
    CAPTURE(code);
    CHECK(failure(code, "", "x").status == status);
  }
}

TEST_CASE("a category named by the maker wins over the code's family") {
  CHECK(failure(onb::make_error(onb::ErrorCategory::application_invalid, "submit.validation_errors", "", "x")).status ==
        422);
  CHECK(failure(onb::make_error(onb::ErrorCategory::forbidden, "tier.currency_not_covered", "", "x")).status == 403);
}

TEST_CASE("a 5xx answer hides the details") {
  const auto a = failure("storage.failure", "/x", "disk full at /var/lib");
  CHECK(a.status == 500);
  CHECK(a.body.find("disk full") == std::string::npos);
}
