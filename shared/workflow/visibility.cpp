#include "shared/workflow/visibility.hpp"

namespace onb::workflow {

VisibleTo visible_to(Role role, const std::string& account_id) {
  if (role == Role::customer) return {account_id, std::nullopt};
  if (role == Role::sales_rep) return {std::nullopt, account_id};
  return {};
}

bool may_see(const VisibleTo& filter, const std::string& customer_id, const std::string& created_by) {
  if (filter.customer_id && (customer_id.empty() || customer_id != *filter.customer_id)) return false;
  if (filter.created_by && created_by != *filter.created_by) return false;
  return true;
}

}  // namespace onb::workflow
