// Who may do what, over real HTTP: every role × every enrollment endpoint × an enrollment of their own
// and one of someone else, as one table; and segregation of duties refusing a person who holds two
// roles from deciding twice on one case.
#include "api_support.hpp"

#include <sys/wait.h>

#include <algorithm>

using namespace onb::test;
using onb::Json;

namespace {

// The people of the matrix. "cust" owns the rep's enrollment (claimed by invitation), "other" owns
// their own; "rep2" is a sales rep who created neither.
const std::vector<std::string> people = {"nobody", "cust",   "other",   "rep",     "rep2",    "officer",
                                         "analyst", "approver", "steward", "billing", "auditor", "admin"};

struct Matrix : ApiFixture {
  Matrix() {
    register_customer("cust");
    register_customer("other");
    add_staff("rep", "sales_rep");
    add_staff("rep2", "sales_rep");
    add_staff("officer", "compliance_officer");
    add_staff("analyst", "credit_analyst");
    add_staff("approver", "credit_approver", 1);
    add_staff("steward", "data_steward");
    add_staff("billing", "billing_admin");
    add_staff("auditor", "auditor");
    add_staff("admin", "admin");
  }

  // {the rep's enrollment claimed by cust, other's own enrollment}, both drafts at version 2 / 1.
  std::pair<std::string, std::string> fresh_pair() {
    const auto made = call("rep", "POST", "/v1/enrollments", Json{{"application", complete_application()}}.dump());
    REQUIRE_MESSAGE(made.status == 201, made.body);
    const auto token = made.json()["invite_token"].get<std::string>();
    REQUIRE(call("cust", "POST", "/v1/invites/" + token + "/claim").status == 200);
    const auto theirs = call("other", "POST", "/v1/enrollments", Json{{"application", complete_application()}}.dump());
    REQUIRE_MESSAGE(theirs.status == 201, theirs.body);
    return {made.json()["id"].get<std::string>(), theirs.json()["id"].get<std::string>()};
  }

  std::uint64_t version_of(const std::string& id) {
    return call("auditor", "GET", "/v1/enrollments/" + id).json()["version"].get<std::uint64_t>();
  }

  bool listed(const std::string& who, const std::string& target, const char* member, const std::string& id) {
    const auto r = call(who, "GET", target);
    if (r.status != 200) return false;
    const Json items = r.json()[member];
    return std::any_of(items.begin(), items.end(), [&](const Json& i) {
      return i.value("id", i.value("enrollment_id", std::string())) == id;
    });
  }
};

bool one_of(const std::string& who, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return who == n; });
}

// What the rules say, per person, for the enrollment they own ("mine": cust and rep for the rep's
// enrollment, other for their own) and for one they do not.
struct Expected {
  int read;     // GET /v1/enrollments/{id} and /timeline
  int edit;     // PUT /v1/enrollments/{id}/application
  int comment;  // POST /events {kind: comment}
  int submit;   // POST /events {kind: submitted}
};

Expected expected(const std::string& who, bool mine) {
  if (who == "nobody") return {401, 401, 401, 401};
  const bool party = one_of(who, {"cust", "other", "rep", "rep2"});  // customers and sales reps
  if (party && !mine) return {404, 404, 404, 404};                   // not revealed
  if (party) return {200, 200, 200, 200};
  if (who == "auditor") return {200, 403, 403, 403};  // auditors only read
  return {200, 403, 200, 403};                        // reviewers and admins: read, comment, not the customer's acts
}

}  // namespace

TEST_CASE("authorization matrix: every role × endpoint × own and someone else's enrollment") {
  Matrix m;
  for (const auto& who : people) {
    const auto [reps, others] = m.fresh_pair();
    for (const auto& [id, owner_side] : std::vector<std::pair<std::string, bool>>{{reps, true}, {others, false}}) {
      const bool mine = owner_side ? one_of(who, {"cust", "rep"}) : who == "other";
      const Expected want = expected(who, mine);
      CAPTURE(who);
      CAPTURE(mine);
      const std::string base = "/v1/enrollments/" + id;
      CHECK(m.call(who, "GET", base).status == want.read);
      CHECK(m.call(who, "GET", base + "/timeline").status == want.read);

      Json app = complete_application();
      app["entity"]["trading_name"] = "Renamed by " + who;
      const auto edit = m.call(who, "PUT", base + "/application",
                               Json{{"base_version", m.version_of(id)}, {"application", app}}.dump());
      CHECK_MESSAGE(edit.status == want.edit, edit.body);
      // Sending the same data again changes nothing, and still tells outsiders nothing more.
      const auto same = m.call(who, "PUT", base + "/application",
                               Json{{"base_version", m.version_of(id)}, {"application", complete_application()}}.dump());
      if (want.edit != 200) CHECK_MESSAGE(same.status == want.edit, same.body);

      const auto comment = m.call(who, "POST", base + "/events",
                                  action("comment", m.version_of(id),
                                         {{"comment", {{"text", "hello from " + who}, {"visibility", "customer"}}}})
                                      .dump());
      CHECK_MESSAGE(comment.status == want.comment, comment.body);
      const auto submit = m.call(who, "POST", base + "/events", action("submitted", m.version_of(id)).dump());
      CHECK_MESSAGE(submit.status == want.submit, submit.body);
      if (want.submit == 403) CHECK(submit.json()["code"] == "role.not_permitted");
      if (want.read == 404) CHECK(submit.json()["code"] == "enrollment.not_found");

      // Lists and sync show exactly what may be read; a reviewer's queue only what they can act on
      // (nothing is in a reviewer's stage here: both are submitted or drafts).
      const bool sees = want.read == 200;
      const bool queue_only = one_of(who, {"officer", "analyst", "approver", "steward", "billing"});
      const bool submitted = submit.status == 200;
      CHECK(m.listed(who, "/v1/enrollments?limit=200", "items", id) ==
            (sees && (!queue_only || (who == "officer" && submitted))));
      CHECK(m.listed(who, "/v1/sync", "changes", id) == sees);
    }
  }
}

