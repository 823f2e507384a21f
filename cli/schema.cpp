// `onboard schema`: prints the JSON Schema of the application, generated from the model, so that
// integrators validate their exports with the exact rules the decoder applies.
#include "cli/command.hpp"
#include "shared/core/json_schema.hpp"
#include "shared/model/application.hpp"

#include <ostream>

namespace onb::cli {
namespace {

int run_schema(std::span<const std::string> args, Io io) {
  if (!args.empty()) {
    io.err << "usage: onboard schema\n";
    return 2;
  }
  io.out << json_schema<model::Application>("https://onboard.example/schemas/application-v1.json",
                                            "onboard application")
                .dump(2, ' ', false, Json::error_handler_t::replace)
         << "\n";
  return 0;
}

const bool registered = register_command({"schema", "schema", "print the JSON Schema of an application", run_schema});

}  // namespace
}  // namespace onb::cli
