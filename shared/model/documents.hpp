// Attached documents as metadata (the file itself is uploaded separately, identified by its SHA-256)
// and the consents the applicant gave. Which documents an application needs is policy data
// (document_policy.hpp, assets/policy/documents-v1.json), not code.
#pragma once

#include <boost/describe.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace onb::model {

BOOST_DEFINE_ENUM_CLASS(DocumentType, certificate_of_incorporation, register_extract, articles_of_association,
                        vat_registration_certificate, financial_statements, audited_financial_statements,
                        identity_document, proof_of_address, bank_confirmation, letter_of_credit, trade_licence,
                        power_of_attorney, other)

struct Document {
  std::string id;  // unique within the application; what owners' identity documents reference
  DocumentType type = DocumentType::other;
  std::string file_name;   // no directories
  std::string media_type;  // one of validation::media_types (validation/documents.hpp)
  std::uint64_t size_bytes = 0;  // at most protocol::max_document_bytes
  std::string sha256;                      // 64 lower-case hex digits
  std::optional<std::string> issue_date;   // YYYY-MM-DD
  std::optional<std::string> expiry_date;  // YYYY-MM-DD
};
BOOST_DESCRIBE_STRUCT(Document, (), (id, type, file_name, media_type, size_bytes, sha256, issue_date, expiry_date))

BOOST_DEFINE_ENUM_CLASS(ConsentType, terms_and_conditions, data_processing, credit_check, marketing)

struct Consent {
  ConsentType type = ConsentType::terms_and_conditions;
  bool given = false;
  std::string timestamp;     // RFC 3339, when it was given or withdrawn
  std::string text_version;  // which version of the text was shown: "terms-2026-01"
};
BOOST_DESCRIBE_STRUCT(Consent, (), (type, given, timestamp, text_version))

}  // namespace onb::model
