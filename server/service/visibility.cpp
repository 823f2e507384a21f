#include "server/service/visibility.hpp"

#include "shared/workflow/visibility.hpp"

namespace onb::server::service {
namespace {
workflow::VisibleTo filter_of(const Principal& who) { return workflow::visible_to(who.actor.role, who.account_id); }
}  // namespace

bool can_see(const Principal& who, const storage::EnrollmentStamp& s) {
  return workflow::may_see(filter_of(who), s.customer_id, s.created_by);
}

bool can_see(const Principal& who, const storage::EnrollmentRecord& r) {
  return workflow::may_see(filter_of(who), r.customer_id, r.created_by);
}

void restrict_to_visible(const Principal& who, storage::EnrollmentQuery& q) {
  const auto filter = filter_of(who);
  if (filter.customer_id) q.customer_id = filter.customer_id;
  if (filter.created_by) q.created_by = filter.created_by;
}

}  // namespace onb::server::service
