// Runs the app's effects in the browser and reports every outcome back as an action. The only
// place that turns effect data (src/app/effects.hpp) into HTTP requests and storage calls.
#pragma once

#include "src/app/actions.hpp"
#include "src/app/effects.hpp"

namespace onb::portal::web {

// Store::EffectRunner for the browser build.
void run_effect(const Effect& effect, const Dispatch& dispatch);

}  // namespace onb::portal::web
