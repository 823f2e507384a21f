// Queries over AppState that views share; kept beside the state so views stay free of logic.
#include "src/app/state.hpp"

#include <algorithm>

namespace onb::portal {

std::vector<const validation::Problem*> visible_problems(const AppState& state, const std::string& path) {
  std::vector<const validation::Problem*> out;
  if (std::find(state.touched.begin(), state.touched.end(), path) == state.touched.end()) return out;
  for (const auto& p : state.problems)
    if (p.path == path) out.push_back(&p);
  return out;
}

}  // namespace onb::portal
