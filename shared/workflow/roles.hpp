// What kind of reader a role is: staff (the supplier's people) or not, and among staff those who work a
// queue. These decide what a list and a timeline show; what a role may *do* is the transition table's
// (transitions.hpp), and which enrollment a reader may see at all is visibility.hpp's.
#pragma once

#include "shared/workflow/events.hpp"

namespace onb::workflow {

// Everyone but customers and sales reps: reviewers, auditors and admins. Staff see every enrollment's
// event log with its internal notes; customers and sales reps see the customer's status view instead.
bool is_staff(Role role);

// Staff who work a queue: the reviewers. Their list holds only the stages their roles work and, there,
// the cases they can act on now (reviewer_queue in people.hpp). Auditors and admins list everything.
bool works_a_queue(Role role);

}  // namespace onb::workflow
