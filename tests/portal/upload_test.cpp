// Uploads of attached files and the server's document policy, through the reducer: which requests go
// out (effects), in which order, from which byte, and what the person sees (state). The browser side
// (blob store, fetch of a slice) is covered by tests/e2e/upload.test.js.
#include "src/app/update.hpp"

#include "shared/core/json_codec.hpp"
#include "shared/protocol/documents.hpp"
#include "shared/validation/documents.hpp"

#include "../shared/support.hpp"
#include "reducer.hpp"

#include <fstream>
#include <initializer_list>
#include <sstream>

using namespace onb::portal;
using onb::portal::test::answers;
using onb::portal::test::effects_of;
using onb::portal::test::requests;
using onb::portal::test::run;
using onb::portal::test::session_json;
using onb::portal::test::valid_application;
using onb::Json;

namespace {

template <class E>
E only(const Effects& effects) {
  const auto found = effects_of<E>(effects);
  REQUIRE(found.size() == 1);
  return found[0];
}

const std::string sha_a(64, 'a');
const std::string sha_b(64, 'b');
constexpr std::uint64_t file_size = 600 * 1024;  // three chunks: 256 KiB, 256 KiB, 88 KiB

AppState signed_in_with_valid_application() {
  AppState s = run(initial_state(), {Booted{"2026-11-21", "2026-11-21T10:00:00Z", "seed", true},
                                     StorageOpened{true, ""}, StoredTextRead{session_key, true, session_json}})
                   .state;
  s.application = valid_application();
  return run(std::move(s), {FieldEdited{"/entity/legal_name", "Oakfield Joinery"}}).state;
}

FilePicked picked(const std::string& sha, std::string target = "") {
  return FilePicked{true,
                    onb::model::DocumentType::trade_licence,
                    std::move(target),
                    "licence.pdf",
                    "application/pdf",
                    file_size,
                    sha,
                    ""};
}

std::string view_json(const std::string& id, std::uint64_t received, bool complete) {
  onb::protocol::DocumentView v;
  v.id = id;
  v.enrollment_id = "e1";
  v.size = file_size;
  v.received = received;
  v.state = complete ? onb::protocol::UploadState::complete : onb::protocol::UploadState::uploading;
  if (complete) v.sha256 = sha_a;
  return onb::encode(v).dump();
}

std::string enrollment_json(onb::workflow::Stage stage, std::uint64_t version) {
  onb::protocol::EnrollmentView view;
  view.id = "e1";
  view.version = version;
  view.stage = stage;
  return onb::encode(view).dump();
}

const Upload& upload_of(const AppState& s, const std::string& sha) {
  const Upload* u = find_upload(s.uploads, sha);
  REQUIRE(u);
  return *u;
}

// Signed in, a file picked and kept, submitted: the enrollment e1 exists and the submit waits for the upload,
// whose announcement is on its way.
Step submitted_with_upload() {
  Step step = run(signed_in_with_valid_application(),
                  {picked(sha_a), FileBytesStored{sha_a, true, ""}, SubmitClicked{},
                   CreateEnrollmentAnswered{201, enrollment_json(onb::workflow::Stage::draft, 1)}});
  return step;
}

}  // namespace

TEST_CASE("chunk planning: from the server's received, at most upload_chunk_bytes, none once all is there") {
  Upload u;
  u.size = file_size;
  auto c = next_chunk(u);
  REQUIRE(c);
  CHECK(c->first == 0);
  CHECK(c->last == upload_chunk_bytes - 1);
  u.received = 2 * upload_chunk_bytes;
  c = next_chunk(u);
  REQUIRE(c);
  CHECK(c->first == 2 * upload_chunk_bytes);
  CHECK(c->last == file_size - 1);
  CHECK(upload_progress(u) == doctest::Approx(512.0 / 600.0));
  u.received = file_size;
  CHECK(!next_chunk(u));
  u.size = 1;
  u.received = 0;
  c = next_chunk(u);
  REQUIRE(c);
  CHECK((c->first == 0 && c->last == 0));
  CHECK(upload_retry_delay_ms(1) == upload_retry_first_ms);
  CHECK(upload_retry_delay_ms(2) == 2 * upload_retry_first_ms);
  CHECK(upload_retry_delay_ms(40) == upload_retry_max_ms);
}

