// The audit walk of the SQLite adapter: every enrollment's events in order, each link recomputed from
// the stored previous hash and the event's canonical bytes, and each chain's end compared with the
// projection (so a deleted tail is found too). Stops at the first broken link.
#include "server/storage/audit_chain.hpp"
#include "server/storage/sqlite/sqlite_store.hpp"

namespace onb::server::storage {
namespace {

struct ChainWalk {
  std::string enrollment_id;
  std::uint64_t sequence = 0;
  std::string hash;
};

std::optional<AuditBreak> check_link(ChainWalk& walk, const std::string& id, std::uint64_t seq, const std::string& body,
                                     const std::string& prev, const std::string& hash) {
  if (id != walk.enrollment_id) walk = ChainWalk{id, 0, genesis_hash()};
  auto fail = [&](std::string why) { return std::optional<AuditBreak>(AuditBreak{id, seq, std::move(why)}); };
  if (seq != walk.sequence + 1) return fail("sequence gap: expected " + std::to_string(walk.sequence + 1));
  if (prev != walk.hash) return fail("prev_hash does not match the previous event's hash");
  auto event = workflow::decode_event(body);
  if (!event) return fail("event does not decode: " + event.error().message);
  if (event->enrollment_id != id || event->sequence != seq) return fail("event body names another position");
  if (chain_hash(prev, *event) != hash) return fail("hash does not match the event's canonical bytes");
  walk.sequence = seq;
  walk.hash = hash;
  return std::nullopt;
}

Result<std::optional<AuditBreak>> check_heads(StatementCache& sql, std::uint64_t& enrollments) {
  Query q(sql,
          "SELECT e.id, e.version, e.last_hash, coalesce(max(v.sequence), 0), "
          "(SELECT hash FROM events WHERE enrollment_id = e.id ORDER BY sequence DESC LIMIT 1) "
          "FROM enrollments e LEFT JOIN events v ON v.enrollment_id = e.id GROUP BY e.id ORDER BY e.id");
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) {
    ++enrollments;
    const auto version = static_cast<std::uint64_t>(q.integer(1));
    if (version != static_cast<std::uint64_t>(q.integer(3)) || q.text(2) != q.text(4))
      return std::optional<AuditBreak>(
          AuditBreak{q.text(0), version, "the log ends before the enrollment's version (events were removed)"});
  }
  if (rc != SQLITE_DONE) return q.error("audit heads");
  return std::optional<AuditBreak>{};
}

}  // namespace

void SqliteStore::verify_audit(Completion<AuditReport> done) {
  read(std::move(done), [](StatementCache& sql) -> Result<AuditReport> {
    AuditReport report;
    {
      Query q(sql, "SELECT enrollment_id, sequence, body, prev_hash, hash FROM events ORDER BY enrollment_id, sequence");
      ChainWalk walk;
      int rc;
      while ((rc = q.step()) == SQLITE_ROW) {
        ++report.events;
        report.first_break = check_link(walk, q.text(0), static_cast<std::uint64_t>(q.integer(1)), q.text(2),
                                        q.text(3), q.text(4));
        if (report.first_break) return report;
      }
      if (rc != SQLITE_DONE) return q.error("audit walk");
    }
    auto heads = check_heads(sql, report.enrollments);
    if (!heads) return heads.error();
    report.first_break = std::move(*heads);
    return report;
  });
}

}  // namespace onb::server::storage
