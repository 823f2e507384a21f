// The sync server's enrollment API over real HTTP against a real SQLite file: the whole workflow from
// registration to `active`, the audit chain and verify-audit, idempotent replays, stale versions, and
// who may see and do what.
#include "api_support.hpp"

#include <sqlite3.h>
#include <sys/wait.h>

using namespace onb::test;
using onb::Json;

namespace {

struct Cast : ApiFixture {
  Cast() {
    register_customer("cust");
    register_customer("other");
    add_staff("rep", "sales_rep");
    add_staff("officer", "compliance_officer");
    add_staff("analyst", "credit_analyst");
    add_staff("approver", "credit_approver", 3);
    add_staff("steward", "data_steward");
    add_staff("billing", "billing_admin");
    add_staff("auditor", "auditor");
  }

  std::string create(const std::string& who = "cust") {
    const auto r = call(who, "POST", "/v1/enrollments", Json{{"application", complete_application()}}.dump());
    REQUIRE_MESSAGE(r.status == 201, r.body);
    return r.json()["id"].get<std::string>();
  }
  HttpResponse act(const std::string& who, const std::string& id, const Json& body, HeaderList extra = {}) {
    return call(who, "POST", "/v1/enrollments/" + id + "/events", body.dump(), std::move(extra));
  }
  // Performs an action that must succeed and returns the new version.
  std::uint64_t step(const std::string& who, const std::string& id, std::uint64_t version, const std::string& kind,
                     Json payload = Json::object()) {
    const auto r = act(who, id, action(kind, version, std::move(payload)));
    REQUIRE_MESSAGE(r.status == 200, kind << " by " << who << ": " << r.body);
    CHECK(r.json()["version"] == version + 1);
    return version + 1;
  }
  // Brings a new enrollment to compliance_review; returns {id, version}.
  std::pair<std::string, std::uint64_t> in_compliance_review() {
    const auto id = create();
    auto v = step("cust", id, 1, "submitted");
    v = step("officer", id, v, "assigned", {{"assigned", {{"assignee_id", ids["officer"]}, {"assignee_role", "compliance_officer"}}}});
    return {id, v};
  }
  std::uint64_t decide_documents(const std::string& id, std::uint64_t v) {
    for (const char* type : {"register_extract", "vat_registration_certificate", "audited_financial_statements",
                             "identity_document"})
      v = step("officer", id, v, "document_decided", {{"document_decided", {{"document_type", type}, {"decision", "accepted"}}}});
    return v;
  }
  int run_tool(const std::string& args) {
    const std::string cmd = server_binary().string() + " " + args + " --data " + (dir.path() / "onboard.db").string() +
                            " > " + (dir.path() / "tool.log").string() + " 2>&1";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
};

Json compliance_ok() {
  return {{"compliance_cleared", {{"identity_verified", true}, {"beneficial_owners_verified", true}, {"screening", "no_match"}}}};
}

}  // namespace

TEST_CASE("an enrollment goes from registration to active through every reviewer, and the log verifies") {
  Cast c;
  auto [id, v] = c.in_compliance_review();
  v = c.decide_documents(id, v);
  v = c.step("officer", id, v, "compliance_cleared", compliance_ok());
  v = c.step("analyst", id, v, "credit_decided",
             {{"credit_decided", {{"limit", 10000}, {"currency", "EUR"}, {"payment_terms_days", 30}, {"risk_grade", "low"},
                                  {"tier", 1}, {"approvers_required", 1}}}});
  v = c.step("approver", id, v, "approval_granted", {{"approval_granted", {{"tier", 1}}}});
  v = c.step("steward", id, v, "master_data_created", {{"master_data_created", {{"customer_number", "C-100042"}}}});
  v = c.step("billing", id, v, "billing_configured",
             {{"billing_configured", {{"billing_contact", "ap@example.com"}, {"invoicing_channel", "email"},
                                      {"payment_terms_days", 30}, {"currency", "EUR"}}}});
  v = c.step("billing", id, v, "activated");

  const auto read = c.call("cust", "GET", "/v1/enrollments/" + id);
  REQUIRE(read.status == 200);
  CHECK(read.json()["stage"] == "active");
  CHECK(read.header("ETag") == "\"" + std::to_string(v) + "\"");
  CHECK(c.call("cust", "GET", "/v1/enrollments/" + id, "", {{"If-None-Match", *read.header("ETag")}}).status == 304);

  const auto customer_view = c.call("cust", "GET", "/v1/enrollments/" + id + "/timeline").json();
  CHECK(customer_view["status"]["stage"] == "active");
  CHECK(customer_view["events"].empty());  // customers never see internal events
  // The formal confirmation: what was decided for the customer, dated by the activation.
  const auto confirmation = customer_view["status"]["confirmation"];
  CHECK(confirmation["customer_number"] == "C-100042");
  CHECK(confirmation["credit_limit"] == 10000);
  CHECK(confirmation["currency"] == "EUR");
  CHECK(confirmation["payment_terms_days"] == 30);
  CHECK(confirmation["invoicing_channel"] == "email");
  CHECK(confirmation["activated_at"] == customer_view["status"]["timeline"].back()["at"]);
  const auto audit_view = c.call("auditor", "GET", "/v1/enrollments/" + id + "/timeline").json();
  CHECK(audit_view["events"].size() == v);

  CHECK(c.run_tool("verify-audit") == 0);
  c.server.process.stop(SIGTERM);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((c.dir.path() / "onboard.db").string().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "UPDATE events SET body = replace(body, 'C-100042', 'C-999999')", nullptr, nullptr, nullptr) ==
          SQLITE_OK);
  sqlite3_close(db);
  CHECK(c.run_tool("verify-audit") == 3);
  CHECK(read_file(c.dir.path() / "tool.log").find("hash does not match") != std::string::npos);
}