TEST_CASE("a picked file is kept per account and content, and waits for the enrollment") {
  Step step = run(signed_in_with_valid_application(), {picked(sha_a)});
  const auto keep = only<StoreFileBytes>(step.effects);
  CHECK(keep.key == "acc_1/" + sha_a);
  const Upload& u = upload_of(step.state, sha_a);
  CHECK(u.phase == UploadPhase::storing);
  CHECK(u.size == file_size);
  bool persisted = false;
  for (const auto& w : effects_of<WriteStoredText>(step.effects)) persisted = persisted || w.key == "uploads_acc_1";
  CHECK(persisted);
  step = run(std::move(step.state), {FileBytesStored{sha_a, true, ""}});
  CHECK(upload_of(step.state, sha_a).phase == UploadPhase::waiting);
  CHECK(upload_of(step.state, sha_a).bytes_kept);
  CHECK(effects_of<AnnounceUpload>(step.effects).empty());  // no enrollment on the server yet
  SUBCASE("the same content again is one upload") {
    step = run(std::move(step.state), {picked(sha_a)});
    CHECK(step.state.uploads.size() == 1);
    CHECK(effects_of<StoreFileBytes>(step.effects).empty());
  }
  SUBCASE("a file the shared rules refuse (too large) is never announced") {
    FilePicked big = picked(sha_b);
    big.size_bytes = 26ull << 20;
    step = run(std::move(step.state), {big, FileBytesStored{sha_b, true, ""}, SubmitClicked{}});
    CHECK(step.state.submission.status == SubmitStatus::blocked);
    step.state.enrollment = Enrollment{"e1", 1, onb::workflow::Stage::draft};
    step = run(std::move(step.state), {UploadRetryDue{sha_b}});
    for (const auto& a : effects_of<AnnounceUpload>(step.effects)) CHECK(a.sha256 != sha_b);
  }
}

// The server's application as the GET answers it: the rejected licence (sha_b) and a reviewer-side change
// (a second contact) this browser does not have.
std::string stored_enrollment_json(std::uint64_t version) {
  onb::protocol::EnrollmentView view;
  view.id = "e1";
  view.version = version;
  view.stage = onb::workflow::Stage::info_requested;
  view.application = valid_application();
  view.application.documents.push_back(
      {"doc-3", onb::model::DocumentType::trade_licence, "old.pdf", "application/pdf", 1000, sha_b});
  view.application.contacts.push_back(view.application.contacts.front());
  view.application.contacts.back().name = "Added on the server";
  return onb::encode(view).dump();
}

