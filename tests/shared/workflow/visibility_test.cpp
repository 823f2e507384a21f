// Who sees which enrollment: customers their own, sales reps what they created, staff everything; the
// same filter a store applies to a query.
#include "fixture.hpp"

#include "shared/workflow/visibility.hpp"

using namespace wf_test;

TEST_CASE("workflow visibility: customers see their own enrollments") {
  const auto f = visible_to(Role::customer, "c-1");
  CHECK(f.customer_id == "c-1");
  CHECK_FALSE(f.created_by);
  CHECK(may_see(f, "c-1", "rep-1"));
  CHECK_FALSE(may_see(f, "c-2", "c-1"));  // having created it is not enough for a customer
  SUBCASE("an unclaimed invitation belongs to no customer, not even one without an id") {
    CHECK_FALSE(may_see(visible_to(Role::customer, ""), "", "rep-1"));
  }
}

TEST_CASE("workflow visibility: sales reps see what they created, claimed or not") {
  const auto f = visible_to(Role::sales_rep, "rep-1");
  CHECK(f.created_by == "rep-1");
  CHECK_FALSE(f.customer_id);
  CHECK(may_see(f, "", "rep-1"));
  CHECK(may_see(f, "c-1", "rep-1"));
  CHECK_FALSE(may_see(f, "c-1", "rep-2"));
}

TEST_CASE("workflow visibility: staff see every enrollment") {
  for (const auto role : {Role::compliance_officer, Role::credit_analyst, Role::credit_approver, Role::billing_admin,
                          Role::data_steward, Role::auditor, Role::admin}) {
    const auto f = visible_to(role, "x");
    CHECK_FALSE(f.customer_id);
    CHECK_FALSE(f.created_by);
    CHECK_MESSAGE(may_see(f, "c-1", "rep-1"), onb::to_display_string(role));
    CHECK(may_see(f, "", "rep-1"));
  }
}
