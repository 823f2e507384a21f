// [SECTION] index: the file rules every client shares (media types, file name, upload announcement),
// then the rules on an application's attached documents and on the consents the applicant gave: terms
// and data processing always, a credit check when credit is asked.
#include "shared/validation/documents.hpp"

#include "shared/core/utf8.hpp"
#include "shared/validation/messages.hpp"
#include "shared/validation/rules.hpp"

#include <set>

namespace onb::validation {
namespace {

bool names_a_folder(std::string_view name) { return name.find_first_of("/\\") != std::string_view::npos; }

// Messages of the upload's own checks: English only, as the server has always answered them.
Problem problem(std::string path, std::string code, std::string message) {
  return Problem{std::move(path), std::move(code), Severity::error, std::move(message), {}};
}

// "PDF, PNG, JPEG or TIFF"
std::string labels() {
  std::string out;
  for (std::size_t i = 0; i < media_type_count; ++i) {
    if (i > 0) out += i + 1 == media_type_count ? " or " : ", ";
    out += media_types[i].label;
  }
  return out;
}

}  // namespace

// [SECTION] the accepted media types

const MediaType* find_media_type(std::string_view name) {
  for (const auto& m : media_types)
    if (m.name == name) return &m;
  return nullptr;
}

bool starts_like(std::string_view media_type, std::string_view first_bytes) {
  const auto* m = find_media_type(media_type);
  if (!m) return false;
  for (auto sig : m->signatures)
    if (!sig.empty() && first_bytes.starts_with(sig)) return true;
  return false;
}

std::size_t signature_length(std::string_view media_type) {
  const auto* m = find_media_type(media_type);
  return m ? m->signatures[0].size() : 0;  // the signatures of one type are equally long
}

std::string file_chooser_accept() {
  std::string out;
  auto add = [&](std::string_view item) {
    if (item.empty()) return;
    if (!out.empty()) out += ',';
    out += item;
  };
  for (const auto& m : media_types)
    for (auto ext : m.extensions) add(ext);
  for (const auto& m : media_types) add(m.name);
  return out;
}

// [SECTION] file name, size, hash

bool is_sha256_hex(std::string_view s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

void check_file_name(std::string_view name, Problems& out) {
  if (name.empty()) return out.push_back(problem("/file_name", "document.file_name", "Give the file's name."));
  if (name.size() > max_file_name_bytes)
    return out.push_back(problem("/file_name", "document.file_name",
                                 "The file name is longer than " + std::to_string(max_file_name_bytes) + " bytes."));
  if (names_a_folder(name)) return out.push_back(make_problem("/file_name", "document.file_name"));
  if (core::utf8::has_control(name))
    out.push_back(problem("/file_name", "document.file_name", "The file name contains control characters."));
}

Problems check_upload(std::string_view file_name, std::string_view media_type, std::uint64_t size,
                      const std::optional<std::string>& sha256) {
  Problems out;
  check_file_name(file_name, out);
  if (!find_media_type(media_type))
    out.push_back(problem("/media_type", "document.media_type", "Upload a " + labels() + " file."));
  if (size == 0 || size > max_document_bytes)
    out.push_back(make_problem("/size", "document.size", {{"max_mib", std::to_string(max_document_bytes >> 20)}}));
  if (sha256 && !is_sha256_hex(*sha256)) out.push_back(make_problem("/sha256", "document.sha256"));
  return out;
}

// [SECTION] an application's attached documents and consents

namespace rules {
namespace {

inline constexpr std::size_t max_file_name = 255;  // code points here; an upload's name is bounded in bytes

void document(const model::Document& d, const std::string& base, Checker& c) {
  c.text(base, "id", d.id, max_identifier_length, true);
  if (c.text(base, "file_name", d.file_name, max_file_name, true) && names_a_folder(d.file_name))
    c.add(base, "file_name", "document.file_name");
  if (!find_media_type(d.media_type)) c.add(base, "media_type", "document.media_type");
  if (d.size_bytes == 0 || d.size_bytes > max_document_bytes)
    c.add(base, "size_bytes", "document.size", {{"max_mib", std::to_string(max_document_bytes >> 20)}});
  if (!is_sha256_hex(d.sha256)) c.add(base, "sha256", "document.sha256");
  std::optional<Date> issued;
  if (d.issue_date) issued = c.date(base, "issue_date", *d.issue_date, Checker::When::not_future);
  if (!d.expiry_date) return;
  const auto expires = parse_date(*d.expiry_date);
  if (!expires)
    c.add(base, "expiry_date", "date.format");
  else if (*expires <= c.today)
    c.add(base, "expiry_date", "document.expired", {{"date", *d.expiry_date}});
  else if (issued && *expires < *issued)
    c.add(base, "expiry_date", "document.dates");
}

void consent(const model::Consent& k, const std::string& base, Checker& c) {
  const auto at = parse_instant(k.timestamp);
  if (!at)
    c.add(base, "timestamp", "consent.timestamp");
  else if (date_of(*at) > c.today)
    c.add(base, "timestamp", "date.in_future", {{"today", format_date(c.today)}});
  c.text(base, "text_version", k.text_version, max_identifier_length, true);
}

}  // namespace

void documents(const model::Application& app, Checker& c) {
  std::set<std::string_view> ids;
  for (std::size_t i = 0; i < app.documents.size(); ++i) {
    const auto& d = app.documents[i];
    const std::string base = "/documents/" + std::to_string(i);
    document(d, base, c);
    if (!d.id.empty() && !ids.insert(d.id).second) c.add(base, "id", "document.duplicate_id");
  }
}

void consents(const model::Application& app, Checker& c) {
  using model::ConsentType;
  bool given[4] = {};  // indexed by ConsentType, the latest entry of a type wins (a later withdrawal counts)
  for (std::size_t i = 0; i < app.consents.size(); ++i) {
    const auto& k = app.consents[i];
    consent(k, "/consents/" + std::to_string(i), c);
    const auto t = static_cast<std::size_t>(k.type);
    if (t < std::size(given)) given[t] = k.given;
  }
  auto need = [&](ConsentType t) {
    if (!given[static_cast<std::size_t>(t)])
      c.add("/consents", "", "consent.required", {{"type", boost::describe::enum_to_string(t, "?")}});
  };
  need(ConsentType::terms_and_conditions);
  need(ConsentType::data_processing);
  if (app.requested_credit && app.requested_credit->payment_terms != model::PaymentTerms::prepayment)
    need(ConsentType::credit_check);
}

}  // namespace rules
}  // namespace onb::validation
