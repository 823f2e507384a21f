// The rule files of the application validator, one per part of the model (entity.cpp, addresses.cpp,
// ...). Internal to validation/: callers use application.hpp. Each appends to the Checker's problems.
#pragma once

#include "shared/model/application.hpp"
#include "shared/validation/field_rules.hpp"

#include <optional>
#include <string>

namespace onb::validation::rules {

void entity(const model::Application& app, Checker& c);
void addresses(const model::Addresses& a, Checker& c);
void contacts(const model::Application& app, Checker& c);
void tax_registrations(const model::Application& app, Checker& c);
void bank_accounts(const model::Application& app, Checker& c);
void owners(const model::Application& app, Checker& c);
void directors(const model::Application& app, Checker& c);
void credit(const model::Application& app, Checker& c);
void financials(const model::Application& app, Checker& c);
void documents(const model::Application& app, Checker& c);
void consents(const model::Application& app, Checker& c);

// Shared by several rule files: the checked identifier through shared/ids, reported as
// "<prefix>.<failure>" (vat.checksum, iban.length). The scheme's compact form when valid; nullopt
// when invalid or the scheme is unknown (reported as tax_id.unknown_scheme).
std::optional<std::string> identifier(Checker& c, std::string_view base, std::string_view field,
                                      std::string_view scheme, std::string_view prefix, std::string_view value);

}  // namespace onb::validation::rules
