// Who may see which enrollment, applied to stored records and store queries; the rule itself is
// shared/workflow/visibility.hpp's. Enrollments a caller may not see answer 404 (their existence is
// not revealed).
#pragma once

#include "server/service/accounts.hpp"
#include "server/storage/ports/enrollments.hpp"

namespace onb::server::service {

bool can_see(const Principal& who, const storage::EnrollmentRecord& r);
bool can_see(const Principal& who, const storage::EnrollmentStamp& s);

// Restricts a query to what `who` may see: the same filter can_see() checks one record against.
void restrict_to_visible(const Principal& who, storage::EnrollmentQuery& q);

}  // namespace onb::server::service
