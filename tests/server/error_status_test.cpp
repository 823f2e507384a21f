// An error's HTTP status comes from its category, through the one table in answer.cpp; the statuses are
// part of the API and must not move. The server tests over HTTP show each route's codes with their statuses.
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

TEST_CASE("each category's HTTP status, which clients rely on") {
  using enum onb::ErrorCategory;
  const std::vector<std::pair<onb::ErrorCategory, int>> cases = {
      {invalid, 422},   {application_invalid, 422}, {malformed, 400}, {unauthenticated, 401}, {throttled, 429},
      {unavailable, 503}, {forbidden, 403},         {not_found, 404}, {conflict, 409},        {internal, 500},
  };
  for (const auto& [category, status] : cases) {
    CAPTURE(boost::describe::enum_to_string(category, "?"));
    CHECK(status_of(category) == status);
    CHECK(failure(category, "x.y", "", "x").status == status);
  }
}

TEST_CASE("the status follows the category the maker names, whatever the code says") {
  CHECK(failure(onb::make_error(onb::ErrorCategory::application_invalid, "submit.validation_errors", "", "x")).status ==
        422);
  CHECK(failure(onb::make_error(onb::ErrorCategory::forbidden, "tier.currency_not_covered", "", "x")).status == 403);
  CHECK(failure(onb::make_error(onb::ErrorCategory::conflict, "storage.failure", "", "x")).status == 409);
}

TEST_CASE("a 5xx answer hides the details") {
  const auto a = failure(onb::ErrorCategory::internal, "storage.failure", "/x", "disk full at /var/lib");
  CHECK(a.status == 500);
  CHECK(a.body.find("disk full") == std::string::npos);
}
