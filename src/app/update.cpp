// update(AppState, Action): one small handler per action, dispatched by overload.
//   [SECTION] form edits      — apply, revalidate with shared/validation, mark the field touched
//   [SECTION] draft storage   — mount, restore, save (browser-local, per device)
//   [SECTION] submission      — POST /v1/drafts and reading its reply
//   [SECTION] platform        — font, viewport
#include "src/app/update.hpp"

#include "shared/core/json_codec.hpp"
#include "shared/validation/company_basics.hpp"
#include "src/app/drafts_api.hpp"

#include <algorithm>
#include <type_traits>

namespace onb::portal {
namespace {

// Serialises for storage and the wire. `replace` instead of throwing on invalid UTF-8: ImGui only
// produces valid UTF-8, but a throw here would end the page, while a U+FFFD is caught by validation.
std::string to_json_text(const model::CompanyBasics& form) {
  return encode(form).dump(-1, ' ', false, Json::error_handler_t::replace);
}

void touch(AppState& s, const char* path) {
  if (std::find(s.touched.begin(), s.touched.end(), path) == s.touched.end()) s.touched.emplace_back(path);
}

void touch_all(AppState& s) {
  for (const char* path : {"/legal_name", "/country", "/vat_number"}) touch(s, path);
}

void revalidate(AppState& s) { s.problems = validation::validate_company_basics(s.form); }

// An edit makes the last server answer stale (it described other data), except while one is in flight.
void edited(AppState& s, const char* path) {
  s.form_edited = true;
  touch(s, path);
  revalidate(s);
  if (s.submission.status != SubmitStatus::sending) s.submission = {};
}

// ------------------------------------------------------------------------------ [SECTION] form edits

Step on(AppState s, const LegalNameEdited& a) {
  s.form.legal_name = a.text;
  edited(s, "/legal_name");
  return {std::move(s), {}};
}

Step on(AppState s, const CountryChosen& a) {
  s.form.country = a.alpha_2;
  edited(s, "/country");
  // The VAT prefix rule depends on the country: show a mismatch as soon as the country makes one.
  if (!s.form.vat_number.empty()) touch(s, "/vat_number");
  return {std::move(s), {}};
}

Step on(AppState s, const VatNumberEdited& a) {
  s.form.vat_number = a.text;
  edited(s, "/vat_number");
  return {std::move(s), {}};
}

// --------------------------------------------------------------------------- [SECTION] draft storage

Step on(AppState s, const StorageOpened& a) {
  if (!a.ok) {
    s.draft = DraftStatus::storage_unavailable;
    s.draft_message = a.message;
    return {std::move(s), {}};
  }
  s.draft = DraftStatus::no_draft;
  return {std::move(s), {ReadStoredText{draft_key}}};
}

Step on(AppState s, const StoredTextRead& a) {
  if (a.key != draft_key || !a.found) return {std::move(s), {}};
  if (s.form_edited) return {std::move(s), {}};  // what the applicant typed wins over an older draft
  auto draft = decode_text<model::CompanyBasics>(a.text);
  if (!draft) {
    s.draft = DraftStatus::unreadable;
    s.draft_message = draft.error().message;
    return {std::move(s), {}};
  }
  s.form = std::move(*draft);
  s.draft = DraftStatus::restored;
  s.draft_message.clear();
  revalidate(s);
  touch_all(s);
  return {std::move(s), {}};
}

Step on(AppState s, const SaveDraftClicked&) {
  if (s.draft == DraftStatus::opening_storage || s.draft == DraftStatus::storage_unavailable)
    return {std::move(s), {}};  // the view disables the button; a stray click changes nothing
  s.draft = DraftStatus::saving;
  s.draft_message.clear();
  Effects effects{WriteStoredText{draft_key, to_json_text(s.form)}};  // before s is moved from
  return {std::move(s), std::move(effects)};
}

Step on(AppState s, const StoredTextWritten& a) {
  if (a.key != draft_key) return {std::move(s), {}};
  s.draft = a.ok ? DraftStatus::saved : DraftStatus::save_failed;
  s.draft_message = a.ok ? "" : a.message;
  return {std::move(s), {}};
}

// ------------------------------------------------------------------------------ [SECTION] submission

Step on(AppState s, const SubmitClicked&) {
  if (s.submission.status == SubmitStatus::sending) return {std::move(s), {}};  // one request at a time
  touch_all(s);
  s.submission = Submission{SubmitStatus::sending};
  Effects effects{SendHttp{HttpCall::create_draft, "POST", drafts_path, to_json_text(s.form)}};  // before s moves
  return {std::move(s), std::move(effects)};
}

// A reply we cannot read is reported as the server's fault, with what we got, never dropped.
Error unreadable_reply(int status, const Error& why) {
  return make_error("portal.bad_reply", why.path,
                    "The server answered HTTP " + std::to_string(status) + " in a form the portal cannot read (" +
                        why.message + ").");
}

Submission read_create_draft_reply(const HttpResponded& a) {
  if (a.status == 0)
    return {SubmitStatus::unreachable,
            "",
            {},
            make_error("portal.unreachable", "", "The server could not be reached: " + a.body)};
  if (a.status == 201) {
    auto created = decode_text<DraftReply>(a.body);
    if (!created) return {SubmitStatus::rejected, "", {}, unreadable_reply(a.status, created.error())};
    return {SubmitStatus::stored, created->id, created->problems, std::nullopt};
  }
  auto error = decode_text<ErrorReply>(a.body);
  if (!error) {
    return {SubmitStatus::rejected,
            "",
            {},
            make_error("http." + std::to_string(a.status), "",
                       "The server answered HTTP " + std::to_string(a.status) + ".")};
  }
  return {SubmitStatus::rejected, "", {}, to_error(std::move(*error))};
}

Step on(AppState s, const HttpResponded& a) {
  switch (a.call) {
    case HttpCall::create_draft:
      s.submission = read_create_draft_reply(a);
      break;
  }
  return {std::move(s), {}};
}

// -------------------------------------------------------------------------------- [SECTION] platform

Step on(AppState s, const FontLoaded& a) {
  s.font = a.ok ? FontStatus::ready : FontStatus::failed;
  return {std::move(s), {}};
}

Step on(AppState s, const ViewportChanged& a) {
  s.viewport = a.viewport;
  return {std::move(s), {}};
}

}  // namespace

Step update(AppState state, const Action& action) {
  return std::visit([&](const auto& a) { return on(std::move(state), a); }, action);
}

}  // namespace onb::portal
