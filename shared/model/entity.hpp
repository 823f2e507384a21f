// The legal entity part of an application: who the customer is in law. Which fields are required for
// which entity type and country is a rule in validation/entity.cpp, not a property of these structs.
#pragma once

#include "shared/model/money.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace onb::model {

// Drives required fields and document requirements: a sole trader has no register entry or
// directors' board, a public body has no beneficial owners.
BOOST_DEFINE_ENUM_CLASS(EntityType, company, partnership, sole_trader, cooperative, nonprofit, trust, public_body)

// Industry classification schemes applicants know from their register entries.
BOOST_DEFINE_ENUM_CLASS(IndustryScheme, nace_rev2, naics_2022, uk_sic_2007, isic_rev4)

struct IndustryCode {
  IndustryScheme scheme = IndustryScheme::nace_rev2;
  std::string code;  // "62.01" (NACE), "541511" (NAICS), "62012" (UK SIC), "6201" (ISIC)
};
BOOST_DESCRIBE_STRUCT(IndustryCode, (), (scheme, code))

struct LegalEntity {
  std::string legal_name;  // exactly as in the register, any script
  std::optional<std::string> trading_name;
  EntityType entity_type = EntityType::company;
  std::string legal_form;              // as the register writes it: "GmbH", "SAS", "Ltd", "LLC"
  std::string registration_number;     // register number: "HRB 123456", "01234567"; "" where none exists
  std::string register_name;           // "Amtsgericht München", "Companies House"
  std::string incorporation_date;      // YYYY-MM-DD
  std::string incorporation_country;   // ISO 3166-1 alpha-2
  std::optional<std::string> lei;      // ISO 17442 Legal Entity Identifier, where the entity has one
  std::optional<std::string> website;  // https URL
  std::optional<IndustryCode> industry;
  std::optional<std::int32_t> employee_count;
  std::optional<Money> expected_annual_revenue;
};
BOOST_DESCRIBE_STRUCT(LegalEntity, (),
                      (legal_name, trading_name, entity_type, legal_form, registration_number, register_name,
                       incorporation_date, incorporation_country, lei, website, industry, employee_count,
                       expected_annual_revenue))

}  // namespace onb::model
