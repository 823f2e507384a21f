// Everything that can happen to the portal, as plain data named for what happened: people's input
// (dispatched by views) and the outcome of every effect (dispatched by the platform edge).
// No behaviour here; `update` gives each action its meaning.
#pragma once

#include "src/app/effects.hpp"
#include "src/app/state.hpp"

#include "shared/core/json_codec.hpp"

#include <functional>
#include <string>
#include <variant>

namespace onb::portal {

// ---- the application form. Paths are JSON pointers into model::Application; values its JSON.
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
struct SubmitClicked {};
struct AnswerEdited {  // the reply to a reviewer's questions
  std::string text;
};
struct AnswerSent {};
struct StatusRefreshClicked {};
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
// A document a reviewer rejected (the status's rejected_document item names its type) gets a new file.
struct ReplaceDocumentClicked {
  std::string document_type;  // as the pending item's subject says it: "trade_licence"
};

// ---- uploads: the edge's answers to the upload effects (effects.hpp)
struct FileBytesStored {  // answers StoreFileBytes
  std::string sha256;
  bool ok = false;
  std::string message;  // why not, when !ok (the upload then goes from the page's memory only)
};
struct FileBytesDropped {  // answers DropFileBytes
  std::string sha256;
  bool ok = false;
};
struct UploadAnswered {  // answers AnnounceUpload, QueryUpload and UploadChunk
  std::string sha256;
  UploadCall call = UploadCall::announce;
  int status = 0;  // 0: no HTTP answer (offline, refused, timed out); upload_bytes_missing: no bytes to send
  std::string body;
};
struct UploadRetryDue {  // answers RetryUploadLater
  std::string sha256;
};

// ---- staff: the queue (reviewers) or the customer list (sales reps), and a case
struct QueueFilterChanged {  // loads the list again from its first page
  QueueFilter filter;
};
struct QueueRefreshClicked {};
struct CaseOpened {  // a row of the queue was chosen
  std::string id;
};
struct CaseClosed {};  // back to the queue (Escape)
struct ActionChosen {  // opens the form of one of the case's actions, prefilled
  workflow::EventKind kind = workflow::EventKind::comment;
};
// Edits of the open action's form, like the application's: JSON pointers into protocol::ActionRequest
// ("/reason", "/credit_decided/limit"); null removes an optional.
struct ActionFieldEdited {
  std::string path;
  Json value;
};
struct ActionItemAdded {
  std::string path;
  Json value;
};
struct ActionItemRemoved {
  std::string path;
};
struct ActionSent {};
struct ActionCancelled {};
struct NewApplicationClicked {};  // a sales rep starts an application for a new customer
struct CustomersClicked {};       // a sales rep goes back to their customers
struct PrintableToggled {         // the confirmation alone, print-friendly, or back
  bool on = false;
};
struct PrintClicked {
  double top = 0;  // CSS pixels of the canvas above the confirmation (its toolbar), left out of the print
};

// ---- signing in and out
struct AuthModeChosen {
  AuthMode mode = AuthMode::sign_in;
};
struct EmailEdited {
  std::string text;
};
struct PasswordEdited {
  std::string text;
};
struct AuthSubmitted {};
struct SignOutClicked {};

// ---- reading preferences
struct ThemeChosen {
  Theme theme = Theme::dark;
};
struct LanguageChosen {
  validation::Language language = validation::Language::en;
};
struct FontScaleChanged {
  double delta = 0;  // added to the current scale, clamped
};

// ---- reports from the platform edge
struct Booted {  // once, before anything else
  std::string today;  // YYYY-MM-DD, the browser's local date
  std::string now;    // YYYY-MM-DDTHH:MM:SSZ
  std::string seed;   // random hex
  bool online = true;
  std::string invite;  // the page's ?invite= parameter, "" when none
  std::string origin;  // "https://host:port", for links the portal shows
};
struct NetworkChanged {
  bool online = true;
};
struct StorageOpened {
  bool ok = false;
  std::string message;  // why not, when !ok
};
struct StoredTextRead {  // answers ReadStoredText
  std::string key;
  bool found = false;
  std::string text;
};
struct StoredTextWritten {  // answers WriteStoredText
  std::string key;
  bool ok = false;
  std::string message;  // why not, when !ok
};
struct HttpResponded {  // answers SendHttp
  HttpCall call = HttpCall::sign_in;
  int status = 0;  // 0: no response at all (offline, refused, timed out); body then says why
  std::string body;
};
struct FontLoaded {
  bool ok = false;
};
struct ViewportChanged {
  Viewport viewport;
};

using Action =
    std::variant<FieldEdited, ItemAdded, ItemRemoved, StepChosen, SubmitClicked, AnswerEdited, AnswerSent,
                 StatusRefreshClicked, ConsentChanged, AttachClicked, FilePicked,
                 AuthModeChosen, EmailEdited, PasswordEdited, AuthSubmitted, SignOutClicked, ThemeChosen,
                 LanguageChosen, FontScaleChanged, Booted, NetworkChanged, StorageOpened, StoredTextRead,
                 StoredTextWritten, HttpResponded, FontLoaded, ViewportChanged, QueueFilterChanged,
                 QueueRefreshClicked, CaseOpened, CaseClosed, ActionChosen, ActionFieldEdited, ActionItemAdded,
                 ActionItemRemoved, ActionSent, ActionCancelled, NewApplicationClicked, CustomersClicked,
                 PrintableToggled, PrintClicked, ReplaceDocumentClicked, FileBytesStored, FileBytesDropped,
                 UploadAnswered, UploadRetryDue>;

// How views and the platform hand actions in. Queued, never applied re-entrantly (see Store).
using Dispatch = std::function<void(Action)>;

}  // namespace onb::portal
