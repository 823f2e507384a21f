// [SECTION] index: checks (magic bytes, who may add; an announcement's are validation/documents.hpp),
// answers, loading with visibility, the use cases (create, chunks and finishing, reads, download).
#include "server/service/documents.hpp"

#include "server/service/clock.hpp"
#include "server/service/ids.hpp"
#include "server/service/idempotency.hpp"
#include "server/service/visibility.hpp"
#include "shared/core/calendar.hpp"
#include "shared/workflow/guards.hpp"

#include <sodium.h>

#include <array>
#include <memory>

namespace onb::server::service {
namespace {

using storage::DocumentRecord;
using storage::EnrollmentRecord;

// [SECTION] checks

// Documents are added by whoever may edit the application now (the customer or the sales rep, in
// draft or info_requested, and not someone who decided on it): the workflow's rule for `edited`, so
// there is no second rule for files. Adding a file is not itself a workflow event.
Result<void> may_add_documents(const Principal& who, const EnrollmentRecord& r) {
  auto ok = workflow::check_transition(r.state, workflow::EventKind::edited, who.actor);
  if (ok) ok = workflow::check_segregation(r.state, workflow::EventKind::edited, who.actor);
  if (ok) return {};
  return make_error(ok.error().category, ok.error().code, "",
                    "documents are added by whoever may edit the application now: " + ok.error().message);
}

Result<void> check_magic(const std::string& media_type, std::string_view first_bytes) {
  if (validation::starts_like(media_type, first_bytes)) return {};
  return make_error(ErrorCategory::invalid, "document.media_type", "",
                    "the file does not start like a " + media_type + " file (its first " +
                        std::to_string(validation::signature_length(media_type)) +
                        " bytes are checked; send them in the first chunk)");
}

std::string hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

// [SECTION] answers

Answer offset_conflict(const DocumentRecord& d) {
  return success(
      409, protocol::OffsetConflict{"document.offset", "Content-Range",
                                    "the next chunk must start at byte " + std::to_string(d.received), d.received});
}

// A chunk wholly within the stored bytes: a retry after a lost answer. It gets the current state; a
// document whose last byte arrived but was never finished (a crash in between) is finished now.
bool already_stored(const DocumentRecord& d, const Chunk& c) { return c.last < d.received; }

DocumentRecord new_document(const EnrollmentRecord& e, const protocol::CreateDocument& body, const Principal& who) {
  return DocumentRecord{.id = random_id(),
                        .enrollment_id = e.id,
                        .type = body.type,
                        .file_name = body.file_name,
                        .media_type = body.media_type,
                        .size = body.size,
                        .received = 0,
                        .declared_sha256 = body.sha256,
                        .sha256 = std::nullopt,
                        .uploaded_by = who.account_id,
                        .created_at = format_instant(unix_now())};
}

}  // namespace

validation::Problems check_new_document(const protocol::CreateDocument& body) {
  return validation::check_upload(body.file_name, body.media_type, body.size, body.sha256);
}

protocol::DocumentView view_of(const DocumentRecord& d) {
  return protocol::DocumentView{.id = d.id,
                                .enrollment_id = d.enrollment_id,
                                .type = d.type,
                                .file_name = d.file_name,
                                .media_type = d.media_type,
                                .size = d.size,
                                .received = d.received,
                                .sha256 = d.sha256,  // set only once the bytes were accepted
                                .state = d.sha256 ? protocol::UploadState::complete : protocol::UploadState::uploading,
                                .uploaded_by = d.uploaded_by,
                                .created_at = d.created_at};
}

// [SECTION] loading with visibility

void DocumentService::visible_enrollment(const Principal& who, std::string enrollment_id, Done fail,
                                         WithEnrollment then) {
  enrollments_.find_enrollment(std::move(enrollment_id), [who, fail, then](Result<std::optional<EnrollmentRecord>> r) {
    if (!r) return fail(failure(r.error()));
    if (!*r || !can_see(who, **r)) return fail(failure(ErrorCategory::not_found, "enrollment.not_found", "", "no enrollment has this id"));
    then(**r);
  });
}

void DocumentService::visible_document(const Principal& who, std::string enrollment_id, std::string document_id,
                                       Done fail, WithDocument then) {
  if (!is_random_id(document_id)) return fail(failure(ErrorCategory::not_found, "document.not_found", "", "no document has this id"));
  visible_enrollment(who, std::move(enrollment_id), fail, [this, document_id, fail, then](const EnrollmentRecord& e) {
    store_.find_document(e.id, document_id, [e, fail, then](Result<std::optional<DocumentRecord>> d) {
      if (!d) return fail(failure(d.error()));
      if (!*d) return fail(failure(ErrorCategory::not_found, "document.not_found", "", "no document has this id"));
      then(e, **d);
    });
  });
}

// [SECTION] create

void DocumentService::create(WriteContext ctx, std::string enrollment_id, protocol::CreateDocument body, Done done) {
  auto work = [this, ctx, enrollment_id, body, done] {
    visible_enrollment(ctx.who, enrollment_id, done, [this, ctx, body, done](const EnrollmentRecord& e) {
      if (auto ok = may_add_documents(ctx.who, e); !ok) return done(failure(ok.error()));
      if (auto problems = check_new_document(body); !problems.empty())
        return done(success(422, protocol::ValidationFailure{"validation.failed", "",
                                                             "the document's description has errors", problems}));
      const auto d = new_document(e, body, ctx.who);
      const auto answer = success(201, view_of(d));
      const auto key = remembered(ctx.who.account_id, ctx.idempotency, answer);
      store_.insert_document(d, key, [asked = ctx.idempotency, answer, done](Result<storage::WriteOutcome> r) {
        if (!r) return done(failure(r.error()));
        if (r->status == storage::WriteStatus::replayed) return done(replay_of(*r->replay, asked));
        done(answer);
      });
    });
  };
  unless_replayed(idempotency_, ctx.who.account_id, ctx.idempotency, done, std::move(work));
}

// [SECTION] chunks and finishing

void DocumentService::put_chunk(Principal who, std::string enrollment_id, std::string document_id, Chunk chunk,
                                Done done) {
  // Shared, not copied: the callbacks below are std::functions and a chunk is up to 1 MiB.
  auto c = std::make_shared<Chunk>(std::move(chunk));
  visible_document(
      who, std::move(enrollment_id), std::move(document_id), done,
      [this, who, c, done](const EnrollmentRecord& e, const DocumentRecord& d) {
        if (auto ok = may_add_documents(who, e); !ok) return done(failure(ok.error()));
        if (c->total != d.size)
          return done(failure(ErrorCategory::malformed, "request.content_range", "Content-Range",
                              "the total after '/' must be the announced size, " + std::to_string(d.size)));
        if (already_stored(d, *c))
          return !d.sha256 && d.received == d.size ? finish(d, done) : done(success(200, view_of(d)));
        if (c->first != d.received) return done(offset_conflict(d));
        if (c->first == 0)
          if (auto ok = check_magic(d.media_type, c->bytes); !ok) return done(failure(ok.error()));
        store_chunk(d, std::move(*c), done);
      });
}

void DocumentService::store_chunk(const DocumentRecord& d, Chunk chunk, Done done) {
  auto stored = [this, last = chunk.last, done](Result<storage::ChunkOutcome> r) {
    if (!r) return done(failure(r.error()));
    const auto& now = r->document;
    // Another request won a race for this offset: the same bytes are answered like a retry, others resume.
    if (r->status == storage::ChunkStatus::offset_mismatch && last >= now.received) return done(offset_conflict(now));
    if (!now.sha256 && now.received == now.size) return finish(now, done);
    done(success(200, view_of(now)));
  };
  store_.append_document_chunk(storage::ChunkWrite{d.id, chunk.first, std::move(chunk.bytes)}, std::move(stored));
}

void DocumentService::finish(const DocumentRecord& d, Done done) {
  struct Hashing {
    crypto_hash_sha256_state state;
    std::uint64_t bytes = 0;
  };
  auto h = std::make_shared<Hashing>();
  crypto_hash_sha256_init(&h->state);
  auto sink = [h](std::string_view b) {
    crypto_hash_sha256_update(&h->state, reinterpret_cast<const unsigned char*>(b.data()), b.size());
    h->bytes += b.size();
  };
  store_.read_document_content(d.id, sink, [this, d, h, done](Result<void> r) {
    if (!r) return done(failure(r.error()));
    if (h->bytes != d.size) return done(failure(ErrorCategory::internal, "storage.corrupt", "", "document " + d.id + " lost bytes"));
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&h->state, digest.data());
    const auto sha256 = hex(digest.data(), digest.size());
    if (d.declared_sha256 && *d.declared_sha256 != sha256)
      return store_.restart_document(d.id, [d, sha256, done](Result<DocumentRecord> restarted) {
        if (!restarted) return done(failure(restarted.error()));
        done(failure(ErrorCategory::invalid, "document.sha256", "/sha256",
                     "the uploaded bytes have SHA-256 " + sha256 + ", not the announced " + *d.declared_sha256 +
                         "; they were dropped: upload the file again from byte 0"));
      });
    store_.complete_document(d.id, sha256, [done](Result<DocumentRecord> completed) {
      if (!completed) return done(failure(completed.error()));
      done(success(200, view_of(*completed)));
    });
  });
}

