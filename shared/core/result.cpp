#include "shared/core/result.hpp"

#include <stdexcept>

namespace onb {

// Only reached by calling value() on a failed Result, which is a bug in the caller; the wasm build
// compiles with -fexceptions so this surfaces as a caught error at the JS boundary, not a dead page.
void throw_exception_from_error(const Error& e, const boost::source_location&) {
  throw std::logic_error("Result::value() on error " + e.code + " at '" + e.path + "': " + e.message);
}

}  // namespace onb
