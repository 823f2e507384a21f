#include "shared/workflow/roles.hpp"

namespace onb::workflow {

bool is_staff(Role role) { return role != Role::customer && role != Role::sales_rep; }

bool works_a_queue(Role role) { return is_staff(role) && role != Role::auditor && role != Role::admin; }

}  // namespace onb::workflow
