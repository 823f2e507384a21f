// Who may see which enrollment: a customer their own, a sales rep those they created, reviewers,
// auditors and admins all. Enrollments a caller may not see answer 404 (their existence is not
// revealed). Candidate for shared/workflow once the portal needs it; what a role may *do* is there.
#pragma once

#include "server/service/accounts.hpp"
#include "server/storage/ports/enrollments.hpp"

namespace onb::server::service {

bool can_see(const Principal& who, const storage::EnrollmentRecord& r);
bool can_see(const Principal& who, const storage::EnrollmentStamp& s);

// Restricts a query to what `who` may see.
void restrict_to_visible(const Principal& who, storage::EnrollmentQuery& q);

bool is_staff(workflow::Role role);

}  // namespace onb::server::service