// [SECTION] reads and download

void DocumentService::list(Principal who, std::string enrollment_id, Done done) {
  visible_enrollment(who, std::move(enrollment_id), done, [this, done](const EnrollmentRecord& e) {
    store_.list_documents(e.id, [done](Result<std::vector<DocumentRecord>> rows) {
      if (!rows) return done(failure(rows.error()));
      protocol::DocumentList list;
      for (const auto& d : *rows) list.items.push_back(view_of(d));
      done(success(200, list));
    });
  });
}

void DocumentService::get(Principal who, std::string enrollment_id, std::string document_id, Done done) {
  visible_document(who, std::move(enrollment_id), std::move(document_id), done,
                   [done](const EnrollmentRecord&, const DocumentRecord& d) { done(success(200, view_of(d))); });
}

void DocumentService::download(Principal who, std::string enrollment_id, std::string document_id, DownloadDone done) {
  auto fail = [done](Answer a) { done(Download{std::move(a), std::nullopt, {}}); };
  visible_document(who, std::move(enrollment_id), std::move(document_id), fail,
                   [this, fail, done](const EnrollmentRecord&, const DocumentRecord& d) {
                     if (d.sha256) return read_complete(d, done);
                     fail(success(409, make_error(ErrorCategory::invalid, "document.incomplete", "",
                                                  "the upload is not complete: " + std::to_string(d.received) + " of " +
                                                      std::to_string(d.size) + " bytes arrived")));
                   });
}

void DocumentService::read_complete(const DocumentRecord& d, DownloadDone done) {
  auto bytes = std::make_shared<std::string>();
  bytes->reserve(d.size);  // the whole file in memory: at most max_document_bytes per download
  auto sink = [bytes](std::string_view b) { bytes->append(b); };
  store_.read_document_content(d.id, sink, [d, bytes, done](Result<void> r) {
    if (r && bytes->size() != d.size) r = make_error(ErrorCategory::internal, "storage.corrupt", "", "document " + d.id + " lost bytes");
    if (!r) return done(Download{failure(r.error()), std::nullopt, {}});
    done(Download{{}, view_of(d), std::move(*bytes)});
  });
}

}  // namespace onb::server::service
