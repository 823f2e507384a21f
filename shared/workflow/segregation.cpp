// Segregation of duties: the only place these rules exist. They work on people (actor ids), not on
// roles, because one person may hold several roles; the transition table already handles roles.
#include "shared/validation/messages_refusals.hpp"
#include "shared/workflow/guards.hpp"
#include "shared/workflow/transitions.hpp"

#include <algorithm>

namespace onb::workflow {
namespace {

bool among(const std::vector<std::string>& people, const std::string& id) {
  return std::find(people.begin(), people.end(), id) != people.end();
}

bool is_compliance_decision(EventKind k) {
  return k == EventKind::document_decided || k == EventKind::compliance_cleared || k == EventKind::compliance_failed;
}

bool is_credit_decision(EventKind k) {
  return k == EventKind::credit_decided || k == EventKind::approval_granted || k == EventKind::approval_denied;
}

// key: the code, or the catalogue's variant of it (messages_refusals.hpp).
Error denied(std::string_view key) {
  const std::string code(key.substr(0, key.find('#')));
  return make_error(ErrorCategory::forbidden, code, "/actor/id", validation::refusal_text(key));
}

}  // namespace

Result<void> check_segregation(const EnrollmentState& state, EventKind kind, const Actor& actor) {
  const std::string& id = actor.id;
  if (is_decision(kind) && among(state.contributors, id))
    return denied("sod.creator_decides");
  // The converse: a decider who then changes the data would have decided on their own input.
  if (is_contribution(kind) && among(state.deciders, id))
    return denied("sod.decider_edits");
  if (is_credit_decision(kind) && among(state.compliance_people, id))
    return denied("sod.same_person_compliance_and_credit");
  if (is_compliance_decision(kind) && among(state.credit_people, id))
    return denied("sod.same_person_compliance_and_credit#credit");
  const bool approving = kind == EventKind::approval_granted || kind == EventKind::approval_denied;
  if (approving && state.credit_decider == id)
    return denied("sod.approves_own_credit_decision");
  return {};
}

}  // namespace onb::workflow
