// How long validating a complete, realistic application takes (goal: ≤ 20 µs native), and for
// comparison decoding it from text. Run natively and as wasm under node; numbers go into
// docs/perf/validation.md. A program, not a test: it prints, it does not judge.
#include "shared/core/json_codec.hpp"
#include "shared/model/application.hpp"
#include "shared/validation/application.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read(const std::string& relative) {
  std::ifstream in(std::string(ONB_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Median of `rounds` rounds of `iterations` calls each, in microseconds per call: the median resists
// the noise of a machine shared with other builds.
template <class F>
double median_us(int rounds, int iterations, F&& f) {
  std::vector<double> per_call;
  for (int r = 0; r < rounds; ++r) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < iterations; ++i) f();
    const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
    per_call.push_back(took.count() / iterations);
  }
  std::sort(per_call.begin(), per_call.end());
  return per_call[per_call.size() / 2];
}

}  // namespace

int main() {
  const std::string text = read("tests/data/applications/complete.json");
  const auto policy = onb::decode_text<onb::model::DocumentPolicy>(read("assets/policy/documents-v1.json"));
  const auto app = onb::decode_text<onb::model::Application>(text);
  if (!policy || !app) {
    std::fprintf(stderr, "validate_bench: cannot load the golden application or the policy (ONB_SOURCE_DIR=%s)\n",
                 ONB_SOURCE_DIR);
    return 2;
  }
  const onb::Date today{2026, 11, 22};
  std::size_t sink = 0;  // keeps the optimiser from dropping the calls
  const auto first = onb::validation::validate_application(*app, *policy, today);
  std::printf("complete.json: %zu bytes, %zu problems, completeness %d %%\n", text.size(), first.problems.size(),
              first.completeness);
  const double validate =
      median_us(15, 2000, [&] { sink += onb::validation::validate_application(*app, *policy, today).problems.size(); });
  const double decode =
      median_us(15, 200, [&] { sink += onb::decode_text<onb::model::Application>(text)->owners.size(); });
  std::printf("validate_application: %.2f us per call (median of 15 x 2000)\n", validate);
  std::printf("decode_text<Application>: %.2f us per call (median of 15 x 200)\n", decode);
  return sink == 0 ? 1 : 0;
}