TEST_CASE("segregation of duties: a person with two roles cannot decide twice on one case") {
  Matrix m;
  m.add_staff("officer_analyst", "compliance_officer,credit_analyst");
  m.add_staff("analyst_approver", "credit_analyst,credit_approver", 1);
  const auto session = m.call("analyst_approver", "GET", "/v1/enrollments");
  CHECK(session.status == 200);

  const std::string id = m.fresh_pair().first;
  const auto step = [&](const std::string& who, const std::string& kind, Json payload = Json::object()) {
    return m.call(who, "POST", "/v1/enrollments/" + id + "/events", action(kind, m.version_of(id), std::move(payload)).dump());
  };
  const auto must = [&](const std::string& who, const std::string& kind, Json payload = Json::object()) {
    const auto r = step(who, kind, std::move(payload));
    REQUIRE_MESSAGE(r.status == 200, kind << " by " << who << ": " << r.body);
    return r;
  };
  must("cust", "submitted");
  must("officer_analyst", "assigned",
       {{"assigned", {{"assignee_id", m.ids["officer_analyst"]}, {"assignee_role", "compliance_officer"}}}});
  for (const char* type : {"register_extract", "vat_registration_certificate", "audited_financial_statements",
                           "identity_document"})
    must("officer_analyst", "document_decided", {{"document_decided", {{"document_type", type}, {"decision", "accepted"}}}});
  must("officer_analyst", "compliance_cleared",
       {{"compliance_cleared", {{"identity_verified", true}, {"beneficial_owners_verified", true}, {"screening", "no_match"}}}});

  const Json credit = {{"credit_decided", {{"limit", 10000}, {"currency", "EUR"}, {"payment_terms_days", 30},
                                           {"risk_grade", "low"}, {"tier", 1}, {"approvers_required", 1}}}};
  SUBCASE("who cleared compliance may not decide credit, though they hold the analyst role") {
    const auto r = step("officer_analyst", "credit_decided", credit);
    CHECK(r.status == 403);
    CHECK(r.json()["code"] == "sod.same_person_compliance_and_credit");
    CHECK(r.json()["path"] == "/actor/id");
  }
  SUBCASE("who proposed the credit decision may not approve it, though they hold the approver role") {
    must("analyst_approver", "credit_decided", credit);
    const auto view = m.call("analyst_approver", "GET", "/v1/enrollments/" + id).json();
    const auto option = std::find_if(view["actions"].begin(), view["actions"].end(),
                                     [](const Json& a) { return a["kind"] == "approval_granted"; });
    REQUIRE(option != view["actions"].end());
    CHECK((*option)["allowed"] == false);
    CHECK((*option)["code"] == "sod.approves_own_credit_decision");

    const auto r = step("analyst_approver", "approval_granted", {{"approval_granted", {{"tier", 1}}}});
    CHECK(r.status == 403);
    CHECK(r.json()["code"] == "sod.approves_own_credit_decision");
    must("approver", "approval_granted", {{"approval_granted", {{"tier", 1}}}});  // another person may
    const auto events = m.call("auditor", "GET", "/v1/enrollments/" + id + "/timeline").json()["events"];
    const auto decided = std::find_if(events.begin(), events.end(), [](const Json& e) { return e["kind"] == "credit_decided"; });
    REQUIRE(decided != events.end());
    CHECK((*decided)["actor"]["role"] == "credit_analyst");  // the role they acted in is on record
  }
}

TEST_CASE("accounts hold one role, or several staff roles") {
  Matrix m;
  const auto refused = [&](const std::string& roles, std::optional<int> tier) {
    std::string cmd = server_binary().string() + " user add mixed@example.com " + roles;
    if (tier) cmd += " --tier " + std::to_string(*tier);
    cmd += " --data " + (m.dir.path() / "onboard.db").string() + " < /dev/null > /dev/null 2>&1";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) && WEXITSTATUS(status) == 2;
  };
  CHECK(refused("customer,compliance_officer", std::nullopt));
  CHECK(refused("sales_rep,credit_analyst", std::nullopt));
  CHECK(refused("credit_analyst,credit_analyst", std::nullopt));
  CHECK(refused("credit_approver", std::nullopt));  // an approver needs a tier
  CHECK(refused("credit_analyst", 2));              // and only an approver has one
  CHECK(refused("credit_analyst,nonsense", std::nullopt));
  m.add_staff("pair", "compliance_officer,data_steward");
  const auto me = m.post_json("/v1/sessions", Json{{"email", "pair@example.com"}, {"password", test_password}}.dump());
  REQUIRE(me.status == 201);
  CHECK(me.json()["account"]["role"] == "compliance_officer");
  CHECK(me.json()["account"]["other_roles"] == Json::array({"data_steward"}));
}
