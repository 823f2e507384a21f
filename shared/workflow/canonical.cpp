#include "shared/workflow/canonical.hpp"

#include "shared/core/json_codec.hpp"

namespace onb::workflow {
namespace {

// True when T or anything it is made of is a floating-point number: doubles have several textual
// spellings across libraries and versions, which a hash chain cannot afford.
template <class T>
constexpr bool holds_floating_point() {
  if constexpr (std::is_floating_point_v<T>)
    return true;
  else if constexpr (is_optional<T>::value || is_vector<T>::value)
    return holds_floating_point<typename T::value_type>();
  else if constexpr (is_string_map<T>::value)
    return holds_floating_point<typename T::mapped_type>();
  else if constexpr (DescribedStruct<T>) {
    bool any = false;
    boost::mp11::mp_for_each<public_members<T>>(
        [&](auto d) { any = any || holds_floating_point<std::decay_t<decltype(std::declval<T&>().*d.pointer)>>(); });
    return any;
  } else
    return false;
}
static_assert(!holds_floating_point<Event>(), "events must not hold floating point: see canonical.hpp");

}  // namespace

std::string canonical_bytes(const Event& event) {
  return encode_text(event);  // = encode(event).dump(-1, ' ', /*ensure_ascii=*/false, replace)
}

}  // namespace onb::workflow
