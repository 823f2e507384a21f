// libFuzzer target: arbitrary bytes → decode an Application → validate it → render every message in
// both languages → encode what the CLI and the server would answer. Crashes, sanitizer reports and
// broken invariants (a decoded application must re-encode and decode to the same JSON; a report with
// errors is never valid; an error, which may quote the input's bytes, encodes as UTF-8 JSON text that
// parses back) are findings.
#include "shared/core/json_codec.hpp"
#include "shared/model/application.hpp"
#include "shared/validation/application.hpp"
#include "shared/validation/messages.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace {

onb::model::DocumentPolicy g_policy;
constexpr onb::Date k_today{2026, 11, 22};  // the date the seed corpus is written against

void fail(const char* what) {
  std::fprintf(stderr, "fuzz_application: invariant broken: %s\n", what);
  std::abort();
}

// The text every output path writes for an error or a problem (CLI lines, server replies): it must
// not throw on bytes that are not UTF-8, must be the tree's replacing dump, and must parse back.
template <class T>
void check_output_text(const T& value) {
  const std::string text = onb::encode_text(value);
  if (text != onb::encode(value).dump(-1, ' ', false, onb::Json::error_handler_t::replace)) fail("encode_text");
  const auto back = onb::decode_text<T>(text);
  if (!back || back->code != value.code) fail("an encoded error or problem parses back");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::ifstream in(std::string(ONB_SOURCE_DIR) + "/assets/policy/documents-v1.json", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  auto policy = onb::decode_text<onb::model::DocumentPolicy>(text.str());
  if (!policy) fail("the policy file does not decode");
  g_policy = *policy;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto app = onb::decode_text<onb::model::Application>(text);
  if (!app) {
    check_output_text(app.error());
    return 0;
  }
  const onb::Json once = onb::encode(*app);
  const auto again = onb::decode<onb::model::Application>(once);
  if (!again || onb::encode(*again) != once) fail("encode/decode round trip");
  const auto report = onb::validation::validate_application(*app, g_policy, k_today);
  if (onb::validation::is_valid(report) == onb::validation::has_errors(report.problems)) fail("is_valid");
  if (report.completeness < 0 || report.completeness > 100) fail("completeness out of range");
  for (const auto& p : report.problems) {
    if (p.path.empty()) fail("problem without a path");
    auto shown = p;
    shown.message = onb::validation::message_in(p, onb::validation::Language::de);
    check_output_text(shown);
  }
  return 0;
}
