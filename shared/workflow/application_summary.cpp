#include "shared/workflow/application_summary.hpp"

#include "shared/core/json_codec.hpp"

#include <algorithm>

namespace onb::workflow {
namespace {

bool has_document(const model::Application& app, const std::optional<std::string>& id) {
  return id && std::any_of(app.documents.begin(), app.documents.end(), [&](const auto& d) { return d.id == *id; });
}

void add_document(ApplicationSummary& s, std::string type, DocumentStatus status) {
  for (auto& d : s.required_documents)
    if (d.type == type) {
      if (status == DocumentStatus::uploaded) d.status = status;  // one valid copy is enough
      return;
    }
  s.required_documents.push_back({std::move(type), status});
}

}  // namespace

ApplicationSummary summarize(const model::Application& app, const validation::ValidationReport& report,
                                       Date today) {
  ApplicationSummary s;
  s.has_blocking_errors = !validation::is_valid(report);
  const std::string today_text = format_date(today);
  for (const auto& d : app.documents) {
    const bool expired = d.expiry_date && *d.expiry_date < today_text;  // YYYY-MM-DD compares as text
    add_document(s, onb::encode(d.type).get<std::string>(),
                 expired ? DocumentStatus::expired : DocumentStatus::uploaded);
  }
  for (const auto& m : report.missing) add_document(s, m.requirement_id, DocumentStatus::missing);
  for (const auto& o : app.owners)
    s.owners.push_back({o.given_names + " " + o.family_name, o.ownership_percent,
                        o.identity_document && has_document(app, o.identity_document->document_id)});
  return s;
}

}  // namespace onb::workflow