TEST_CASE("a replacement the server holds whole takes the rejected document's place in the stored application") {
  AppState s = signed_in_with_valid_application();
  s.application.documents.push_back(
      {"doc-3", onb::model::DocumentType::trade_licence, "old.pdf", "application/pdf", 1000, sha_b});
  s.enrollment = Enrollment{"e1", 5, onb::workflow::Stage::info_requested};
  Step step = run(std::move(s), {ReplaceDocumentClicked{"trade_licence"}, picked(sha_a, replace_target),
                                 FileBytesStored{sha_a, true, ""}});
  step = run(std::move(step.state), {UploadAnswered{sha_a, UploadCall::announce, 201, view_json("d1", 0, false)}});
  CHECK(effects_of<SendHttp>(step.effects).empty());  // nothing is written before the file is there
  step = run(std::move(step.state), {UploadAnswered{sha_a, UploadCall::chunk, 200, view_json("d1", file_size, true)}});

  // the whole file is there: read what the server keeps, on its own version
  const auto read = only<SendHttp>(step.effects);
  CHECK(answers<ReplacementBaseAnswered>(read));
  CHECK(read.method == "GET");
  CHECK(read.path == "/v1/enrollments/e1");

  step = run(std::move(step.state), {ReplacementBaseAnswered{200, stored_enrollment_json(6)}});
  const auto write = only<SendHttp>(step.effects);
  CHECK(answers<ReplacementSavedAnswered>(write));
  CHECK(write.method == "PUT");
  CHECK(write.path == "/v1/enrollments/e1/application");
  CHECK(!write.idempotency_key.empty());
  const Json body = Json::parse(write.body);
  CHECK(body["base_version"] == 6);
  const Json& docs = body["application"]["documents"];
  REQUIRE(docs.size() == 3);
  CHECK(docs[2]["id"] == "doc-3");
  CHECK(docs[2]["sha256"] == sha_a);  // the new file in the rejected one's place
  CHECK(docs[2]["file_name"] == "licence.pdf");
  CHECK(body["application"]["contacts"].size() == 2);  // the server's other changes are kept, not overwritten

  SUBCASE("written: the new version, and the status is asked again") {
    onb::protocol::EnrollmentView after;
    after.id = "e1";
    after.version = 7;
    after.stage = onb::workflow::Stage::info_requested;
    step = run(std::move(step.state), {ReplacementSavedAnswered{200, onb::encode(after).dump()}});
    CHECK(step.state.enrollment->version == 7);
    CHECK(only<SendHttp>(step.effects).path == "/v1/enrollments/e1/timeline");
  }
  SUBCASE("changed meanwhile (409): read again and redo on the newer version, never written over") {
    step = run(std::move(step.state), {ReplacementSavedAnswered{409, R"({"code":"version.conflict"})"}});
    CHECK(answers<ReplacementBaseAnswered>(only<SendHttp>(step.effects)));
    step = run(std::move(step.state), {ReplacementBaseAnswered{200, stored_enrollment_json(8)}});
    CHECK(Json::parse(only<SendHttp>(step.effects).body)["base_version"] == 8);
  }
  SUBCASE("refused: the server's reason is shown with the status") {
    step = run(std::move(step.state),
               {ReplacementSavedAnswered{403, R"({"code":"workflow.transition","path":"","message":"not now"})"}});
    REQUIRE(step.state.status_error);
    CHECK(step.state.status_error->code == "workflow.transition");
    CHECK(step.effects.empty());
  }
}

TEST_CASE("after create, the uploads go first: announce, chunks with progress, then the submit") {
  Step step = submitted_with_upload();
  CHECK(step.state.outbox_held);
  CHECK(step.state.submission.status == SubmitStatus::sending);
  for (const auto& h : effects_of<SendHttp>(step.effects))  // create, but no submit while the file is not there
    CHECK(h.path == "/v1/enrollments");
  const auto announce = only<AnnounceUpload>(step.effects);
  CHECK(announce.path == "/v1/enrollments/e1/documents");
  CHECK(announce.token == "t0k");
  CHECK(!announce.idempotency_key.empty());
  const Json body = Json::parse(announce.body);
  CHECK(body["sha256"] == sha_a);
  CHECK(body["size"] == file_size);
  CHECK(body["media_type"] == "application/pdf");
  CHECK(upload_of(step.state, sha_a).phase == UploadPhase::announcing);

  step = run(std::move(step.state), {UploadAnswered{sha_a, UploadCall::announce, 201, view_json("d1", 0, false)}});
  auto chunk = only<UploadChunk>(step.effects);
  CHECK(chunk.path == "/v1/enrollments/e1/documents/d1/content");
  CHECK(chunk.key == "acc_1/" + sha_a);
  CHECK((chunk.first == 0 && chunk.last == upload_chunk_bytes - 1 && chunk.total == file_size));
  CHECK(upload_of(step.state, sha_a).document_id == "d1");

  step = run(std::move(step.state),
             {UploadAnswered{sha_a, UploadCall::chunk, 200, view_json("d1", upload_chunk_bytes, false)}});
  CHECK(upload_progress(upload_of(step.state, sha_a)) == doctest::Approx(256.0 / 600.0));
  chunk = only<UploadChunk>(step.effects);
  CHECK(chunk.first == upload_chunk_bytes);
  step = run(std::move(step.state),
             {UploadAnswered{sha_a, UploadCall::chunk, 200, view_json("d1", 2 * upload_chunk_bytes, false)}});
  chunk = only<UploadChunk>(step.effects);
  CHECK((chunk.first == 2 * upload_chunk_bytes && chunk.last == file_size - 1));
  CHECK(effects_of<SendHttp>(step.effects).empty());

  step = run(std::move(step.state), {UploadAnswered{sha_a, UploadCall::chunk, 200, view_json("d1", file_size, true)}});
  CHECK(upload_of(step.state, sha_a).phase == UploadPhase::complete);
  CHECK(only<DropFileBytes>(step.effects).key == "acc_1/" + sha_a);  // the browser forgets the bytes
  const auto submit = only<SendHttp>(step.effects);
  CHECK(submit.path == "/v1/enrollments/e1/events");
  CHECK(Json::parse(submit.body)["kind"] == "submitted");
  CHECK(!step.state.outbox_held);
}

