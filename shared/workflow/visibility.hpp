// Who may see which enrollment: a customer their own, a sales rep those they created, staff (reviewers,
// auditors, admins) all of them. Said once as a filter, so that a store can apply it to a query and a
// single record can be checked against it with the same rule. What a role may *do* is transitions.hpp's.
#pragma once

#include "shared/workflow/events.hpp"

#include <boost/describe.hpp>

#include <optional>
#include <string>

namespace onb::workflow {

// The enrollments a reader may see. An absent field does not restrict.
struct VisibleTo {
  std::optional<std::string> customer_id;  // only this customer's
  std::optional<std::string> created_by;   // only those this account created
};
BOOST_DESCRIBE_STRUCT(VisibleTo, (), (customer_id, created_by))

// What the account `account_id` acting in `role` may see.
VisibleTo visible_to(Role role, const std::string& account_id);

// Whether an enrollment of `customer_id` (empty while a sales rep's invitation is unclaimed) created by
// `created_by` is visible: an unclaimed invitation belongs to no customer, not even one without an id.
bool may_see(const VisibleTo& filter, const std::string& customer_id, const std::string& created_by);

}  // namespace onb::workflow
