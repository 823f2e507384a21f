// Staff, and the staff who work a queue: what decides between an event log and a status view, and
// between a queue and a list of everything.
#include "fixture.hpp"

#include "shared/workflow/roles.hpp"

using namespace wf_test;

TEST_CASE("workflow roles: staff are everyone but customers and sales reps") {
  CHECK_FALSE(is_staff(Role::customer));
  CHECK_FALSE(is_staff(Role::sales_rep));
  for (const auto role : {Role::compliance_officer, Role::credit_analyst, Role::credit_approver, Role::billing_admin,
                          Role::data_steward, Role::auditor, Role::admin})
    CHECK_MESSAGE(is_staff(role), onb::to_display_string(role));
}

TEST_CASE("workflow roles: reviewers work a queue; auditors, admins and non-staff do not") {
  for (const auto role :
       {Role::compliance_officer, Role::credit_analyst, Role::credit_approver, Role::billing_admin, Role::data_steward})
    CHECK_MESSAGE(works_a_queue(role), onb::to_display_string(role));
  for (const auto role : {Role::auditor, Role::admin, Role::customer, Role::sales_rep})
    CHECK_FALSE_MESSAGE(works_a_queue(role), onb::to_display_string(role));
}
