// What the workflow learns about an application: blocking errors, each required document as uploaded,
// expired or missing, and each owner with whether their identity document is attached. The server
// decides with it; the portal can show the same.
#include "../validation/fixtures.hpp"

#include "shared/workflow/application_summary.hpp"

using namespace onb;
using workflow::DocumentStatus;

namespace {
DocumentStatus status_of(const workflow::ApplicationSummary& s, const std::string& type) {
  for (const auto& d : s.required_documents)
    if (d.type == type) return d.status;
  FAIL("no document of type " << type);
  return DocumentStatus::missing;
}
workflow::ApplicationSummary summary_of(const model::Application& app, Date day = test::today) {
  return workflow::summarize(app, validation::validate_application(app, test::policy(), day), day);
}
}  // namespace

TEST_CASE("workflow summarize: documents, owners and errors as the workflow sees them") {
  auto app = test::golden("complete");
  SUBCASE("a complete application: nothing blocks, every document uploaded, owners identified") {
    const auto s = summary_of(app);
    CHECK_FALSE(s.has_blocking_errors);
    CHECK(status_of(s, "register_extract") == DocumentStatus::uploaded);
    CHECK(status_of(s, "identity_document") == DocumentStatus::uploaded);
    REQUIRE(s.owners.size() == 2);
    CHECK(s.owners[0].name == "Maximilian Huber");
    CHECK(s.owners[0].ownership_percent == 60);
    CHECK(s.owners[0].verified);
  }
  SUBCASE("a document past its expiry date counts as expired; one valid copy of a type is enough") {
    app.documents[0].expiry_date = "2026-11-21";
    CHECK(status_of(summary_of(app), "register_extract") == DocumentStatus::expired);
    auto copy = app.documents[0];
    copy.id = "register-2";
    copy.expiry_date.reset();
    app.documents.push_back(copy);
    CHECK(status_of(summary_of(app), "register_extract") == DocumentStatus::uploaded);
  }
  SUBCASE("a required document removed is missing, and blocks") {
    app.documents.erase(app.documents.begin());  // the register extract
    const auto s = summary_of(app);
    CHECK(s.has_blocking_errors);
    bool missing = false;
    for (const auto& d : s.required_documents) missing = missing || d.status == DocumentStatus::missing;
    CHECK(missing);
  }
  SUBCASE("an owner whose identity document is not attached is not verified") {
    app.owners[1].identity_document->document_id = "not-attached";
    const auto s = summary_of(app);
    CHECK(s.owners[0].verified);
    CHECK_FALSE(s.owners[1].verified);
  }
}
