// Rules for attached documents' metadata (the bytes are uploaded and hashed elsewhere) and for the
// consents the applicant gave: terms and data processing always, a credit check when credit is asked.
#include "shared/validation/rules.hpp"

#include <array>
#include <set>

namespace onb::validation::rules {
namespace {

using model::max_document_bytes;
inline constexpr std::size_t max_file_name = 255;  // common file-system limit
constexpr std::array<std::string_view, 4> k_media_types = {"application/pdf", "image/jpeg", "image/png", "image/tiff"};

bool is_sha256_hex(std::string_view s) {
  if (s.size() != 64) return false;
  for (char ch : s)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  return true;
}

void document(const model::Document& d, const std::string& base, Checker& c) {
  c.text(base, "id", d.id, max_identifier_length, true);
  if (c.text(base, "file_name", d.file_name, max_file_name, true) &&
      d.file_name.find_first_of("/\\") != std::string::npos)
    c.add(base, "file_name", "document.file_name");
  bool media_ok = false;
  for (auto m : k_media_types) media_ok = media_ok || d.media_type == m;
  if (!media_ok) c.add(base, "media_type", "document.media_type");
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

}  // namespace onb::validation::rules
