// The people in an application: contacts, beneficial owners and directors. Identity documents are
// referenced by the id of an attached document (documents.hpp), never embedded as files.
// Ownership and KYC rules live in validation/owners.cpp.
#pragma once

#include <boost/describe.hpp>

#include <optional>
#include <string>

namespace onb::model {

BOOST_DEFINE_ENUM_CLASS(ContactRole, primary, billing, accounts_payable, purchasing, compliance, technical, other)

struct Contact {
  std::string name;
  ContactRole role = ContactRole::primary;
  std::optional<std::string> job_title;
  std::string email;
  std::string phone;  // E.164, "+49 89 1234567" (spaces, dashes, dots and parentheses are ignored)
};
BOOST_DESCRIBE_STRUCT(Contact, (), (name, role, job_title, email, phone))

BOOST_DEFINE_ENUM_CLASS(IdentityDocumentType, passport, national_id, residence_permit, driving_licence)

struct IdentityDocument {
  IdentityDocumentType type = IdentityDocumentType::passport;
  std::string number;
  std::string issuing_country;             // ISO 3166-1 alpha-2
  std::optional<std::string> expiry_date;  // YYYY-MM-DD
  std::optional<std::string> document_id;  // id of the attached scan in Application::documents
};
BOOST_DESCRIBE_STRUCT(IdentityDocument, (), (type, number, issuing_country, expiry_date, document_id))

// A natural person who ultimately owns or controls the customer.
struct BeneficialOwner {
  std::string given_names;
  std::string family_name;
  std::optional<std::string> date_of_birth;           // YYYY-MM-DD; required at 25 % or more
  std::optional<std::string> nationality;             // ISO 3166-1 alpha-2; required at 25 % or more
  std::string residence_country;                      // ISO 3166-1 alpha-2
  double ownership_percent = 0;                       // (0, 100]; decimals allowed: 33.34
  std::optional<IdentityDocument> identity_document;  // required at 25 % or more
};
BOOST_DESCRIBE_STRUCT(BeneficialOwner, (),
                      (given_names, family_name, date_of_birth, nationality, residence_country, ownership_percent,
                       identity_document))

BOOST_DEFINE_ENUM_CLASS(DirectorRole, managing_director, director, chair, partner, proprietor, authorised_signatory)

struct Director {
  std::string given_names;
  std::string family_name;
  DirectorRole role = DirectorRole::director;
  std::optional<std::string> date_of_birth;  // YYYY-MM-DD
  std::optional<std::string> nationality;    // ISO 3166-1 alpha-2
  bool can_sign_alone = false;               // sole signing authority, from the register entry
};
BOOST_DESCRIBE_STRUCT(Director, (), (given_names, family_name, role, date_of_birth, nationality, can_sign_alone))

}  // namespace onb::model
