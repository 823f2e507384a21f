// In-process throughput of the identifier schemes (no I/O): validate() calls per second on the
// python-stdnum vectors of each scheme, half of them with one digit changed. Complements
// check_id_throughput.py, which measures the whole `onboard check-id` pipe against python-stdnum.
#include "shared/ids/scheme.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> inputs_for(std::string_view scheme) {
  std::ifstream in(std::string(ONB_SOURCE_DIR) + "/tests/data/stdnum/vectors-head.tsv");
  std::vector<std::string> out;
  std::string line;
  const std::string module = "stdnum." + std::string(scheme);
  while (std::getline(in, line)) {
    std::vector<std::string> c;
    std::istringstream ss(line);
    for (std::string col; std::getline(ss, col, '\t');) c.push_back(col);
    if (c.size() < 6 || c[1] != module || c[5] != "valid") continue;
    out.push_back(c[4]);
    std::string changed = c[4];
    changed[changed.size() / 2] = changed[changed.size() / 2] == '7' ? '3' : '7';
    out.push_back(changed);
  }
  return out;
}

}  // namespace

int main() {
  for (std::string_view name : {"eu.vat", "iban", "bic", "lei", "gb.vat", "mx.rfc", "br.cnpj"}) {
    const auto* scheme = onb::ids::find_scheme(name);
    const auto inputs = inputs_for(name);
    if (!scheme || inputs.empty()) continue;
    constexpr int rounds = 2'000'000;
    std::size_t valid = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < rounds; ++i)
      valid += scheme->validate(inputs[static_cast<std::size_t>(i) % inputs.size()]).valid;
    const std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
    std::printf("%-8s %9.0f validations/s  (%.0f ns each, %zu inputs, %zu%% valid)\n", std::string(name).c_str(),
                rounds / dt.count(), dt.count() * 1e9 / rounds, inputs.size(), valid * 100 / rounds);
  }
}