TEST_CASE("a replayed write with the same Idempotency-Key returns the first answer and creates nothing") {
  Cast c;
  const std::string body = Json{{"application", complete_application()}}.dump();
  const HeaderList key{{"Idempotency-Key", "create-1"}};
  const auto first = c.call("cust", "POST", "/v1/enrollments", body, key);
  REQUIRE(first.status == 201);
  for (int i = 0; i < 5; ++i) {
    const auto again = c.call("cust", "POST", "/v1/enrollments", body, key);
    CHECK(again.status == 201);
    CHECK(again.body == first.body);
    CHECK(again.header("Idempotent-Replayed") == "true");
  }
  const auto list = c.call("cust", "GET", "/v1/enrollments").json();
  CHECK(list["items"].size() == 1);

  SUBCASE("the same key on a different request is refused") {
    Json changed = complete_application();
    changed["entity"]["legal_name"] = "Another GmbH";
    const auto other = c.call("cust", "POST", "/v1/enrollments", Json{{"application", changed}}.dump(), key);
    CHECK(other.status == 422);
    CHECK(other.json()["code"] == "idempotency.key_reused");
  }
  SUBCASE("a replayed action appends one event only") {
    const auto id = first.json()["id"].get<std::string>();
    const HeaderList submit_key{{"Idempotency-Key", "submit-1"}};
    for (int i = 0; i < 3; ++i) CHECK(c.act("cust", id, action("submitted", 1), submit_key).status == 200);
    CHECK(c.call("auditor", "GET", "/v1/enrollments/" + id + "/timeline").json()["events"].size() == 2);
  }
}

TEST_CASE("a write on a stale version gets 409 with the current version") {
  Cast c;
  const auto id = c.create();
  CHECK(c.step("cust", id, 1, "submitted") == 2);
  const auto stale = c.act("officer", id, action("assigned", 1, {{"assigned", {{"assignee_id", "x"}, {"assignee_role", "compliance_officer"}}}}));
  CHECK(stale.status == 409);
  CHECK(stale.json()["code"] == "version.stale");
  CHECK(stale.json()["current_version"] == 2);
  SUBCASE("If-Match works like base_version") {
    Json body = {{"kind", "comment"}, {"comment", {{"text", "hello"}, {"visibility", "internal"}}}};
    CHECK(c.act("officer", id, body, {{"If-Match", "\"1\""}}).status == 409);
    CHECK(c.act("officer", id, body, {{"If-Match", "\"2\""}}).status == 200);
  }
  SUBCASE("a write without any version is refused") {
    CHECK(c.act("officer", id, Json{{"kind", "comment"}, {"comment", {{"text", "x"}, {"visibility", "internal"}}}}).status == 400);
  }
}

