// The policies the server enforces, read once at startup from --policy-dir (assets/policy by default):
// the workflow policy and the document-requirement policy, parsed with the shared decoders, plus their
// original text, which GET /v1/policy hands to the portal so both sides validate with the same data.
#pragma once

#include "shared/core/result.hpp"
#include "shared/model/document_policy.hpp"
#include "shared/workflow/policy.hpp"

#include <string>

namespace onb::server::service {

struct Policies {
  workflow::WorkflowPolicy workflow;
  model::DocumentPolicy documents;
  std::string workflow_text;
  std::string documents_text;
};

// Reads dir/workflow-v1.json and dir/documents-v1.json. Errors: "policy.read" (missing file),
// the decoders' codes for invalid content.
[[nodiscard]] Result<Policies> load_policies(const std::string& dir);

}  // namespace onb::server::service
