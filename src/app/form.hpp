// The form slice: the application being filled, its validation, its steps, the documents attached to it,
// the browser-local draft and the document policy the checks apply. Its update is update_form.cpp (the
// policy's part update_policy.cpp).
#pragma once

#include "src/app/http_reply.hpp"

#include "shared/core/json_codec.hpp"
#include "shared/model/application.hpp"
#include "shared/model/document_policy.hpp"
#include "shared/validation/application.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace onb::portal {

// ---- state
// Where the browser-local draft stands. Failures carry their reason in FormState::draft_message.
BOOST_DEFINE_ENUM_CLASS(DraftStatus, opening_storage, storage_unavailable, no_draft, restored, unreadable, saving,
                        saved, save_failed)
// Where FormState::policy came from: compiled in, the browser's copy of an earlier answer, or the server now.
BOOST_DEFINE_ENUM_CLASS(PolicySource, embedded, cached, server)

// The version of the consent texts the portal shows; recorded with each consent.
inline constexpr const char* consent_text_version = "2026-01";

struct FormState {
  model::DocumentPolicy policy;  // the document policy validation applies: GET /v1/policy's, else cached, else embedded
  PolicySource policy_source = PolicySource::embedded;
  model::Application application;
  validation::ValidationReport report;  // validate_application(application), recomputed on every edit
  std::vector<std::string> touched;     // JSON pointers whose problems are shown (prefixes count)
  bool show_all_problems = false;       // after a submit attempt every problem shows
  int step = 0;                         // index into steps_for(application)
  DraftStatus draft = DraftStatus::opening_storage;
  std::string draft_message;  // why storage or the draft failed, for people
};
BOOST_DESCRIBE_STRUCT(FormState, (),
                      (policy, policy_source, application, report, touched, show_all_problems, step, draft, draft_message))

// ---- actions. Paths are JSON pointers into model::Application; values its JSON.
struct FieldEdited {  // set the value at `path` ("/entity/legal_name"); null removes an optional
  std::string path;
  Json value;
};
struct ItemAdded {  // append `value` to the list at `path` ("/contacts")
  std::string path;
  Json value;
};
struct ItemRemoved {  // remove the list element at `path` ("/contacts/1")
  std::string path;
};
struct StepChosen {
  int step = 0;
};
struct ConsentChanged {  // recorded with the time and the version of the text shown
  model::ConsentType type = model::ConsentType::terms_and_conditions;
  bool given = false;
};

// ---- documents: the person asked to attach a file of `type` at `path` ("/documents")
struct AttachClicked {
  model::DocumentType type = model::DocumentType::other;
  std::string target;  // "" or an owner's "/owners/N/identity_document": the new document is referenced there
};
struct FilePicked {  // answers PickFile; the edge hashed the file, nothing was uploaded
  bool ok = false;
  model::DocumentType type = model::DocumentType::other;
  std::string target;  // as in AttachClicked
  std::string file_name;
  std::string media_type;
  std::uint64_t size_bytes = 0;
  std::string sha256;
  std::string message;  // why not, when !ok (cancelled pickers send nothing)
};

// ---- the server's replies
struct PolicyAnswered : HttpReply {};  // GET /v1/policy

using FormAction = std::variant<FieldEdited, ItemAdded, ItemRemoved, StepChosen, ConsentChanged, AttachClicked,
                                FilePicked, PolicyAnswered>;

}  // namespace onb::portal
