// The steps of the application form: which parts an application shows depends on its entity type and
// its credit request; problems are counted per step by JSON pointer, and the review step counts all.
#include "shared/workflow/steps.hpp"

#include "../support.hpp"

#include <algorithm>

using namespace onb::workflow;
using onb::model::Application;
using onb::model::CreditRequest;
using onb::model::EntityType;
using onb::model::PaymentTerms;
using onb::validation::Problem;
using onb::validation::Problems;
using onb::validation::Severity;

namespace {
bool has(const std::vector<StepId>& steps, StepId step) {
  return std::find(steps.begin(), steps.end(), step) != steps.end();
}
}  // namespace

TEST_CASE("workflow steps: the sections shown follow the entity type and the credit request") {
  Application app;
  app.entity.entity_type = EntityType::company;
  SUBCASE("a company without a credit request: owners, no financials, no trade references") {
    CHECK(visible_sections(StepId::owners_directors, app) == std::vector<std::string>{"/owners", "/directors"});
    CHECK(visible_sections(StepId::credit_financials, app) == std::vector<std::string>{"/requested_credit"});
    CHECK_FALSE(has(steps_for(app), StepId::trade_references));
  }
  SUBCASE("a public body has no beneficial owners") {
    app.entity.entity_type = EntityType::public_body;
    CHECK(visible_sections(StepId::owners_directors, app) == std::vector<std::string>{"/directors"});
  }
  SUBCASE("credit on documentary terms shows financials, trade terms and trade references") {
    app.requested_credit = CreditRequest{{"10000", "EUR"}, PaymentTerms::letter_of_credit};
    CHECK(visible_sections(StepId::credit_financials, app) ==
          std::vector<std::string>{"/requested_credit", "/financial_statements", "/international_trade"});
    CHECK(has(steps_for(app), StepId::trade_references));
  }
  SUBCASE("prepayment is no credit: no financials") {
    app.requested_credit = CreditRequest{{"10000", "EUR"}, PaymentTerms::prepayment};
    CHECK(visible_sections(StepId::credit_financials, app) == std::vector<std::string>{"/requested_credit"});
  }
  SUBCASE("review is always the last step, and every step edits what its sections name") {
    const auto steps = steps_for(app);
    CHECK(steps.front() == StepId::company);
    CHECK(steps.back() == StepId::review);
    CHECK(step_sections(StepId::review).empty());
    CHECK(step_sections(StepId::company) == std::vector<std::string>{"/entity"});
  }
}

TEST_CASE("workflow steps: problems are counted at a path and below it, never at a longer sibling") {
  const Problems ps{Problem{"/owners/0/name", "x", Severity::error},
                    Problem{"/ownersX", "x", Severity::error},
                    Problem{"/owners", "x", Severity::warning},
                    Problem{"/entity/legal_name", "x", Severity::error}};
  CHECK(at_or_below("/owners/0/name", "/owners"));
  CHECK_FALSE(at_or_below("/ownersX", "/owners"));
  CHECK(at_or_below("/anything", ""));
  CHECK(problems_under(ps, "/owners", Severity::error) == 1);
  CHECK(problems_under(ps, "/owners", Severity::warning) == 1);
  CHECK(problems_under(ps, "", Severity::error) == 3);

  Application app;
  app.entity.entity_type = EntityType::company;
  const auto counts = step_counts(app, onb::validation::ValidationReport{ps});
  REQUIRE(counts.size() == steps_for(app).size());
  CHECK(counts.front().step == StepId::company);
  CHECK(counts.front().errors == 1);
  CHECK(counts.back().step == StepId::review);
  CHECK(counts.back().errors == 3);
  CHECK(counts.back().warnings == 1);
}