TEST_CASE("resume after a dropped connection continues from the server's received, never from 0") {
  Step step = submitted_with_upload();
  step = run(std::move(step.state),
             {UploadAnswered{sha_a, UploadCall::announce, 201, view_json("d1", 0, false)},
              UploadAnswered{sha_a, UploadCall::chunk, 200, view_json("d1", upload_chunk_bytes, false)}});
  SUBCASE("offline mid-chunk: paused, shown, and asked first when the network returns") {
    step = run(std::move(step.state), {NetworkChanged{false}, UploadAnswered{sha_a, UploadCall::chunk, 0, "offline"}});
    const Upload& u = upload_of(step.state, sha_a);
    CHECK(u.phase == UploadPhase::paused);
    CHECK(u.error->code == "portal.unreachable");
    CHECK(u.received == upload_chunk_bytes);
    CHECK(only<RetryUploadLater>(step.effects).delay_ms == upload_retry_first_ms);
    CHECK(step.state.submission.status == SubmitStatus::queued);  // the held submit waits for the network too
    step = run(std::move(step.state), {UploadRetryDue{sha_a}});
    CHECK(effects_of<UploadChunk>(step.effects).empty());  // still offline: nothing goes

    step = run(std::move(step.state), {NetworkChanged{true}});
    const auto query = only<QueryUpload>(step.effects);
    CHECK(query.path == "/v1/enrollments/e1/documents/d1");
    CHECK(effects_of<SendHttp>(step.effects).empty());  // the submit is held again
    // The second chunk landed before the link dropped: the server says so, and the next starts there.
    step = run(std::move(step.state),
               {UploadAnswered{sha_a, UploadCall::check, 200, view_json("d1", 2 * upload_chunk_bytes, false)}});
    const auto chunk = only<UploadChunk>(step.effects);
    CHECK(chunk.first == 2 * upload_chunk_bytes);
    CHECK(upload_of(step.state, sha_a).retries == 0);
  }
  SUBCASE("a network error while online retries after a delay, doubling") {
    step = run(std::move(step.state), {UploadAnswered{sha_a, UploadCall::chunk, 0, "reset"}});
    CHECK(only<RetryUploadLater>(step.effects).delay_ms == upload_retry_first_ms);
    step = run(std::move(step.state), {UploadRetryDue{sha_a}});
    CHECK(only<QueryUpload>(step.effects).path == "/v1/enrollments/e1/documents/d1");
    step = run(std::move(step.state), {UploadAnswered{sha_a, UploadCall::check, 503, "{}"}});
    CHECK(only<RetryUploadLater>(step.effects).delay_ms == 2 * upload_retry_first_ms);
  }
  SUBCASE("a 409 document.offset moves the next chunk to the server's received") {
    step =
        run(std::move(step.state),
            {UploadAnswered{sha_a, UploadCall::chunk, 409,
                            R"({"code":"document.offset","path":"Content-Range","message":"m","received":524288})"}});
    CHECK(only<UploadChunk>(step.effects).first == 524288);
  }
  SUBCASE("a reload mid-upload: the stored record is asked about first, the bytes come from the blob store") {
    std::string stored;  // what the browser holds: the last write of the records, not the state in memory
    for (const auto& w : effects_of<WriteStoredText>(step.effects))
      if (w.key == "uploads_acc_1") stored = w.text;
    REQUIRE(!stored.empty());
    const auto outbox = onb::encode(*step.state.outbox).dump();
    AppState fresh = run(initial_state(), {Booted{"2026-11-21", "2026-11-21T10:00:00Z", "seed2", false},
                                           StorageOpened{true, ""}, StoredTextRead{session_key, true, session_json}})
                         .state;
    fresh.application = valid_application();
    fresh.application.documents.push_back(
        {"doc-3", onb::model::DocumentType::trade_licence, "licence.pdf", "application/pdf", file_size, sha_a});
    step = run(std::move(fresh),
               {StoredTextRead{"uploads_acc_1", true, stored}, StoredTextRead{"outbox_acc_1", true, outbox}});
    CHECK(upload_of(step.state, sha_a).phase == UploadPhase::waiting);
    CHECK(upload_of(step.state, sha_a).verify);
    step = run(std::move(step.state), {NetworkChanged{true}});
    CHECK(effects_of<SendHttp>(step.effects).empty());  // the outbox's submit waits for the upload
    CHECK(only<QueryUpload>(step.effects).path == "/v1/enrollments/e1/documents/d1");
    step = run(std::move(step.state),
               {UploadAnswered{sha_a, UploadCall::check, 200, view_json("d1", upload_chunk_bytes, false)}});
    CHECK(only<UploadChunk>(step.effects).first == upload_chunk_bytes);
  }
  SUBCASE("bytes gone from the browser: failed, shown, and the submit is not held forever") {
    step = run(std::move(step.state), {UploadAnswered{sha_a, UploadCall::chunk, upload_bytes_missing, "gone"}});
    CHECK(upload_of(step.state, sha_a).phase == UploadPhase::failed);
    CHECK(upload_of(step.state, sha_a).error->code == "portal.file_missing");
    CHECK(only<SendHttp>(step.effects).path == "/v1/enrollments/e1/events");
  }
  SUBCASE("the server refuses the bytes (magic bytes): failed with its message") {
    step = run(std::move(step.state),
               {UploadAnswered{sha_a, UploadCall::chunk, 422,
                               R"({"code":"document.media_type","path":"","message":"not a PDF"})"}});
    CHECK(upload_of(step.state, sha_a).phase == UploadPhase::failed);
    CHECK(upload_of(step.state, sha_a).error->message == "not a PDF");
  }
}

