// The workflow's refusals read from the message catalogue: every text the rules ask for is there (in
// English and German), and the English reads as the rules always said it.
#include "fixture.hpp"

#include "shared/validation/messages_refusals.hpp"
#include "shared/workflow/people.hpp"

#include <regex>

using namespace wf_test;
using K = EventKind;

TEST_CASE("workflow refusals: every catalogue key the rules use exists") {
  const std::regex use(R"re(refusal_text\("([^"]+)")re");
  int found = 0;
  for (const char* file : {"guards.cpp", "payload.cpp", "segregation.cpp", "tiers.cpp", "events.cpp", "policy.cpp"}) {
    const auto source = read_source_file(std::string("shared/workflow/") + file);
    for (auto it = std::sregex_iterator(source.begin(), source.end(), use); it != std::sregex_iterator(); ++it) {
      const std::string key = (*it)[1];
      CAPTURE(key);
      CHECK(onb::validation::find_message(key) != nullptr);
      ++found;
    }
  }
  CHECK(found > 40);
}

TEST_CASE("workflow refusals: the English texts, and German from them") {
  using onb::validation::Language;
  Case c = case_at(Stage::credit_review);
  auto r = c.try_do(K::activated, admin());
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message == "'activated' cannot happen while the enrollment is in 'credit_review'");
  CHECK(onb::validation::message_in(r.error().code, r.error().message, Language::de) ==
        "„activated“ ist nicht möglich, solange der Antrag in „credit_review“ ist");

  r = c.try_do(K::credit_decided, officer());
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == "role.not_permitted");
  CHECK(r.error().message.rfind("a compliance_officer cannot take 'credit_decided' in 'credit_review'; allowed: ", 0) == 0);

  c.then(K::credit_decided, analyst());
  r = c.try_add(c.next(approval(K::approval_granted, analyst(), c.state.credit->tier)));
  REQUIRE_FALSE(r.has_value());
  CHECK(onb::validation::message_in(r.error().code, r.error().message, Language::de) != r.error().message);
}
