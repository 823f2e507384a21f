#include "shared/workflow/transitions.hpp"

#include <algorithm>

namespace onb::workflow {
namespace {

using enum Stage;
using R = Role;
using K = EventKind;

const std::vector<Stage> k_all_stages = {draft,          submitted,   compliance_review, credit_review,
                                         approval,       master_data, billing_setup,     active,
                                         info_requested, rejected,    withdrawn,         under_review};
const std::vector<Role> k_everyone_but_auditor = {
    R::customer,        R::sales_rep,     R::compliance_officer, R::credit_analyst,
    R::credit_approver, R::billing_admin, R::data_steward,       R::admin};
// Escalation makes sense wherever a clock can run: every open stage after submission.
const std::vector<Stage> k_open_after_submission = {submitted,   compliance_review, credit_review,  approval,
                                                    master_data, billing_setup,     info_requested, under_review};

// Read a row as: `kind` may happen in `from` by `roles` and leads to `next`/`to`. A kind may have several
// rows for different stages; a stage appears at most once per kind. Auditors only read: no row names them.
const std::vector<Transition> k_table = {
    {K::edited, {draft, info_requested}, {R::customer, R::sales_rep}, Next::stay},
    {K::submitted, {draft}, {R::customer, R::sales_rep}, Next::to_stage, submitted},
    // Picking a submitted case up starts the compliance review; elsewhere assignment only names a person.
    {K::assigned, {submitted}, {R::compliance_officer, R::admin}, Next::to_stage, compliance_review},
    {K::assigned, {compliance_review, under_review}, {R::compliance_officer, R::admin}, Next::stay},
    {K::assigned, {credit_review}, {R::credit_analyst, R::admin}, Next::stay},
    {K::assigned, {approval}, {R::credit_approver, R::admin}, Next::stay},
    {K::assigned, {master_data}, {R::data_steward, R::admin}, Next::stay},
    {K::assigned, {billing_setup}, {R::billing_admin, R::admin}, Next::stay},
    {K::info_requested, {compliance_review, under_review}, {R::compliance_officer}, Next::to_stage, info_requested},
    {K::info_requested, {credit_review}, {R::credit_analyst}, Next::to_stage, info_requested},
    {K::info_provided, {info_requested}, {R::customer, R::sales_rep}, Next::resume},
    {K::document_decided, {compliance_review, under_review}, {R::compliance_officer}, Next::stay},
    {K::compliance_cleared, {compliance_review}, {R::compliance_officer}, Next::to_stage, credit_review},
    {K::compliance_cleared, {under_review}, {R::compliance_officer}, Next::to_stage, active},
    {K::compliance_failed, {compliance_review, under_review}, {R::compliance_officer}, Next::to_stage, rejected},
    {K::credit_decided, {credit_review}, {R::credit_analyst}, Next::to_stage, approval},
    {K::approval_granted, {approval}, {R::credit_approver}, Next::approval_progress},
    // A denial sends the case back to the analyst, who may propose different terms or reject.
    {K::approval_denied, {approval}, {R::credit_approver}, Next::to_stage, credit_review},
    {K::master_data_created, {master_data}, {R::data_steward}, Next::to_stage, billing_setup},
    {K::billing_configured, {billing_setup}, {R::billing_admin}, Next::stay},
    {K::activated, {billing_setup}, {R::billing_admin, R::admin}, Next::to_stage, active},
    {K::rejected,
     {submitted, compliance_review, info_requested, under_review},
     {R::compliance_officer},
     Next::to_stage,
     rejected},
    {K::rejected, {credit_review}, {R::credit_analyst}, Next::to_stage, rejected},
    {K::rejected, {approval}, {R::credit_approver}, Next::to_stage, rejected},
    {K::withdrawn,
     {draft, submitted, compliance_review, credit_review, approval, info_requested},
     {R::customer, R::sales_rep},
     Next::to_stage,
     withdrawn},
    {K::reopened, {active}, {R::compliance_officer, R::admin}, Next::to_stage, under_review},
    {K::reopened, {withdrawn}, {R::customer, R::sales_rep}, Next::to_stage, draft},
    {K::escalated, k_open_after_submission, {R::admin}, Next::stay},
    {K::comment, k_all_stages, k_everyone_but_auditor, Next::stay},
};

template <class T>
bool contains(const std::vector<T>& v, T x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

std::span<const Transition> transitions() { return k_table; }

const Transition* find_transition(Stage stage, EventKind kind) {
  for (const auto& t : k_table)
    if (t.kind == kind && contains(t.from, stage)) return &t;
  return nullptr;
}

std::optional<Role> stage_owner(Stage stage) {
  switch (stage) {
    case submitted:
    case compliance_review:
    case under_review:
      return R::compliance_officer;
    case credit_review:
      return R::credit_analyst;
    case approval:
      return R::credit_approver;
    case master_data:
      return R::data_steward;
    case billing_setup:
      return R::billing_admin;
    default:
      return std::nullopt;
  }
}

bool is_decision(EventKind kind) {
  static const std::vector<K> decisions = {K::document_decided, K::compliance_cleared, K::compliance_failed,
                                           K::credit_decided,   K::approval_granted,   K::approval_denied,
                                           K::rejected,         K::activated};
  return contains(decisions, kind);
}

bool is_contribution(EventKind kind) {
  return kind == K::created || kind == K::edited || kind == K::submitted || kind == K::info_provided;
}

}  // namespace onb::workflow