TEST_CASE("authorization: who sees which enrollment and who may act") {
  Cast c;
  const auto own = c.create("cust");
  const auto theirs = c.create("other");
  SUBCASE("without a token every enrollment route is 401") {
    for (const auto& [m, t] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/v1/enrollments"}, {"POST", "/v1/enrollments"}, {"GET", "/v1/enrollments/" + own},
             {"POST", "/v1/enrollments/" + own + "/events"}, {"GET", "/v1/sync"}}) {
      CAPTURE(t);
      CHECK(c.call("nobody", m, t).status == 401);
    }
  }
  SUBCASE("a customer sees only their own; another's answers 404") {
    CHECK(c.call("cust", "GET", "/v1/enrollments/" + own).status == 200);
    CHECK(c.call("cust", "GET", "/v1/enrollments/" + theirs).status == 404);
    CHECK(c.call("cust", "GET", "/v1/enrollments/" + theirs + "/timeline").status == 404);
    CHECK(c.act("cust", theirs, action("submitted", 1)).status == 404);
    CHECK(c.call("cust", "GET", "/v1/enrollments").json()["items"].size() == 1);
  }
  SUBCASE("reviewers see every enrollment but may only take their role's actions") {
    for (const char* who : {"officer", "analyst", "approver", "steward", "billing", "auditor"}) {
      CAPTURE(who);
      CHECK(c.call(who, "GET", "/v1/enrollments/" + own).status == 200);
      const auto r = c.act(who, own, action("submitted", 1));
      CHECK(r.status == 403);
      CHECK(r.json()["code"] == "role.not_permitted");
    }
  }
  SUBCASE("staff cannot create enrollments; a sales rep creates one with an invitation") {
    CHECK(c.call("officer", "POST", "/v1/enrollments", Json{{"application", complete_application()}}.dump()).status == 403);
    const auto r = c.call("rep", "POST", "/v1/enrollments", Json{{"application", complete_application()}}.dump());
    REQUIRE(r.status == 201);
    const auto id = r.json()["id"].get<std::string>();
    const auto token = r.json()["invite_token"].get<std::string>();
    CHECK(c.call("other", "GET", "/v1/enrollments/" + id).status == 404);
    CHECK(c.call("rep", "POST", "/v1/invites/" + token + "/claim").status == 403);
    CHECK(c.call("other", "POST", "/v1/invites/" + token + "/claim").status == 200);
    CHECK(c.call("other", "GET", "/v1/enrollments/" + id).status == 200);
    CHECK(c.call("cust", "POST", "/v1/invites/" + token + "/claim").status == 404);  // claimed once
  }
  SUBCASE("the compliance officer's queue holds what they can act on") {
    c.step("cust", own, 1, "submitted");
    const auto queue = c.call("officer", "GET", "/v1/enrollments").json();
    REQUIRE(queue["items"].size() == 1);
    CHECK(queue["items"][0]["id"] == own);
    CHECK(c.call("analyst", "GET", "/v1/enrollments").json()["items"].empty());
  }
  SUBCASE("a row says whom the case waits on and what is outstanding; filters narrow the queue") {
    const auto row = [&](const std::string& who, const std::string& query = "") {
      const auto page = c.call(who, "GET", "/v1/enrollments" + query).json();
      return page["items"].empty() ? Json() : page["items"][0];
    };
    const auto draft = row("cust");
    CHECK(draft["stage"] == "draft");
    CHECK(draft["waiting_on"] == Json::array({"customer"}));
    CHECK(draft["errors"] == 0);
    CHECK(draft["pending"].empty());  // complete_application() carries every required document
    CHECK(draft["updated_at"].get<std::string>().size() == 20);

    auto v = c.step("cust", own, 1, "submitted");
    const auto queued = row("officer");
    CHECK(queued["waiting_on"] == Json::array({"compliance_officer"}));
    CHECK(queued["overdue"] == false);
    CHECK(queued["due_at"].is_string());
    CHECK_FALSE(queued.contains("assignee"));
    CHECK(row("officer", "?assignee=me").is_null());
    CHECK(row("officer", "?overdue=true").is_null());  // submitted seconds ago

    c.step("officer", own, v, "assigned",
           {{"assigned", {{"assignee_id", c.ids["officer"]}, {"assignee_role", "compliance_officer"}}}});
    CHECK(row("officer", "?assignee=me")["assignee"] == c.ids["officer"]);
    CHECK(row("officer", "?overdue=false&assignee=me")["id"] == own);
    CHECK(c.call("officer", "GET", "/v1/enrollments?assignee=someone").json()["code"] == "request.assignee");
    CHECK(c.call("officer", "GET", "/v1/enrollments?overdue=yes").json()["code"] == "request.overdue");
  }
}

TEST_CASE("rules refuse with their code: submission with errors, incomplete compliance, approval tiers") {
  Cast c;
  SUBCASE("an application with blocking errors cannot be submitted (422 with every problem)") {
    Json broken = complete_application();
    broken["entity"]["legal_name"] = "";
    broken["owners"][0]["ownership_percent"] = 160;
    const auto r = c.call("cust", "POST", "/v1/enrollments", Json{{"application", broken}}.dump());
    REQUIRE(r.status == 201);  // drafts may be incomplete; submission is where errors block
    const auto bad = c.act("cust", r.json()["id"], action("submitted", 1));
    CHECK(bad.status == 422);
    CHECK(bad.json()["code"] == "validation.failed");
    CHECK_FALSE(bad.json()["problems"].empty());
  }
  SUBCASE("compliance cannot clear before the documents are decided") {
    auto [id, v] = c.in_compliance_review();
    const auto r = c.act("officer", id, action("compliance_cleared", v, compliance_ok()));
    CHECK(r.status == 422);
    CHECK(r.json()["code"] == "compliance.documents_incomplete");
  }
  SUBCASE("one approver cannot count twice for a limit that needs two (segregation by person)") {
    auto [id, v] = c.in_compliance_review();
    v = c.decide_documents(id, v);
    v = c.step("officer", id, v, "compliance_cleared", compliance_ok());
    v = c.step("analyst", id, v, "credit_decided",
               {{"credit_decided", {{"limit", 400000}, {"currency", "EUR"}, {"payment_terms_days", 30},
                                    {"risk_grade", "medium"}, {"tier", 3}, {"approvers_required", 2}}}});
    v = c.step("approver", id, v, "approval_granted", {{"approval_granted", {{"tier", 3}}}});
    const auto twice = c.act("approver", id, action("approval_granted", v, {{"approval_granted", {{"tier", 3}}}}));
    CHECK(twice.status == 403);
    CHECK(twice.json()["code"].get<std::string>().substr(0, 5) == "tier.");
  }
}
