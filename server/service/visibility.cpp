#include "server/service/visibility.hpp"

namespace onb::server::service {

using workflow::Role;

bool is_staff(Role role) { return role != Role::customer && role != Role::sales_rep; }

namespace {
bool may_see(const Principal& who, const std::string& customer_id, const std::string& created_by) {
  if (who.actor.role == Role::customer) return !customer_id.empty() && customer_id == who.account_id;
  if (who.actor.role == Role::sales_rep) return created_by == who.account_id;
  return true;
}
}  // namespace

bool can_see(const Principal& who, const storage::EnrollmentStamp& s) { return may_see(who, s.customer_id, s.created_by); }

bool can_see(const Principal& who, const storage::EnrollmentRecord& r) { return may_see(who, r.customer_id, r.created_by); }

void restrict_to_visible(const Principal& who, storage::EnrollmentQuery& q) {
  if (who.actor.role == Role::customer) q.customer_id = who.account_id;
  if (who.actor.role == Role::sales_rep) q.created_by = who.account_id;
}

}  // namespace onb::server::service
