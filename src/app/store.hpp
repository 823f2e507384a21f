// Store: holds the AppState, queues dispatched actions and applies them through `update`, handing
// each returned effect to the runner the platform supplies. Single-threaded (the browser's main
// thread); actions dispatched while processing — by views or by effects that finish at once — queue.
#pragma once

#include "src/app/actions.hpp"
#include "src/app/effects.hpp"
#include "src/app/state.hpp"

#include <deque>
#include <functional>

namespace onb::portal {

class Store {
 public:
  // Runs one effect; must eventually dispatch the effect's answer (possibly before returning).
  using EffectRunner = std::function<void(const Effect&, const Dispatch&)>;

  explicit Store(EffectRunner run_effect, AppState initial = {});
  Store(const Store&) = delete;  // dispatcher() refers to this object
  Store& operator=(const Store&) = delete;

  // Queues an action; nothing changes until process(). Safe to call from anywhere on the main thread.
  void dispatch(Action action);
  // Applies every queued action (including those queued meanwhile) in order. Returns how many.
  int process();

  const AppState& state() const { return state_; }
  const Dispatch& dispatcher() const { return dispatch_; }

 private:
  EffectRunner run_effect_;
  AppState state_;
  std::deque<Action> queue_;
  Dispatch dispatch_;
  bool processing_ = false;
};

}  // namespace onb::portal
