// Release builds (ONB_TEST_HOOKS=OFF): no hooks, no test API in the page; calls compile to nothing.
#include "src/platform/test_hooks.hpp"

namespace onb::portal::test_hooks {

void install(std::function<std::string()>, std::function<bool()>) {}
void name_item(unsigned, const char*) {}
void name_last_item(const char*) {}
void end_frame() {}
void frame_time(double) {}
bool drawing() { return true; }

}  // namespace onb::portal::test_hooks
