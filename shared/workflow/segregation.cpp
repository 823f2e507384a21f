// Segregation of duties: the only place these rules exist. They work on people (actor ids), not on
// roles, because one person may hold several roles; the transition table already handles roles.
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

Error denied(const char* code, std::string message) { return make_error(code, "/actor/id", std::move(message)); }

}  // namespace

Result<void> check_segregation(const EnrollmentState& state, EventKind kind, const Actor& actor) {
  const std::string& id = actor.id;
  if (is_decision(kind) && among(state.contributors, id))
    return denied("sod.creator_decides",
                  "you created, edited or submitted this application, so you cannot decide on it");
  // The converse: a decider who then changes the data would have decided on their own input.
  if (is_contribution(kind) && among(state.deciders, id))
    return denied("sod.decider_edits", "you took a decision on this application, so you cannot change it");
  if (is_credit_decision(kind) && among(state.compliance_people, id))
    return denied("sod.same_person_compliance_and_credit",
                  "you took the compliance decision; credit must be decided by someone else");
  if (is_compliance_decision(kind) && among(state.credit_people, id))
    return denied("sod.same_person_compliance_and_credit",
                  "you decided on credit; compliance must be decided by someone else");
  const bool approving = kind == EventKind::approval_granted || kind == EventKind::approval_denied;
  if (approving && state.credit_decider == id)
    return denied("sod.approves_own_credit_decision",
                  "you proposed this credit decision; another person must approve it");
  return {};
}

}  // namespace onb::workflow