TEST_CASE("a document a reviewer rejected is replaced by a new file, which is uploaded") {
  AppState s = signed_in_with_valid_application();
  s.application.documents.push_back(
      {"doc-3", onb::model::DocumentType::trade_licence, "old.pdf", "application/pdf", 1000, sha_b});
  s.enrollment = Enrollment{"e1", 5, onb::workflow::Stage::info_requested};
  Step step = run(std::move(s), {ReplaceDocumentClicked{"trade_licence"}});
  const auto pick = only<PickFile>(step.effects);
  CHECK(pick.type == onb::model::DocumentType::trade_licence);
  CHECK(pick.target == replace_target);
  CHECK(pick.accept == onb::validation::file_chooser_accept());  // TIFF too, like attaching

  step = run(std::move(step.state), {picked(sha_a, replace_target)});
  const auto& docs = step.state.application.documents;
  REQUIRE(docs.size() == 3);
  CHECK(docs[2].id == "doc-3");  // same place and id: references to it stay
  CHECK(docs[2].sha256 == sha_a);
  CHECK(docs[2].file_name == "licence.pdf");
  CHECK(upload_of(step.state, sha_a).replacement);

  SUBCASE("while the reviewer waits for information, the customer may add documents: it is announced") {
    step = run(std::move(step.state), {FileBytesStored{sha_a, true, ""}});
    CHECK(only<AnnounceUpload>(step.effects).path == "/v1/enrollments/e1/documents");
  }
  SUBCASE("in review the workflow does not let the customer edit: it waits, nothing is sent") {
    step.state.enrollment->stage = onb::workflow::Stage::compliance_review;
    step = run(std::move(step.state), {FileBytesStored{sha_a, true, ""}});
    CHECK(effects_of<AnnounceUpload>(step.effects).empty());
    CHECK(upload_of(step.state, sha_a).phase == UploadPhase::waiting);
  }
}

