// Evaluates the document policy (model/document_policy.hpp) against an application: which required
// documents are attached, which are missing, and the completeness in percent. The rules themselves are
// data in assets/policy/documents-*.json; nothing here knows a particular document.
#pragma once

#include "shared/core/calendar.hpp"
#include "shared/model/application.hpp"
#include "shared/model/document_policy.hpp"
#include "shared/validation/problem.hpp"

#include <boost/describe.hpp>

#include <string>
#include <vector>

namespace onb::validation {

struct MissingDocument {
  std::string requirement_id;  // the policy's id: "certificate_of_incorporation"
  std::string path;            // where to attach it: "/documents", "/owners/1/identity_document"
  std::vector<model::DocumentType> accepted_types;
  std::string description_en;
  std::string description_de;
};
BOOST_DESCRIBE_STRUCT(MissingDocument, (), (requirement_id, path, accepted_types, description_en, description_de))

struct DocumentStatus {
  int required = 0;  // requirement instances that apply (an each_owner requirement counts once per owner)
  int satisfied = 0;
  std::vector<MissingDocument> missing;
  int completeness_percent() const { return required == 0 ? 100 : satisfied * 100 / required; }
};

// A document satisfies a requirement when its type is accepted and it has not expired by `today`.
// Each missing item is also reported as a "document.missing" problem into `out`.
DocumentStatus check_document_requirements(const model::Application& app, const model::DocumentPolicy& policy,
                                           Date today, Problems& out);

}  // namespace onb::validation
