// The case a reviewer opened from the queue: the server's view (application, problems, the actions of
// the workflow with allowed/code/reason), the event log, and one action being prepared and sent as
// POST …/events {base_version, kind, reason, <payload named like the kind>} with an Idempotency-Key.
// A refusal — an option the server marked not allowed, or a 403/409/422 — is kept with its rule's code.
// Whether an action is allowed is never decided here: ActionOption and the server's answer say so.
#include "src/app/update_internal.hpp"

#include "shared/workflow/transitions.hpp"

#include <algorithm>
#include <cstdlib>

namespace onb::portal::detail {
namespace {

using workflow::EventKind;

Effects load_case(const AppState& s) {
  const std::string& token = s.session->token;
  return {SendHttp{CaseViewAnswered{}, "GET", protocol::path(RouteId::get_enrollment, {s.review.id}), "", token, ""},
          SendHttp{CaseTimelineAnswered{}, "GET", protocol::path(RouteId::get_timeline, {s.review.id}), "", token, ""}};
}

const workflow::ActionOption* option_of(const ReviewCase& c, EventKind kind) {
  if (!c.view) return nullptr;
  for (const auto& o : c.view->actions)
    if (o.kind == kind) return &o;
  return nullptr;
}

const char* name_of(EventKind kind) { return boost::describe::enum_to_string(kind, ""); }

// The last credit decision in the log: approvals sign at its tier, billing starts from its terms.
std::optional<workflow::CreditDecided> last_credit(const ReviewCase& c) {
  for (auto it = c.events.rbegin(); it != c.events.rend(); ++it)
    if (it->credit_decided) return it->credit_decided;
  return std::nullopt;
}

// "net_30" -> 30; terms that are not a number of days start from 30 for the analyst to change.
int days_of(model::PaymentTerms terms) {
  const std::string name = boost::describe::enum_to_string(terms, "");
  return name.rfind("net_", 0) == 0 ? std::atoi(name.c_str() + 4) : 30;
}

// The first document type no decision was taken on yet, so deciding the documents one after the other
// needs no typing; the reviewer can pick another.
std::string next_undecided(const ReviewCase& c) {
  for (const auto& type : c.document_types) {
    const bool decided = std::any_of(c.events.begin(), c.events.end(), [&](const workflow::Event& e) {
      return e.document_decided && e.document_decided->document_type == type;
    });
    if (!decided) return type;
  }
  return c.document_types.empty() ? "" : c.document_types.front();
}

// What a form starts from: the values the case already knows (the requested credit, the approver's
// tier, the assignee), so the reviewer checks and changes rather than types everything.
Json payload_for(const AppState& s, EventKind kind) {
  const ReviewCase& c = s.review;
  const auto& app = c.view->application;
  switch (kind) {
    case EventKind::assigned:
      return encode(workflow::Assigned{s.session->account.id,
                                       workflow::stage_owner(c.view->stage).value_or(s.session->account.role)});
    case EventKind::info_requested: return encode(workflow::InfoRequested{{""}});
    case EventKind::document_decided: return encode(workflow::DocumentDecided{next_undecided(c), {}, std::nullopt});
    case EventKind::compliance_cleared:
    case EventKind::compliance_failed: return encode(workflow::ComplianceOutcome{});
    case EventKind::credit_decided: {
      workflow::CreditDecided d;
      if (app.requested_credit) {
        d.limit = std::atoll(app.requested_credit->limit.amount.c_str());  // whole units, as decided
        d.currency = app.requested_credit->limit.currency;
        d.payment_terms_days = days_of(app.requested_credit->payment_terms);
      }
      return encode(d);
    }
    case EventKind::approval_granted:
    case EventKind::approval_denied: {
      const auto credit = last_credit(c);
      return encode(workflow::ApprovalDecision{credit ? credit->tier : s.session->account.approval_tier.value_or(1)});
    }
    case EventKind::master_data_created: return encode(workflow::MasterDataCreated{});
    case EventKind::billing_configured: {
      workflow::BillingConfigured b;
      if (!app.contacts.empty()) b.billing_contact = app.contacts.front().email;
      if (const auto credit = last_credit(c)) {
        b.payment_terms_days = credit->payment_terms_days;
        b.currency = credit->currency;
      }
      return encode(b);
    }
    case EventKind::escalated: return encode(workflow::Escalated{});
    case EventKind::comment: return encode(workflow::Comment{});
    default: return Json();
  }
}

protocol::ActionRequest prefilled(const AppState& s, EventKind kind) {
  Json j = encode(protocol::ActionRequest{});
  j["kind"] = name_of(kind);
  j["base_version"] = s.review.view->version;
  if (workflow::has_payload(kind)) j[name_of(kind)] = payload_for(s, kind);
  auto r = decode<protocol::ActionRequest>(j);
  return r ? std::move(*r) : protocol::ActionRequest{};
}

// A form edits its reason and its own payload only: kind and base version are not the view's to change.
bool editable(const ReviewCase& c, const std::string& path) {
  if (!c.chosen) return false;
  if (path == "/reason") return true;
  const std::string root = std::string("/") + name_of(*c.chosen);
  return path.compare(0, root.size(), root) == 0 && (path.size() == root.size() || path[root.size()] == '/');
}

// Like the application form: edits go through JSON, and the strict decoder refuses a wrong type.
template <class Edit>
Step edit_draft(AppState s, const std::string& path, Edit&& edit) {
  if (!editable(s.review, path)) return {std::move(s), {}};
  Json j = encode(s.review.draft);
  try {
    if (!edit(j)) return {std::move(s), {}};
  } catch (const Json::exception&) {  // a malformed pointer from a view: refuse, never end the page
    return {std::move(s), {}};
  }
  auto r = decode<protocol::ActionRequest>(j);
  if (r) s.review.draft = std::move(*r);
  return {std::move(s), {}};
}

std::vector<std::string> document_types_of(const AppState& s, const model::Application& app) {
  std::vector<std::string> out;
  auto add = [&](std::string t) {
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
  };
  for (const auto& d : app.documents) add(encode(d.type).get<std::string>());
  const auto report = validation::validate_application(app, s.policy, parse_date(s.today).value_or(Date{}));
  for (const auto& m : report.missing) add(m.requirement_id);
  return out;
}

Step case_loaded(AppState s, const HttpReply& a) {
  if (a.status != 200) {
    s.review.status = LoadStatus::failed;
    s.review.error = error_of(a);
    return {std::move(s), {}};
  }
  auto view = decode_text<protocol::EnrollmentView>(a.body);
  if (!view) {
    s.review.status = LoadStatus::failed;
    s.review.error = view.error();
    return {std::move(s), {}};
  }
  if (view->id != s.review.id) return {std::move(s), {}};  // a case closed meanwhile
  s.review.document_types = document_types_of(s, view->application);
  s.review.draft.base_version = view->version;  // an open form is sent on what is shown now
  s.review.view = std::move(*view);
  s.review.status = LoadStatus::loaded;
  s.review.error.reset();
  return {std::move(s), {}};
}

Step timeline_loaded(AppState s, const HttpReply& a) {
  if (a.status != 200) {
    s.review.error = error_of(a);
    return {std::move(s), {}};
  }
  auto t = decode_text<protocol::Timeline>(a.body);
  if (!t) {
    s.review.error = t.error();
    return {std::move(s), {}};
  }
  if (!t->events.empty() && t->events.front().enrollment_id != s.review.id) return {std::move(s), {}};
  s.review.events = std::move(t->events);
  return {std::move(s), {}};
}

Step action_answered(AppState s, const HttpReply& a) {
  ReviewCase& c = s.review;
  c.sending = false;
  if (a.status == 0) {  // no answer: the same key goes again on the next Send, so it lands once
    c.refusal = error_of(a);
    return {std::move(s), {}};
  }
  c.key.clear();
  if (a.status == 200) {
    c.done = c.chosen;
    c.chosen.reset();
    c.draft = {};
    c.refusal.reset();
    c.reloaded_stale = false;
    Effects effects = load_case(s);  // the new stage's actions and the event just appended
    return {std::move(s), std::move(effects)};
  }
  c.refusal = error_of(a);  // 403 (role, segregation of duties, tier), 409 (stale version), 422 (payload)
  c.reloaded_stale = a.status == 409;
  if (a.status != 409) return {std::move(s), {}};
  Effects effects = load_case(s);  // someone acted meanwhile: show what the case is now, form kept
  return {std::move(s), std::move(effects)};
}

}  // namespace

Step on(AppState s, const CaseOpened& a) {
  if (!s.session || a.id.empty()) return {std::move(s), {}};
  s.review = ReviewCase{};
  s.review.id = a.id;
  s.review.status = LoadStatus::loading;
  s.screen = Screen::review_case;
  Effects effects = load_case(s);
  return {std::move(s), std::move(effects)};
}

// Back to the queue; a case that moved on is no longer where the queue shows it, so the queue reloads.
Step on(AppState s, const CaseClosed&) {
  if (s.screen != Screen::review_case) return {std::move(s), {}};
  const bool changed = s.review.done.has_value();
  s.review = ReviewCase{};
  s.screen = Screen::queue;
  if (!changed) return {std::move(s), {}};
  return reload_queue(std::move(s));
}

Step on(AppState s, const ActionChosen& a) {
  if (!s.review.view || s.review.sending) return {std::move(s), {}};
  s.review.chosen = a.kind;
  s.review.draft = prefilled(s, a.kind);
  s.review.key.clear();
  s.review.refusal.reset();
  s.review.reloaded_stale = false;
  s.review.done.reset();
  return {std::move(s), {}};
}

Step on(AppState s, const ActionCancelled&) {
  if (s.review.sending) return {std::move(s), {}};
  s.review.chosen.reset();
  s.review.draft = {};
  s.review.key.clear();
  s.review.refusal.reset();
  return {std::move(s), {}};
}

Step on(AppState s, const ActionFieldEdited& a) {
  return edit_draft(std::move(s), a.path, [&](Json& j) {
    j[Json::json_pointer(a.path)] = a.value;
    return true;
  });
}

Step on(AppState s, const ActionItemAdded& a) {
  return edit_draft(std::move(s), a.path, [&](Json& j) {
    Json& list = j[Json::json_pointer(a.path)];
    if (list.is_null()) list = Json::array();
    if (!list.is_array()) return false;
    list.push_back(a.value);
    return true;
  });
}

Step on(AppState s, const ActionItemRemoved& a) {
  const std::string parent = a.path.substr(0, a.path.rfind('/'));
  return edit_draft(std::move(s), parent, [&](Json& j) { return erase_list_item(j, a.path); });
}

// Sends the open form. An option the server already marked as refused is not sent: its rule is shown.
Step on(AppState s, const ActionSent&) {
  ReviewCase& c = s.review;
  if (!s.session || !c.view || !c.chosen || c.sending) return {std::move(s), {}};
  const workflow::ActionOption* option = option_of(c, *c.chosen);
  if (!option || !option->allowed) {
    c.refusal = option ? make_error(ErrorCategory::forbidden, option->code, "", option->reason)
                       : make_error(ErrorCategory::conflict, "stage.event_not_allowed", "/kind", "This action is not offered at this stage.");
    return {std::move(s), {}};
  }
  c.draft.kind = *c.chosen;
  c.draft.base_version = c.view->version;
  if (c.draft.reason && c.draft.reason->empty()) c.draft.reason.reset();
  if (c.key.empty()) c.key = new_key(s);
  c.sending = true;
  c.refusal.reset();
  c.reloaded_stale = false;
  Effects effects{SendHttp{CaseActionAnswered{}, "POST", protocol::path(RouteId::post_event, {c.id}), json_text(c.draft),
                           s.session->token, c.key}};
  return {std::move(s), std::move(effects)};
}

namespace {

// A reply for a case closed meanwhile (or after signing out) is dropped.
bool case_open(const AppState& s) { return s.screen == Screen::review_case && s.session; }

}  // namespace

Step on(AppState s, const CaseViewAnswered& a) {
  if (!case_open(s)) return {std::move(s), {}};
  return case_loaded(std::move(s), a);
}

Step on(AppState s, const CaseTimelineAnswered& a) {
  if (!case_open(s)) return {std::move(s), {}};
  return timeline_loaded(std::move(s), a);
}

Step on(AppState s, const CaseActionAnswered& a) {
  if (!case_open(s)) return {std::move(s), {}};
  return action_answered(std::move(s), a);
}

Step update_review(AppState s, const ReviewAction& a) { return apply(std::move(s), a); }

}  // namespace onb::portal::detail
