#include "shared/workflow/events.hpp"

#include "shared/core/calendar.hpp"
#include "shared/core/json_codec.hpp"
#include "shared/core/json_pointer.hpp"
#include "shared/validation/messages_refusals.hpp"
#include "shared/validation/text.hpp"

#include <cstring>

namespace onb::workflow {
namespace {

template <class M>
inline constexpr bool is_payload_member = false;
template <class P>
inline constexpr bool is_payload_member<std::optional<P>> = DescribedStruct<P>;

// Calls f(name, present) for every payload member (the optional described structs) that T itself
// declares, not its bases.
template <class T, class F>
void for_each_own_payload(const T& e, F&& f) {
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
    using M = std::decay_t<decltype(e.*d.pointer)>;
    if constexpr (is_payload_member<M>) f(d.name, (e.*d.pointer).has_value());
  });
}

// Every payload member of the body, the server's kinds (created, edited) first, so that the first
// shape error of an event is the one it has always been.
template <class F>
void for_each_payload(const EventBody& e, F&& f) {
  for_each_own_payload<EventBody>(e, f);
  for_each_own_payload<ActionBody>(e, f);
}

// The JSON pointer (relative to v) of the first string in v that is not well-formed UTF-8. Walks the
// described members instead of building JSON, and builds the pointer only on failure: this runs on
// every checked event.
template <class T>
std::optional<std::string> bad_utf8_at(const T& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    if (!validation::utf8_length(v)) return std::string();
  } else if constexpr (is_optional<T>::value) {
    if (v) return bad_utf8_at(*v);
  } else if constexpr (is_vector<T>::value) {
    for (std::size_t i = 0; i < v.size(); ++i)
      if (auto at = bad_utf8_at(v[i])) return pointer_append("", i) + *at;
  } else if constexpr (DescribedStruct<T>) {
    std::optional<std::string> found;
    boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
      if (found) return;
      if (auto at = bad_utf8_at(v.*d.pointer)) found = pointer_append("", d.name) + *at;
    });
    return found;
  }
  return std::nullopt;  // numbers, booleans and enums hold no text
}

// "YYYY-MM-DDTHH:MM:SSZ" that parses, without a leap second (which would print as the next minute).
bool is_canonical_instant(const std::string& s) {
  return s.size() == 20 && s[19] == 'Z' && s.compare(17, 2, "60") != 0 && parse_instant(s).has_value();
}

}  // namespace

bool has_payload(EventKind kind) {
  const char* name = boost::describe::enum_to_string(kind, "");
  bool found = false;
  for_each_payload(EventBody{}, [&](const char* member, bool) { found = found || std::strcmp(member, name) == 0; });
  return found;
}

bool is_action(EventKind kind) { return kind != EventKind::created && kind != EventKind::edited; }

Result<void> check_event_shape(const Event& event) {
  const char* kind = boost::describe::enum_to_string(event.kind, "");
  std::optional<Error> err;
  for_each_payload(event, [&](const char* member, bool present) {
    const bool own = std::strcmp(member, kind) == 0;
    if (err) return;
    if (own && !present)
      err = make_error(ErrorCategory::conflict, "event.payload_missing", std::string("/") + member,
                       validation::refusal_text("event.payload_missing", {{"kind", kind}, {"member", member}}));
    if (!own && present)
      err = make_error(ErrorCategory::conflict, "event.payload_unexpected", std::string("/") + member,
                       validation::refusal_text("event.payload_unexpected", {{"kind", kind}, {"member", member}}));
  });
  if (err) return *err;
  if (!is_canonical_instant(event.at))
    return make_error(ErrorCategory::conflict, "event.time_format", "/at", validation::refusal_text("event.time_format"));
  if (event.actor.id.empty())
    return make_error(ErrorCategory::conflict, "event.actor_required", "/actor/id",
                      validation::refusal_text("event.actor_required"));
  if (auto at = bad_utf8_at(event))
    return make_error(ErrorCategory::conflict, "event.utf8", *at, validation::refusal_text("event.utf8"));
  return {};
}

Result<Event> decode_event(std::string_view json_text) {
  auto event = decode_text<Event>(json_text);
  if (!event) return event.error();
  if (auto shape = check_event_shape(*event); !shape) return shape.error();
  return event;
}

}  // namespace onb::workflow
