// The OpenAPI 3.1 document of the server, served at /openapi.json: one operation per row of the route
// table (shared/protocol/routes.hpp) with its parameters, request headers, bodies and answers; component
// schemas generated from the described protocol structs (onb::json_schema), so it cannot drift from the wire.
#pragma once

#include "shared/core/json_codec.hpp"

namespace onb::server::http {

// Built once, on first use. Throws std::logic_error when a row names a body with no component schema.
const Json& openapi_document();

}  // namespace onb::server::http
