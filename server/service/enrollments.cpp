// [SECTION] index: helpers (events, context), idempotency, the write pipeline, the use cases.
#include "server/service/enrollments.hpp"

#include "server/service/clock.hpp"
#include "server/service/idempotency.hpp"
#include "server/service/ids.hpp"
#include "server/service/visibility.hpp"
#include "server/storage/audit_chain.hpp"
#include "shared/validation/application.hpp"
#include "shared/workflow/application_summary.hpp"
#include "shared/workflow/guards.hpp"

#include <set>

namespace onb::server::service {

struct EnrollmentService::Change {
  storage::EnrollmentWrite write;
  Answer answer;
  bool immediate = false;  // answer without writing (a refusal, or nothing to change)
};

namespace {

using workflow::EventKind;

Date today() { return date_of(unix_now()); }

// Canonical time of the next event: now, but never before the previous event (a clock stepped back
// must not make the log unorderable).
std::string next_time(const workflow::EnrollmentState& s) {
  std::string now = format_instant(unix_now());
  return now < s.last_at ? s.last_at : now;
}

workflow::Event next_event(const storage::EnrollmentRecord& r, const Principal& who, EventKind kind) {
  workflow::Event e;
  e.enrollment_id = r.id;
  e.sequence = r.state.last_sequence + 1;
  e.at = next_time(r.state);
  e.actor = who.actor;
  e.kind = kind;
  return e;
}

workflow::Event event_from(const protocol::ActionRequest& a, workflow::Event e) {
  e.reason = a.reason;
  e.assigned = a.assigned;
  e.info_requested = a.info_requested;
  e.info_provided = a.info_provided;
  e.document_decided = a.document_decided;
  e.compliance_cleared = a.compliance_cleared;
  e.compliance_failed = a.compliance_failed;
  e.credit_decided = a.credit_decided;
  e.approval_granted = a.approval_granted;
  e.approval_denied = a.approval_denied;
  e.master_data_created = a.master_data_created;
  e.billing_configured = a.billing_configured;
  e.escalated = a.escalated;
  e.comment = a.comment;
  return e;
}

// Top-level members of the application whose JSON differs: the paths of the `edited` event.
std::vector<std::string> changed_paths(const model::Application& before, const model::Application& after) {
  const Json a = onb::encode(before), b = onb::encode(after);
  std::set<std::string> keys;
  for (const auto& [k, v] : a.items()) keys.insert(k);
  for (const auto& [k, v] : b.items()) keys.insert(k);
  std::vector<std::string> out;
  for (const auto& k : keys)
    if (!a.contains(k) || !b.contains(k) || a[k] != b[k]) out.push_back("/" + k);
  return out;
}

}  // namespace

// [SECTION] views

protocol::EnrollmentView EnrollmentService::view_of(const storage::EnrollmentRecord& r, const Principal& who) const {
  return view_of(r, who, validation::validate_application(r.application, policies_.documents, today()));
}

protocol::EnrollmentView EnrollmentService::view_of(const storage::EnrollmentRecord& r, const Principal& who,
                                                    validation::ValidationReport report) const {
  const auto summary = workflow::summarize(r.application, report, today());
  protocol::EnrollmentView v;
  v.id = r.id;
  v.version = r.state.last_sequence;
  v.stage = r.state.stage;
  v.customer_id = r.customer_id;
  v.created_by = r.created_by;
  v.application = r.application;
  v.problems = std::move(report.problems);
  v.actions = workflow::allowed_actions(r.state, person_of(who), workflow::Context{policies_.workflow, summary});
  return v;
}

// [SECTION] idempotency and the write pipeline

void EnrollmentService::with_idempotency(const WriteContext& ctx, Done done, std::function<void()> work) {
  unless_replayed(idempotency_, ctx.who.account_id, ctx.idempotency, done, std::move(work));
}

void EnrollmentService::commit(WriteContext ctx, storage::EnrollmentWrite write, Answer answer, Done done) {
  answer.etag = "\"" + std::to_string(write.after.state.last_sequence) + "\"";
  write.idempotency = remembered(ctx.who.account_id, ctx.idempotency, answer);
  store_.write_enrollment(std::move(write), [asked = ctx.idempotency, answer = std::move(answer),
                                             done](Result<storage::WriteOutcome> r) mutable {
    if (!r) return done(failure(r.error()));
    switch (r->status) {
      case storage::WriteStatus::applied: return done(std::move(answer));  // ≈7 KB: not copied on the writer's thread
      case storage::WriteStatus::conflict: return done(conflict(r->current_version));
      case storage::WriteStatus::replayed: return done(replay_of(*r->replay, asked));
    }
  });
}

void EnrollmentService::write_existing(WriteContext ctx, std::string id, std::optional<std::uint64_t> base,
                                       ChangeFn change, Done done) {
  if (!base) base = ctx.if_match;
  if (!base)
    return done(failure("request.base_version_required", "/base_version",
                        "say which version you edited: base_version in the body or an If-Match header"));
  with_idempotency(ctx, done, [this, ctx, id, base, change, done] {
    store_.find_enrollment(id, [this, ctx, base, change, done](Result<std::optional<storage::EnrollmentRecord>> r) {
      if (!r) return done(failure(r.error()));
      if (!*r || !can_see(ctx.who, **r)) return done(failure("enrollment.not_found", "", "no enrollment has this id"));
      if ((*r)->state.last_sequence != *base) return done(conflict((*r)->state.last_sequence));
      auto c = change(**r, *base);
      if (!c) return done(failure(c.error()));
      if (c->immediate) return done(c->answer);
      commit(ctx, std::move(c->write), std::move(c->answer), done);
    });
  });
}

// [SECTION] use cases

void EnrollmentService::create(WriteContext ctx, protocol::CreateEnrollment body, Done done) {
  with_idempotency(ctx, done, [this, ctx, body = std::move(body), done] {
    storage::EnrollmentRecord r;
    r.id = random_id();
    r.created_by = ctx.who.account_id;
    r.application = body.application;
    const bool for_customer = ctx.who.actor.role == workflow::Role::sales_rep;
    if (!for_customer) r.customer_id = ctx.who.account_id;
    auto e = next_event(r, ctx.who, EventKind::created);
    e.created = workflow::Created{for_customer ? "invited" : ctx.who.account_id};
    auto report = validation::validate_application(r.application, policies_.documents, today());
    const auto summary = workflow::summarize(r.application, report, today());
    if (auto ok = workflow::check(r.state, e, workflow::Context{policies_.workflow, summary}); !ok)
      return done(failure(ok.error()));
    r.state = workflow::evolve(r.state, e);
    std::optional<std::string> invite;
    if (for_customer) {
      invite = random_id() + random_id();  // 256 bits: the link is the credential
      r.invite_hash = storage::blake2b_hex(*invite);
    }
    auto view = view_of(r, ctx.who, std::move(report));
    view.invite_token = invite;
    commit(ctx, storage::EnrollmentWrite{r, 0, {e}, std::nullopt}, success(201, view), done);
  });
}

void EnrollmentService::update_application(WriteContext ctx, std::string id, protocol::UpdateApplication body,
                                           Done done) {
  auto change = [this, ctx, app = std::move(body.application)](const storage::EnrollmentRecord& r,
                                                               std::uint64_t base) -> Result<Change> {
    auto paths = changed_paths(r.application, app);
    if (paths.empty()) {  // nothing to record, but only those who may edit learn that
      const auto editor = workflow::actor_for(person_of(ctx.who), r.state, EventKind::edited);
      if (auto ok = workflow::check_transition(r.state, EventKind::edited, editor); !ok) return ok.error();
      if (auto ok = workflow::check_segregation(r.state, EventKind::edited, editor); !ok) return ok.error();
      return Change{{}, success(200, view_of(r, ctx.who)), true};
    }
    auto e = next_event(r, ctx.who, EventKind::edited);
    e.actor = workflow::actor_for(person_of(ctx.who), r.state, EventKind::edited);
    e.edited = workflow::Edited{std::move(paths)};
    auto report = validation::validate_application(app, policies_.documents, today());
    const auto summary = workflow::summarize(app, report, today());
    if (auto ok = workflow::check(r.state, e, workflow::Context{policies_.workflow, summary}); !ok) return ok.error();
    auto after = r;
    after.application = app;
    after.state = workflow::evolve(r.state, e);
    return Change{{after, base, {e}, std::nullopt}, success(200, view_of(after, ctx.who, std::move(report))), false};
  };
  write_existing(ctx, std::move(id), body.base_version, std::move(change), std::move(done));
}

void EnrollmentService::act(WriteContext ctx, std::string id, protocol::ActionRequest body, Done done) {
  if (body.kind == EventKind::created || body.kind == EventKind::edited)
    return done(failure("request.kind", "/kind",
                        "create with POST /v1/enrollments and edit with PUT /v1/enrollments/{id}/application"));
  auto change = [this, ctx, body](const storage::EnrollmentRecord& r, std::uint64_t base) -> Result<Change> {
    auto e = event_from(body, next_event(r, ctx.who, body.kind));
    e.actor = workflow::actor_for(person_of(ctx.who), r.state, body.kind);
    auto report = validation::validate_application(r.application, policies_.documents, today());
    const auto summary = workflow::summarize(r.application, report, today());
    if (auto ok = workflow::check(r.state, e, workflow::Context{policies_.workflow, summary}); !ok) {
      if (ok.error().code == "submit.validation_errors")
        return Change{{}, validation_failure(report.problems), true};
      return ok.error();
    }
    auto after = r;
    after.state = workflow::evolve(r.state, e);
    return Change{{after, base, {e}, std::nullopt, false}, success(200, view_of(after, ctx.who, std::move(report))),
                  false};
  };
  write_existing(ctx, std::move(id), body.base_version, std::move(change), std::move(done));
}

void EnrollmentService::claim(WriteContext ctx, std::string invite_token, Done done) {
  if (ctx.who.actor.role != workflow::Role::customer)
    return done(failure("authz.customer_only", "", "only a customer account claims an invitation"));
  store_.find_enrollment_by_invite(
      storage::blake2b_hex(invite_token), [this, ctx, done](Result<std::optional<storage::EnrollmentRecord>> r) {
        if (!r) return done(failure(r.error()));
        if (!*r) return done(failure("invite.not_found", "", "this invitation does not exist or was claimed"));
        auto change = [this, ctx](const storage::EnrollmentRecord& rec, std::uint64_t base) -> Result<Change> {
          auto e = next_event(rec, ctx.who, EventKind::comment);
          e.comment = workflow::Comment{"invitation claimed", workflow::Visibility::customer};
          auto report = validation::validate_application(rec.application, policies_.documents, today());
          const auto summary = workflow::summarize(rec.application, report, today());
          if (auto ok = workflow::check(rec.state, e, workflow::Context{policies_.workflow, summary}); !ok)
            return ok.error();
          auto after = rec;
          after.customer_id = ctx.who.account_id;
          after.invite_hash.reset();
          after.state = workflow::evolve(rec.state, e);
          return Change{{after, base, {e}, std::nullopt, false}, success(200, view_of(after, ctx.who)), false};
        };
        const auto base = (*r)->state.last_sequence;
        auto c = change(**r, base);
        if (!c) return done(failure(c.error()));
        with_idempotency(ctx, done, [this, ctx, w = std::move(c->write), a = std::move(c->answer), done]() mutable {
          commit(ctx, std::move(w), std::move(a), done);
        });
      });
}

}  // namespace onb::server::service
