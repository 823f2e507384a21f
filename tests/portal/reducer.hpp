// Shared helpers of the portal reducer tests: run actions through update() collecting every effect,
// pick the effects of one kind, the application that passes every rule and a customer's session.
#pragma once

#include "src/app/update.hpp"

#include "shared/core/json_codec.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
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

// The request answered by `Reply`: what its on_reply becomes.
template <class Reply>
bool answers(const SendHttp& request) {
  return std::holds_alternative<Reply>(request.on_reply);
}

template <class Reply>
std::vector<SendHttp> requests(const Effects& effects) {
  std::vector<SendHttp> out;
  for (const auto& r : effects_of<SendHttp>(effects))
    if (answers<Reply>(r)) out.push_back(r);
  return out;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// tests/data/applications/minimal.json: a sole trader that passes every rule.
inline model::Application valid_application() {
  auto app = decode_text<model::Application>(read_file(ONB_SOURCE_DIR "/tests/data/applications/minimal.json"));
  REQUIRE(app);
  return *app;
}

// What the server answers a customer's sign-in (Acc-1), as the browser keeps it.
inline constexpr const char* session_json = R"({"token":"t0k","expires_at":"2026-11-21T00:00:00Z",
  "account":{"id":"Acc-1","email":"a@example.com","role":"customer"}})";

}  // namespace onb::portal::test
