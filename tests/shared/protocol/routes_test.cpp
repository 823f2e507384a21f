// The route table as the portal and the server use it: paths are built from a route and its
// parameters, a path matches exactly one template (or none), Allow lists the methods of a resource, and
// the table's rows agree with each other (one access per resource, parameters named in the template).
#include "shared/protocol/routes.hpp"

#include "../support.hpp"

#include <set>
#include <string>

namespace p = onb::protocol;
using p::RouteId;

TEST_CASE("path() fills a route's parameters in template order and appends the query values that are set") {
  CHECK(p::path(RouteId::list_enrollments) == "/v1/enrollments");
  CHECK(p::path(RouteId::get_enrollment, {"e-1"}) == "/v1/enrollments/e-1");
  CHECK(p::path(RouteId::put_document_content, {"e-1", "d-2"}) == "/v1/enrollments/e-1/documents/d-2/content");
  CHECK(p::path(RouteId::claim_invite, {"tok"}) == "/v1/invites/tok/claim");
  CHECK(p::path(RouteId::delete_session) == "/v1/sessions/current");

  SUBCASE("query pairs keep their order; unset ones are left out") {
    CHECK(p::path(RouteId::list_enrollments, {}, {{"limit", "200"}, {"offset", "0"}}) ==
          "/v1/enrollments?limit=200&offset=0");
    CHECK(p::path(RouteId::list_enrollments, {}, {{"limit", "50"}, {"stage", std::nullopt}, {"assignee", "me"}}) ==
          "/v1/enrollments?limit=50&assignee=me");
    CHECK(p::path(RouteId::get_sync, {}, {{"since", std::nullopt}}) == "/v1/sync");
  }
  SUBCASE("characters outside the unreserved set are percent-encoded, so a value cannot add a segment") {
    CHECK(p::path(RouteId::get_enrollment, {"a/b c"}) == "/v1/enrollments/a%2Fb%20c");
    CHECK(p::path(RouteId::list_enrollments, {}, {{"stage", "x&y=z"}}) == "/v1/enrollments?stage=x%26y%3Dz");
    CHECK(p::path(RouteId::get_enrollment, {"AZaz09-._~"}) == "/v1/enrollments/AZaz09-._~");
  }
}

TEST_CASE("a path matches the template it instantiates, with its parameters") {
  const auto m = p::match("/v1/enrollments/e-123/documents/d-9/content");
  REQUIRE(m);
  CHECK(p::templates[m->resource] == "/v1/enrollments/{id}/documents/{document_id}/content");
  CHECK(m->params[0] == "e-123");
  CHECK(m->params[1] == "d-9");

  SUBCASE("every path builds back to its own template") {
    for (const auto& r : p::route_table) {
      CAPTURE(r.path);
      const auto built = p::path(r.id, {"x1", "x2"});
      const auto back = p::match(built);
      REQUIRE(back);
      CHECK(p::templates[back->resource] == r.path);
    }
  }
  SUBCASE("no match: empty segments, extra or missing segments, other prefixes") {
    for (const char* path : {"/v1/enrollments/", "/v1/enrollments//events", "/v1/enrollments/e/bogus",
                             "/v1/enrollments/e/documents/", "/v1/enrollments/e/documents/d/x", "/v1/invites/tok",
                             "/v1/invites//claim", "/v1/drafts/d/x", "/v1", "/v1/", "/healthz/x", "/index.html",
                             "/v10/x", "", "*", "v1/sync"}) {
      CAPTURE(path);
      CHECK_FALSE(p::match(path));
    }
  }
}

TEST_CASE("a resource's methods: find() by the method as sent, Allow in table order") {
  const auto resource = [](std::string_view path) { return p::match(path).value().resource; };
  CHECK(p::allowed_methods(resource("/v1/enrollments")) == "GET, POST");
  CHECK(p::allowed_methods(resource("/v1/enrollments/e")) == "GET");
  CHECK(p::allowed_methods(resource("/v1/enrollments/e/documents/d/content")) == "GET, HEAD, PUT");
  CHECK(p::allowed_methods(resource("/healthz")) == "GET, HEAD");
  CHECK(p::allowed_methods(resource("/v1/sessions/current")) == "DELETE");

  CHECK(p::find(resource("/v1/enrollments"), "POST")->id == RouteId::create_enrollment);
  CHECK(p::find(resource("/v1/enrollments"), "GET")->id == RouteId::list_enrollments);
  CHECK(p::find(resource("/v1/enrollments"), "HEAD") == nullptr);  // listing answers GET only
  CHECK(p::find(resource("/v1/policy"), "HEAD")->id == RouteId::get_policy);
  CHECK(p::find(resource("/v1/enrollments"), "get") == nullptr);  // methods are case-sensitive
  CHECK(p::find(resource("/v1/enrollments/e"), "DELETE") == nullptr);
}

TEST_CASE("unknown paths below a signed-in route ask for a session before they are 404") {
  CHECK(p::below_signed_in_route("/v1/enrollments/e/bogus"));
  CHECK(p::below_signed_in_route("/v1/invites/tok"));
  CHECK_FALSE(p::below_signed_in_route("/v1/sessions/current/x"));  // logging out is not signed-in access
  CHECK_FALSE(p::below_signed_in_route("/v1/nowhere"));
}

TEST_CASE("the table is consistent") {
  SUBCASE("one row per (method, template); a template's rows share their access and sit together") {
    std::set<std::pair<int, std::string_view>> seen;
    for (std::size_t i = 0; i < p::route_table.size(); ++i) {
      const auto& r = p::route_table[i];
      CAPTURE(r.path);
      CHECK(seen.insert({static_cast<int>(r.method), r.path}).second);
      const auto resource = p::template_index(r.id);
      CHECK(p::access_of(resource) == r.access);
      if (i > 0 && p::route_table[i - 1].path != r.path)
        for (std::size_t j = 0; j + 1 < i; ++j) CHECK(p::route_table[j].path != r.path);
    }
  }
  SUBCASE("only GET rows answer HEAD, bodies go with methods that carry them, statuses are successes") {
    for (const auto& r : p::route_table) {
      CAPTURE(r.path);
      if (r.answers_head) CHECK(r.method == p::Method::get);
      if (r.method == p::Method::get || r.method == p::Method::delete_)
        CHECK(r.request.kind == p::Body::Kind::none);
      CHECK(r.status >= 200);
      CHECK(r.status < 300);
      if (r.status == 204) CHECK(r.response.kind == p::Body::Kind::none);
      if (r.headers & p::content_range) CHECK(r.request.kind == p::Body::Kind::bytes);
    }
  }
}
