// Enrollment use cases: create (a customer for themselves, a sales rep with an invitation the customer
// claims), read, list, edit the application, every workflow action, timeline and sync. Every write runs
// the shared validation and workflow check() on the stored state, carries the version it was made on
// (stale: 409 with the current one) and, with an Idempotency-Key, returns the first answer on replay.
// HTTP parsing is the router's; rules are shared/'s; who may see which enrollment is visibility.hpp's.
#pragma once

#include "server/service/accounts.hpp"
#include "server/service/answer.hpp"
#include "server/service/policies.hpp"
#include "server/service/view_cache.hpp"
#include "server/storage/ports/enrollments.hpp"
#include "server/storage/ports/idempotency.hpp"
#include "shared/protocol/api.hpp"
#include "shared/protocol/limits.hpp"
#include "shared/validation/application.hpp"

#include <optional>
#include <string>

namespace onb::server::service {

// What a write request says besides its body.
struct WriteContext {
  Principal who;
  std::optional<std::uint64_t> if_match;  // from the If-Match header
  std::optional<IdempotencyKey> idempotency;
};

struct ListParams {
  std::optional<workflow::Stage> stage;
  bool overdue_only = false;   // ?overdue=true: past the stage's SLA target
  bool assigned_to_me = false;  // ?assignee=me
  std::size_t limit = protocol::default_page_size;
  std::size_t offset = 0;
};

// The protocol's page sizes (shared/protocol/limits.hpp).
using protocol::max_page_size;
using protocol::sync_page_size;

class EnrollmentService {
 public:
  EnrollmentService(storage::EnrollmentStore& store, storage::IdempotencyStore& idempotency, const Policies& policies)
      : store_(store), idempotency_(idempotency), policies_(policies) {}

  void create(WriteContext ctx, protocol::CreateEnrollment body, Done done);
  void update_application(WriteContext ctx, std::string id, protocol::UpdateApplication body, Done done);
  void act(WriteContext ctx, std::string id, protocol::ActionRequest body, Done done);
  void claim(WriteContext ctx, std::string invite_token, Done done);

  void get(Principal who, std::string id, Done done);
  void list(Principal who, ListParams params, Done done);
  void timeline(Principal who, std::string id, Done done);
  void sync(Principal who, std::uint64_t since, Done done);

 private:
  struct Change;  // a computed write: new record, events and the answer to store with them
  using ChangeFn = std::function<Result<Change>(const storage::EnrollmentRecord&, std::uint64_t base)>;

  void write_existing(WriteContext ctx, std::string id, std::optional<std::uint64_t> base, ChangeFn change, Done done);
  void commit(WriteContext ctx, storage::EnrollmentWrite write, Answer answer, Done done);
  void with_idempotency(const WriteContext& ctx, Done done, std::function<void()> work);
  protocol::EnrollmentView view_of(const storage::EnrollmentRecord& r, const Principal& who) const;
  // The same, with the application's validation report already made (a write validated it to check
  // the event): validation is the costliest part of a view.
  protocol::EnrollmentView view_of(const storage::EnrollmentRecord& r, const Principal& who,
                                   validation::ValidationReport report) const;

  storage::EnrollmentStore& store_;
  storage::IdempotencyStore& idempotency_;
  const Policies& policies_;
  ViewCache views_{50'000};  // GET /v1/enrollments/{id} answers, by enrollment and reader
};

}  // namespace onb::server::service
