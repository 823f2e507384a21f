// The application form: edits at JSON pointers, steps, attached documents, and the browser-local draft
// (saved on every change, per account, restored after a reload). Validation is shared/'s, run on every
// change through revalidate().
#include "src/app/update_internal.hpp"

#include "shared/validation/documents.hpp"
#include "shared/workflow/steps.hpp"

#include <algorithm>
#include <cstdlib>

namespace onb::portal::detail {
namespace {

using workflow::StepId;
using workflow::steps_for;

void touch(AppState& s, const std::string& path) {
  if (std::find(s.touched.begin(), s.touched.end(), path) == s.touched.end()) s.touched.push_back(path);
}

// Edits go through the application's JSON: one generic way to reach any field of the model, and the
// strict decoder refuses a value of the wrong type instead of storing it.
template <class Edit>
std::optional<model::Application> edited(const model::Application& app, Edit&& edit) {
  Json j = encode(app);
  try {
    if (!edit(j)) return std::nullopt;
  } catch (const Json::exception&) {  // a malformed pointer from a view: refuse, never end the page
    return std::nullopt;
  }
  auto out = decode<model::Application>(j);
  if (!out) return std::nullopt;
  return std::move(*out);
}

Effects save_draft(AppState& s) {
  if (!storage_ready(s) || !s.session) return {};
  s.draft = DraftStatus::saving;
  s.draft_message.clear();
  return {WriteStoredText{draft_key(s), json_text(s.application)}};
}

// Every change: revalidate, forget a finished submission's verdict, keep the draft.
Step changed(AppState s, const std::string& path, std::optional<model::Application> app) {
  if (!app) return {std::move(s), {}};
  s.application = std::move(*app);
  touch(s, path);
  revalidate(s);
  if (s.submission.status == SubmitStatus::blocked || s.submission.status == SubmitStatus::rejected)
    s.submission = {};
  const auto steps = steps_for(s.application);
  s.step = std::min(s.step, static_cast<int>(steps.size()) - 1);
  Effects effects = save_draft(s);
  return {std::move(s), std::move(effects)};
}

std::string parent_of(const std::string& path) { return path.substr(0, path.rfind('/')); }

}  // namespace

Step on(AppState s, const FieldEdited& a) {
  auto app = edited(s.application, [&](Json& j) {
    j[Json::json_pointer(a.path)] = a.value;
    return true;
  });
  return changed(std::move(s), a.path, std::move(app));
}

Step on(AppState s, const ItemAdded& a) {
  auto app = edited(s.application, [&](Json& j) {
    Json& list = j[Json::json_pointer(a.path)];
    if (list.is_null()) list = Json::array();
    if (!list.is_array()) return false;
    list.push_back(a.value);
    return true;
  });
  return changed(std::move(s), a.path, std::move(app));
}

Step on(AppState s, const ItemRemoved& a) {
  const std::string parent = parent_of(a.path);
  auto app = edited(s.application, [&](Json& j) { return erase_list_item(j, a.path); });
  return changed(std::move(s), parent, std::move(app));
}

Step on(AppState s, const StepChosen& a) {
  const auto steps = steps_for(s.application);
  if (a.step < 0 || a.step >= static_cast<int>(steps.size())) return {std::move(s), {}};
  // Leaving a step shows its problems: the person has seen every field of it.
  for (const auto& section : visible_sections(steps[static_cast<std::size_t>(s.step)], s.application))
    touch(s, section);
  s.step = a.step;
  if (steps[static_cast<std::size_t>(a.step)] == StepId::review) s.show_all_problems = true;
  return {std::move(s), {}};
}

Step on(AppState s, const ConsentChanged& a) {
  auto app = s.application;
  auto& list = app.consents;
  list.erase(std::remove_if(list.begin(), list.end(), [&](const model::Consent& c) { return c.type == a.type; }),
             list.end());
  const char* name = boost::describe::enum_to_string(a.type, "consent");
  list.push_back(model::Consent{a.type, a.given, s.now, std::string(name) + "-" + consent_text_version});
  return changed(std::move(s), "/consents", std::move(app));
}

// ------------------------------------------------------------------------------ [SECTION] documents

// The chooser offers the accepted media types (validation/documents.hpp); whether a picked file is
// acceptable is validation's verdict on its metadata.
Step on(AppState s, const AttachClicked& a) {
  return {std::move(s), {PickFile{a.type, a.target, validation::file_chooser_accept()}}};
}

namespace {

void describe_file(model::Document& doc, const FilePicked& a) {
  doc.type = a.type;
  doc.file_name = a.file_name;
  doc.media_type = a.media_type;
  doc.size_bytes = a.size_bytes;
  doc.sha256 = a.sha256;
}

void attach_file(model::Application& app, const FilePicked& a) {
  model::Document doc;
  int n = static_cast<int>(app.documents.size()) + 1;
  auto taken = [&](const std::string& id) {
    return std::any_of(app.documents.begin(), app.documents.end(), [&](const model::Document& d) { return d.id == id; });
  };
  while (taken("doc-" + std::to_string(n))) ++n;
  doc.id = "doc-" + std::to_string(n);
  describe_file(doc, a);
  const std::string id = doc.id;
  app.documents.push_back(std::move(doc));
  // An owner's scan: reference it from the owner's identity document (created when absent).
  const std::string prefix = "/owners/";
  if (a.target.rfind(prefix, 0) == 0) {
    const auto i = std::strtoul(a.target.c_str() + prefix.size(), nullptr, 10);
    if (i < app.owners.size()) {
      auto& owner = app.owners[i];
      if (!owner.identity_document) owner.identity_document = model::IdentityDocument{};
      owner.identity_document->document_id = id;
    }
  }
}

}  // namespace

// A rejected document's new file takes the place of the first document of its type (same id, so an
// owner's reference stays); with none of that type it is attached.
void replace_file(model::Application& app, const FilePicked& a) {
  auto it = std::find_if(app.documents.begin(), app.documents.end(),
                         [&](const model::Document& d) { return d.type == a.type; });
  if (it == app.documents.end()) return attach_file(app, a);
  describe_file(*it, a);
}

// The file is checked (shared rules on its metadata) with the application; its upload starts once the
// enrollment exists on the server and the check passes (update_upload.cpp).
Step on(AppState s, const FilePicked& a) {
  if (!a.ok) {
    s.draft_message = a.message;
    return {std::move(s), {}};
  }
  auto app = s.application;
  if (a.target == replace_target) replace_file(app, a);
  else attach_file(app, a);
  Effects uploads = track_upload(s, a);
  Step step = changed(std::move(s), "/documents", std::move(app));
  step.effects.insert(step.effects.end(), uploads.begin(), uploads.end());
  return step;
}

// --------------------------------------------------------------------------- [SECTION] draft storage

Effects read_account_data(const AppState& s) {
  if (!storage_ready(s) || !s.session) return {};
  // Uploads before the outbox: a restored outbox about to submit must know which uploads it waits for.
  return {ReadStoredText{draft_key(s)}, ReadStoredText{uploads_key(s)}, ReadStoredText{outbox_key(s)}};
}

Step on(AppState s, const StorageOpened& a) {
  if (!a.ok) {
    s.draft = DraftStatus::storage_unavailable;
    s.draft_message = a.message;
    return {std::move(s), {}};
  }
  s.draft = DraftStatus::no_draft;
  Effects effects{ReadStoredText{prefs_key}};
  auto policy = policy_storage_opened(s);
  effects.insert(effects.end(), policy.begin(), policy.end());
  if (s.session) {  // signed in before storage opened (cannot happen today, but must not lose the draft)
    auto more = read_account_data(s);
    effects.insert(effects.end(), more.begin(), more.end());
  } else {
    effects.push_back(ReadStoredText{session_key});
  }
  return {std::move(s), std::move(effects)};
}

namespace {

Step draft_read(AppState s, const StoredTextRead& a) {
  // What the person typed since sign-in wins over an older draft.
  if (s.draft == DraftStatus::saving || s.draft == DraftStatus::saved) return {std::move(s), {}};
  auto draft = decode_text<model::Application>(a.text);
  if (!draft) {
    s.draft = DraftStatus::unreadable;
    s.draft_message = draft.error().message;
    return {std::move(s), {}};
  }
  s.application = std::move(*draft);
  s.draft = DraftStatus::restored;
  s.draft_message.clear();
  revalidate(s);
  for (const auto& section : step_sections(StepId::company)) touch(s, section);
  return {std::move(s), {}};
}

Step outbox_read(AppState s, const StoredTextRead& a) {
  auto outbox = decode_text<Outbox>(a.text);
  if (!outbox) return {std::move(s), {}};  // an unreadable outbox was never acknowledged: nothing to resend
  s.outbox = std::move(*outbox);
  s.submission.status = SubmitStatus::queued;
  return send_outbox(std::move(s));
}

}  // namespace

Step on(AppState s, const StoredTextRead& a) {
  if (!a.found || a.text.empty()) return {std::move(s), {}};
  if (a.key == prefs_key) {
    if (auto p = decode_text<Preferences>(a.text)) s.prefs = *p;
    return {std::move(s), {}};
  }
  if (a.key == session_key && !s.session) {
    auto session = decode_text<protocol::SessionView>(a.text);
    if (!session) return {std::move(s), {}};
    return session_restored(std::move(s), std::move(*session));
  }
  if (s.session && a.key == draft_key(s)) return draft_read(std::move(s), a);
  if (s.session && a.key == outbox_key(s)) return outbox_read(std::move(s), a);
  if (s.session && a.key == uploads_key(s)) return uploads_read(std::move(s), a);
  if (a.key == policy_key) return policy_read(std::move(s), a);
  return {std::move(s), {}};
}

Step on(AppState s, const StoredTextWritten& a) {
  // Only the answer to a key's last write says whether its current value is durable.
  if (auto it = s.writes_in_flight.find(a.key); it != s.writes_in_flight.end() && --it->second <= 0)
    s.writes_in_flight.erase(it);
  const bool last = !s.writes_in_flight.count(a.key);
  if (a.key == prefs_key) s.prefs_stored = a.ok && last;
  if (s.session && a.key == outbox_key(s)) s.outbox_stored = a.ok && last;
  if (!s.session || a.key != draft_key(s)) return {std::move(s), {}};
  if (a.ok && !last) return {std::move(s), {}};  // still saving the newer text
  s.draft = a.ok ? DraftStatus::saved : DraftStatus::save_failed;
  s.draft_message = a.ok ? "" : a.message;
  return {std::move(s), {}};
}

Step update_form(AppState s, const FormAction& a) { return apply(std::move(s), a); }

}  // namespace onb::portal::detail
