// The document-requirement policy as data: which attachments an application needs, when. The policy is
// versioned JSON (assets/policy/documents-v1.json) decoded with the codec at the edge and passed to
// validation/document_requirements.hpp; shared/ never reads the file. Changing a rule = a new file.
#pragma once

#include "shared/model/documents.hpp"
#include "shared/model/entity.hpp"
#include "shared/model/finance.hpp"

#include <boost/describe.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace onb::model {

// application: one document for the whole application; each_owner: one identity document per
// beneficial owner at or above `owner_percent_at_least`, referenced from the owner.
BOOST_DEFINE_ENUM_CLASS(RequirementScope, application, each_owner)

// Every listed condition must hold; an empty list or absent value does not restrict.
struct RequirementCondition {
  std::vector<EntityType> entity_types;
  std::vector<std::string> registered_countries;     // ISO 3166-1 alpha-2 of the registered office
  std::optional<bool> registered_in_eu;              // EU VAT area (reference::is_eu_vat_country)
  std::map<std::string, Amount> credit_limit_above;  // currency → threshold; a credit in a currency not
                                                     // listed counts as above (no FX in offline rules)
  std::vector<PaymentTerms> payment_terms;           // the requested credit's terms
  std::optional<double> owner_percent_at_least;      // each_owner scope only
};
BOOST_DESCRIBE_STRUCT(RequirementCondition, (),
                      (entity_types, registered_countries, registered_in_eu, credit_limit_above, payment_terms,
                       owner_percent_at_least))

struct DocumentRequirement {
  std::string id;                            // stable: reported as the missing item
  std::vector<DocumentType> accepted_types;  // any one of them satisfies the requirement
  RequirementScope scope = RequirementScope::application;
  RequirementCondition when;
  std::string description_en;
  std::string description_de;
};
BOOST_DESCRIBE_STRUCT(DocumentRequirement, (), (id, accepted_types, scope, when, description_en, description_de))

struct DocumentPolicy {
  std::string version;         // "documents-v1"
  std::string effective_from;  // YYYY-MM-DD
  std::vector<DocumentRequirement> requirements;
};
BOOST_DESCRIBE_STRUCT(DocumentPolicy, (), (version, effective_from, requirements))

}  // namespace onb::model
