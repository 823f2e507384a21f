#include "server/service/visibility.hpp"

#include "shared/workflow/transitions.hpp"

#include <algorithm>

namespace onb::server::service {

using workflow::Role;

bool is_staff(Role role) { return role != Role::customer && role != Role::sales_rep; }

bool can_see(const Principal& who, const storage::EnrollmentRecord& r) {
  if (who.actor.role == Role::customer) return !r.customer_id.empty() && r.customer_id == who.account_id;
  if (who.actor.role == Role::sales_rep) return r.created_by == who.account_id;
  return true;
}

void restrict_to_visible(const Principal& who, storage::EnrollmentQuery& q) {
  if (who.actor.role == Role::customer) q.customer_id = who.account_id;
  if (who.actor.role == Role::sales_rep) q.created_by = who.account_id;
}

std::vector<workflow::Stage> stages_worked_by(Role role) {
  std::vector<workflow::Stage> out;
  for (const auto& t : workflow::transitions()) {
    if (t.kind == workflow::EventKind::comment) continue;
    if (std::find(t.roles.begin(), t.roles.end(), role) == t.roles.end()) continue;
    for (auto s : t.from)
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

}  // namespace onb::server::service
