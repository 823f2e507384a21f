// Shared helpers of the portal reducer tests: run actions through update() collecting every effect,
// and pick the effects of one kind.
#pragma once

#include "src/app/update.hpp"

#include <initializer_list>
#include <variant>
#include <vector>

namespace onb::portal::test {

// Applies `actions` in order; the state after the last and every effect asked for on the way.
inline Step run(AppState s, std::initializer_list<Action> actions) {
  Effects all;
  for (const auto& a : actions) {
    Step step = update(std::move(s), a);
    s = std::move(step.state);
    all.insert(all.end(), step.effects.begin(), step.effects.end());
  }
  return {std::move(s), std::move(all)};
}

template <class E>
std::vector<E> effects_of(const Effects& effects) {
  std::vector<E> out;
  for (const auto& e : effects)
    if (const E* x = std::get_if<E>(&e)) out.push_back(*x);
  return out;
}

}  // namespace onb::portal::test