TEST_CASE("the server's document policy replaces the embedded one, and is cached for offline starts") {
  onb::model::DocumentPolicy strict = embedded_document_policy();
  strict.version = "documents-test";
  onb::model::DocumentRequirement always;
  always.id = "always_power_of_attorney";
  always.accepted_types = {onb::model::DocumentType::power_of_attorney};
  always.description_en = "A power of attorney";
  strict.requirements.push_back(always);
  const std::string answer = Json{{"workflow", Json::object()}, {"documents", onb::encode(strict)}}.dump();
  auto missing = [](const AppState& s, const std::string& id) {
    for (const auto& m : s.report.missing)
      if (m.requirement_id == id) return true;
    return false;
  };

  Step step = run(initial_state(), {Booted{"2026-11-21", "2026-11-21T10:00:00Z", "seed", true}});
  CHECK(only<SendHttp>(step.effects).path == "/v1/policy");
  AppState s = run(std::move(step.state), {StorageOpened{true, ""}}).state;
  s.application = valid_application();
  s = run(std::move(s), {FieldEdited{"/entity/legal_name", "Oakfield Joinery"}}).state;
  CHECK(s.policy_source == PolicySource::embedded);
  CHECK(!missing(s, "always_power_of_attorney"));

  SUBCASE("an answer that decodes is adopted, revalidates and is kept") {
    step = run(std::move(s), {PolicyAnswered{200, answer}});
    CHECK(step.state.policy_source == PolicySource::server);
    CHECK(step.state.policy.version == "documents-test");
    CHECK(missing(step.state, "always_power_of_attorney"));
    const auto cached = only<WriteStoredText>(step.effects);
    CHECK(cached.key == policy_key);
    SUBCASE("a cached copy read later does not replace today's answer") {
      step = run(std::move(step.state),
                 {StoredTextRead{policy_key, true, onb::encode(embedded_document_policy()).dump()}});
      CHECK(step.state.policy.version == "documents-test");
    }
    SUBCASE("offline next time: the cached copy is read when storage opens and applies") {
      Step offline = run(initial_state(), {Booted{"2026-11-21", "2026-11-21T10:00:00Z", "seed", false},
                                           PolicyAnswered{0, "offline"}, StorageOpened{true, ""}});
      bool asked = false;
      for (const auto& r : effects_of<ReadStoredText>(offline.effects)) asked = asked || r.key == policy_key;
      CHECK(asked);
      offline = run(std::move(offline.state), {StoredTextRead{policy_key, true, cached.text}});
      CHECK(offline.state.policy_source == PolicySource::cached);
      CHECK(offline.state.policy.version == "documents-test");
    }
  }
  SUBCASE("an answer that does not decode leaves the rules in force") {
    for (const char* body : {"<html>proxy error</html>", R"({"workflow":{}})", R"({"documents":{"version":3}})"}) {
      step = run(s, {PolicyAnswered{200, body}});
      CHECK(step.state.policy_source == PolicySource::embedded);
      CHECK(step.state.policy.version == embedded_document_policy().version);
    }
    step = run(s, {PolicyAnswered{0, "offline"}});
    CHECK(step.state.policy_source == PolicySource::embedded);
  }
}

TEST_CASE("both file choosers offer the accepted media types of the one table, TIFF included") {
  AppState s = signed_in_with_valid_application();
  Step step = run(std::move(s), {AttachClicked{onb::model::DocumentType::register_extract, ""}});
  const auto attach = only<PickFile>(step.effects);
  CHECK(attach.accept == onb::validation::file_chooser_accept());
  CHECK(attach.accept.find(".tiff") != std::string::npos);
  CHECK(attach.accept.find("image/tiff") != std::string::npos);
}
