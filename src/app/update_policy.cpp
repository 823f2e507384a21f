// The document policy validation applies: the server's (GET /v1/policy, asked at start-up), else the copy
// of it this browser kept from an earlier visit, else the one compiled in (embedded_document_policy()).
// So a portal opened offline checks with the rules it last saw, and an online one with today's.
#include "src/app/update_internal.hpp"

namespace onb::portal::detail {
namespace {

// GET /v1/policy answers {"workflow": …, "documents": DocumentPolicy}; only the documents part is ours.
Result<model::DocumentPolicy> documents_policy_of(const std::string& body) {
  auto json = parse_json(body);
  if (!json) return json.error();
  if (!json->is_object() || !json->contains("documents"))
    return make_error(ErrorCategory::invalid, "policy.documents_missing", "/documents", "the policy answer has no document policy");
  return decode<model::DocumentPolicy>((*json)["documents"]);
}

void adopt(AppState& s, model::DocumentPolicy policy, PolicySource source) {
  s.policy = std::move(policy);
  s.policy_source = source;
  revalidate(s);
}

}  // namespace

Effects fetch_policy() { return {SendHttp{PolicyAnswered{}, "GET", protocol::path(RouteId::get_policy), "", "", ""}}; }

// Anything but a policy that decodes leaves the current one in force: an old server, a proxy's error
// page or no network must not leave the portal without rules.
Step on(AppState s, const PolicyAnswered& a) {
  if (a.status != 200) return {std::move(s), {}};
  auto policy = documents_policy_of(a.body);
  if (!policy) return {std::move(s), {}};
  adopt(s, std::move(*policy), PolicySource::server);
  Effects effects;
  if (storage_ready(s)) effects.push_back(WriteStoredText{policy_key, json_text(s.policy)});
  return {std::move(s), std::move(effects)};
}

Step policy_read(AppState s, const StoredTextRead& a) {
  if (s.policy_source == PolicySource::server) return {std::move(s), {}};  // today's answer wins
  auto policy = decode_text<model::DocumentPolicy>(a.text);
  if (policy) adopt(s, std::move(*policy), PolicySource::cached);
  return {std::move(s), {}};
}

Effects policy_storage_opened(const AppState& s) {
  if (s.policy_source == PolicySource::server) return {WriteStoredText{policy_key, json_text(s.policy)}};
  return {ReadStoredText{policy_key}};
}

}  // namespace onb::portal::detail
