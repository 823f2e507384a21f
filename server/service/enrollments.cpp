// [SECTION] index: helpers (events, context), idempotency, the write pipeline, the use cases.
#include "server/service/enrollments.hpp"

#include "server/service/clock.hpp"
#include "server/service/idempotency.hpp"
#include "server/service/ids.hpp"
#include "server/service/visibility.hpp"
#include "server/storage/audit_chain.hpp"
#include "shared/validation/application.hpp"
#include "shared/workflow/application_summary.hpp"
#include "shared/workflow/decide.hpp"
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

workflow::Policies rules_of(const Policies& p) { return workflow::Policies{p.workflow, p.documents}; }

// Create and claim act in the caller's main role only (a customer or a sales rep; no role choice).
workflow::Person main_role_of(const Principal& who) { return workflow::Person{who.actor, {}}; }

workflow::EventBody body_of(EventKind kind) {
  workflow::EventBody b;
  b.kind = kind;
  return b;
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
    return done(failure(ErrorCategory::malformed, "request.base_version_required", "/base_version",
                        "say which version you edited: base_version in the body or an If-Match header"));
  with_idempotency(ctx, done, [this, ctx, id, base, change, done] {
    store_.find_enrollment(id, [this, ctx, base, change, done](Result<std::optional<storage::EnrollmentRecord>> r) {
      if (!r) return done(failure(r.error()));
      if (!*r || !can_see(ctx.who, **r)) return done(failure(ErrorCategory::not_found, "enrollment.not_found", "", "no enrollment has this id"));
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
    auto body = body_of(EventKind::created);
    body.created = workflow::Created{for_customer ? "invited" : ctx.who.account_id};
    auto d = workflow::decide(r.state, {r.id, main_role_of(ctx.who), std::move(body)}, r.application,
                              rules_of(policies_), unix_now());
    if (!d) return done(failure(d.error()));
    r.state = std::move(d->state);
    std::optional<std::string> invite;
    if (for_customer) {
      invite = random_id() + random_id();  // 256 bits: the link is the credential
      r.invite_hash = storage::blake2b_hex(*invite);
    }
    auto view = view_of(r, ctx.who, std::move(d->report));
    view.invite_token = invite;
    commit(ctx, storage::EnrollmentWrite{r, 0, {std::move(d->event)}, std::nullopt}, success(201, view), done);
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
    auto edit = body_of(EventKind::edited);
    edit.edited = workflow::Edited{std::move(paths)};
    auto d = workflow::decide(r.state, {r.id, person_of(ctx.who), std::move(edit)}, app, rules_of(policies_),
                              unix_now());
    if (!d) return d.error();
    auto after = r;
    after.application = app;
    after.state = std::move(d->state);
    return Change{{after, base, {std::move(d->event)}, std::nullopt},
                  success(200, view_of(after, ctx.who, std::move(d->report))), false};
  };
  write_existing(ctx, std::move(id), body.base_version, std::move(change), std::move(done));
}

void EnrollmentService::act(WriteContext ctx, std::string id, protocol::ActionRequest body, Done done) {
  if (!workflow::is_action(body.kind))
    return done(failure(ErrorCategory::malformed, "request.kind", "/kind",
                        "create with POST /v1/enrollments and edit with PUT /v1/enrollments/{id}/application"));
  workflow::EventBody proposed;
  static_cast<workflow::ActionBody&>(proposed) = body;
  auto change = [this, ctx, proposed](const storage::EnrollmentRecord& r, std::uint64_t base) -> Result<Change> {
    auto d = workflow::decide(r.state, {r.id, person_of(ctx.who), proposed}, r.application, rules_of(policies_),
                              unix_now());
    if (!d && d.error().category == ErrorCategory::application_invalid)  // answered with every problem
      return Change{{}, validation_failure(validation::validate_application(r.application, policies_.documents,
                                                                            today()).problems),
                    true};
    if (!d) return d.error();
    auto after = r;
    after.state = std::move(d->state);
    return Change{{after, base, {std::move(d->event)}, std::nullopt, false},
                  success(200, view_of(after, ctx.who, std::move(d->report))), false};
  };
  write_existing(ctx, std::move(id), body.base_version, std::move(change), std::move(done));
}

void EnrollmentService::claim(WriteContext ctx, std::string invite_token, Done done) {
  if (ctx.who.actor.role != workflow::Role::customer)
    return done(failure(ErrorCategory::forbidden, "authz.customer_only", "", "only a customer account claims an invitation"));
  store_.find_enrollment_by_invite(
      storage::blake2b_hex(invite_token), [this, ctx, done](Result<std::optional<storage::EnrollmentRecord>> r) {
        if (!r) return done(failure(r.error()));
        if (!*r) return done(failure(ErrorCategory::not_found, "invite.not_found", "", "this invitation does not exist or was claimed"));
        auto change = [this, ctx](const storage::EnrollmentRecord& rec, std::uint64_t base) -> Result<Change> {
          auto claimed = body_of(EventKind::comment);
          claimed.comment = workflow::Comment{"invitation claimed", workflow::Visibility::customer};
          auto d = workflow::decide(rec.state, {rec.id, main_role_of(ctx.who), std::move(claimed)}, rec.application,
                                    rules_of(policies_), unix_now());
          if (!d) return d.error();
          auto after = rec;
          after.customer_id = ctx.who.account_id;
          after.invite_hash.reset();
          after.state = std::move(d->state);
          return Change{{after, base, {std::move(d->event)}, std::nullopt, false}, success(200, view_of(after, ctx.who)),
                        false};
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
