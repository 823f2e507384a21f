// The application a business customer (or a sales rep for them) fills in: the one document the portal
// edits, the server stores and `onboard validate` checks. Its JSON is the wire format (golden files in
// tests/data/applications/); renaming a member is a protocol change. Rules live in validation/.
#pragma once

#include "shared/model/address.hpp"
#include "shared/model/documents.hpp"
#include "shared/model/entity.hpp"
#include "shared/model/finance.hpp"
#include "shared/model/parties.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace onb::model {

// Bumped on an incompatible change of the wire format; decoders refuse other versions in validation.
inline constexpr std::int32_t application_format_version = 1;

struct Application {
  std::int32_t format_version = application_format_version;
  LegalEntity entity;
  Addresses addresses;
  std::vector<Contact> contacts;
  std::vector<TaxRegistration> tax_registrations;
  std::vector<BankAccount> bank_accounts;
  std::vector<BeneficialOwner> owners;
  std::vector<Director> directors;
  std::optional<CreditRequest> requested_credit;  // absent = prepayment only, no credit line
  std::vector<FinancialStatement> financial_statements;
  std::vector<TradeReference> trade_references;
  std::optional<InternationalTrade> international_trade;
  std::vector<Consent> consents;
  std::vector<Document> documents;
};
BOOST_DESCRIBE_STRUCT(Application, (),
                      (format_version, entity, addresses, contacts, tax_registrations, bank_accounts, owners, directors,
                       requested_credit, financial_statements, trade_references, international_trade, consents,
                       documents))

}  // namespace onb::model
