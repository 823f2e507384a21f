#include "src/app/store.hpp"

#include "src/app/update.hpp"

#include <cassert>

namespace onb::portal {

Store::Store(EffectRunner run_effect, AppState initial)
    : run_effect_(std::move(run_effect)),
      state_(std::move(initial)),
      dispatch_([this](Action a) { dispatch(std::move(a)); }) {
  assert(run_effect_ && "Store needs an effect runner: effects are the only way out of update()");
}

void Store::dispatch(Action action) { queue_.push_back(std::move(action)); }

int Store::process() {
  if (processing_) return 0;  // an effect answered synchronously: the outer loop picks its action up
  processing_ = true;
  int applied = 0;
  while (!queue_.empty()) {
    Action next = std::move(queue_.front());
    queue_.pop_front();
    Step step = update(std::move(state_), next);
    state_ = std::move(step.state);
    for (const Effect& e : step.effects) run_effect_(e, dispatch_);
    ++applied;
  }
  processing_ = false;
  return applied;
}

}  // namespace onb::portal
