// The portal's reducer: the only place application state changes. Pure — no I/O, no clock, no
// ImGui — so every behaviour is unit-tested natively and as wasm (tests/portal/update_test.cpp).
// Rules about the data are not written here: validation comes from shared/validation.
#pragma once

#include "src/app/actions.hpp"
#include "src/app/effects.hpp"
#include "src/app/state.hpp"

namespace onb::portal {

struct Step {
  AppState state;
  Effects effects;  // to run in order at the edge; each reports back with an action
};

// Applies one action. Never fails: malformed replies and storage errors become state the views show.
[[nodiscard]] Step update(AppState state, const Action& action);

// The state a page starts from: the embedded document policy and an empty application, validated.
AppState initial_state();

}  // namespace onb::portal
