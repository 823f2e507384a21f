// Queries over AppState that views and update share; kept beside the state so views stay free of logic.
#include "src/app/state.hpp"

#include "shared/core/json_codec.hpp"

#include <algorithm>
#include <cassert>

extern const char* const onb_embedded_documents_policy;  // generated from assets/policy (src/CMakeLists.txt)

namespace onb::portal {
namespace {

// Account ids become file names: anything outside [a-z0-9] is written as '_'.
std::string file_safe(std::string_view id) {
  std::string out;
  for (char c : id) out += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : '_';
  return out;
}

std::string account_of(const AppState& s) { return s.session ? file_safe(s.session->account.id) : "anonymous"; }

}  // namespace

std::string draft_key(const AppState& s) { return "draft_" + account_of(s); }
std::string outbox_key(const AppState& s) { return "outbox_" + account_of(s); }
std::string uploads_key(const AppState& s) { return "uploads_" + account_of(s); }
std::string file_key(const AppState& s, const std::string& sha256) { return account_of(s) + "/" + sha256; }

std::vector<const validation::Problem*> visible_problems(const AppState& state, const std::string& path) {
  std::vector<const validation::Problem*> out;
  const bool touched = state.show_all_problems || std::any_of(state.touched.begin(), state.touched.end(),
                                                              [&](const std::string& t) { return workflow::at_or_below(path, t); });
  if (!touched) return out;
  for (const auto& p : state.report.problems)
    if (p.path == path) out.push_back(&p);
  return out;
}

const model::DocumentPolicy& embedded_document_policy() {
  static const model::DocumentPolicy policy = [] {
    auto p = decode_text<model::DocumentPolicy>(onb_embedded_documents_policy);
    assert(p && "assets/policy/documents-v1.json must decode: tests/shared check it too");
    return p ? *p : model::DocumentPolicy{};
  }();
  return policy;
}

}  // namespace onb::portal
